import { join } from 'node:path'
import type { Browser, Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MEMBER_ROW } from '../../bench/members'
import { APP_ORIGIN, type HearthPage, launchChromium, openHearthPage } from '../bridge/bridge'
import { call } from '../helpers/session'
import { tempDir } from '../helpers/temp'

let browser: Browser
let h: HearthPage
const dir = tempDir()

beforeAll(async () => {
  browser = await launchChromium()
  h = await openHearthPage(browser, join(dir, 'hearth.sqlite'), dir)
  const smiths = await call(h.session, 'households.create', { displayName: 'The Smith Family' })
  const okafors = await call(h.session, 'households.create', { displayName: 'The Okafor Household' })
  for (const [firstName, lastName, household] of [['Zoë', 'Smith', smiths], ['John', 'Smith', smiths], ['Bea', 'Okafor', okafors], ['José', 'Álvarez', null], ['Ngozi', 'Okafor', okafors]] as const) {
    await call(h.session, 'members.create', { firstName, lastName, householdId: household?.id ?? null, householdRole: household ? 'other' : null })
  }
})
afterAll(async () => {
  await h?.close()
  await browser?.close()
})

/** Every state the people list and its count line pass through, recorded by the page as they change. */
const WATCH = `(() => {
  window.__seen = []
  const look = () => {
    const list = document.querySelector('[role="listbox"][aria-label="People"]')
    const count = list?.parentElement?.querySelector('[aria-live="polite"]')?.textContent ?? ''
    const rows = [...(list?.querySelectorAll('[data-member-row]') ?? [])].map((r) => r.firstElementChild.textContent)
    const last = window.__seen.at(-1)
    if (!last || last.count !== count || last.rows.join('|') !== rows.join('|')) window.__seen.push({ count, rows })
  }
  new MutationObserver(look).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true })
})()`

/** Members on a freshly loaded page, so no search is answered from the list's cache of an earlier test. */
async function openMembersAfresh(page: Page): Promise<void> {
  await page.goto('about:blank')
  await page.goto(`${APP_ORIGIN}/index.html#/members`)
  await page.locator(MEMBER_ROW).first().waitFor()
}

describe('typing a search into Members', () => {
  it('keeps the last answer on screen until the next is in: never an empty list, never "Loading…"', async () => {
    const { page } = h
    await openMembersAfresh(page)
    await page.evaluate(WATCH)
    const box = page.getByRole('searchbox', { name: 'Search' })
    await box.focus()
    for (const key of 'okaf') {
      await page.keyboard.press(key)
      await page.waitForTimeout(50)
    }
    await expect.poll(() => page.locator(MEMBER_ROW).allTextContents()).toEqual([expect.stringContaining('Bea Okafor'), expect.stringContaining('Ngozi Okafor')])
    const seen = (await page.evaluate('window.__seen')) as { count: string; rows: string[] }[]
    expect(seen.length).toBeGreaterThan(1)
    for (const state of seen) {
      expect(state.rows.length).toBeGreaterThan(0)
      expect(state.count).not.toMatch(/Loading/)
    }
    expect(seen.at(-1)).toEqual({ count: expect.stringMatching(/^2 people/), rows: ['Bea Okafor', 'Ngozi Okafor'] })
  })

  it('lands on the last word typed however fast the keys come, and on everyone again once the box is cleared', async () => {
    const { page } = h
    const box = page.getByRole('searchbox', { name: 'Search' })
    await box.fill('')
    await box.pressSequentially('smith')
    await expect.poll(() => page.locator(MEMBER_ROW).allTextContents()).toEqual([expect.stringContaining('John Smith'), expect.stringContaining('Zoë Smith')])
    expect(await box.inputValue()).toBe('smith')
    await page.keyboard.press('Control+A')
    await page.keyboard.press('Backspace')
    await expect.poll(() => page.locator(MEMBER_ROW).count()).toBe(5)
  })

  it('keeps the last answer on screen while a filter or the order changes, too', async () => {
    const { page } = h
    await openMembersAfresh(page)
    await page.evaluate(WATCH)
    await page.getByRole('button', { name: 'Filters', exact: true }).click()
    await page.getByRole('combobox', { name: 'Sort by' }).click()
    await page.getByRole('option', { name: 'First name' }).click()
    await expect.poll(() => page.locator(MEMBER_ROW).first().textContent()).toContain('Bea Okafor')
    await page.getByLabel('Show archived people').check()
    await page.getByRole('button', { name: 'Filters (2 on)' }).waitFor()
    const seen = (await page.evaluate('window.__seen')) as { count: string; rows: string[] }[]
    expect(seen.length).toBeGreaterThan(1)
    for (const state of seen) {
      expect(state.rows.length).toBeGreaterThan(0)
      expect(state.count).not.toMatch(/Loading/)
    }
    expect(seen.at(-1)?.rows).toEqual(['Bea Okafor', 'John Smith', 'José Álvarez', 'Ngozi Okafor', 'Zoë Smith'])
  })

  it('searches the households the same way when the list shows households', async () => {
    const { page } = h
    await openMembersAfresh(page)
    await page.getByText('Households', { exact: true }).click()
    const households = page.getByRole('listbox', { name: 'Households' })
    await expect.poll(() => households.getByRole('option').allTextContents()).toEqual([expect.stringContaining('The Okafor Household'), expect.stringContaining('The Smith Family')])
    await page.getByRole('searchbox', { name: 'Search' }).pressSequentially('okaf')
    await expect.poll(() => households.getByRole('option').allTextContents()).toEqual([expect.stringContaining('The Okafor Household')])
  })
})
