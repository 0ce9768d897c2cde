import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HearthPage, launchChromium, openHearthPage } from '../bridge/bridge'
import { tempDir } from '../helpers/temp'

// Screenshots are kept in out/screenshots/languages (out/ is not committed) so a person can look at them.
const SHOTS = join(import.meta.dirname, '..', '..', 'out', 'screenshots', 'languages')
mkdirSync(SHOTS, { recursive: true })

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

async function seeded(locale: string): Promise<HearthPage> {
  const dir = tempDir()
  const h = await openHearthPage(browser, join(dir, 'hearth.sqlite'), dir, locale)
  const dispatch = async (channel: string, input: unknown) => {
    const r = await h.session.registry.dispatch(channel, input)
    if (!r.ok) throw new Error(r.error.message)
    return r.value as { id: number }
  }
  await dispatch('settings.update', { timeZone: 'Europe/London', congregationName: 'Hearth' })
  const family = await dispatch('households.create', { displayName: 'عائلة الأحمد', address: { line1: 'شارع النور 12', city: 'عمّان' } })
  await dispatch('members.create', { firstName: 'محمد', lastName: 'الأحمد', householdId: family.id, householdRole: 'head', mobilePhone: '+962 79 123 4567', dietary: ['halal'] })
  await dispatch('members.create', { firstName: 'فاطمة', lastName: 'الأحمد', householdId: family.id, householdRole: 'spouse' })
  await dispatch('members.create', { firstName: 'Jürgen', lastName: 'Weiß', mobilePhone: '030 1234567' })
  const today = new Date().toISOString().slice(0, 10)
  const later = new Date(Date.now() + 13 * 86_400_000).toISOString().slice(0, 10)
  await dispatch('mealTrains.create', {
    recipientName: 'عائلة الأحمد',
    startsOn: today,
    endsOn: later,
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    meals: [{ meal: 'dinner', from: '18:00', to: '19:00' }],
    dietary: ['halal', 'nut_allergy'],
  })
  await h.page.reload()
  return h
}

describe('Hearth in Arabic', () => {
  let h: HearthPage
  beforeAll(async () => {
    h = await seeded('ar-EG')
  }, 60_000)
  afterAll(() => h?.close())

  it('follows an Arabic computer: right to left, Arabic words, mirrored layout', async () => {
    const { page } = h
    await page.getByRole('heading', { level: 1, name: 'الأعضاء' }).waitFor()
    // Counts in Egyptian Arabic digits (٣) as the locale writes them.
    await page.getByText(/^[3٣] أشخاص$/).first().waitFor()
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ar-EG'])
    // Mirrored: the section list sits on the right, the people list starts at the right edge.
    const nav = await page.getByRole('navigation').first().boundingBox()
    expect(nav!.x).toBeGreaterThan(640)
    await page.getByRole('listbox', { name: 'الأشخاص' }).getByRole('option', { name: /محمد الأحمد/ }).click()
    await page.screenshot({ path: join(SHOTS, 'members-ar.png') })
    expect(h.errors).toEqual([])
  })

  it('shows a meal train in Arabic', async () => {
    const { page } = h
    await page.keyboard.press('Control+2')
    await page.getByRole('heading', { level: 1, name: 'تقاويم المساعدة' }).waitFor()
    await page.getByRole('button', { name: 'فتح عائلة الأحمد' }).click()
    await page.getByText('للمتطوعين').waitFor()
    await page.getByText('حساسية المكسرات').first().waitFor()
    await page.screenshot({ path: join(SHOTS, 'meal-train-ar.png'), fullPage: true })
    expect(h.errors).toEqual([])
  })
})

describe('Hearth in German, chosen in Settings', () => {
  let h: HearthPage
  beforeAll(async () => {
    h = await seeded('en-GB')
  }, 60_000)
  afterAll(() => h?.close())

  it('switches every screen to German from the Settings screen, left to right', async () => {
    const { page } = h
    await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor()
    await page.keyboard.press('Control+6')
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
    await page.getByRole('combobox', { name: 'Language' }).click()
    await page.getByRole('option', { name: 'Deutsch' }).click()
    await page.getByRole('button', { name: 'Save' }).click()
    await page.getByRole('heading', { level: 1, name: 'Einstellungen' }).waitFor()
    // The confirmation already speaks the language just chosen.
    await page.getByText('Gespeichert').waitFor()
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['ltr', 'de'])

    await page.keyboard.press('Control+1')
    await page.getByRole('heading', { level: 1, name: 'Mitglieder' }).waitFor()
    await page.getByText('3 Personen').waitFor()
    await page.getByRole('searchbox', { name: 'Suchen' }).fill('weiss')
    await page.getByText('1 Person', { exact: true }).waitFor()
    await page.getByRole('listbox', { name: 'Personen' }).getByRole('option', { name: /Jürgen Weiß/ }).click()
    await page.screenshot({ path: join(SHOTS, 'members-de.png') })
    expect(h.errors).toEqual([])
  })

  it('shows a meal train in German', async () => {
    const { page } = h
    await page.keyboard.press('Control+2')
    await page.getByRole('heading', { level: 1, name: 'Hilfekalender' }).waitFor()
    await page.getByRole('button', { name: 'Öffnen عائلة الأحمد' }).or(page.getByRole('button', { name: 'عائلة الأحمد öffnen' })).click()
    await page.getByText('Für die Helfenden').waitFor()
    await page.getByText('Nussallergie').first().waitFor()
    await page.screenshot({ path: join(SHOTS, 'meal-train-de.png'), fullPage: true })
    expect(h.errors).toEqual([])
  })

  it('tells a German volunteer in German which field to fix when a member has no last name, and saves nothing', async () => {
    const { page } = h
    await page.keyboard.press('Control+1')
    await page.getByRole('heading', { level: 1, name: 'Mitglieder' }).waitFor()
    const add = page.getByRole('button', { name: 'Person hinzufügen', exact: true })
    // At narrow widths the header folds its buttons behind "Aktionen" (revealHeaderButton knows only the English).
    await add.or(page.getByRole('button', { name: 'Aktionen', exact: true })).first().waitFor()
    if (!(await add.isVisible())) await page.getByRole('button', { name: 'Aktionen', exact: true }).click()
    await add.click()
    const dialog = page.getByRole('dialog', { name: 'Eine Person hinzufügen' })
    await dialog.getByLabel('Vorname').fill('Greta')
    await dialog.getByLabel('Nachname').fill('   ')
    await dialog.getByRole('button', { name: 'Speichern' }).click()
    await dialog.getByText('Bitte geben Sie einen Nachnamen an.').first().waitFor()
    await expect(dialog.getByLabel('Nachname').getAttribute('aria-invalid')).resolves.toBe('true')
    await expect(dialog.getByText('Please give a last name.').count()).resolves.toBe(0)
    await page.screenshot({ path: join(SHOTS, 'member-error-de.png') })
    await dialog.getByRole('button', { name: 'Abbrechen' }).click()
    await page.getByRole('dialog', { name: 'Änderungen verwerfen?' }).getByRole('button', { name: 'Änderungen verwerfen' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByText('3 Personen').waitFor()
    expect(h.errors).toEqual([])
  })
  it('picks and types dates the German way: German month names, weeks from Monday, 27.03.2026', async () => {
    const { page } = h
    await h.session.registry.dispatch('prayerCircles.create', { name: 'Dienstagskreis' })
    await page.keyboard.press('Control+3')
    await page.getByRole('heading', { level: 1, name: 'Gebetskreise' }).waitFor()
    await page.getByRole('button', { name: /Dienstagskreis/ }).first().click()
    await page.getByRole('tab', { name: 'Pläne' }).click()
    const vigil = page.getByRole('button', { name: 'Neue Gebetswache', exact: true })
    if (!(await vigil.isVisible())) await page.getByRole('button', { name: 'Aktionen', exact: true }).click()
    await vigil.click()
    const dialog = page.getByRole('dialog', { name: 'Neue Gebetswache' })
    const field = dialog.getByLabel('Anfangsdatum')
    await field.click()
    const weekdays = page.locator('.mantine-DateInput-weekday')
    await weekdays.first().waitFor()
    expect((await weekdays.allTextContents()).slice(0, 7)).toEqual(['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'])
    // Typed in the German order, the picker turns to that month, named in German.
    await field.fill('27.03.2026')
    await page.getByText('März 2026').waitFor()
    await page.screenshot({ path: join(SHOTS, 'date-picker-de.png') })
    await dialog.getByLabel('Anfangszeit').click()
    expect(await field.inputValue()).toBe('27.03.2026')
    expect(h.errors).toEqual([])
  })
})
