import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Browser } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HearthPage, launchChromium, openHearthPage } from '../bridge/bridge'
import { pickWithKeyboard, revealHeaderButton } from '../bridge/keyboard'
import { addHousehold } from '../communal-meals/fixtures'
import { tempDir } from '../helpers/temp'
import { pdfText } from '../print/read-pdf'

let browser: Browser
let h: HearthPage
const dir = tempDir()
const shots = process.env.HEARTH_SHOTS

beforeAll(async () => {
  browser = await launchChromium()
  h = await openHearthPage(browser, join(dir, 'hearth.sqlite'), dir)
  const db = h.session.context.db
  await h.session.registry.dispatch('settings.update', { timeZone: 'Europe/London' })
  await addHousehold(db, 'The Haddad family', [
    { first: 'Amira', last: 'Haddad', role: 'head', dietary: ['halal', 'sesame_allergy'] },
    { first: 'Yusuf', last: 'Haddad', role: 'spouse', dietary: ['halal'] },
  ])
  await addHousehold(db, 'The Okafor family', [{ first: 'Ada', last: 'Okafor', role: 'head', dietary: ['vegetarian'] }])
})
afterAll(async () => {
  await h?.close()
  await browser?.close()
})

async function mealAction(name: string): Promise<void> {
  const target = h.page.getByRole('group', { name: 'Actions for this meal' }).getByRole('button', { name })
  await revealHeaderButton(h.page, target)
  await target.click()
}

/** Serious and critical accessibility problems on the page as it is now. */
async function axe(): Promise<string[]> {
  await h.page.waitForTimeout(250)
  const result = await new AxeBuilder({ page: h.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(' ')}`))
}

const row = (sql: string) => h.session.context.sqlite.prepare(sql).get() as Record<string, unknown> | undefined

describe('communal meals in Chromium', () => {
  it('sets up a bring-and-share lunch with the keyboard', async () => {
    const { page } = h
    await page.keyboard.press('Control+9')
    await page.getByRole('heading', { level: 1, name: 'Communal meals' }).waitFor()
    await page.getByText('No communal meals yet').waitFor()
    await page.getByRole('button', { name: 'New meal' }).focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'New communal meal' })
    await dialog.waitFor()
    await page.keyboard.type('Harvest bring-and-share lunch')
    await dialog.getByLabel('Date').fill('2026-10-04')
    await dialog.getByLabel('Time (like 12:30)').fill('12:30')
    await dialog.getByLabel('Place').fill('Church hall')
    // The list starts with what most lunches ask for: four mains serving eight each, and the rest.
    expect(await dialog.getByRole('group', { name: 'What is needed' }).getByRole('combobox').count()).toBe(5)
    if (shots) await page.screenshot({ path: join(shots, 'communal-new.png'), fullPage: true })
    await dialog.getByRole('button', { name: 'Save the meal' }).focus()
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: 'Harvest bring-and-share lunch' }).waitFor()
    await page.getByText('No one has said they are coming yet', { exact: true }).waitFor()
    expect(row('select title, date, time, place from communal_meals')).toEqual({ title: 'Harvest bring-and-share lunch', date: '2026-10-04', time: '12:30', place: 'Church hall' })
    expect(h.errors).toEqual([])
  })

  it('adds a household coming, whose needs show in the headcount and warnings', async () => {
    const { page } = h
    await pickWithKeyboard(page, page.getByRole('combobox', { name: 'Member (their household comes)' }), 'Amira', /Amira Haddad/)
    await page.getByRole('textbox', { name: 'Adults' }).fill('2')
    await page.getByRole('button', { name: 'Add', exact: true }).click()
    await page.getByText('2 expected: 2 halal, 1 sesame allergy').waitFor()
    await page.getByText('Nothing halal among the mains yet: 2 people coming are halal.').waitFor()
    expect(h.errors).toEqual([])
  })

  it('signs up a dish with its allergens and labels through the checklist, warning of the sesame', async () => {
    const { page } = h
    await page.getByRole('button', { name: 'Sign up for Main' }).click()
    const dialog = page.getByRole('dialog', { name: 'Sign up: Main' })
    await dialog.waitFor()
    await pickWithKeyboard(page, dialog.getByRole('combobox', { name: 'Member' }), 'Okafor', /Ada Okafor/)
    await dialog.getByRole('textbox', { name: 'How many dishes' }).fill('2')
    await dialog.getByLabel('What they bring').fill('Falafel with tahini')
    for (const a of ['Sesame', 'Gluten (wheat, rye, barley, oats)', 'Mustard']) {
      await dialog.getByRole('checkbox', { name: a, exact: true }).focus()
      await page.keyboard.press('Space')
    }
    for (const l of ['Halal', 'Vegan']) await dialog.getByRole('checkbox', { name: l, exact: true }).check()
    await dialog.getByText('“Falafel with tahini” from someone contains sesame: Amira Haddad is coming (sesame allergy).').waitFor()
    if (shots) await page.screenshot({ path: join(shots, 'communal-signup.png'), fullPage: true })
    expect(await axe()).toEqual([])
    await dialog.getByRole('button', { name: 'Sign up' }).click()
    await dialog.waitFor({ state: 'detached' })
    await page.getByText('2 of 4').first().waitFor()
    await page.getByText('“Falafel with tahini” from Ada contains sesame: Amira Haddad is coming (sesame allergy).').waitFor()
    expect(row('select name, quantity, dish, contains, labels from communal_signups')).toEqual({
      name: 'Ada Okafor',
      quantity: 2,
      dish: 'Falafel with tahini',
      contains: JSON.stringify(['sesame', 'gluten', 'mustard']),
      labels: JSON.stringify(['halal', 'vegan']),
    })
    // The halal falafel meets the halal need: that warning is gone.
    expect(await page.getByText('Nothing halal among the mains yet').count()).toBe(0)
    if (shots) await page.screenshot({ path: join(shots, 'communal-meal.png'), fullPage: true })
    expect(await axe()).toEqual([])
    expect(h.errors).toEqual([])
  })

  it('copies what is still needed as a message', async () => {
    await mealAction('Copy as message')
    await expect.poll(() => h.os.copied.length).toBe(1)
    expect(h.os.copied[0]).toBe('Still needed for Harvest bring-and-share lunch on Sunday 4 October: 2 mains, 2 sides, 2 desserts, 2 people to set up, 3 people to wash up')
    expect(h.errors).toEqual([])
  })

  it('prints the dish cards from the meal page, naming every allergen ticked', async () => {
    const { page } = h
    await mealAction('Print…')
    await page.getByRole('menuitem', { name: 'Dish cards for the serving table' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.locator('canvas').first().waitFor({ timeout: 30_000 })
    await dialog.getByRole('button', { name: 'Print…' }).click()
    await expect.poll(() => h.os.printed.length, { timeout: 15_000 }).toBe(1)
    const text = pdfText(h.os.printed[0]!.pdf).replace(/\s+/g, ' ')
    for (const word of ['Falafel with tahini', 'Made by Ada', 'Sesame', 'Gluten (wheat', 'Mustard', 'Halal', 'Vegan']) expect(text, word).toContain(word)
    expect(text).not.toContain('Okafor')
    expect(h.errors).toEqual([])
  })
})
