import { join } from 'node:path'
import type { Browser } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateMembersFast } from '../../bench/members-data'
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
  generateMembersFast(h.session.context.sqlite, 1250, 500)
})
afterAll(async () => {
  await h?.close()
  await browser?.close()
})

describe('a members list longer than the count goes', () => {
  it('says "more than 1,000", tells screen readers the size is unknown, and grows to the last person by keyboard', async () => {
    const { page } = h
    await page.goto(`${APP_ORIGIN}/index.html#/members`)
    await page.getByText('More than 1,000 people match').waitFor()
    const list = page.getByRole('listbox', { name: 'People' })
    await expect(list.getByRole('option').first().getAttribute('aria-setsize')).resolves.toBe('-1')
    const everyone = h.session.context.sqlite.prepare('select count(*) from people where archived_at is null').pluck().get() as number
    expect(everyone).toBeGreaterThan(1000)
    await list.focus()
    await page.keyboard.press('ArrowDown')
    // End goes to the last row the list knows of; each time it loads the next page, until the count is exact and
    // End lands on the last person.
    const last = list.getByRole('option').last()
    const atEnd = async () => (await last.getAttribute('aria-setsize')) === String(everyone) && (await last.getAttribute('aria-posinset')) === String(everyone)
    for (let i = 0; i < 40 && !(await atEnd()); i++) {
      await page.keyboard.press('End')
      await page.waitForTimeout(200)
    }
    await expect(last.getAttribute('aria-setsize')).resolves.toBe(String(everyone))
    await expect(last.getAttribute('aria-posinset')).resolves.toBe(String(everyone))
    await expect(last.locator('[data-member-row]').textContent()).resolves.toMatch(/\w+ \w+/)
    // The words above the list still give what the first page counted.
    await page.getByText('More than 1,000 people match').waitFor()
    await expect(page.locator(MEMBER_ROW).count()).resolves.toBeGreaterThan(0)
  })

  it('gives the exact number once a search narrows it below 1,000', async () => {
    const { page } = h
    const name = h.session.context.sqlite.prepare('select last_name from people order by id limit 1').pluck().get() as string
    const n = h.session.context.sqlite.prepare('select count(*) from people where archived_at is null and last_name = ?').pluck().get(name) as number
    expect(n).toBeLessThan(1000)
    const found = await call(h.session, 'members.search', { filter: { query: name }, sort: 'name' })
    expect([found.more, found.total >= n, found.total < 1000]).toEqual([false, true, true])
    await page.getByRole('searchbox', { name: 'Search' }).fill(name)
    const list = page.getByRole('listbox', { name: 'People' })
    await expect.poll(() => list.getByRole('option').first().getAttribute('aria-setsize')).toBe(String(found.total))
    await page.getByText(`${found.total} people`, { exact: true }).waitFor()
  })
})
