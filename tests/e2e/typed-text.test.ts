import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { Browser, Locator } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HearthPage, launchChromium, openHearthPage } from '../bridge/bridge'
import { revealHeaderButton } from '../bridge/keyboard'
import { tempDir } from '../helpers/temp'

// Typed text is never thrown away (issue 29): a mistyped date stays in its box, is said in words and holds Save
// back; the summary above a form follows its fields; Escape closes a date's calendar, not the form around it.

let browser: Browser
let h: HearthPage
const dir = tempDir()
const RENDERER = join(import.meta.dirname, '..', '..', 'renderer')

beforeAll(async () => {
  browser = await launchChromium()
  h = await openHearthPage(browser, join(dir, 'hearth.sqlite'), dir)
})
afterAll(async () => {
  await h?.close()
  await browser?.close()
})

const people = (): number => h.session.context.sqlite.prepare('select count(*) from people').pluck().get() as number

async function addPersonDialog(): Promise<Locator> {
  const opener = h.page.getByRole('button', { name: 'Add person' })
  await revealHeaderButton(h.page, opener)
  await opener.click()
  const dialog = h.page.getByRole('dialog', { name: 'Add a person' })
  await dialog.waitFor()
  return dialog
}

async function discard(dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await h.page.getByRole('dialog', { name: 'Discard changes?' }).getByRole('button', { name: 'Discard changes' }).click()
  await dialog.waitFor({ state: 'detached' })
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx$/.test(e.name) ? [join(dir, e.name)] : []))
}

describe('typed text in Chromium', () => {
  it('keeps a mistyped birthday in its box, says why in words, and saves nothing until it is a real day', async () => {
    const dialog = await addPersonDialog()
    await dialog.getByLabel('First name').fill('Αλεξάνδρα')
    await dialog.getByLabel('Last name').fill('Παπαδοπούλου-Øvergård')
    const birthday = dialog.getByLabel('Birthday (optional)')
    await birthday.fill('31/02/1980')
    await h.page.keyboard.press('Tab')
    const said = '“31/02/1980” is not a day on the calendar. Type a date like 27/03/2026.'
    await dialog.getByText(said).waitFor()
    expect(await birthday.inputValue()).toBe('31/02/1980')
    expect(await birthday.getAttribute('aria-invalid')).toBe('true')

    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => birthday.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await dialog.isVisible()).toBe(true)
    expect(people()).toBe(0)

    await birthday.fill('29/02/1980')
    expect(await dialog.getByText(said).count()).toBe(0)
    await dialog.getByRole('button', { name: 'Save' }).click()
    await dialog.waitFor({ state: 'detached' })
    expect(h.session.context.sqlite.prepare("select birthday from people where first_name = 'Αλεξάνδρα'").pluck().get()).toBe('1980-02-29')
    expect(h.errors).toEqual([])
  })

  it('holds Save back when Enter is pressed in a box that is still no day, and says why at once', async () => {
    const dialog = await addPersonDialog()
    await dialog.getByLabel('First name').fill('Kwame')
    await dialog.getByLabel('Last name').fill('Mensah')
    const joined = dialog.getByLabel('Joined on (optional)')
    await joined.fill('2024-13-01')
    await h.page.keyboard.press('Enter')
    await dialog.getByText('“2024-13-01” is not a day on the calendar. Type a date like 27/03/2026.').waitFor()
    expect(await joined.inputValue()).toBe('2024-13-01')
    expect(people()).toBe(1)
    await discard(dialog)
    expect(h.errors).toEqual([])
  })

  it('takes the mended field out of the summary at once, and the summary goes with the last one', async () => {
    const dialog = await addPersonDialog()
    await dialog.getByLabel('Email').fill('kwame-at-home')
    await dialog.getByRole('button', { name: 'Save' }).click()
    const summary = dialog.getByRole('alert')
    await summary.waitFor()
    const before = await summary.innerText()
    expect(before.length).toBeGreaterThan(0)

    await dialog.getByLabel('First name').fill('Kwame')
    await expect.poll(() => summary.innerText()).not.toBe(before)
    expect(await summary.innerText()).not.toMatch(/first name/i)

    await dialog.getByLabel('Last name').fill('Mensah')
    await dialog.getByLabel('Email').fill('kwame@example.org')
    await summary.waitFor({ state: 'detached' })
    await discard(dialog)
    expect(h.errors).toEqual([])
  })

  it('closes only the calendar on Escape, not the form around it', async () => {
    const dialog = await addPersonDialog()
    await dialog.getByLabel('First name').fill('Nomvula')
    await dialog.getByRole('button', { name: 'Choose from a calendar' }).first().click()
    const calendar = h.page.getByRole('button', { name: 'Previous' })
    await calendar.waitFor()
    await h.page.keyboard.press('Escape')
    await calendar.waitFor({ state: 'hidden' })
    expect(await h.page.getByRole('dialog', { name: 'Discard changes?' }).count()).toBe(0)
    expect(await dialog.isVisible()).toBe(true)
    expect(await dialog.getByLabel('First name').inputValue()).toBe('Nomvula')

    await h.page.keyboard.press('Escape')
    await h.page.getByRole('dialog', { name: 'Discard changes?' }).getByRole('button', { name: 'Discard changes' }).click()
    await dialog.waitFor({ state: 'detached' })
    expect(h.errors).toEqual([])
  })

  it('sends every form without the browser’s own checks, so its bubbles never speak the computer’s language', () => {
    const checked = sources(RENDERER).filter((f) => !f.includes(join('members', 'csv')) && /<form\b(?![^>]*noValidate)/.test(readFileSync(f, 'utf8')))
    expect(checked.map((f) => relative(RENDERER, f))).toEqual([])
  })
})
