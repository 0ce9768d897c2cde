import { join } from 'node:path'
import type { Browser } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays } from '../../main/contract/days'
import { todayIn } from '../../main/common/read-settings'
import { type HearthPage, launchChromium, openHearthPage } from '../bridge/bridge'
import { call } from '../helpers/session'
import { tempDir } from '../helpers/temp'
import { addPerson } from '../print/seed'

let browser: Browser
let h: HearthPage
const dir = tempDir()
let ben: number

beforeAll(async () => {
  browser = await launchChromium()
  h = await openHearthPage(browser, join(dir, 'hearth.sqlite'), dir)
  const db = h.session.context.db
  await call(h.session, 'settings.update', { timeZone: 'Europe/London' })
  ben = await addPerson(db, { first_name: 'Ben', last_name: 'Okafor', mobile_phone: '07700 900002', email: 'ben@example.org', preferred_contact: 'text' })
  // "Tomorrow" on the call list is tomorrow wherever the test runs, so the train starts then.
  const tomorrow = addDays(todayIn('Europe/London'), 1)
  const trainId = (
    await call(h.session, 'mealTrains.create', {
      recipientName: 'Maria Lopez',
      reason: 'Recovering from chemotherapy',
      startsOn: tomorrow,
      endsOn: addDays(tomorrow, 2),
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      meals: [{ meal: 'dinner', from: '17:30', to: '18:30' }],
      address: '4 Birch Road',
      dietaryNotes: 'Severe nut allergy',
      coordinatorName: 'Ann Abbott',
      coordinatorPhone: '07700 900001',
    })
  ).id
  await call(h.session, 'mealTrains.signUp', { trainId, date: tomorrow, meal: 'dinner', volunteer: { personId: ben } })
})
afterAll(async () => {
  await h?.close()
  await browser?.close()
})

describe('reaching people in Chromium', () => {
  it("copies a meal train's open days as a message: through main's clipboard, shown before pasting, nothing private", async () => {
    const { page } = h
    await page.keyboard.press('Control+2')
    await page.getByRole('heading', { level: 1, name: 'Care calendars' }).waitFor()
    await page.getByRole('button', { name: /Maria Lopez/ }).click()
    await page.getByRole('heading', { level: 1, name: 'Maria Lopez' }).waitFor()
    await page.getByRole('button', { name: 'Copy as message' }).focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Copied. Paste it into WhatsApp, a text or an email.' })
    await dialog.waitFor()
    const shown = await dialog.getByLabel('The message').inputValue()
    expect(shown).toBe(h.os.copied.at(-1))
    expect(shown.split('\n')[0]).toBe('Meals for Maria Lopez')
    expect(shown.split('\n').filter((l) => l.startsWith('• '))).toHaveLength(2)
    expect(shown).toContain('To sign up, reply to Ann Abbott (07700 900001).')
    expect(shown).not.toMatch(/chemotherapy|nut allergy/i)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    expect(h.errors).toEqual([])
  })

  it('the call list for tomorrow: Ben, how he likes to be contacted, and a "reminded" tick that is kept', async () => {
    const { page } = h
    await page.keyboard.press('Control+7')
    await page.getByRole('heading', { level: 1, name: 'Call list' }).waitFor()
    expect(await page.getByRole('radio', { name: 'Tomorrow' }).isChecked()).toBe(true)
    const card = page.getByRole('listitem', { name: 'Ben Okafor' })
    await card.waitFor()
    await card.getByText('Prefers: Text message').waitFor()
    await card.getByText('Mobile 07700 900002').waitFor()

    const tick = card.getByRole('checkbox', { name: /^Reminded Ben Okafor about Dinner for Maria Lopez/ })
    expect(await tick.isChecked()).toBe(false)
    await tick.focus()
    await page.keyboard.press('Space')
    await expect.poll(() => h.session.context.sqlite.prepare('select person_key from reach_reminders').pluck().all()).toEqual([`p:${ben}`])
    await expect.poll(() => tick.isChecked()).toBe(true)

    // The tick is in the file, not the page: a fresh page shows it still ticked.
    await page.reload()
    await page.keyboard.press('Control+7')
    await page.getByRole('heading', { level: 1, name: 'Call list' }).waitFor()
    await expect.poll(() => page.getByRole('listitem', { name: 'Ben Okafor' }).getByRole('checkbox', { name: /^Reminded Ben Okafor/ }).isChecked()).toBe(true)

    await page.getByRole('button', { name: 'Copy a reminder for Ben Okafor' }).click()
    const dialog = page.getByRole('dialog', { name: 'Copied. Paste it into WhatsApp, a text or an email.' })
    await dialog.waitFor()
    expect(await dialog.getByLabel('The message').inputValue()).toMatch(/^Hello Ben Okafor, a friendly reminder from the congregation:\n• .*17:30–18:30: Dinner for Maria Lopez, at 4 Birch Road\nThank you!$/)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })

    // A wider range also lists the meals nobody has taken yet.
    await page.getByRole('radio', { name: 'The next 7 days' }).check()
    await page.getByRole('heading', { level: 2, name: 'Still open' }).waitFor()
    expect(await page.getByText(/Dinner for Maria Lopez · 1 place open/).count()).toBe(2)
    expect(h.errors).toEqual([])
  })

  it('changes the reminder words in Settings, and writes an email to the call list from the Contact menu', async () => {
    const { page } = h
    await page.keyboard.press('Control+6')
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
    const reminder = page.getByRole('textbox', { name: 'A reminder to one person' })
    await reminder.fill('Hi {nmae}, {duties}')
    await page.getByRole('button', { name: 'Keep these messages' }).click()
    await page.getByText('Hearth cannot fill in {nmae}. Check the spelling, or remove the braces.').waitFor()
    await reminder.fill('Hi {name}! Just checking:\n{duties}')
    await page.getByRole('button', { name: 'Keep these messages' }).click()
    await expect.poll(async () => (await call(h.session, 'reach.templates')).reminder).toBe('Hi {name}! Just checking:\n{duties}')

    await page.keyboard.press('Control+7')
    await page.getByRole('heading', { level: 1, name: 'Call list' }).waitFor()
    await page.getByRole('button', { name: 'Copy a reminder for Ben Okafor' }).click()
    const dialog = page.getByRole('dialog', { name: 'Copied. Paste it into WhatsApp, a text or an email.' })
    expect(await dialog.getByLabel('The message').inputValue()).toMatch(/^Hi Ben Okafor! Just checking:\n• /)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })

    await page.getByRole('button', { name: 'Contact…' }).focus()
    await page.keyboard.press('Enter')
    await page.getByRole('menuitem', { name: 'Write an email' }).click()
    await page.getByText('Your email program opened with 1 person in BCC.').waitFor()
    expect(h.os.mailed).toEqual(['mailto:?bcc=ben@example.org'])
    expect(h.errors).toEqual([])
  })
})
