import { join } from 'node:path'
import type { Browser } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HearthPage, launchChromium, openHearthPage } from '../bridge/bridge'
import { call } from '../helpers/session'
import { tempDir } from '../helpers/temp'
import { trainFields } from '../meal-trains/fixtures'
import { revealHeaderButton } from '../bridge/keyboard'

let browser: Browser
let h: HearthPage
let trainId: number
let adaId: number
const dir = tempDir()

beforeAll(async () => {
  browser = await launchChromium()
  h = await openHearthPage(browser, join(dir, 'hearth.sqlite'), dir)
  const s = h.session
  await call(s, 'settings.update', { timeZone: 'Europe/London' })
  const home = await call(s, 'households.create', { displayName: 'The Okafor family' })
  await call(s, 'households.create', { displayName: 'The Mensah family' })
  adaId = (await call(s, 'members.create', { firstName: 'Ada', lastName: 'Okafor', householdId: home.id, householdRole: 'head' })).id
  await call(s, 'members.addNote', { personId: adaId, body: 'Grieving her brother — visit gently', confidential: true })
  trainId = (await call(s, 'mealTrains.create', trainFields({ startsOn: '2026-12-07', endsOn: '2026-12-11', weekdays: [1, 2, 3, 4, 5] }))).id
  await call(s, 'mealTrains.signUp', { trainId, date: '2026-12-07', meal: 'dinner', volunteer: { name: 'Kim Lee' }, dish: 'Vegetable soup' })
})
afterAll(async () => {
  await h?.close()
  await browser?.close()
})

const signupState = () => h.session.context.sqlite.prepare('select state from meal_signups').pluck().get()
const noteCount = () => h.session.context.sqlite.prepare('select count(*) from person_notes').pluck().get()

async function openTrain() {
  const { page } = h
  // Through another section, so the meal trains list shows even if a train was open.
  await page.keyboard.press('Control+1')
  await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor()
  await page.keyboard.press('Control+2')
  await page.getByRole('heading', { level: 1, name: 'Care calendars' }).waitFor()
  await page.getByRole('button', { name: 'Open The Okafor family' }).click()
  await page.getByRole('heading', { level: 1, name: 'The Okafor family' }).waitFor()
}

async function cancelKimsDinner() {
  const { page } = h
  await page.getByRole('button', { name: 'Change the sign-up of Kim Lee for Dinner on Monday 7 December' }).click()
  await page.getByRole('menuitem', { name: 'Cancel this sign-up' }).click()
  await expect.poll(signupState).toBe('cancelled')
}

async function openAda() {
  const { page } = h
  await page.keyboard.press('Control+1')
  await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor()
  await page.getByRole('listbox', { name: 'People' }).getByRole('option', { name: /Ada Okafor/ }).click()
  return page.getByRole('region', { name: 'Ada Okafor' })
}

async function undoFromHistory(summary: string) {
  const { page } = h
  await page.keyboard.press('Control+8')
  await page.getByRole('heading', { level: 1, name: 'History' }).waitFor()
  await page.getByRole('button', { name: `Undo: ${summary}` }).first().click()
  await page.getByText(`Undone: ${summary}`).waitFor()
}

describe('forms that forgive', () => {
  it('asks before Escape throws away a filled-in new meal train, and keeps what was typed', async () => {
    const { page } = h
    await page.keyboard.press('Control+2')
    await page.getByRole('button', { name: 'New care calendar' }).click()
    const dialog = page.getByRole('dialog', { name: 'New care calendar' })
    await dialog.getByLabel('Reason').fill('Hip operation')
    await page.keyboard.press('Escape')
    const ask = page.getByRole('dialog', { name: 'Discard changes?' })
    await ask.waitFor()
    await ask.getByRole('button', { name: 'Keep editing' }).click()
    await ask.waitFor({ state: 'detached' })
    expect(await dialog.getByLabel('Reason').inputValue()).toBe('Hip operation')

    await dialog.getByLabel('Reason').focus()
    await page.keyboard.press('Escape')
    await ask.getByRole('button', { name: 'Discard changes' }).click()
    await dialog.waitFor({ state: 'detached' })

    // An untouched form closes at once.
    await page.getByRole('button', { name: 'New care calendar' }).click()
    await dialog.waitFor()
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(await ask.count()).toBe(0)
    expect(h.errors).toEqual([])
  })

  it('finds a household in Add person by typing part of its name', async () => {
    const { page } = h
    await page.keyboard.press('Control+1')
    await revealHeaderButton(page, page.getByRole('button', { name: 'Add person' }))
    await page.getByRole('button', { name: 'Add person' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add a person' })
    await dialog.getByLabel('First name').fill('Sam')
    await dialog.getByLabel('Last name').fill('Mensah')
    const household = dialog.getByRole('combobox', { name: 'Household', exact: true })
    await household.click()
    await page.keyboard.type('mens')
    const options = page.getByRole('option', { name: /^The \w+ family$/ })
    await expect.poll(async () => [await household.inputValue(), ...(await options.allInnerTexts())]).toEqual(['mens', 'The Mensah family'])
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    expect(await household.inputValue()).toBe('The Mensah family')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await dialog.waitFor({ state: 'detached' })
    const sam = h.session.context.sqlite.prepare(`select h.display_name from people p join households h on h.id = p.household_id where p.first_name = 'Sam'`).pluck().get()
    expect(sam).toBe('The Mensah family')
    expect(h.errors).toEqual([])
  })
})

describe('undo in Chromium', () => {
  it('undoes a cancelled sign-up from its notification', async () => {
    await openTrain()
    await cancelKimsDinner()
    await h.page.getByRole('button', { name: 'Undo: Cancelled the dinner signed up for 7 Dec' }).click()
    await h.page.getByText('Undone: Cancelled the dinner signed up for 7 Dec').waitFor()
    expect(signupState()).toBe('taken')
    await h.page.getByRole('table', { name: 'Calendar' }).getByText('Kim Lee').waitFor()
    expect(h.errors).toEqual([])
  })

  it('undoes a cancelled sign-up from the History screen', async () => {
    await openTrain()
    await cancelKimsDinner()
    await undoFromHistory('Cancelled the dinner signed up for 7 Dec')
    expect(signupState()).toBe('taken')
    expect(h.errors).toEqual([])
  })

  it('undoes a deleted confidential note from its notification, and again from History', async () => {
    let pane = await openAda()
    await pane.getByText('Grieving her brother — visit gently').waitFor()
    await pane.getByRole('button', { name: 'Delete note' }).click()
    await expect.poll(noteCount).toBe(0)
    await h.page.getByRole('button', { name: 'Undo: Deleted a confidential note about Ada Okafor' }).click()
    await h.page.getByText('Undone: Deleted a confidential note about Ada Okafor').waitFor()
    await pane.getByText('Grieving her brother — visit gently').waitFor()

    await pane.getByRole('button', { name: 'Delete note' }).click()
    await expect.poll(noteCount).toBe(0)
    await undoFromHistory('Deleted a confidential note about Ada Okafor')
    expect(noteCount()).toBe(1)
    // The History screen never shows the note's text.
    expect(await h.page.getByText('Grieving her brother').count()).toBe(0)
    pane = await openAda()
    await pane.getByText('Grieving her brother — visit gently').waitFor()
    expect(h.errors).toEqual([])
  })

  it('filters the history by person and says plainly when a change cannot be undone', async () => {
    const { page } = h
    await page.keyboard.press('Control+8')
    await page.getByRole('heading', { level: 1, name: 'History' }).waitFor()
    const filter = page.getByRole('combobox', { name: 'Show changes about' })
    await filter.click()
    await page.keyboard.type('Ada')
    await page.getByRole('option', { name: 'Ada Okafor' }).click()
    await page.getByText('Added Ada Okafor').waitFor()
    expect(await page.getByText('Started a meal train for The Okafor family').count()).toBe(0)
    // Ada has a note and sign-ups since she was added, so undoing the add is refused with the reason.
    await page.getByRole('button', { name: 'Undo: Added Ada Okafor' }).click()
    await page.getByText(/That cannot be undone, because other things were added to it since/).waitFor()
    expect(h.session.context.sqlite.prepare(`select count(*) from people where first_name = 'Ada'`).pluck().get()).toBe(1)
    expect(h.errors).toEqual([])
  })

  it('names a ride calendar as a ride calendar, and finds it under all care calendars', async () => {
    const { page } = h
    const rides = trainFields({ kind: 'rides', recipientName: 'Ann Abbott', startsOn: '2026-12-08', endsOn: '2026-12-08', meals: [{ meal: 'breakfast', from: '09:00', to: '12:00' }], ridePickup: '4 Mill Lane', rideDestination: 'Renal unit' })
    const { id } = await call(h.session, 'mealTrains.create', rides)
    await call(h.session, 'mealTrains.signUp', { trainId: id, date: '2026-12-08', meal: 'breakfast', volunteer: { name: 'Dev Patel' } })
    await page.keyboard.press('Control+1')
    await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor()
    await page.keyboard.press('Control+8')
    await page.getByRole('heading', { level: 1, name: 'History' }).waitFor()
    const filter = page.getByRole('combobox', { name: 'Show changes about' })
    await filter.click()
    await page.getByRole('option', { name: 'All care calendars' }).click()
    await page.getByText('Dev Patel signed up for the ride (morning) on 8 Dec').waitFor()
    await page.getByText('Started a ride calendar for Ann Abbott').waitFor()
    await filter.click()
    await page.getByRole('option', { name: 'Rides for Ann Abbott' }).waitFor()
    await page.keyboard.press('Escape')
    expect(h.errors).toEqual([])
  })
})
