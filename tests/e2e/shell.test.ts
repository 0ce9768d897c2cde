import { join } from 'node:path'
import type { Browser } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HearthPage, launchChromium, openHearthPage } from '../bridge/bridge'
import { home, sections } from '../bridge/sections'
import { tempDir } from '../helpers/temp'

let browser: Browser
let h: HearthPage
const dir = tempDir()

beforeAll(async () => {
  browser = await launchChromium()
  h = await openHearthPage(browser, join(dir, 'hearth.sqlite'), dir, 'en-GB', 'home')
})
afterAll(async () => {
  await h?.close()
  await browser?.close()
})

const SECTIONS = [home.title, ...sections.map((s) => s.title)]

describe('the app shell in Chromium', () => {
  it('opens on the home, with its navigation, one banner and no console errors', async () => {
    const nav = h.page.getByRole('navigation', { name: 'Sections' })
    for (const name of SECTIONS) await expect(nav.getByRole('button', { name: new RegExp(`^${name}`) }).isVisible()).resolves.toBe(true)
    await expect(h.page.getByRole('heading', { level: 1, name: 'This week' }).isVisible()).resolves.toBe(true)
    expect(await h.page.getByRole('banner').count()).toBe(1)
    await expect(h.page.getByText('Never backed up').isVisible()).resolves.toBe(true)
    expect(h.errors).toEqual([])
  })

  it('reaches every section with the keyboard alone (Tab and Enter)', async () => {
    const { page } = h
    for (const name of SECTIONS) {
      await page.locator('body').focus()
      let reached = false
      for (let i = 0; i < 30 && !reached; i++) {
        await page.keyboard.press('Tab')
        reached = await page.evaluate((label) => (document.activeElement?.textContent ?? '').startsWith(label), name)
      }
      expect(reached, `Tab reaches ${name}`).toBe(true)
      await page.keyboard.press('Enter')
      await page.getByRole('heading', { level: 1, name }).waitFor()
      // The section's heading takes focus, so the next Tab continues inside the section.
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1')
    }
    expect(h.errors).toEqual([])
  })

  it('opens sections with Ctrl+number shortcuts', async () => {
    await h.page.keyboard.press('Control+6')
    await h.page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
    await h.page.keyboard.press('Control+2')
    await h.page.getByRole('heading', { level: 1, name: 'Care calendars' }).waitFor()
    await h.page.keyboard.press('Control+H')
    await h.page.getByRole('heading', { level: 1, name: 'This week' }).waitFor()
  })

  it('saves a setting through the real handlers and shows where the data lives', async () => {
    const { page } = h
    await page.keyboard.press('Control+6')
    await page.getByText(join(dir, 'hearth.sqlite')).waitFor()
    await page.getByLabel('Name of your congregation or group').fill('St Brigid’s')
    await page.getByRole('button', { name: 'Save' }).click()
    await page.getByText('Saved').waitFor()
    // The notice's × is named in the volunteer's language like every other close button.
    await expect(page.getByRole('alert').filter({ hasText: 'Saved' }).getByRole('button', { name: 'Close' }).count()).resolves.toBe(1)
    const stored = h.session.context.sqlite.prepare("select value from settings where key = 'congregationName'").pluck().get()
    expect(stored).toBe(JSON.stringify('St Brigid’s'))
    expect(h.errors).toEqual([])
  })
})
