import { join } from 'node:path'
import type { Browser } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HearthPage, launchChromium, openHearthPage } from '../bridge/bridge'
import { tempDir } from '../helpers/temp'

let browser: Browser
let h: HearthPage
const dir = tempDir()
const NOW = '2026-01-01T00:00:00.000Z'

beforeAll(async () => {
  browser = await launchChromium()
  h = await openHearthPage(browser, join(dir, 'hearth.sqlite'), dir)
  // A congregation big enough that its directory takes a while: 40,000 people.
  const { sqlite } = h.session.context
  const household = sqlite.prepare('insert into households (display_name, address_line1, city, home_phone, updated_at) values (?, ?, ?, ?, ?)')
  const person = sqlite.prepare('insert into people (household_id, household_role, first_name, last_name, mobile_phone, email, updated_at) values (?, ?, ?, ?, ?, ?, ?)')
  sqlite.transaction(() => {
    let made = 0
    for (let n = 0; made < 40_000; n++) {
      const id = Number(household.run(`The Family${n} family`, `${n} Long Road`, 'Leeds', '0113 496 0000', NOW).lastInsertRowid)
      for (let m = 0; m < 1 + (n % 4) && made < 40_000; m++, made++) person.run(id, 'head', `Person${made}`, `Family${n}`, `07700 ${made}`, `p${made}@example.org`, NOW)
    }
  })()
})
afterAll(async () => {
  await h?.close()
  await browser?.close()
})

describe('a long printout in Chromium', () => {
  it('shows how far the directory has got and stops it when the volunteer presses Stop, by keyboard', async () => {
    const { page } = h
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: /^Print/ }).click()
    await page.getByRole('heading', { level: 1, name: 'Print' }).waitFor()
    await page.getByRole('button', { name: 'Member directory' }).click()
    const dialog = page.getByRole('dialog', { name: 'Member directory' })
    await dialog.getByRole('status').filter({ hasText: /Reading the list of people|Laying out the households/ }).waitFor({ timeout: 60_000 })
    await dialog.getByRole('progressbar').first().waitFor()
    const stop = dialog.getByRole('button', { name: 'Stop' })
    await stop.focus()
    await page.keyboard.press('Enter')
    await dialog.getByText('Stopped: the printout was cancelled.').waitFor({ timeout: 10_000 })
    await expect(stop.count()).resolves.toBe(0)
    // Nothing was made, so there is nothing to print.
    expect(await dialog.getByRole('button', { name: 'Print…' }).isDisabled()).toBe(true)
  }, 120_000)
})
