import { join } from 'node:path'
import type { Browser } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { armKeystroke, FIRST_ROWS_AFTER_OPENING_MEMBERS, MEMBER_ROW, PAGE_HELPERS } from '../../bench/members'
import { APP_ORIGIN, type HearthPage, launchChromium, openHearthPage } from '../bridge/bridge'
import { call } from '../helpers/session'
import { tempDir } from '../helpers/temp'

let browser: Browser
let h: HearthPage
const dir = tempDir()
const NAMES = ['José Álvarez', 'Bea Okafor', 'Zoë Smith']

beforeAll(async () => {
  browser = await launchChromium()
  h = await openHearthPage(browser, join(dir, 'hearth.sqlite'), dir)
  await call(h.session, 'members.create', { firstName: 'José', lastName: 'Álvarez', tags: ['Choir'], status: 'visitor' })
  await call(h.session, 'members.create', { firstName: 'Beatrice', preferredName: 'Bea', lastName: 'Okafor' })
  await call(h.session, 'members.create', { firstName: 'Zoë', lastName: 'Smith', tags: ['Flowers'] })
  await h.page.addInitScript({ content: PAGE_HELPERS })
})
afterAll(async () => {
  await h?.close()
  await browser?.close()
})

describe("the bench's view of the members list", () => {
  it('times opening Members to the first member row painted, and that row shows a member by name', async () => {
    const { page } = h
    await page.goto('about:blank')
    await page.goto(`${APP_ORIGIN}/index.html#/settings`)
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
    expect(await page.locator(MEMBER_ROW).count()).toBe(0)
    const ms = (await page.evaluate(FIRST_ROWS_AFTER_OPENING_MEMBERS)) as number
    expect(ms).toBeGreaterThan(0)
    await expect(page.locator(MEMBER_ROW).first().textContent()).resolves.toContain('José Álvarez')
  })

  it('matches member rows only, never the options of the filter lists', async () => {
    const { page } = h
    // The filters sit folded behind "Filters" until opened.
    await page.getByRole('button', { name: /^Filters/ }).click()
    await page.getByRole('textbox', { name: 'Status', exact: true }).or(page.getByRole('combobox', { name: 'Status', exact: true })).first().click()
    await page.getByRole('option', { name: 'Visitor' }).first().waitFor()
    // The original first-rows selector found a filter's option before any member row.
    expect(await page.locator('[role="listbox"] [role="option"]').count()).toBeGreaterThan(3)
    const texts = await page.locator(MEMBER_ROW).allTextContents()
    expect(texts).toHaveLength(3)
    texts.forEach((text, i) => expect(text).toContain(NAMES[i]))
    await page.keyboard.press('Escape')
  })

  it('times a keystroke to the list painted with the answer to the new search', async () => {
    const { page } = h
    const box = page.getByRole('searchbox', { name: 'Search' })
    await box.focus()
    const found = await call(h.session, 'members.search', { filter: { query: 'k' }, sort: 'name' })
    expect(found.rows.map((r) => r.name)).toEqual(['Bea Okafor'])
    await page.evaluate(armKeystroke(found.rows[0]!.id, found.total))
    await page.keyboard.press('k')
    expect((await page.evaluate('window.__keystroke')) as number).toBeGreaterThan(0)
    await expect(page.locator(MEMBER_ROW).allTextContents()).resolves.toEqual([expect.stringContaining('Bea Okafor')])
  })
})
