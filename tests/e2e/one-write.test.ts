import { join } from 'node:path'
import type { Browser, Locator } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HearthPage, launchChromium, openHearthPage } from '../bridge/bridge'
import { revealHeaderButton } from '../bridge/keyboard'
import { call } from '../helpers/session'
import { tempDir } from '../helpers/temp'

// One write, one record (issue 29): a double click on every button that writes makes exactly one record, and the
// dialog that saved closes without a word about its own record. Every answer is held back a moment, as on a busy
// office PC, so the second click always lands while the first is still under way.

let browser: Browser
let h: HearthPage
const dir = tempDir()
const ANSWER_DELAY_MS = 300

const count = (sql: string, ...values: unknown[]): number => h.session.context.sqlite.prepare(sql).pluck().get(...values) as number

beforeAll(async () => {
  browser = await launchChromium()
  h = await openHearthPage(browser, join(dir, 'hearth.sqlite'), dir)
  await call(h.session, 'settings.update', { timeZone: 'Europe/London' })
  await call(h.session, 'mealTrains.create', {
    recipientName: 'The Nakamura-Al-Rashid family',
    startsOn: '2026-12-07',
    endsOn: '2026-12-13',
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    meals: [{ meal: 'dinner', from: '17:00', to: '19:00' }],
  })
  await h.page.addInitScript({
    content: `{
      const slow = (fn) => (...args) => new Promise((resolve) => setTimeout(resolve, ${ANSWER_DELAY_MS})).then(() => fn(...args));
      for (const area of Object.values(window.hearth)) for (const [name, fn] of Object.entries(area)) area[name] = slow(fn);
    }`,
  })
  await h.page.reload()
})
afterAll(async () => {
  await h?.close()
  await browser?.close()
})

const said: string[] = []

/**
 * Double-clicks a dialog's writing button, then waits for the dialog to close and for its one notice. A second
 * call would have left a refusal ("already planned") or a second notice beside the first.
 */
async function doubleClickSaves(dialog: Locator, button: string, notice: string): Promise<void> {
  await dialog.getByRole('button', { name: button, exact: true }).dblclick()
  await dialog.waitFor({ state: 'detached', timeout: 15_000 })
  said.push(notice)
  const notices = h.page.getByRole('alert')
  await notices.filter({ hasText: notice }).first().waitFor()
  const shown = await notices.allInnerTexts()
  expect(shown.filter((t) => t === notice)).toEqual([notice])
  expect(shown.filter((t) => !said.includes(t))).toEqual([])
}

async function openFromHeader(button: string, dialogName: string): Promise<Locator> {
  const opener = h.page.getByRole('button', { name: button, exact: true })
  await revealHeaderButton(h.page, opener)
  await opener.click()
  const dialog = h.page.getByRole('dialog', { name: dialogName })
  await dialog.waitFor()
  return dialog
}

describe('a double click on a writing button makes one record', () => {
  it('Save person', async () => {
    const dialog = await openFromHeader('Add person', 'Add a person')
    await dialog.getByLabel('First name').fill('Thandiwe-Oluwaseun')
    await dialog.getByLabel('Last name').fill('Ψαρόπουλος-Ngcobo')
    await doubleClickSaves(dialog, 'Save', 'Thandiwe-Oluwaseun Ψαρόπουλος-Ngcobo was added.')
    await h.page.getByRole('heading', { level: 2, name: 'Thandiwe-Oluwaseun Ψαρόπουλος-Ngcobo' }).waitFor()
    expect(count("select count(*) from people where last_name = 'Ψαρόπουλος-Ngcobo'")).toBe(1)
    expect(h.errors).toEqual([])
  })

  it('Save household', async () => {
    await h.page.getByText('Households', { exact: true }).click()
    const dialog = await openFromHeader('Add household', 'Add a household')
    await dialog.getByLabel('Name for envelopes and directories').fill('عائلة الحسن')
    await doubleClickSaves(dialog, 'Save', 'Household saved.')
    expect(count("select count(*) from households where display_name = 'عائلة الحسن'")).toBe(1)
    expect(h.errors).toEqual([])
  })

  it('Create meal train', async () => {
    await h.page.keyboard.press('Control+2')
    await h.page.getByRole('heading', { level: 1, name: 'Care calendars' }).waitFor()
    const dialog = await openFromHeader('New care calendar', 'New care calendar')
    await dialog.getByLabel('Meals are for').fill('สมชาย ใจดี')
    await dialog.getByLabel('First day').fill('2026-12-07')
    await dialog.getByLabel('Last day').fill('2026-12-20')
    await doubleClickSaves(dialog, 'Create meal train', 'Care calendar created')
    await h.page.getByRole('heading', { level: 1, name: 'สมชาย ใจดี' }).waitFor()
    expect(count("select count(*) from meal_trains where recipient_name = 'สมชาย ใจดี'")).toBe(1)
    expect(h.errors).toEqual([])
  })

  it('Sign up', async () => {
    const back = h.page.getByRole('button', { name: 'All care calendars' })
    await revealHeaderButton(h.page, back)
    await back.click()
    await h.page.getByRole('button', { name: 'Open The Nakamura-Al-Rashid family' }).click()
    await h.page.getByRole('button', { name: 'Sign someone up for Dinner on Monday 7 December' }).click()
    const dialog = h.page.getByRole('dialog', { name: 'Dinner on Monday 7 December' })
    await dialog.getByRole('radio', { name: 'Someone else' }).check()
    await dialog.getByLabel('Volunteer’s name').fill('Сергей Иванов')
    await dialog.getByLabel('What they plan to bring').fill('Борщ')
    await doubleClickSaves(dialog, 'Sign up', 'Сергей Иванов is signed up')
    await h.page.getByRole('table', { name: 'Calendar' }).getByText('Сергей Иванов').waitFor()
    expect(count("select count(*) from meal_signups where volunteer_name = 'Сергей Иванов'")).toBe(1)
    expect(h.errors).toEqual([])
  })

  it('Create circle', async () => {
    await h.page.keyboard.press('Control+3')
    await h.page.getByRole('heading', { level: 1, name: 'Prayer circles' }).waitFor()
    const dialog = await openFromHeader('New circle', 'New circle')
    await dialog.getByLabel('Name of the circle').fill('祈祷小组 Tuesday')
    await doubleClickSaves(dialog, 'Create circle', 'Circle created')
    await h.page.getByRole('heading', { level: 1, name: '祈祷小组 Tuesday' }).waitFor()
    expect(count("select count(*) from prayer_circles where name = '祈祷小组 Tuesday'")).toBe(1)
    expect(h.errors).toEqual([])
  })

  it('Create vigil', async () => {
    await h.page.getByRole('tab', { name: 'Schedules' }).click()
    const dialog = await openFromHeader('New prayer vigil', 'New prayer vigil')
    await dialog.getByRole('textbox', { name: /^Title/ }).fill('Night of prayer — ليلة الصلاة')
    await dialog.getByLabel('Start date').fill('2026-12-24')
    await dialog.getByLabel('Start time').fill('20:00')
    await dialog.getByRole('textbox', { name: 'Length in hours' }).fill('12')
    await doubleClickSaves(dialog, 'Create vigil', 'Vigil created with 12 slots')
    await h.page.getByRole('heading', { level: 1, name: 'Night of prayer — ليلة الصلاة' }).waitFor()
    expect(count("select count(*) from prayer_schedules where title = 'Night of prayer — ليلة الصلاة'")).toBe(1)
    expect(h.errors).toEqual([])
  })
})
