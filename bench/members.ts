import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Kysely } from 'kysely'
import { createHousehold, createPerson } from '../db/members'
import type { Database } from '../db/schema'
import { PersonFieldsSchema } from '../main/contract/members'
import { startSession } from '../main/session'
import { APP_ORIGIN, launchChromium, openHearthPage } from '../tests/bridge/bridge'
import { TestOs } from '../tests/bridge/test-os'
import { percentile, report, timeMs } from './report'

const FIRST = ['José', 'Maria', 'John', 'Jane', 'Beatrice', 'Zoë', 'Ahmed', 'Fatima', 'Chloé', 'Liam', 'Olivia', 'Noah', 'Amélie', 'Kwame', 'Ngozi', 'Søren', 'Ines', 'Mateo', 'Grace', 'Tomasz']
const LAST = ['Smith', 'Álvarez', 'Okafor', 'Nguyen', 'Brown', 'Müller', 'García', 'Kowalski', 'Johnson', 'Mensah', 'O’Brien', 'Dubois', 'Rossi', 'Haddad', 'Kim', 'Lee', 'Patel', 'Walker', 'Núñez', 'Evans']
const TAGS = ['Choir', 'Youth team', 'Ushers', 'Flowers', 'Welcome desk', 'Bible study', 'Food bank']
const SKILLS = ['Can drive', 'Can cook', 'Speaks Spanish', 'Has a truck', 'First aid', 'Childcare']
const STATUSES = ['member', 'regular_attender', 'visitor', 'inactive'] as const
const DIETARY = ['vegetarian', 'vegan', 'halal', 'gluten_free', 'nut_allergy'] as const

/** Fills a database with `people` people spread over `households` households, deterministically. */
export async function generateMembers(db: Kysely<Database>, people: number, households: number): Promise<void> {
  let seed = 42
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T
  await db.transaction().execute(async (trx) => {
    const householdIds: { id: number; last: string }[] = []
    for (let i = 0; i < households; i++) {
      const last = pick(LAST)
      const id = await createHousehold(trx, {
        displayName: `The ${last} Family`,
        address: { line1: `${i + 1} ${pick(['Mill Lane', 'High Street', 'Church Road', 'Station Road'])}`, line2: null, city: pick(['York', 'Leeds', 'Hull']), region: null, postalCode: `YO${i % 90} ${i % 9}AB`, country: null },
        homePhone: `01904 ${String(100000 + i).slice(-6)}`,
        anniversary: null,
      })
      householdIds.push({ id, last })
    }
    for (let i = 0; i < people; i++) {
      const household = i < households ? householdIds[i] : rand() < 0.9 ? pick(householdIds) : undefined
      const fields = PersonFieldsSchema.parse({
        firstName: pick(FIRST),
        lastName: household?.last ?? pick(LAST),
        householdId: household?.id ?? null,
        householdRole: household ? (i < households ? 'head' : pick(['spouse', 'child', 'child', 'other'] as const)) : null,
        mobilePhone: `07700 ${String(900000 + i).slice(-6)}`,
        email: rand() < 0.7 ? `person${i}@example.org` : null,
        status: pick(STATUSES),
        tags: rand() < 0.5 ? [pick(TAGS)] : [],
        skills: rand() < 0.3 ? [pick(SKILLS)] : [],
        dietary: rand() < 0.2 ? [pick(DIETARY)] : [],
      })
      await createPerson(trx, fields)
    }
  })
}

/**
 * Run in the page (as text, so nothing of the bundler's helpers is needed there): clicks Members in the
 * navigation and resolves with the milliseconds until the first row shows.
 */
const FIRST_ROWS_AFTER_OPENING_MEMBERS = `new Promise((resolve) => {
  const start = performance.now()
  const observer = new MutationObserver(() => {
    if (document.querySelector('[role="listbox"] [role="option"]')) {
      observer.disconnect()
      resolve(performance.now() - start)
    }
  })
  observer.observe(document.body, { childList: true, subtree: true })
  ;[...document.querySelectorAll('nav button')].find((b) => b.textContent.startsWith('Members')).click()
})`

/** The queries a volunteer types, keystroke by keystroke, with the filters and sorts the screen offers. */
function realisticQueries(): Record<string, unknown>[] {
  const typed = ['j', 'jo', 'jos', 'jose', 'jose a', 'jose alv', 'smi', 'smith', 'okafor', 'zoe', 'chloe', 'muller', '07700', '0770 09', '900123', 'example.org', 'choir', 'can drive', 'nunez', 'xyz']
  const out: Record<string, unknown>[] = []
  for (const query of typed) {
    out.push({ filter: { query }, sort: 'name' })
    out.push({ filter: { query, statuses: ['member', 'regular_attender'] }, sort: 'first_name' })
    out.push({ filter: { query, tags: ['Choir'] }, sort: 'household' })
  }
  out.push({ filter: {}, sort: 'name' }, { filter: {}, sort: 'household', offset: 5000 }, { filter: {}, sort: 'status', offset: 9900 })
  out.push({ filter: { dietary: ['vegan'] }, sort: 'recent' }, { filter: { skills: ['Can drive'], includeArchived: true }, sort: 'joined' })
  return out
}

export async function benchMembers(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-members-'))
  try {
    const path = join(dir, 'hearth.sqlite')
    const session = await startSession(path, new TestOs(dir, 'en-GB'), 'bench')
    await generateMembers(session.context.db, 10_000, 4_000)
    const queries = realisticQueries()
    for (const q of queries) await session.registry.dispatch('members.search', q)
    const samples: number[] = []
    const cpu: number[] = []
    for (let round = 0; round < 10; round++) {
      for (const q of queries) {
        const before = process.cpuUsage()
        samples.push(
          await timeMs(async () => {
            const r = await session.registry.dispatch('members.search', q)
            if (!r.ok) throw new Error(r.error.message)
          }),
        )
        const used = process.cpuUsage(before)
        cpu.push((used.user + used.system) / 1000)
      }
    }
    report('members.search_p95_ms', percentile(samples, 95), 'ms')
    // CPU time of the same calls: on a busy machine the wall clock above also counts time spent waiting for a core.
    report('members.search_p95_cpu_ms', percentile(cpu, 95), 'ms')
    const households: number[] = []
    for (const query of ['', 'smith', 'jose']) {
      households.push(await timeMs(() => session.registry.dispatch('households.search', { filter: { query } })))
    }
    report('members.households_search_max_ms', Math.max(...households), 'ms')
    await session.close()

    if (!existsSync(resolve(__dirname, '..', 'out', 'renderer', 'index.html'))) {
      console.log('bench: members.first_rows_ms SKIPPED (run `npx electron-vite build` first)')
      return
    }
    const browser = await launchChromium()
    const h = await openHearthPage(browser, path, dir)
    // Time from the start of navigation to the first row, recorded by the page itself.
    await h.page.addInitScript({
      content: `new MutationObserver((_, o) => { if (document.querySelector('[role="listbox"] [role="option"]')) { window.__firstRowAt = performance.now(); o.disconnect() } }).observe(document, { childList: true, subtree: true })`,
    })
    try {
      const open: number[] = []
      const load: number[] = []
      for (let i = 0; i < 5; i++) {
        // A fresh page on another section each time, so no list page is cached from the run before.
        await h.page.goto(`${APP_ORIGIN}/index.html#/settings`)
        await h.page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
        open.push((await h.page.evaluate(FIRST_ROWS_AFTER_OPENING_MEMBERS)) as number)
        await h.page.goto('about:blank')
        await h.page.goto(`${APP_ORIGIN}/index.html#/members`)
        await h.page.getByRole('listbox', { name: 'People' }).getByRole('option').first().waitFor()
        load.push((await h.page.evaluate('window.__firstRowAt')) as number)
      }
      report('members.first_rows_ms', percentile(open, 50), 'ms')
      report('members.first_rows_page_load_ms', percentile(load, 50), 'ms')
    } finally {
      await h.close()
      await browser.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
