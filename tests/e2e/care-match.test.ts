import AxeBuilder from '@axe-core/playwright'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HearthPage, launchChromium, openHearthPage } from '../bridge/bridge'
import { pickWithKeyboard, revealHeaderButton } from '../bridge/keyboard'
import { tempDir } from '../helpers/temp'
import { addPerson } from '../meal-trains/fixtures'

// Asks and offers, and a suggested helper taken in one step, by keyboard alone at 800×600 with Large text.
// Screenshots are kept in out/screenshots/care so a person can look at them.
const SHOTS = join(import.meta.dirname, '..', '..', 'out', 'screenshots', 'care')

let browser: Browser
let h: HearthPage
const dir = tempDir()
const sqlite = () => h.session.context.sqlite

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  browser = await launchChromium()
  h = await openHearthPage(browser, join(dir, 'hearth.sqlite'), dir, 'en-GB', 'meal-trains', { width: 800, height: 600 })
  await h.session.registry.dispatch('settings.update', { timeZone: 'Europe/London', textSize: 'large' })
  const db = h.session.context.db
  await addPerson(db, { first: 'Ruth', last: 'Ng', household: 'The Ng household', address: '9 Oak Lane' })
  await addPerson(db, { first: 'Ben', last: 'Baker' })
  await addPerson(db, { first: 'Cara', last: 'Cook', skills: ['Can cook'] })
  await addPerson(db, { first: 'Dan', last: 'Driver', skills: ['Driver'] })
  await h.page.reload()
})
afterAll(async () => {
  await h?.close()
  await browser?.close()
})

/** Serious and critical axe-core violations on the page as it is now (the filled-in screens, not just empty ones). */
async function violations(): Promise<string[]> {
  // The "Saved" notices close by themselves; their × buttons are the shell's, outside these screens.
  await expect.poll(() => h.page.locator('.mantine-Notification-root').count(), { timeout: 15_000 }).toBe(0)
  await h.page.waitForTimeout(250)
  const result = await new AxeBuilder({ page: h.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(' ')}`))
}

/** Presses a section header button by keyboard, revealing it from behind "Actions" when folded. */
async function press(name: string): Promise<void> {
  const button = h.page.getByRole('button', { name, exact: true })
  await revealHeaderButton(h.page, button)
  await button.focus()
  await h.page.keyboard.press('Enter')
}

describe('asks, offers and suggested helpers in Chromium', () => {
  it('records an offer and an ask by keyboard, and finds the ask by search', async () => {
    const { page } = h
    await page.getByRole('heading', { level: 1, name: 'Care calendars' }).waitFor()
    await press('Asks and offers')
    await page.getByRole('heading', { level: 1, name: 'Asks and offers' }).waitFor()
    await page.getByText('No open asks.').waitFor()

    await press('New offer')
    const offer = page.getByRole('dialog', { name: 'New offer of help' })
    await pickWithKeyboard(page, offer.getByRole('combobox', { name: 'Who offers' }), 'Baker', /Ben Baker/)
    await offer.getByLabel('What they offer').focus()
    await page.keyboard.type('Bakes bread and cooks on weekdays')
    await offer.getByRole('checkbox', { name: 'Meals', exact: true }).focus()
    await page.keyboard.press('Space')
    for (const d of ['Saturday', 'Sunday']) {
      await offer.getByRole('checkbox', { name: d, exact: true }).focus()
      await page.keyboard.press('Space')
    }
    await page.screenshot({ path: join(SHOTS, 'new-offer-800x600-large.png') })
    await offer.getByRole('button', { name: 'Save' }).focus()
    await page.keyboard.press('Enter')
    await offer.waitFor({ state: 'detached' })
    const offers = page.getByRole('table', { name: 'Offers' })
    await offers.getByText('Bakes bread and cooks on weekdays').waitFor()
    expect(await offers.getByText('Monday, Tuesday, Wednesday, Thursday, Friday').isVisible()).toBe(true)

    await offers.getByRole('button', { name: 'Edit the offer from Ben Baker' }).focus()
    await page.keyboard.press('Enter')
    const edit = page.getByRole('dialog', { name: 'Edit offer of help' })
    expect(await edit.getByLabel('Who offers').inputValue()).toBe('Ben Baker')
    await edit.getByRole('checkbox', { name: 'Errands and shopping' }).focus()
    await page.keyboard.press('Space')
    await edit.getByRole('button', { name: 'Save' }).focus()
    await page.keyboard.press('Enter')
    await edit.waitFor({ state: 'detached' })
    await offers.getByText('Errands and shopping').waitFor()
    expect(sqlite().prepare('select kinds from care_offers').pluck().get()).toBe('["meals","errands"]')

    await press('New ask')
    const ask = page.getByRole('dialog', { name: 'New ask for help' })
    await pickWithKeyboard(page, ask.getByRole('combobox', { name: 'Who needs the help (a member)' }), 'Ruth', /Ruth Ng/)
    await expect.poll(() => ask.getByLabel('Name to show').inputValue()).toBe('Ruth Ng')
    await ask.getByLabel('What is needed').focus()
    await page.keyboard.type('Meals while she recovers from hip surgery')
    await page.screenshot({ path: join(SHOTS, 'new-ask-800x600-large.png') })
    await ask.getByRole('button', { name: 'Save' }).focus()
    await page.keyboard.press('Enter')
    await ask.waitFor({ state: 'detached' })
    await page.getByRole('table', { name: 'Asks' }).getByText('Meals while she recovers from hip surgery').waitFor()
    expect(sqlite().prepare('select recipient_name, kind, person_id is not null as member from care_asks').get()).toEqual({ recipient_name: 'Ruth Ng', kind: 'meals', member: 1 })

    // Search folds case and accents, across asks and offers alike.
    await page.getByLabel('Search asks and offers').focus()
    await page.keyboard.type('HÍP')
    await page.getByText('No offers recorded.').waitFor()
    await page.getByRole('table', { name: 'Asks' }).getByText('Meals while she recovers from hip surgery').waitFor()
    await page.screenshot({ path: join(SHOTS, 'asks-offers-800x600-large.png'), fullPage: true })
    await page.getByLabel('Search asks and offers').fill('')
    await page.getByRole('table', { name: 'Offers' }).getByText('Bakes bread and cooks on weekdays').waitFor()
    expect(await violations()).toEqual([])
    expect(h.errors).toEqual([])
  })

  it('turns the ask into a care calendar in one step, then signs up a suggested helper in one step', async () => {
    const { page } = h
    await page.getByRole('button', { name: 'Turn the ask for Ruth Ng into a care calendar' }).focus()
    await page.keyboard.press('Enter')
    const form = page.getByRole('dialog', { name: 'New care calendar' })
    await expect.poll(() => form.getByLabel('Drop-off address').inputValue(), { timeout: 15_000 }).toBe('9 Oak Lane, Leeds')
    expect(await form.getByLabel('Reason').inputValue()).toBe('Meals while she recovers from hip surgery')
    await form.getByRole('button', { name: 'Create meal train' }).focus()
    await page.keyboard.press('Enter')
    await form.waitFor({ state: 'detached' })
    const trainId = sqlite().prepare('select id from meal_trains').pluck().get()
    expect(sqlite().prepare('select train_id from care_asks').pluck().get()).toBe(trainId)

    // The first open dinner: a weekday, so Ben's offer and Cara's skill both fit; Dan drives, which does not.
    const day = sqlite().prepare(`select starts_on from meal_trains`).pluck().get() as string
    let weekday = day
    while ([0, 6].includes(new Date(`${weekday}T00:00:00Z`).getUTCDay())) weekday = new Date(Date.parse(`${weekday}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
    const label = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(`${weekday}T00:00:00Z`))
    await page.getByRole('button', { name: `Sign someone up for Dinner on ${label}` }).focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog')
    const suggested = dialog.getByRole('region', { name: 'Suggested helpers' })
    await suggested.getByText('Ben Baker').waitFor()
    const items = await suggested.getByRole('listitem').allInnerTexts()
    expect(items).toHaveLength(2)
    expect(items.join('\n')).toMatch(/Ben Baker — offers “Bakes bread and cooks on weekdays”; free \w+day; not asked lately/)
    expect(items.join('\n')).toMatch(/Cara Cook — Can cook; free \w+day; not asked lately/)
    expect(items.join('\n')).not.toMatch(/Dan Driver/)
    await page.screenshot({ path: join(SHOTS, 'suggested-helpers-800x600-large.png') })
    expect(await violations()).toEqual([])

    await suggested.getByRole('button', { name: 'Sign up Ben Baker' }).focus()
    await page.keyboard.press('Enter')
    await dialog.waitFor({ state: 'detached' })
    await page.getByText('Ben Baker is signed up.').waitFor()
    expect(sqlite().prepare(`select date, meal, volunteer_name, state from meal_signups`).all()).toEqual([{ date: weekday, meal: 'dinner', volunteer_name: 'Ben Baker', state: 'taken' }])
    expect(h.errors).toEqual([])
  })

  it('shows who has helped lately across meals and prayer, and closing the ask clears its words', async () => {
    const { page } = h
    await press('All care calendars')
    await press('Who has helped lately')
    const table = page.getByRole('table', { name: 'Who has helped lately' })
    await table.getByText('Ben Baker').waitFor()
    const rows = await table.locator('tbody tr').allInnerTexts()
    expect(rows[0]).toMatch(/^Ben Baker\s+Meals 1\s+0\s+1\s/i)
    await page.screenshot({ path: join(SHOTS, 'helped-lately-800x600-large.png'), fullPage: true })
    expect(await violations()).toEqual([])

    await press('All care calendars')
    await press('Asks and offers')
    await page.getByRole('button', { name: 'Close the ask for Ruth Ng' }).focus()
    await page.keyboard.press('Enter')
    const confirm = page.getByRole('dialog', { name: 'Close this ask?' })
    await confirm.getByRole('button', { name: 'Close and clear' }).focus()
    await page.keyboard.press('Enter')
    await confirm.waitFor({ state: 'detached' })
    await page.getByText('No open asks.').waitFor()
    expect(sqlite().prepare('select title, details from care_asks').get()).toEqual({ title: null, details: null })
    expect(sqlite().prepare(`select count(*) from history_rows where tbl = 'care_asks' and (before like '%hip surgery%' or after like '%hip surgery%')`).pluck().get()).toBe(0)
    expect(h.errors).toEqual([])
  })
})
