import { join } from 'node:path'
import type { Browser } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HearthPage, launchChromium, openHearthPage } from '../bridge/bridge'
import { pickWithKeyboard, revealHeaderButton } from '../bridge/keyboard'
import { tempDir } from '../helpers/temp'
import { addPerson } from '../meal-trains/fixtures'
import { pdfText } from '../print/read-pdf'

let browser: Browser
let h: HearthPage
const dir = tempDir()

beforeAll(async () => {
  browser = await launchChromium()
  h = await openHearthPage(browser, join(dir, 'hearth.sqlite'), dir)
  const db = h.session.context.db
  await h.session.registry.dispatch('settings.update', { timeZone: 'Europe/London' })
  await addPerson(db, { first: 'Ada', last: 'Okafor', household: 'The Okafor family', address: '4 Elm Row', dietary: ['nut_allergy'] })
  await addPerson(db, { first: 'Maria', last: 'Silva', phone: '07700 900123' })
})
afterAll(async () => {
  await h?.close()
  await browser?.close()
})

/** Presses one of the train's own buttons; they sit behind "Actions" when they do not fit beside the title. */
async function trainAction(name: string): Promise<void> {
  const target = h.page.getByRole('group', { name: 'Actions for this meal train' }).getByRole('button', { name })
  await revealHeaderButton(h.page, target)
  await target.click()
}

/** "All care calendars", from a train (where it may be behind "Actions") or from the load view. */
async function backToList(): Promise<void> {
  const target = h.page.getByRole('button', { name: 'All care calendars' })
  await revealHeaderButton(h.page, target)
  await target.click()
}

const signupCount = () => h.session.context.sqlite.prepare("select count(*) from meal_signups where state = 'taken'").pluck().get()

describe('meal trains in Chromium', () => {
  it('creates a train from a member with the keyboard, showing the household’s needs from the member records', async () => {
    const { page } = h
    await page.keyboard.press('Control+2')
    await page.getByRole('heading', { level: 1, name: 'Care calendars' }).waitFor()
    await page.getByText('No care calendars yet').waitFor()
    await page.getByRole('button', { name: 'New care calendar' }).focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'New care calendar' })
    await dialog.waitFor()

    await pickWithKeyboard(h.page, dialog.getByRole('combobox', { name: 'Member', exact: true }), 'Okafor', /Ada Okafor/)
    await expect.poll(() => dialog.getByLabel('Meals are for').inputValue(), { timeout: 15_000 }).toBe('The Okafor family')
    expect(await dialog.getByLabel('Drop-off address').inputValue()).toBe('4 Elm Row, Leeds')
    await dialog.getByRole('alert').filter({ hasText: 'from the household’s member records' }).getByText('Nut allergy').waitFor()
    expect(await dialog.getByRole('checkbox', { name: 'Nut allergy', exact: true }).isChecked()).toBe(false)

    await dialog.getByLabel('Reason').focus()
    await page.keyboard.type('New baby')
    await dialog.getByLabel('First day').fill('2026-12-07')
    await dialog.getByLabel('Last day').fill('2026-12-13')
    // Weekdays only: Space toggles a focused checkbox.
    for (const d of ['Saturday', 'Sunday']) {
      await dialog.getByRole('checkbox', { name: d, exact: true }).focus()
      await page.keyboard.press('Space')
    }
    await dialog.getByLabel('Drop-off instructions').focus()
    await page.keyboard.type('Cooler on the porch, please don’t ring')
    await dialog.getByRole('button', { name: 'Create meal train' }).focus()
    await page.keyboard.press('Enter')

    await page.getByRole('heading', { level: 1, name: 'The Okafor family' }).waitFor()
    await page.getByTestId('open-slots').getByText('5 meals still need a volunteer').waitFor()
    expect(await page.getByText('Cooler on the porch, please don’t ring').isVisible()).toBe(true)
    expect(h.errors).toEqual([])
  })

  it('signs up a member, warns about the allergy, and the open slot count drops', async () => {
    const { page } = h
    await page.getByRole('button', { name: 'Sign someone up for Dinner on Monday 7 December' }).click()
    const dialog = page.getByRole('dialog', { name: 'Dinner on Monday 7 December' })
    await dialog.waitFor()
    await dialog.getByRole('alert').filter({ hasText: 'what each person needs' }).getByText('Nut allergy').waitFor()
    await pickWithKeyboard(h.page, dialog.getByRole('combobox', { name: 'Member bringing the meal' }), 'Silva', /Maria Silva/)
    await dialog.getByLabel('What they plan to bring').fill('Peanut noodles')
    await dialog.getByText('“Peanut noodles” may not suit Ada Okafor (nut allergy): it mentions “peanut”.').waitFor()
    await dialog.getByRole('button', { name: 'Sign up' }).click()
    await dialog.waitFor({ state: 'detached' })
    await page.getByTestId('open-slots').getByText('4 meals still need a volunteer').waitFor()
    await page.getByRole('table', { name: 'Calendar' }).getByText('Maria Silva').waitFor()
    expect(signupCount()).toBe(1)
    expect(h.errors).toEqual([])
  })

  it('signs up a write-in and shows what is already planned', async () => {
    const { page } = h
    await page.getByRole('button', { name: 'Sign someone up for Dinner on Friday 11 December' }).click()
    const dialog = page.getByRole('dialog', { name: 'Dinner on Friday 11 December' })
    await dialog.getByRole('list', { name: 'Already planned' }).getByText('Monday 7 December: Peanut noodles (Maria Silva)').waitFor()
    await dialog.getByRole('radio', { name: 'Someone else' }).check()
    await dialog.getByLabel('Volunteer’s name').fill('Jo from next door')
    await dialog.getByLabel('What they plan to bring').fill('Shepherd’s pie')
    await dialog.getByRole('button', { name: 'Sign up' }).click()
    await dialog.waitFor({ state: 'detached' })
    await page.getByTestId('open-slots').getByText('3 meals still need a volunteer').waitFor()
    expect(h.errors).toEqual([])
  })

  it('prints the noticeboard sheet from the train page: first names, the allergy, the volunteer', async () => {
    const { page } = h
    await trainAction('Print sign-up sheet…')
    const dialog = page.getByRole('dialog')
    await dialog.locator('canvas').first().waitFor({ timeout: 30_000 })
    await dialog.getByRole('button', { name: 'Print…' }).click()
    await expect.poll(() => h.os.printed.length, { timeout: 15_000 }).toBe(1)
    const text = pdfText(h.os.printed[0]!.pdf)
    expect(text).toMatch(/nut allergy/i)
    expect(text).toContain('Maria')
    expect(text).not.toContain('4 Elm Row')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(h.errors).toEqual([])
  })

  it('shortening the train lists the affected volunteer and keeps them for rescheduling only after confirming', async () => {
    const { page } = h
    await trainAction('Change')
    const dialog = page.getByRole('dialog', { name: 'Change this meal train' })
    await dialog.getByLabel('Last day').fill('2026-12-10')
    await dialog.getByRole('button', { name: 'Save changes' }).click()
    await dialog.getByText('Some volunteers would lose their slot').waitFor()
    await dialog.getByText('Jo from next door — Dinner on Friday 11 December').waitFor()
    // Nothing changes until the coordinator confirms.
    expect(h.session.context.sqlite.prepare('select ends_on from meal_trains').pluck().get()).toBe('2026-12-13')
    await dialog.getByRole('button', { name: 'Save and keep them for rescheduling' }).click()
    await dialog.waitFor({ state: 'detached' })

    const alert = page.getByRole('alert').filter({ hasText: 'Needs rescheduling' })
    await alert.getByText('Jo from next door — was Dinner on Friday 11 December').waitFor()
    await page.getByTestId('open-slots').getByText('3 meals still need a volunteer').waitFor()
    expect(h.session.context.sqlite.prepare("select volunteer_name, state from meal_signups where state = 'needs_rescheduling'").all()).toEqual([
      { volunteer_name: 'Jo from next door', state: 'needs_rescheduling' },
    ])

    await alert.getByRole('button', { name: 'Move Jo from next door to another slot' }).click()
    const move = page.getByRole('dialog', { name: 'Move Jo from next door' })
    await move.getByRole('button', { name: 'Move' }).click()
    await move.waitFor({ state: 'detached' })
    await page.getByTestId('open-slots').getByText('2 meals still need a volunteer').waitFor()
    expect(await page.getByText('Needs rescheduling').count()).toBe(0)
    expect(h.errors).toEqual([])
  })

  it('explains impossible dates next to the Save button and changes nothing', async () => {
    const { page } = h
    await trainAction('Change')
    const dialog = page.getByRole('dialog', { name: 'Change this meal train' })
    await dialog.getByLabel('Last day').fill('2026-12-01')
    await dialog.getByRole('button', { name: 'Save changes' }).click()
    await dialog.getByRole('alert').getByText('The last day is before the first day.').waitFor()
    expect(await dialog.getByText('Choose a last day on or after the first day.').isVisible()).toBe(true)
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    // The form was changed, so Cancel asks before throwing the change away.
    await page.getByRole('dialog', { name: 'Discard changes?' }).getByRole('button', { name: 'Discard changes' }).click()
    await dialog.waitFor({ state: 'detached' })
    expect(h.session.context.sqlite.prepare('select ends_on from meal_trains').pluck().get()).toBe('2026-12-10')
    expect(h.errors).toEqual([])
  })

  it('lists the train and shows who has helped lately, the busiest first', async () => {
    const { page } = h
    await trainAction('All care calendars')
    await page.getByRole('button', { name: 'Open The Okafor family' }).waitFor()
    await page.getByText('2 of 4 open').waitFor()
    await page.getByRole('button', { name: 'Who has helped lately' }).click()
    const table = page.getByRole('table', { name: 'Who has helped lately' })
    await table.getByText('Ada Okafor').waitFor()
    const rows = await table.locator('tbody tr').allInnerTexts()
    expect(rows.map((r) => r.split(/\t|\n/)[0])).toEqual(['Maria Silva', 'Ada Okafor'])
    expect(h.errors).toEqual([])
  })

  it('copies the train to new dates without sign-ups, then archives the copy clearing the health details', async () => {
    const { page } = h
    await backToList()
    await page.getByRole('button', { name: 'Open The Okafor family' }).click()
    await trainAction('Copy')
    const copy = page.getByRole('dialog', { name: 'Copy this meal train' })
    expect(await copy.getByLabel('First day').inputValue()).toBe('11/12/2026') // as a volunteer sees it, day first in British English
    await copy.getByLabel('Last day').fill('2026-12-18')
    await copy.getByLabel('Last day').press('Tab') // leaving the field closes its calendar
    await copy.getByRole('button', { name: 'Make the copy' }).click()
    await copy.waitFor({ state: 'detached' })
    await page.getByText('Friday 11 December to Friday 18 December · New baby').waitFor()
    await page.getByTestId('open-slots').getByText('6 meals still need a volunteer').waitFor()

    await trainAction('Archive')
    const archive = page.getByRole('dialog', { name: 'Archive this meal train' })
    expect(await archive.getByRole('checkbox', { name: /Also clear the reason and dietary details/ }).isChecked()).toBe(true)
    await archive.getByRole('button', { name: 'Archive' }).click()
    await archive.waitFor({ state: 'detached' })
    await page.getByText('This meal train is archived. Copy it to start a new one.').waitFor()
    expect(await page.getByText('New baby').count()).toBe(0)
    expect(await page.getByText('None recorded').isVisible()).toBe(true)
    await backToList()
    await page.getByRole('table', { name: 'Archived' }).getByRole('button', { name: 'Open The Okafor family' }).waitFor()
    expect(h.errors).toEqual([])
  })
})
