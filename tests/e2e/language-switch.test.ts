import { join } from 'node:path'
import type { Browser, Locator } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HearthPage, launchChromium, openHearthPage } from '../bridge/bridge'
import { openSection } from '../bridge/keyboard'
import { call } from '../helpers/session'
import { tempDir } from '../helpers/temp'
import { LANGUAGES, messagesOf } from '../../main/contract/i18n/catalog'
import { addPerson } from '../meal-trains/fixtures'

// Everything current (issue 29): after a switch of language, a warning main worded is shown in the new language
// at once, not in the old one until a reload.

let browser: Browser
let h: HearthPage
const dir = tempDir()
const de = messagesOf(LANGUAGES.find((l) => l.code === 'de')!)

beforeAll(async () => {
  browser = await launchChromium()
  h = await openHearthPage(browser, join(dir, 'hearth.sqlite'), dir, 'en-GB', 'meal-trains')
  await call(h.session, 'settings.update', { timeZone: 'Europe/London' })
  await addPerson(h.session.context.db, { first: 'Ada', last: 'Okafor', household: 'The Okafor family', address: '4 Elm Row', dietary: ['nut_allergy'] })
  await call(h.session, 'mealTrains.create', { recipientName: 'The Okafor family', startsOn: '2026-12-07', endsOn: '2026-12-13', weekdays: [1, 2, 3, 4, 5, 6, 7], meals: [{ meal: 'dinner', from: '17:00', to: '19:00' }], dietary: ['nut_allergy'] })
  await h.page.reload()
})
afterAll(async () => {
  await h?.close()
  await browser?.close()
})

/** The sign-up for Monday's dinner, with a dish that mentions peanuts; returns the dialog and its warnings. */
async function peanutSignup(dishLabel: string, someoneElse: string, nameLabel: string): Promise<{ dialog: Locator; warnings: Locator }> {
  const { page } = h
  await page.getByRole('button', { name: /Okafor/ }).first().click()
  await page.getByRole('button', { name: /7\.? December|7\. Dezember/ }).first().click()
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('radio', { name: someoneElse }).check()
  await dialog.getByLabel(nameLabel).fill('Jo')
  await dialog.getByLabel(dishLabel).fill('Peanut noodles')
  const warnings = dialog.getByRole('status')
  await warnings.waitFor()
  return { dialog, warnings }
}

describe('a switch of language', () => {
  it('rewords a dish warning main wrote, without a reload', async () => {
    const { page } = h
    await page.getByRole('heading', { level: 1, name: 'Care calendars' }).waitFor()
    const english = await peanutSignup('What they plan to bring', 'Someone else', 'Volunteer’s name')
    const before = await english.warnings.innerText()
    expect(before).toContain('“Peanut noodles” may not suit this family (nut allergy)')
    await english.dialog.getByRole('button', { name: 'Cancel' }).click()
    const discard = page.getByRole('dialog', { name: 'Discard changes?' }).getByRole('button', { name: 'Discard changes' })
    await discard.or(page.getByRole('heading', { level: 1, name: 'The Okafor family' })).first().waitFor()
    if (await discard.isVisible()) await discard.click()
    await english.dialog.waitFor({ state: 'detached' })

    await openSection(page, 'Control+6', page.getByRole('heading', { level: 1, name: 'Settings' }))
    await page.getByRole('combobox', { name: 'Language' }).click()
    await page.getByRole('option', { name: 'Deutsch' }).click()
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: de['nav.settings']! }).waitFor()

    await openSection(page, 'Control+2', page.getByRole('heading', { level: 1, name: de['nav.mealTrains']! }))
    const german = await peanutSignup(de['mealTrains.signup.dish']!, de['mealTrains.signup.volunteerKind.writeIn']!, de['mealTrains.signup.name']!)
    await expect.poll(() => german.warnings.innerText(), { timeout: 15_000 }).not.toContain('may not suit')
    expect(await german.warnings.innerText()).toContain('„Peanut noodles“ passt vielleicht nicht für diese Familie (Nussallergie)')
    expect(h.errors).toEqual([])
  })
})
