import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect, sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { HEARTH_APPLICATION_ID, openDatabase } from '../../db/open'
import { migrations } from '../../db/migrations'
import { generateMembersFast } from '../../bench/members-data'
import { rawPeerSearch, realisticQueries } from '../../bench/members-search'
import { memberCondition } from '../../db/members'
import { capped, ORDER_BY, walkThreshold } from '../../db/members-page'
import { call, testSession } from '../helpers/session'
import { tempDir } from '../helpers/temp'

let s: Awaited<ReturnType<typeof testSession>>
beforeEach(async () => {
  s = await testSession()
})
afterEach(() => s.close())

describe('search totals and pages', () => {
  it('gives the same total on every page, the last page short, and an empty page past the end', async () => {
    generateMembersFast(s.context.sqlite, 250, 100)
    const all = await call(s, 'members.search', { filter: {}, sort: 'name', limit: 500 })
    expect(all.total).toBe(250)
    for (const [offset, length] of [
      [0, 100],
      [100, 100],
      [200, 50],
      [250, 0],
      [400, 0],
    ] as const) {
      const page = await call(s, 'members.search', { filter: {}, sort: 'name', offset, limit: 100 })
      expect(page.total).toBe(250)
      expect(page.rows.map((r) => r.id)).toEqual(all.rows.slice(offset, offset + 100).map((r) => r.id))
      expect(page.rows).toHaveLength(length)
    }
    // A page exactly as long as the matches, then a filter nobody matches.
    expect((await call(s, 'members.search', { filter: {}, sort: 'status', limit: 250 })).total).toBe(250)
    expect(await call(s, 'members.search', { filter: { query: 'nobody-has-this' }, sort: 'name' })).toEqual({ total: 0, more: false, offset: 0, rows: [] })
  })

  it('finds exactly what a plain count and ordered page on the same file find, for every query the bench types', async () => {
    generateMembersFast(s.context.sqlite, 1500, 600)
    const raw = rawPeerSearch(s.context.sqlite)
    for (const q of realisticQueries()) {
      const page = await call(s, 'members.search', q)
      // The peers count to one past the limit, as Hearth does before it says "more".
      const counted = page.more ? page.total + 1 : page.total
      expect(counted, JSON.stringify(q)).toBe(raw.pageThenCount(q))
      expect(counted, JSON.stringify(q)).toBe(raw.onePass(q))
    }
  })

  it('gives the same page as a plain sort of every match, whether it walks an order or sorts the few matches', async () => {
    // 3,000 people: the first page walks its order once about 775 people match (db/members-page.ts), so broad
    // terms walk and narrow ones sort, and deep pages sort again.
    generateMembersFast(s.context.sqlite, 3000, 1200)
    s.context.sqlite.prepare("update people set archived_at = '2026-01-01T00:00:00Z' where id % 13 = 0").run()
    s.context.sqlite.prepare("update people set preferred_name = 'Bea' where id % 17 = 0").run()
    let walked = 0
    let sorted = 0
    for (const q of realisticQueries()) {
      for (const offset of [0, 100, 1500]) {
        const { where, params } = memberCondition(q.filter)
        const expected = s.context.sqlite
          .prepare(`select p.id from people p left join households h on h.id = p.household_id where ${where} order by ${ORDER_BY[q.sort]} limit 100 offset ?`)
          .pluck()
          .all(...params, offset)
        const matches = s.context.sqlite.prepare(`select count(*) from people p where ${where}`).pluck().get(...params) as number
        if (q.sort !== 'name') matches > walkThreshold(offset, 100, 3000) ? walked++ : sorted++
        const page = await call(s, 'members.search', { ...q, offset })
        expect(page.rows.map((r) => r.id), `${JSON.stringify(q.filter)} by ${q.sort} from ${offset}`).toEqual(expected)
        expect({ total: page.total, more: page.more }).toEqual(capped(matches, offset, 100))
      }
    }
    expect(walked).toBeGreaterThan(5)
    expect(sorted).toBeGreaterThan(5)
  })

  it('walks at most the page in order when many match, and sorts only the matches when few do', () => {
    expect(walkThreshold(0, 100, 100_000)).toBe(4473)
    expect(walkThreshold(9900, 100, 100_000)).toBe(44722)
    expect(walkThreshold(0, 100, 0)).toBe(15)
  })

  it('orders the default name order from the search index rather than sorting every match', () => {
    const plan = s.context.sqlite
      .prepare("explain query plan select p.id from people p where p.archived_at is null and p.search_text like '%jo%' order by p.sort_key, p.id limit 100")
      .all() as { detail: string }[]
    expect(plan.map((r) => r.detail).join(' | ')).toMatch(/USING (COVERING )?INDEX people_search/)
    expect(plan.map((r) => r.detail).join(' | ')).not.toMatch(/TEMP B-TREE/)
  })
})

describe('migration 10 (member_search_index)', () => {
  it('adds the search index to a version 5 file and keeps every person and tag', async () => {
    const path = join(tempDir(), 'hearth.sqlite')
    const raw = new BetterSqlite3(path)
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) })
    for (const m of migrations.filter((m) => m.version <= 5)) await m.up(db)
    await sql.raw(`PRAGMA application_id = ${HEARTH_APPLICATION_ID}`).execute(db)
    await sql.raw('PRAGMA user_version = 5').execute(db)
    generateMembersFast(raw, 300, 120)
    const before = raw.prepare('select id, first_name, last_name, search_text, sort_key from people order by id').all()
    const tagsBefore = raw.prepare('select count(*) from person_tags').pluck().get()
    await db.destroy()

    const opened = await openDatabase(path)
    try {
      expect(opened.sqlite.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(10)
      expect(opened.safetyCopyPath).not.toBeNull()
      expect(opened.sqlite.prepare("select count(*) from sqlite_schema where type = 'index' and name = 'people_search'").pluck().get()).toBe(1)
      expect(opened.sqlite.prepare('select id, first_name, last_name, search_text, sort_key from people order by id').all()).toEqual(before)
      expect(opened.sqlite.prepare('select count(*) from person_tags').pluck().get()).toBe(tagsBefore)
      expect(opened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      await opened.close()
    }
  })
})
