import AxeBuilder from '@axe-core/playwright'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HearthPage, launchChromium, openHearthPage } from '../bridge/bridge'
import { openSection, pickWithKeyboard } from '../bridge/keyboard'
import { call } from '../helpers/session'
import { tempDir } from '../helpers/temp'
import { addPeople } from '../prayer-circles/people'

let browser: Browser
let h: HearthPage
let ann: number, ben: number
const dir = tempDir()

beforeAll(async () => {
  browser = await launchChromium()
  h = await openHearthPage(browser, join(dir, 'hearth.sqlite'), dir)
  await h.page.setViewportSize({ width: 800, height: 600 })
  await call(h.session, 'settings.update', { timeZone: 'Europe/London' })
  ;[ann, ben] = (await addPeople(h.session, ['Ann Abbott', 'Ben Brown', 'Cara Cole'])) as [number, number]
  await call(h.session, 'prayerCircles.create', { name: 'Adorers', leaderPersonId: ann, memberIds: [ben] })
})
afterAll(async () => {
  await h?.close()
  await browser?.close()
})

async function press(name: string | RegExp, role: 'button' | 'tab' = 'button', within = h.page.locator('body')) {
  const target = within.getByRole(role, { name, exact: typeof name === 'string' }).first()
  await target.focus()
  await h.page.keyboard.press('Enter')
}

function pickPerson(label: string, typed: string): Promise<void> {
  return pickWithKeyboard(h.page, h.page.getByLabel(label, { exact: true }).first(), typed, new RegExp(typed))
}

/**
 * The prayer circles (Ctrl+3), then one circle, each step waiting on what it brings, never on a fixed time. A page
 * just opened or reloaded hears Ctrl+3 only once its shell has mounted, and nothing on the page shows when that
 * is: a press that came too early was lost, and waiting for the circle's button then timed out. So the shortcut
 * is pressed again until the section's heading comes (a page reloaded there already shows it).
 */
async function openCircle(name: string): Promise<void> {
  const { page } = h
  await openSection(page, 'Control+3', page.getByRole('heading', { level: 1, name: 'Prayer circles' }))
  await press(`Open ${name}`)
  await page.getByRole('heading', { level: 1, name }).waitFor()
}

const sql = (query: string) => h.session.context.sqlite.prepare(query)
/** Pictures to look at after a run (HEARTH_SHOTS=DIR keeps them there): the screens at 800×600, normal and Large text. */
const shots = process.env.HEARTH_SHOTS ?? join(dir, 'screenshots')
mkdirSync(shots, { recursive: true })
const shoot = (name: string) => h.page.screenshot({ path: join(shots, `${name}.png`), fullPage: true })

/** Serious and critical axe-core violations on the page as it is now, one line per element. */
async function violations(page: Page, where: string): Promise<string[]> {
  await page.waitForTimeout(250)
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${where}: ${v.id} at ${n.target.join(' ')}`))
}

/** Nothing on the page is wider than the 800-pixel window (no sideways scrolling). */
const fitsWidth = () => h.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)

describe('standing hours in Chromium at 800×600', () => {
  it('makes an all-week chapel schedule from the circle', async () => {
    const { page } = h
    await openCircle('Adorers')
    await press('New standing hours')
    const dialog = page.getByRole('dialog', { name: 'New standing hours' })
    await dialog.getByRole('textbox', { name: /^Name/ }).fill('Adoration chapel')
    // Escape with a name typed asks first; keeping it loses nothing.
    await page.keyboard.press('Escape')
    await page.getByRole('dialog', { name: 'Discard changes?' }).waitFor()
    await press('Keep editing')
    await page.getByRole('dialog', { name: 'Discard changes?' }).waitFor({ state: 'detached' })
    expect(await dialog.getByRole('textbox', { name: /^Name/ }).inputValue()).toBe('Adoration chapel')
    await press('Create standing hours', 'button', dialog)
    await page.getByRole('heading', { level: 1, name: 'Adoration chapel' }).waitFor()
    // 167 when this week has the night the clocks go forward: that hour does not happen.
    await page.getByText(/^16[78] slots this week still need people\./).waitFor()
    expect(sql('select count(*) from standing_hours').pluck().get()).toBe(168)
    expect(await fitsWidth()).toBe(true)
    expect(h.errors).toEqual([])
  })

  it('takes a standing hour: Ann keeps Tuesday 03:00 every week', async () => {
    const { page } = h
    await press(/^Tuesday, .*, 03:00–04:00\. Nobody/)
    const dialog = page.getByRole('dialog', { name: /^Tuesday, .*, 03:00–04:00$/ })
    await dialog.waitFor()
    await pickPerson('Keep Tuesday 03:00 every week', 'Ann')
    await press('Take this slot', 'button', dialog)
    await dialog.getByText('every week', { exact: true }).waitFor()
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: /^Tuesday, .*, 03:00–04:00\. Ann Abbott$/ }).waitFor()
    expect(sql('select person_id, until_date from standing_holders').all()).toEqual([{ person_id: ann, until_date: null }])
    expect(h.errors).toEqual([])
  })

  it('Ben offers to substitute on Tuesday nights', async () => {
    const { page } = h
    await press('Substitute pool', 'tab')
    await pickPerson('Member offering to substitute', 'Ben')
    await page.getByRole('combobox', { name: 'Day' }).focus()
    await page.keyboard.press('ArrowDown')
    await page.getByRole('option', { name: 'Tuesday' }).click()
    await page.getByLabel('From', { exact: true }).fill('00:00')
    await page.getByLabel('To', { exact: true }).fill('06:00')
    await press('Add to the pool')
    await page.getByRole('cell', { name: 'Tue 00:00–06:00' }).waitFor()
    expect(await fitsWidth()).toBe(true)
    expect(h.errors).toEqual([])
  })

  it('next week Ann cannot come: the date needs a substitute, and Ben is chosen from the pool', async () => {
    const { page } = h
    await press('Week', 'tab')
    await press('Next week')
    await press(/^Tuesday, .*, 03:00–04:00\. Ann Abbott$/)
    const dialog = page.getByRole('dialog', { name: /^Tuesday, .*, 03:00–04:00$/ })
    await press('Ann Abbott can’t come on this date', 'button', dialog)
    await dialog.getByText('Ann Abbott can’t come: a substitute is needed').waitFor()
    const away = sql("select on_date, person_id from standing_exceptions where kind = 'away'").get() as { on_date: string; person_id: number | null }
    expect(away.person_id).toBeNull()
    // The message asking for a substitute gives the time, never who cannot come.
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    await press('Copy a message asking for substitutes')
    const copied = page.getByRole('dialog', { name: 'Copied. Paste it into WhatsApp, a text or an email.' })
    const message = await copied.getByRole('textbox').inputValue()
    expect(message).toMatch(/^Adoration chapel \(Adorers\)\nThese times still need someone:\n• .*3:00.*4:00/)
    // Ann leads the circle, so replies go to her; the times listed do not say she is the one away.
    expect(message.split('\n').filter((l) => l.startsWith('• '))).toEqual([expect.not.stringContaining('Ann')])
    expect(message).toContain('To take one, reply to Ann Abbott')
    await page.keyboard.press('Escape')
    await copied.waitFor({ state: 'detached' })
    await press(/^Tuesday, .*, 03:00–04:00\. Nobody\. Ann Abbott cannot come/)
    await press('Find a substitute', 'button', dialog)
    await press('Choose Ben Brown as the substitute', 'button', dialog)
    await dialog.getByText('substitute', { exact: true }).waitFor()
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: /^Tuesday, .*, 03:00–04:00\. Ben Brown$/ }).waitFor()
    expect(sql("select person_id from standing_exceptions where kind = 'away'").pluck().get()).toBe(ben)
    // The week before is untouched: Ann is still there.
    await press('Previous week')
    await page.getByRole('button', { name: /^Tuesday, .*, 03:00–04:00\. Ann Abbott$/ }).waitFor()
    expect(await fitsWidth()).toBe(true)
    expect(h.errors).toEqual([])
  })

  it('previews the week as one landscape page from the Print menu', async () => {
    const { page } = h
    // At 800 pixels the header's buttons are folded behind "Actions".
    await press('Actions')
    await press('Print…')
    await page.getByRole('menuitem', { name: 'The week on one page' }).waitFor()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Standing hours: the week' })
    await dialog.getByRole('img', { name: 'Page 1 of 1' }).waitFor({ timeout: 20_000 })
    await page.keyboard.press('Escape')
    expect(h.errors).toEqual([])
  })

  it('the member pane lists the standing hour Ann keeps; she marks preferred and impossible hours by keyboard', async () => {
    const { page } = h
    // The members were put straight into the table behind the page's back, so its list is read afresh.
    await page.reload()
    await page.getByRole('heading', { level: 1 }).first().waitFor()
    await page.keyboard.press('Control+1')
    await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor()
    await page.getByRole('option', { name: /Ann Abbott/ }).click()
    await page.getByRole('heading', { name: 'Ann Abbott' }).first().waitFor()
    await page.getByText(/^Tuesday 03:00–04:00 every week · Adoration chapel \(Adorers\)/).waitFor()
    await page.getByText('No preferred or impossible times of the week yet.').waitFor()
    await press('Preferred and impossible times…')
    const dialog = page.getByRole('dialog', { name: 'Preferred and impossible times: Ann Abbott' })
    await dialog.waitFor()
    // One tab stop in the grid; the arrow keys move, Space steps through the marks, P and X set them.
    await dialog.getByRole('button', { name: 'Monday 08:00–09:00: no preference' }).focus()
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Space')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('p')
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight')
    await page.keyboard.press('x')
    await dialog.getByRole('button', { name: 'Sunday 09:00–10:00: Impossible' }).waitFor()
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Sunday 09:00–10:00: Impossible')
    await shoot('week-times-800')
    // Escape with unsaved marks asks first; keeping them loses nothing.
    await page.keyboard.press('Escape')
    await page.getByRole('dialog', { name: 'Discard changes?' }).waitFor()
    await press('Keep editing')
    await dialog.getByRole('button', { name: 'Tuesday 09:00–10:00: Preferred' }).waitFor()
    await press('Save times', 'button', dialog)
    await dialog.waitFor({ state: 'detached' })
    await page.getByText('Prefers: Tue 08:00–10:00').waitFor()
    await page.getByText('Can never come: Sun 09:00–10:00').waitFor()
    expect(sql('select kind, weekday, start_minute, end_minute from member_week_times where person_id = ' + ann + ' order by weekday').all()).toEqual([
      { kind: 'prefer', weekday: 2, start_minute: 480, end_minute: 600 },
      { kind: 'impossible', weekday: 7, start_minute: 540, end_minute: 600 },
    ])
    await page.getByRole('option', { name: /Ben Brown/ }).click()
    await page.getByText('Substitute for Adoration chapel (Adorers): Tue 00:00–06:00').waitFor()
    await shoot('member-pane-800')
    expect(await fitsWidth()).toBe(true)
    expect(h.errors).toEqual([])
  })

  it('the standing-hours screens and the times-of-the-week grid pass axe and fit 800×600, in normal and Large text', async () => {
    const { page } = h
    const found: string[] = []
    for (const textSize of ['normal', 'large'] as const) {
      await h.session.registry.dispatch('settings.update', { textSize })
      await page.reload()
      await openCircle('Adorers')
      await press('Open Adoration chapel')
      await page.getByRole('heading', { level: 1, name: 'Adoration chapel' }).waitFor()
      found.push(...(await violations(page, `${textSize} week`)))
      expect(await fitsWidth(), `${textSize} week`).toBe(true)
      await shoot(`standing-week-${textSize}`)
      await press(/^Tuesday, .*, 03:00–04:00\. Ann Abbott$/)
      await page.getByRole('dialog').waitFor()
      found.push(...(await violations(page, `${textSize} slot dialog`)))
      await page.keyboard.press('Escape')
      await page.getByRole('dialog').waitFor({ state: 'detached' })
      await press('Substitute pool', 'tab')
      await page.getByRole('cell', { name: 'Tue 00:00–06:00' }).waitFor()
      found.push(...(await violations(page, `${textSize} pool`)))
      expect(await fitsWidth(), `${textSize} pool`).toBe(true)
      await shoot(`standing-pool-${textSize}`)
      await page.keyboard.press('Control+1')
      await page.getByRole('option', { name: /Ann Abbott/ }).click()
      await press('Preferred and impossible times…')
      await page.getByRole('dialog').waitFor()
      found.push(...(await violations(page, `${textSize} times of the week`)))
      await shoot(`week-times-${textSize}`)
      await page.keyboard.press('Escape')
      await page.getByRole('dialog').waitFor({ state: 'detached' })
    }
    await h.session.registry.dispatch('settings.update', { textSize: 'normal' })
    expect(found).toEqual([])
    expect(h.errors).toEqual([])
  }, 300_000)

  // Last: the page's clock stays where this test puts it. Ann keeps Tuesday 03:00 only from the week the run began,
  // so these 2026 weeks hold nobody.
  it('opens the weeks the clocks change in London: the notice above the grid says what happens, and the grid keeps every hour', async () => {
    const { page } = h
    const grid = page.getByRole('table').filter({ has: page.getByText('Choose a slot to take it every week') })
    const notice = page.getByRole('alert').filter({ hasText: 'The clocks change this week' })
    const rowTimes = Array.from({ length: 24 }, (_, i) => `${String(i).padStart(2, '0')}:00`)

    // The last Sunday of October: British Summer Time ends at 02:00, so 01:00–02:00 happens twice.
    await page.clock.setFixedTime(new Date('2026-10-21T12:00:00Z'))
    await page.reload()
    await openCircle('Adorers')
    await press('Open Adoration chapel')
    await page.getByText('Monday, 19 October 2026 to Sunday, 25 October 2026').waitFor()
    await notice.waitFor()
    expect(await notice.innerText()).toContain(
      'Sunday, 25 October 2026: The clocks go back during 01:00–02:00, so part of it happens twice: it lasts 120 minutes that night. Whoever is there stays until 02:00 comes round.',
    )
    expect((await notice.boundingBox())!.y).toBeLessThan((await grid.boundingBox())!.y)
    expect(await grid.getByRole('rowheader').allInnerTexts()).toEqual(rowTimes)
    expect(await grid.getByRole('button').count()).toBe(168)
    await grid.getByRole('button', { name: /^Sunday, 25 October 2026, 01:00–02:00\. Nobody/ }).waitFor()
    await grid.getByRole('button', { name: /^Sunday, 25 October 2026, 02:00–03:00\. Nobody/ }).waitFor()
    await page.getByText(/^168 slots this week still need people\./).waitFor()
    expect(await fitsWidth()).toBe(true)
    await shoot('standing-clocks-back')

    // The last Sunday of March: the clocks go forward at 01:00, so that hour does not happen and nobody is needed.
    await page.clock.setFixedTime(new Date('2026-03-25T12:00:00Z'))
    await press('This week')
    await page.getByText('Monday, 23 March 2026 to Sunday, 29 March 2026').waitFor()
    await notice.filter({ hasText: 'Sunday, 29 March 2026' }).waitFor()
    expect(await notice.innerText()).toContain('Sunday, 29 March 2026: The clocks go forward that night, so 01:00–02:00 does not happen. Nobody needs to come.')
    expect(await notice.innerText()).not.toContain('October')
    expect((await notice.boundingBox())!.y).toBeLessThan((await grid.boundingBox())!.y)
    expect(await grid.getByRole('rowheader').allInnerTexts()).toEqual(rowTimes)
    const skipped = grid.getByRole('button', { name: 'Sunday, 29 March 2026, 01:00–02:00. The clocks go forward then, so this slot does not happen', exact: true })
    expect(await skipped.innerText()).toBe('Clocks go forward')
    await grid.getByRole('button', { name: /^Saturday, 28 March 2026, 01:00–02:00\. Nobody/ }).waitFor()
    await page.getByText(/^167 slots this week still need people\./).waitFor()
    expect(await fitsWidth()).toBe(true)
    await shoot('standing-clocks-forward')
    expect(h.errors).toEqual([])
  })
})
