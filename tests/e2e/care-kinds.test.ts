import { join } from 'node:path'
import type { Browser } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HearthPage, launchChromium, openHearthPage } from '../bridge/bridge'
import { openSection, pickWithKeyboard, revealHeaderButton } from '../bridge/keyboard'
import { call } from '../helpers/session'
import { tempDir } from '../helpers/temp'

// Each kind in its own words (issue 29): a rides calendar is never called meals, and choosing Rides for a new
// calendar keeps the days chosen and takes the household's address as the pick-up.

let browser: Browser
let h: HearthPage
const dir = tempDir()
const MEAL_WORDS = /\bmeals?\b|\bcooks?\b|\bdinner\b/i

function today(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}
function inDays(n: number): string {
  const d = new Date(`${today()}T12:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

beforeAll(async () => {
  browser = await launchChromium()
  h = await openHearthPage(browser, join(dir, 'hearth.sqlite'), dir, 'en-GB', 'home')
  const family = await call(h.session, 'households.create', { displayName: 'The Nguyễn-Abernathy household', address: { line1: 'Flat 12, 147 Chapel Street', city: 'Manchester' } })
  await call(h.session, 'members.create', { firstName: 'Thị Lan', lastName: 'Nguyễn', householdId: family.id, householdRole: 'head' })
  await call(h.session, 'mealTrains.create', {
    kind: 'rides',
    recipientName: 'Thị Lan Nguyễn',
    startsOn: today(),
    endsOn: inDays(13),
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    meals: [{ meal: 'breakfast', from: '09:00', to: '12:00' }],
    ridePickup: 'Flat 12, 147 Chapel Street, Manchester',
    rideDestination: 'St Mary’s Hospital, Oxford Road',
  })
  await h.page.reload()
})
afterAll(async () => {
  await h?.close()
  await browser?.close()
})

describe('a rides calendar in its own words', () => {
  it('is short of volunteers on the home, not of cooks', async () => {
    const { page } = h
    const need = page.getByRole('button', { name: 'Find volunteers for Thị Lan Nguyễn' })
    await need.waitFor()
    const card = page.locator('#main')
    await card.getByText(/^Thị Lan Nguyễn: \d+ slots without a volunteer$/).waitFor()
    expect(await card.innerText()).not.toMatch(MEAL_WORDS)
    expect(h.errors).toEqual([])
  })

  it('keeps the chosen days and fills the pick-up from the household when Rides is chosen', async () => {
    const { page } = h
    await openSection(page, 'Control+2', page.getByRole('heading', { level: 1, name: 'Care calendars' }))
    const opener = page.getByRole('button', { name: 'New care calendar' })
    await revealHeaderButton(page, opener)
    await opener.click()
    const dialog = page.getByRole('dialog', { name: 'New care calendar' })
    await pickWithKeyboard(page, dialog.getByRole('combobox', { name: 'Member', exact: true }), 'Nguyễn', /Thị Lan Nguyễn/)
    await expect.poll(() => dialog.getByLabel('Drop-off address').inputValue(), { timeout: 15_000 }).toMatch(/147 Chapel Street/)
    for (const d of ['Saturday', 'Sunday']) await dialog.getByRole('checkbox', { name: d, exact: true }).uncheck()

    await dialog.getByRole('radio', { name: 'Rides' }).check()
    const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
    const checked = await Promise.all(days.map((d) => dialog.getByRole('checkbox', { name: d, exact: true }).isChecked()))
    expect(checked).toEqual([true, true, true, true, true, false, false])
    expect(await dialog.getByLabel('Pick-up address').inputValue()).toMatch(/Flat 12, 147 Chapel Street/)

    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await page.getByRole('dialog', { name: 'Discard changes?' }).getByRole('button', { name: 'Discard changes' }).click()
    await dialog.waitFor({ state: 'detached' })
    expect(h.errors).toEqual([])
  })
})
