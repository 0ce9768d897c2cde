import AxeBuilder from '@axe-core/playwright'
import { join } from 'node:path'
import type { Browser, Locator, Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { revealHeaderButton } from '../bridge/keyboard'
import { type HearthPage, launchChromium, openHearthPage } from '../bridge/bridge'
import { home, sections } from '../bridge/sections'
import { tempDir } from '../helpers/temp'

// axe-core over every section, the home (empty and busy) and the main dialogs, in normal and Large text: any
// serious or critical violation (contrast, a control without a name, a duplicate landmark…) fails the test.

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

/** The serious and critical violations on the page as it is now, one line per element, named by `where`. */
async function violations(page: Page, where: string): Promise<string[]> {
  // Let Mantine's transitions finish, so colours are measured as they end up, not half-faded.
  await page.waitForTimeout(250)
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${where}: ${v.id} (${v.impact}) at ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 2).join('').trim() ?? ''}`))
}

async function openSection(page: Page, key: string, title: string): Promise<void> {
  await page.keyboard.press(`Control+${key}`)
  await page.getByRole('heading', { level: 1, name: title }).waitFor()
}

/** The home, each section, and the screens and dialogs inside them, in the example congregation. */
async function everyScreen(page: Page, label: string): Promise<string[]> {
  const found: string[] = []
  await openSection(page, 'H', home.title)
  await page.getByRole('heading', { name: 'Needs a person' }).waitFor()
  found.push(...(await violations(page, `${label} home (busy)`)))
  for (const [i, s] of sections.entries()) {
    await openSection(page, String(i + 1), s.title)
    found.push(...(await violations(page, `${label} ${s.title}`)))
  }

  await openSection(page, '1', 'Members')
  await page.getByRole('option', { name: /Ada Okafor/ }).click()
  await page.getByRole('heading', { name: 'Ada Okafor' }).first().waitFor()
  found.push(...(await violations(page, `${label} Members with a person open`)))
  await dialog(page, 'Add person', found, `${label} new person dialog`)

  await openSection(page, 'H', home.title)
  await page.getByRole('button', { name: 'Find cooks for The Okafor family' }).click()
  await page.getByRole('heading', { level: 1, name: 'The Okafor family' }).waitFor()
  found.push(...(await violations(page, `${label} meal train`)))
  await dialogFrom(page, page.getByRole('button', { name: /^Sign someone up for Dinner on / }).first(), found, `${label} meal sign-up dialog`)
  await dialog(page, 'Set the date', found, `${label} set the date of Day 1 dialog`)

  await openSection(page, 'H', home.title)
  await page.getByRole('button', { name: 'Fill the gaps in Night of prayer' }).click()
  await page.getByRole('heading', { level: 1, name: 'Night of prayer' }).waitFor()
  found.push(...(await violations(page, `${label} vigil schedule`)))
  await dialogFrom(page, page.getByRole('button', { name: /^Add a person on / }).first(), found, `${label} add to a slot dialog`)

  await openSection(page, '3', 'Prayer circles')
  await page.getByRole('button', { name: 'Tuesday prayer circle' }).click()
  await page.getByRole('heading', { level: 1, name: 'Tuesday prayer circle' }).waitFor()
  found.push(...(await violations(page, `${label} prayer circle`)))
  await dialog(page, 'New prayer vigil', found, `${label} new vigil dialog`)

  await openSection(page, '2', 'Care calendars')
  await dialog(page, 'New care calendar', found, `${label} new meal train dialog`)
  await headerButton(page, 'Asks and offers')
  await page.getByRole('heading', { level: 1, name: 'Asks and offers' }).waitFor()
  found.push(...(await violations(page, `${label} asks and offers`)))
  await dialog(page, 'New ask', found, `${label} new ask dialog`)
  await dialog(page, 'New offer', found, `${label} new offer dialog`)
  await headerButton(page, 'All care calendars')
  await headerButton(page, 'Who has helped lately')
  await page.getByRole('heading', { level: 1, name: 'Who has helped lately' }).waitFor()
  found.push(...(await violations(page, `${label} who has helped lately`)))

  await openSection(page, '4', 'Print')
  await page.getByRole('button', { name: 'Member directory' }).click()
  await page.getByRole('dialog').waitFor()
  await page.getByRole('dialog').locator('canvas, img').first().waitFor({ timeout: 20_000 })
  found.push(...(await violations(page, `${label} print preview`)))
  await closeDialog(page)
  return found
}

/** Presses a section's header button, from behind "Actions" when folded. */
async function headerButton(page: Page, name: string): Promise<void> {
  const target = page.getByRole('button', { name, exact: true }).first()
  if (!(await target.isVisible())) await page.getByRole('button', { name: 'Actions', exact: true }).click()
  await target.click()
}

/** Opens a dialog from the button of that name, checks it, and closes it with Escape. */
async function dialog(page: Page, button: string, found: string[], where: string): Promise<void> {
  const target = page.getByRole('button', { name: button, exact: true }).first()
  // On a narrow window (or with Large text) the section's actions are folded behind "Actions".
  await revealHeaderButton(page, target)
  await dialogFrom(page, target, found, where)
}

async function dialogFrom(page: Page, target: Locator, found: string[], where: string): Promise<void> {
  await target.click()
  await page.getByRole('dialog').waitFor()
  // A person picker that takes focus shows its suggestions at once. That list is reached with the arrow keys from
  // the box (the ARIA combobox pattern), which axe's scrolling-region rule does not know, so it is closed first and
  // the dialog itself is checked.
  await page.waitForTimeout(250)
  if (await page.getByRole('listbox').isVisible()) await page.keyboard.press('Escape')
  await page.getByRole('dialog').waitFor()
  found.push(...(await violations(page, where)))
  await closeDialog(page)
}

/** Escape closes an open list inside the dialog first (a person picker's suggestions), then the dialog. */
async function closeDialog(page: Page): Promise<void> {
  for (let i = 0; i < 3 && (await page.getByRole('dialog').count()) > 0; i++) {
    await page.keyboard.press('Escape')
    await page.waitForTimeout(300)
  }
  await page.getByRole('dialog').waitFor({ state: 'detached' })
}

describe('accessibility (axe-core) in Chromium', () => {
  it('the empty home (first-run checklist) has no serious or critical violations, in normal and Large text', async () => {
    const found: string[] = []
    for (const textSize of ['normal', 'large'] as const) {
      await h.session.registry.dispatch('settings.update', { textSize })
      await h.page.reload()
      await h.page.getByRole('heading', { name: 'Getting started' }).waitFor()
      found.push(...(await violations(h.page, `${textSize} home (empty)`)))
    }
    expect(found).toEqual([])
  })

  it('every section, the busy home, the main views and dialogs have none, in normal and Large text', async () => {
    await h.page.getByRole('button', { name: 'Open the example congregation' }).click()
    await h.page.getByRole('heading', { name: 'Needs a person' }).waitFor()
    const found: string[] = []
    for (const textSize of ['normal', 'large'] as const) {
      await h.session.registry.dispatch('settings.update', { textSize })
      await h.page.reload()
      await h.page.getByRole('heading', { level: 1 }).first().waitFor()
      found.push(...(await everyScreen(h.page, textSize)))
    }
    expect(found).toEqual([])
    expect(h.errors).toEqual([])
  }, 420_000)
})
