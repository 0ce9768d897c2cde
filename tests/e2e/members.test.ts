import { join } from 'node:path'
import type { Browser } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HearthPage, launchChromium, openHearthPage } from '../bridge/bridge'
import { tempDir } from '../helpers/temp'
import { revealHeaderButton } from '../bridge/keyboard'

let browser: Browser
let h: HearthPage
const dir = tempDir()

async function seed(channel: string, input: unknown): Promise<{ id: number }> {
  const r = await h.session.registry.dispatch(channel, input)
  if (!r.ok) throw new Error(r.error.message)
  return r.value as { id: number }
}

beforeAll(async () => {
  browser = await launchChromium()
  h = await openHearthPage(browser, join(dir, 'hearth.sqlite'), dir)
  const family = await seed('households.create', { displayName: 'The Álvarez Family', address: { line1: '4 Mill Lane', city: 'York' } })
  await seed('members.create', { firstName: 'José', lastName: 'Álvarez', householdId: family.id, householdRole: 'head', mobilePhone: '07700 900123', tags: ['Choir'] })
  await seed('members.create', { firstName: 'Maria', lastName: 'Álvarez', householdId: family.id, householdRole: 'spouse' })
  const bea = await seed('members.create', { firstName: 'Beatrice', preferredName: 'Bea', lastName: 'Okafor', skills: ['Can drive'] })
  await seed('members.addNote', { personId: bea.id, body: 'Secret pastoral matter', confidential: true })
  await h.page.reload()
})
afterAll(async () => {
  await h?.close()
  await browser?.close()
})

const list = () => h.page.getByRole('listbox', { name: 'People' })
const search = () => h.page.getByRole('searchbox', { name: 'Search' })

describe('the members screen in Chromium', () => {
  it('lists people and finds "José" when typing "jose"', async () => {
    const { page } = h
    await list().getByRole('option', { name: /Bea Okafor/ }).waitFor()
    await expect(page.getByText('3 people').isVisible()).resolves.toBe(true)
    await search().fill('jose')
    await page.getByText('1 person').waitFor()
    await expect(list().getByRole('option').allInnerTexts()).resolves.toEqual([expect.stringContaining('José Álvarez')])
    await search().fill('secret')
    await page.getByText('No one matches').first().waitFor()
    await search().fill('')
    await page.getByText('3 people').waitFor()
    expect(h.errors).toEqual([])
  })

  it('adds a person with the keyboard alone', async () => {
    const { page } = h
    await revealHeaderButton(page, page.getByRole('button', { name: 'Add person' }))
    await page.getByRole('button', { name: 'Add person' }).focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Add a person' })
    await dialog.waitFor()
    await page.keyboard.type('Zoë')
    await page.keyboard.press('Tab')
    await page.keyboard.type('Ng')
    await page.keyboard.press('Enter')
    await dialog.waitFor({ state: 'hidden' })
    await page.getByRole('heading', { level: 2, name: 'Zoë Ng' }).waitFor()
    await page.getByText('4 people').waitFor()
    expect(h.errors).toEqual([])
  })

  it('explains a bad email and a future birthday plainly and saves nothing', async () => {
    const { page } = h
    await revealHeaderButton(page, page.getByRole('button', { name: 'Add person' }))
    await page.getByRole('button', { name: 'Add person' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add a person' })
    await dialog.getByLabel('First name').fill('Ann')
    await dialog.getByLabel('Last name').fill('Lee')
    await dialog.getByLabel('Email').fill('ann-at-home')
    await dialog.getByLabel('Birthday (optional)').fill('2999-01-01')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await dialog.getByText("That doesn't look like an email address.").first().waitFor()
    await expect(dialog.getByText('A birthday cannot be in the future.').isVisible()).resolves.toBe(true)
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await page.getByRole('dialog', { name: 'Discard changes?' }).getByRole('button', { name: 'Discard changes' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await expect(page.getByText('4 people').isVisible()).resolves.toBe(true)
  })

  it('shows a confidential note only in the detail pane, clearly marked', async () => {
    const { page } = h
    await list().getByRole('option', { name: /Bea Okafor/ }).click()
    const pane = page.getByRole('region', { name: 'Bea Okafor' })
    await pane.getByText('Secret pastoral matter').waitFor()
    await expect(pane.getByText('Confidential', { exact: true }).first().isVisible()).resolves.toBe(true)
    await expect(list().getByText('Secret pastoral matter').count()).resolves.toBe(0)
  })

  it('archives a person out of the list', async () => {
    const { page } = h
    await list().getByRole('option', { name: /Zoë Ng/ }).click()
    const pane = page.getByRole('region', { name: 'Zoë Ng' })
    await pane.getByRole('button', { name: 'Archive' }).click()
    await page.getByText('3 people').waitFor()
    await expect(list().getByRole('option', { name: /Zoë Ng/ }).count()).resolves.toBe(0)
    // The filters are folded behind "Filters", which then counts the one that is on.
    await page.getByRole('button', { name: 'Filters', exact: true }).click()
    await page.getByLabel('Show archived people').check()
    await page.getByText('4 people').waitFor()
    await page.getByRole('button', { name: 'Filters (1 on)' }).waitFor()
    await page.getByLabel('Show archived people').uncheck()
    await page.getByText('3 people').waitFor()
    await page.getByRole('button', { name: 'Filters', exact: true }).click()
    expect(h.errors).toEqual([])
  })

  it('deletes after asking, says what refers to the person, and undoes', async () => {
    const { page } = h
    await list().getByRole('option', { name: /José Álvarez/ }).click()
    await page.getByRole('region', { name: 'José Álvarez' }).getByRole('button', { name: 'Delete' }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete José Álvarez?' })
    await dialog.getByText('They are the head of the household “The Álvarez Family”.').waitFor()
    await expect(dialog.getByText('1 × tag or skill (deleted with them)').isVisible()).resolves.toBe(true)
    await dialog.getByRole('button', { name: 'Delete' }).click()
    await page.getByText('Deleted José Álvarez').waitFor()
    await page.getByText('2 people').waitFor()
    await page.getByRole('button', { name: 'Undo: Deleted José Álvarez' }).click()
    await page.getByText('Undone: Deleted José Álvarez').waitFor()
    await page.getByText('3 people').waitFor()
    await search().fill('choir')
    await list().getByRole('option', { name: /José Álvarez/ }).waitFor()
    await search().fill('')
    expect(h.errors).toEqual([])
  })

  it('shows households with their people, and moves through the list with the arrow keys', async () => {
    const { page } = h
    await page.getByText('Households', { exact: true }).click()
    const households = page.getByRole('listbox', { name: 'Households' })
    await households.getByRole('option', { name: /The Álvarez Family/ }).waitFor()
    await households.getByRole('option', { name: /José Álvarez \(Head\), Maria Álvarez \(Spouse\)/ }).waitFor()
    await page.getByText('People', { exact: true }).click()
    await list().focus()
    // Sorted by last name with accents ignored: Álvarez comes before Okafor.
    await page.keyboard.press('ArrowDown')
    await page.getByRole('region', { name: 'José Álvarez' }).waitFor()
    await page.keyboard.press('ArrowDown')
    await page.getByRole('region', { name: 'Maria Álvarez' }).waitFor()
    await page.keyboard.press('End')
    await page.getByRole('region', { name: 'Bea Okafor' }).waitFor()
    expect(h.errors).toEqual([])
  })
})
