import { join } from 'node:path'
import type { Browser } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HearthPage, launchChromium, openHearthPage } from '../bridge/bridge'
import { pickWithKeyboard, revealHeaderButton } from '../bridge/keyboard'
import { tempDir } from '../helpers/temp'
import { addPeople } from '../prayer-circles/people'

let browser: Browser
let h: HearthPage
const dir = tempDir()

beforeAll(async () => {
  browser = await launchChromium()
  h = await openHearthPage(browser, join(dir, 'hearth.sqlite'), dir)
  await h.session.registry.dispatch('settings.update', { timeZone: 'Europe/London' })
  await addPeople(h.session, ['Ann Abbott', 'Ben Brown', 'Cara Cole'])
})
afterAll(async () => {
  await h?.close()
  await browser?.close()
})

/** Focuses a control and presses Enter, as someone using only the keyboard would. */
async function press(name: string | RegExp, role: 'button' | 'tab' = 'button') {
  const target = h.page.getByRole(role, { name, exact: typeof name === 'string' })
  // A schedule's header has more buttons than fit beside its title, so they are folded behind "Actions".
  await revealHeaderButton(h.page, target)
  await target.focus()
  await h.page.keyboard.press('Enter')
}

/** Types into a PersonPicker and picks the first match with the arrow keys. */
function pickPerson(label: string, typed: string): Promise<void> {
  const escaped = typed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return pickWithKeyboard(h.page, h.page.getByLabel(label, { exact: true }).first(), typed, new RegExp(escaped))
}

describe('prayer circles in Chromium', () => {
  it('creates a circle with a leader using the keyboard', async () => {
    const { page } = h
    await page.keyboard.press('Control+3')
    await page.getByRole('heading', { level: 1, name: 'Prayer circles' }).waitFor()
    await page.getByText('No prayer circles yet').waitFor()
    await press('New circle')
    await page.getByRole('dialog', { name: 'New circle' }).waitFor()
    await page.keyboard.type('Tuesday circle')
    await pickPerson('Leader (optional)', 'Ann')
    await press('Create circle')
    await page.getByRole('heading', { level: 1, name: 'Tuesday circle' }).waitFor()
    await page.getByText('Led by Ann Abbott').waitFor()
    expect(h.errors).toEqual([])
  })

  it('adds members and reorders the phone chain with Up and Down buttons', async () => {
    const { page } = h
    await press('Members and phone chain', 'tab')
    for (const name of ['Ben', 'Cara']) {
      await pickPerson('Add a member to this circle', name)
      await press('Add')
      await page.getByRole('cell', { name: new RegExp(`^${name} `) }).first().waitFor()
    }
    await press('Move Cara Cole up the phone chain')
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('tbody tr')].map((r) => r.children[1]?.textContent ?? '')
      return rows[1]?.startsWith('Cara Cole')
    })
    const chain = await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [r.children[1]?.textContent?.trim(), r.children[3]?.textContent?.trim()]))
    expect(chain).toEqual([
      ['Ann Abbott Leader', 'Cara Cole'],
      ['Cara Cole', 'Ben Brown'],
      ['Ben Brown', '—'],
    ])
    expect(h.errors).toEqual([])
  })

  it('creates a 24-hour vigil across the clock change, shows the gaps, and fills them fairly', async () => {
    const { page } = h
    await press('Schedules', 'tab')
    await press('New prayer vigil')
    const dialog = page.getByRole('dialog', { name: 'New prayer vigil' })
    await dialog.getByRole('textbox', { name: /^Title/ }).fill('Easter vigil')
    await dialog.getByLabel('Start date').fill('2026-03-28')
    await dialog.getByLabel('Start time').fill('20:00')
    await dialog.getByRole('textbox', { name: 'Length in hours' }).fill('24')
    await dialog.getByRole('textbox', { name: 'People needed in each slot' }).fill('2')
    await press('Create vigil')
    await page.getByRole('heading', { level: 1, name: 'Easter vigil' }).waitFor()
    await page.getByText('24 slots still need people (48 open places).').waitFor()
    // One cell per slot in the days × times grid, each with its add button.
    expect(await page.getByRole('button', { name: /^Add a person on / }).count()).toBe(24)

    await press('Fill open places fairly')
    await page.getByText('Every slot has enough people.').waitFor()
    const counts = h.session.context.sqlite
      .prepare('select person_id, count(*) as n from prayer_assignments group by person_id order by person_id')
      .all() as { n: number }[]
    expect(counts.map((c) => c.n)).toEqual([16, 16, 16])
    expect(h.errors).toEqual([])
  })

  it('refuses a vigil longer than the bound with a plain message', async () => {
    const { page } = h
    await press('Back to the circle')
    await press('New prayer vigil')
    const dialog = page.getByRole('dialog', { name: 'New prayer vigil' })
    await dialog.getByRole('textbox', { name: /^Title/ }).fill('Too long')
    await dialog.getByLabel('Start date').fill('2026-05-01')
    await dialog.getByRole('textbox', { name: 'Length in hours' }).fill('1000')
    await press('Create vigil')
    await dialog.getByText('A vigil can last at most 31 days (744 hours). Split a longer one into several.').first().waitFor()
    expect(h.session.context.sqlite.prepare('select count(*) from prayer_schedules').pluck().get()).toBe(1)
    await page.keyboard.press('Escape')
    expect(h.errors).toEqual([])
  })

  it('puts a visitor (a write-in) in a slot by hand', async () => {
    const { page } = h
    await press('Open Easter vigil')
    await page.getByRole('heading', { level: 1, name: 'Easter vigil' }).waitFor()
    await press(/^Add a person on Saturday.* at 20:00/)
    const dialog = page.getByRole('dialog', { name: /^Add a person/ })
    await dialog.waitFor()
    await dialog.getByRole('radio', { name: 'A member' }).focus()
    await page.keyboard.press('ArrowRight')
    await dialog.getByLabel('Their name').fill('Sister Mary')
    await dialog.getByRole('button', { name: 'Add', exact: true }).focus()
    await page.keyboard.press('Enter')
    await page.getByText('Sister Mary').waitFor()
    await page.getByText('Not a member').waitFor()
    const row = h.session.context.sqlite.prepare("select source, person_id from prayer_assignments where write_in_name = 'Sister Mary'").get()
    expect(row).toEqual({ source: 'manual', person_id: null })
    expect(h.errors).toEqual([])
  })

  it('marks someone as needing a substitute and hands the slot to a free member', async () => {
    const { page } = h
    const first = () => h.session.context.sqlite.prepare('select a.person_id from prayer_assignments a where a.slot_id = (select min(id) from prayer_slots) and a.person_id is not null order by a.id').pluck().all()
    expect(first()).toContain(1)
    // Each name in the grid is a button whose menu holds that person's actions.
    const chip = page.getByRole('button', { name: /^Ann Abbott, Saturday.* 20:00/ }).first()
    await chip.focus()
    await page.keyboard.press('Enter')
    await page.getByRole('menuitem', { name: 'Needs a substitute' }).click()
    await page.getByRole('button', { name: /^Ann Abbott, Saturday.* 20:00.*Needs a substitute/ }).first().waitFor()
    await chip.focus()
    await page.keyboard.press('Enter')
    const find = page.getByRole('menuitem', { name: 'Find a substitute' })
    await find.focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: /^A substitute for Ann Abbott/ })
    await dialog.getByRole('button', { name: 'Choose Ben Brown' }).focus()
    await page.keyboard.press('Enter')
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(first).toEqual([expect.any(Number), 2])
    expect(first()).not.toContain(1)
    expect(h.errors).toEqual([])
  })

  it('keeps a coordinator-only request out of the circle view until asked for', async () => {
    const { page } = h
    await press('Back to the circle')
    await press('Prayer requests', 'tab')
    await page.getByRole('textbox', { name: /^Prayer request/ }).fill('For the Okafor family')
    await press('Add request')
    await page.getByText('For the Okafor family', { exact: true }).waitFor()
    await page.getByRole('textbox', { name: /^Prayer request/ }).fill('Private health matter')
    await page.getByRole('combobox', { name: 'Who may see it' }).focus()
    await page.keyboard.press('ArrowDown')
    await page.getByRole('option', { name: 'Coordinator only' }).click()
    await press('Add request')
    await expect.poll(() => h.session.context.sqlite.prepare('select count(*) from prayer_requests').pluck().get()).toBe(2)
    await page.getByText('For the Okafor family', { exact: true }).waitFor()
    expect(await page.getByText('Private health matter').count()).toBe(0)
    await page.getByRole('switch', { name: 'Show coordinator-only requests' }).focus()
    await page.keyboard.press('Space')
    await page.getByText('Private health matter').waitFor()
    expect(h.errors).toEqual([])
  })

  it('deletes a schedule only after asking', async () => {
    const { page } = h
    await press('Schedules', 'tab')
    await press('Open Easter vigil')
    await press('Delete schedule')
    const dialog = page.getByRole('dialog', { name: 'Delete Easter vigil?' })
    await dialog.getByText('24 slots').waitFor()
    await dialog.getByRole('button', { name: 'Delete schedule' }).focus()
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: 'Tuesday circle' }).waitFor()
    expect(h.session.context.sqlite.prepare('select count(*) from prayer_slots').pluck().get()).toBe(0)
    expect(h.errors).toEqual([])
  })
})
