import { join } from 'node:path'
import type { Browser, Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HearthPage, launchChromium, openHearthPage } from '../bridge/bridge'
import { home, sections } from '../bridge/sections'
import { tempDir } from '../helpers/temp'

// At 800×600, in normal and Large text, no screen may scroll the page sideways: the sidebar folds into a menu,
// header actions into "Actions", and wide content scrolls inside its own box.

let browser: Browser
let h: HearthPage
const dir = tempDir()

beforeAll(async () => {
  browser = await launchChromium()
  h = await openHearthPage(browser, join(dir, 'hearth.sqlite'), dir, 'en-GB', 'home', { width: 800, height: 600 })
  const opened = await h.session.registry.dispatch('home.openExample', {})
  if (!opened.ok) throw new Error(opened.error.message)
})
afterAll(async () => {
  await h?.close()
  await browser?.close()
})

/** How far the page scrolls sideways, in CSS pixels (0 when it does not). */
function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
}

async function openFromMenu(page: Page, name: string, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Sections' }).click()
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: new RegExp(`^${name}`) }).click()
  await page.getByRole('heading', { level: 1, name: title }).waitFor()
  await page.waitForTimeout(200)
}

async function measureAll(page: Page, label: string): Promise<Record<string, number>> {
  const widths: Record<string, number> = {}
  for (const s of [{ ...home, title: home.title }, ...sections]) {
    await openFromMenu(page, 'nav' in s ? s.nav : s.title, s.title)
    widths[`${label} ${s.title}`] = await sidewaysScroll(page)
  }
  // The wide views inside the sections: a meal train's calendar, a vigil, a circle's phone chain.
  await openFromMenu(page, home.nav, home.title)
  await page.getByRole('button', { name: 'Find cooks for The Okafor family' }).click()
  await page.getByRole('heading', { level: 1, name: 'The Okafor family' }).waitFor()
  widths[`${label} meal train`] = await sidewaysScroll(page)
  await openFromMenu(page, home.nav, home.title)
  await page.getByRole('button', { name: 'Fill the gaps in Night of prayer' }).click()
  await page.getByRole('heading', { level: 1, name: 'Night of prayer' }).waitFor()
  widths[`${label} vigil`] = await sidewaysScroll(page)
  await openFromMenu(page, 'Prayer circles', 'Prayer circles')
  await page.getByRole('button', { name: 'Tuesday prayer circle' }).click()
  await page.getByRole('heading', { level: 1, name: 'Tuesday prayer circle' }).waitFor()
  await page.getByRole('tab', { name: /phone chain/i }).click()
  widths[`${label} phone chain`] = await sidewaysScroll(page)
  return widths
}

describe('layout at 800×600', () => {
  it('folds the sidebar into a menu and never scrolls the page sideways, in normal and Large text', async () => {
    const { page } = h
    const widths: Record<string, number> = {}
    for (const textSize of ['normal', 'large'] as const) {
      await h.session.registry.dispatch('settings.update', { textSize })
      await page.reload()
      await page.getByRole('heading', { level: 1 }).first().waitFor()
      expect(await page.getByRole('navigation', { name: 'Sections' }).isVisible()).toBe(false)
      Object.assign(widths, await measureAll(page, textSize))
    }
    expect(Object.entries(widths).filter(([, px]) => px > 0)).toEqual([])
    expect(h.errors).toEqual([])
  }, 180_000)

  it('shows a filled 24-hour vigil in one screen at 1280×860', async () => {
    const { page } = h
    await h.session.registry.dispatch('settings.update', { textSize: 'normal' })
    await page.setViewportSize({ width: 1280, height: 860 })
    const made = await h.session.registry.dispatch('prayerCircles.createVigil', { circleId: 1, title: 'Easter vigil', startDate: '2026-12-05', startTime: '20:00', hours: 24, slotMinutes: 60 })
    if (!made.ok) throw new Error(made.error.message)
    const { id } = made.value as { id: number }
    await h.session.registry.dispatch('prayerCircles.autoFill', { scheduleId: id })
    await page.goto(page.url().replace(/#.*$/, `#/prayer-circles/schedule/1/${id}`))
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Easter vigil' }).waitFor()
    expect(await page.getByRole('button', { name: /^Add a person on / }).count()).toBe(24)
    const bottom = await page.evaluate(() => document.querySelector('.schedule-grid')?.getBoundingClientRect().bottom ?? Infinity)
    expect(bottom).toBeLessThanOrEqual(860)
    expect(await sidewaysScroll(page)).toBe(0)
    await page.setViewportSize({ width: 800, height: 600 })
  })

  it('folds header actions into one "Actions" menu that works by keyboard', async () => {
    const { page } = h
    await openFromMenu(page, 'Members', 'Members')
    const add = page.getByRole('button', { name: 'Add person', exact: true })
    expect(await add.isVisible()).toBe(false)
    const actions = page.getByRole('button', { name: 'Actions', exact: true })
    await actions.focus()
    await page.keyboard.press('Enter')
    await add.waitFor()
    await add.focus()
    await page.keyboard.press('Enter')
    await page.getByRole('dialog', { name: /person/i }).waitFor()
    await page.keyboard.press('Escape')
  })
})

describe('header actions that fit stay in view', () => {
  it('shows the Members buttons without "Actions" at 1280×860, and the page still does not scroll', async () => {
    const { page } = h
    await page.setViewportSize({ width: 1280, height: 860 })
    try {
      await page.keyboard.press('Control+1')
      await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor()
      const add = page.getByRole('button', { name: 'Add person', exact: true })
      await add.waitFor()
      for (const name of ['Add household', 'Import from spreadsheet…', 'Export this list (CSV)…']) {
        expect(await page.getByRole('button', { name, exact: true }).isVisible(), name).toBe(true)
      }
      expect(await page.getByRole('button', { name: 'Actions', exact: true }).isVisible()).toBe(false)
      expect(await page.evaluate(() => document.documentElement.scrollHeight - document.documentElement.clientHeight)).toBeLessThanOrEqual(1)
      expect(await sidewaysScroll(page)).toBe(0)
    } finally {
      await page.setViewportSize({ width: 800, height: 600 })
    }
  })
})
