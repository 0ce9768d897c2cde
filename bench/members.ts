import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Kysely } from 'kysely'
import type { Locator, Page } from 'playwright'
import { createHousehold, createPerson } from '../db/members'
import type { Database } from '../db/schema'
import { type MemberPage, PersonFieldsSchema } from '../main/contract/members'
import { type Session, startSession } from '../main/session'
import { APP_ORIGIN, launchChromium, openHearthPage } from '../tests/bridge/bridge'
import { TestOs } from '../tests/bridge/test-os'
import { DIETARY, FIRST, generateMembersFast, LAST, SKILLS, STATUSES, TAGS } from './members-data'
import { realisticQueries } from './members-search'
import { sized } from './scale'
import { percentile, report, timeMs } from './report'

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
 * The first member row in the People list: a row drawn from a person's data (not a "…" placeholder), inside the
 * list. Nothing else on any screen carries data-member-row, so it cannot match a filter's hidden option.
 */
export const MEMBER_ROW = '[role="listbox"] [data-member-row]'

/**
 * Page-side helpers, run as text (nothing of the bundler's is needed there). `__afterPaint` resolves once the frame
 * showing the current DOM has been painted: a requestAnimationFrame callback runs just before the frame is drawn,
 * and a message posted from it is delivered after.
 */
export const PAGE_HELPERS = `
window.__afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
  const channel = new MessageChannel()
  channel.port1.onmessage = () => resolve(performance.now())
  channel.port2.postMessage(0)
}))
window.__whenRows = (ready) => new Promise((resolve) => {
  const check = () => {
    if (!ready()) return false
    observer.disconnect()
    window.__afterPaint().then(resolve)
    return true
  }
  const observer = new MutationObserver(check)
  observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true })
  check()
})
`

/** Clicks Members in the navigation and resolves with the milliseconds until the first member row is painted. */
export const FIRST_ROWS_AFTER_OPENING_MEMBERS = `(() => {
  const start = performance.now()
  const painted = window.__whenRows(() => document.querySelector(${JSON.stringify(MEMBER_ROW)}))
  ;[...document.querySelectorAll('nav button')].find((b) => b.textContent.startsWith('Members')).click()
  return painted.then((at) => at - start)
})()`

/**
 * Arms the page for one keystroke: from the key going down to the frame painted with the list answering the new
 * search (its first row is the expected person and the list reports the expected number of people, or an unknown
 * number while more match than the search counts).
 */
export function armKeystroke(firstId: number | null, total: number, more = false): string {
  // A list still counting ("more than 1,000") tells screen readers its size is unknown.
  const setSize = more ? -1 : total
  return `(() => {
    let start = 0
    addEventListener('keydown', () => (start = performance.now()), { capture: true, once: true })
    window.__keystroke = window.__whenRows(() => {
      const option = document.querySelector('[role="listbox"][aria-label="People"] [role="option"]')
      const row = document.querySelector(${JSON.stringify(MEMBER_ROW)})
      if (${total} === 0) return start > 0 && !row
      return start > 0 && row && row.getAttribute('data-member-row') === '${firstId}' && option.getAttribute('aria-setsize') === '${setSize}'
    }).then((at) => at - start)
  })()`
}

const TYPED = ['smith', 'jose alv', 'okafor', 'zoe', '07700 90012', 'nunez', 'chloe']
/**
 * The words change the list on about 16 keystrokes, and a p95 of 16 samples is simply the slowest one. Typing them in three
 * rounds, each on a freshly loaded page (so no search is answered from the list's cache), makes it a 95th
 * percentile of about 48.
 */
const ROUNDS = sized(3, 1)

/** Types each word a key at a time into the search box and times every keystroke that changes the list. */
async function keystrokes(page: Page, session: Session): Promise<number[]> {
  const answer = async (query: string) => {
    const r = await session.registry.dispatch('members.search', { filter: { query }, sort: 'name', limit: 100 })
    if (!r.ok) throw new Error(r.error.message)
    const page = r.value as MemberPage
    return { firstId: page.rows[0]?.id ?? null, total: page.total, more: page.more }
  }
  const box = page.getByRole('searchbox', { name: 'Search' })
  const samples: number[] = []
  const everyone = await answer('')
  for (let round = 0; round < ROUNDS; round++) {
    await page.goto('about:blank')
    await page.goto(`${APP_ORIGIN}/index.html#/members`)
    await page.locator(MEMBER_ROW).first().waitFor()
    samples.push(...(await typeWords(page, box, answer, everyone)))
  }
  return samples
}

type Answer = { firstId: number | null; total: number; more: boolean }

async function typeWords(page: Page, box: Locator, answer: (query: string) => Promise<Answer>, everyone: Answer): Promise<number[]> {
  const samples: number[] = []
  for (const word of TYPED) {
    await box.focus()
    let before = everyone
    for (let i = 1; i <= word.length; i++) {
      const now = await answer(word.slice(0, i))
      const changes = now.firstId !== before.firstId || now.total !== before.total || now.more !== before.more
      if (changes) await page.evaluate(armKeystroke(now.firstId, now.total, now.more))
      await page.keyboard.press(word[i - 1] === ' ' ? 'Space' : word[i - 1]!)
      if (changes) samples.push((await page.evaluate('window.__keystroke')) as number)
      else await page.evaluate('window.__afterPaint()')
      before = now
    }
    await page.evaluate(armKeystroke(everyone.firstId, everyone.total, everyone.more))
    await page.keyboard.press('Control+A')
    await page.keyboard.press('Backspace')
    await page.evaluate('window.__keystroke')
  }
  return samples
}

/**
 * The search call alone, made from the page through the bridge for every prefix the keystrokes type: the part of
 * a keystroke's time spent in transport and SQLite rather than in React and painting.
 */
async function searchCallsFromPage(page: Page): Promise<number[]> {
  const prefixes = TYPED.flatMap((word) => Array.from({ length: word.length }, (_, i) => word.slice(0, i + 1)))
  return (await page.evaluate(`(async () => {
    const out = []
    for (const query of ${JSON.stringify(prefixes)}) {
      const start = performance.now()
      const r = await window.hearth.members.search({ filter: { query }, sort: 'name', offset: 0, limit: 100 })
      if (!r.ok) throw new Error(r.error.message)
      out.push(performance.now() - start)
    }
    return out
  })()`)) as number[]
}

export async function benchMembers(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-members-'))
  try {
    const path = join(dir, 'hearth.sqlite')
    const session = await startSession(path, new TestOs(dir, 'en-GB'), 'bench')
    await generateMembers(session.context.db, sized(10_000, 200), sized(4_000, 80))
    const queries = realisticQueries()
    for (const q of queries) await session.registry.dispatch('members.search', q)
    const samples: number[] = []
    const cpu: number[] = []
    for (let round = 0; round < sized(10, 1); round++) {
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
    try {
      const h = await openHearthPage(browser, path, dir)
      await h.page.addInitScript({ content: PAGE_HELPERS })
      // From the start of navigation to the first member row painted, recorded by the page itself.
      await h.page.addInitScript({ content: `window.__firstRowPainted = window.__whenRows(() => document.querySelector(${JSON.stringify(MEMBER_ROW)}))` })
      try {
        const open: number[] = []
        const load: number[] = []
        for (let i = 0; i < sized(5, 1); i++) {
          // A fresh page on another section each time, so no list page is cached from the run before.
          await h.page.goto('about:blank')
          await h.page.goto(`${APP_ORIGIN}/index.html#/settings`)
          await h.page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
          open.push((await h.page.evaluate(FIRST_ROWS_AFTER_OPENING_MEMBERS)) as number)
          await h.page.goto('about:blank')
          await h.page.goto(`${APP_ORIGIN}/index.html#/members`)
          load.push((await h.page.evaluate('window.__firstRowPainted')) as number)
        }
        report('members.first_rows_ms', percentile(open, 50), 'ms')
        report('members.first_rows_page_load_ms', percentile(load, 50), 'ms')
        report('members.keystroke_to_rows_p95_ms', percentile(await keystrokes(h.page, h.session), 95), 'ms')
        report('members.keystroke_search_call_p95_ms', percentile(await searchCallsFromPage(h.page), 95), 'ms')
      } finally {
        await h.close()
      }

      // The same keystrokes at 100,000 people.
      const bigPath = join(dir, 'hearth-100k.sqlite')
      const big = await startSession(bigPath, new TestOs(dir, 'en-GB'), 'bench')
      generateMembersFast(big.context.sqlite, sized(100_000, 300), sized(40_000, 120))
      await big.close()
      const h100 = await openHearthPage(browser, bigPath, dir)
      await h100.page.addInitScript({ content: PAGE_HELPERS })
      try {
        report('members.keystroke_to_rows_p95_ms_100k', percentile(await keystrokes(h100.page, h100.session), 95), 'ms')
        report('members.keystroke_search_call_p95_ms_100k', percentile(await searchCallsFromPage(h100.page), 95), 'ms')
      } finally {
        await h100.close()
      }
    } finally {
      await browser.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
