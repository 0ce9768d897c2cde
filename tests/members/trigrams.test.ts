import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect, sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { generateMembersFast } from '../../bench/members-data'
import { realisticQueries } from '../../bench/members-search'
import { memberCondition } from '../../db/members'
import { capped, ORDER_BY, rareBound, rarePage, runsToTry, walkThreshold } from '../../db/members-page'
import { LATEST_SCHEMA_VERSION, migrations } from '../../db/migrations'
import { HEARTH_APPLICATION_ID, openDatabase } from '../../db/open'
import { foldForSearch, trigramsOf } from '../../db/search-text'
import { membersContract, type MemberFilter, type MemberSort } from '../../main/contract/members'
import { importFile, open, writeCsv } from '../members-csv/helpers'
import { call, callRecorded, testSession } from '../helpers/session'
import { tempDir } from '../helpers/temp'

type Sqlite = BetterSqlite3.Database

const ROLE = "case p.household_role when 'head' then 0 when 'spouse' then 1 when 'child' then 2 else 3 end"

/** FTS5's own check of the trigram index against people.search_text (rank 1: compare with the content too). */
const indexAgrees = (s: Sqlite) => s.prepare("insert into people_trigrams (people_trigrams, rank) values ('integrity-check', 1)").run()

/** Who the index says holds a run of three letters, and who truly does. */
const holders = (s: Sqlite, run: string) => ({
  index: s.prepare('select rowid from people_trigrams where people_trigrams match ? order by rowid').pluck().all(`"${run.replaceAll('"', '""')}"`),
  text: s.prepare('select id from people where instr(search_text, ?) > 0 order by id').pluck().all(run),
})

describe('runs of three letters (trigramsOf)', () => {
  it('cuts a folded word into every run of three characters, once each', () => {
    expect(trigramsOf('okafor')).toEqual(['oka', 'kaf', 'afo', 'for'])
    expect(trigramsOf('aaaa')).toEqual(['aaa'])
    expect(trigramsOf('e.o')).toEqual(['e.o'])
    expect(trigramsOf('jo')).toEqual([])
    expect(trigramsOf('')).toEqual([])
  })

  it('counts a character as the index does, by code point, whatever the script', () => {
    expect(trigramsOf(foldForSearch('Łódź'))).toEqual(['lod', 'odz'])
    expect(trigramsOf(foldForSearch('مُحَمَّد'))).toEqual(['محم', 'حمد'])
    // A letter outside the Basic Multilingual Plane is two UTF-16 units but one character.
    expect(trigramsOf('𝒜bcd')).toEqual(['𝒜bc', 'bcd'])
  })
})

let s: Awaited<ReturnType<typeof testSession>>
beforeEach(async () => {
  s = await testSession()
})
afterEach(() => s.close())

const parse = (q: Record<string, unknown>) => membersContract['members.search'].input.parse({ limit: 100, ...q }) as { filter: MemberFilter; sort: MemberSort; offset: number; limit: number }

describe('which runs are counted (runsToTry)', () => {
  const order = (words: string[][], common: (run: string) => boolean = () => false) => {
    const tried: string[] = []
    for (const r of runsToTry(words)) {
      tried.push(r.run)
      if (common(r.run)) r.common()
    }
    return tried
  }

  it("takes each word's runs in turn, each run once", () => {
    expect(order([['exa', 'xam', 'amp', 'mpl'], [], ['oka', 'kaf']])).toEqual(['exa', 'oka', 'xam', 'kaf', 'amp', 'mpl'])
    expect(order([['abc'], ['abc', 'bcd']])).toEqual(['abc', 'bcd'])
    expect(order([])).toEqual([])
  })

  it('gives up a word after three common runs, and only that word', () => {
    expect(order([['a1', 'a2', 'a3', 'a4', 'a5'], ['b1', 'b2', 'b3', 'b4']], (run) => run.startsWith('a'))).toEqual(['a1', 'b1', 'a2', 'b2', 'a3', 'b3', 'b4'])
    expect(order([['a1', 'a2', 'a3', 'a4']], () => true)).toEqual(['a1', 'a2', 'a3'])
  })
})

describe('search through the trigram index', () => {
  it('lists exactly the people holding a run, after adding, renaming, tagging, archiving, deleting, importing and undoing', async () => {
    const sqlite = s.context.sqlite
    const ada = (await call(s, 'members.create', { firstName: 'Ada', lastName: 'Okafor', email: 'ada@example.org' })).id
    const ben = (await call(s, 'members.create', { firstName: 'Ben', lastName: "O'Brien-Núñez", mobilePhone: '07700 900123' })).id
    expect(holders(sqlite, 'oka')).toEqual({ index: [ada], text: [ada] })
    expect(holders(sqlite, "o'b").index).toEqual([ben])

    await call(s, 'members.update', { id: ada, firstName: 'Ada', lastName: 'Quist', email: 'ada@example.org', tags: ['Choir'] })
    expect(holders(sqlite, 'oka').index).toEqual([])
    expect(holders(sqlite, 'uis').index).toEqual([ada])
    expect(holders(sqlite, 'hoi').index).toEqual([ada])
    await call(s, 'members.archive', { id: ada })
    expect(holders(sqlite, 'uis').index).toEqual([ada])

    const { change } = await callRecorded(s, 'members.delete', { id: ben })
    expect(holders(sqlite, 'nez').index).toEqual([])
    await call(s, 'history.undo', { changeId: change.id })
    expect(holders(sqlite, 'nez').index).toEqual([ben])

    const imported = await importFile(s, await open(s, writeCsv(s, 'First Name,Last Name\nZoë,Okonkwo\nYusuf,Okafor\n')))
    expect(imported.imported).toBe(2)
    for (const run of ['oka', 'oko', 'zoe', 'yus']) {
      const both = holders(sqlite, run)
      expect(both.text).toHaveLength(1)
      expect(both.index, run).toEqual(both.text)
    }
    expect(() => indexAgrees(sqlite)).not.toThrow()
  })

  it('leaves nothing of a deleted or renamed person in the index itself, not just out of its answers', async () => {
    const sqlite = s.context.sqlite
    generateMembersFast(sqlite, 300, 120)
    // FTS5 writes each run's bytes into its blocks, sharing only a leading part with the run sorted before it. The
    // generated people are all Latin letters, so the first Cyrillic run ("жжж") and the first Greek one ("ψ l", the
    // Greek letter, a space and the surname's l) follow a Latin run and are stored whole.
    const stored = (run: string) => sqlite.prepare('select count(*) from people_trigrams_data where instr(block, cast(? as blob)) > 0').pluck().get(run)
    const gone = (await call(s, 'members.create', { firstName: 'Жжжук', lastName: 'Lee' })).id
    const renamed = (await call(s, 'members.create', { firstName: 'Ψψψ', lastName: 'Lee' })).id
    expect([stored('жжж'), stored('ψ l')]).toEqual([1, 1])
    await call(s, 'members.delete', { id: gone })
    await call(s, 'members.update', { id: renamed, firstName: 'Jo', lastName: 'Lee' })
    expect([stored('жжж'), stored('ψ l')]).toEqual([0, 0])
    expect(() => indexAgrees(sqlite)).not.toThrow()
  })

  it('finds the same page and count as a plain sort of every match, in every order, for rare and common words', async () => {
    // 3,000 people: a word such as "okafor" (about 150 holders) is read through the index, "07700" (everyone) is not.
    generateMembersFast(s.context.sqlite, 3000, 1200)
    s.context.sqlite.prepare("update people set archived_at = '2026-01-01T00:00:00Z' where id % 13 = 0").run()
    const typed = [...realisticQueries(), ...['okafor', 'o"ka', 'a*b', 'jose nunez', 'xyz okafor', 'AND', 'e.o', '(ok)'].map((query) => parse({ filter: { query }, sort: 'name' }))]
    let throughIndex = 0
    let scanned = 0
    for (const q of typed) {
      for (const sort of ['name', 'first_name', 'household', 'status', 'joined', 'recent'] as const) {
        for (const offset of [0, 100]) {
          const condition = memberCondition(q.filter)
          const expected = s.context.sqlite
            .prepare(`select p.id from people p left join households h on h.id = p.household_id where ${condition.where} order by ${ORDER_BY[sort]} limit 100 offset ?`)
            .pluck()
            .all(...condition.params, offset)
          const matches = s.context.sqlite.prepare(`select count(*) from people p where ${condition.where}`).pluck().get(...condition.params) as number
          const rare = rarePage(s.context.sqlite, { ...condition, sort, offset, limit: 100 }, 3000)
          if (rare) {
            throughIndex++
            expect(rare.ids, `${q.filter.query} by ${sort}`).toEqual(expected)
          } else scanned++
          const page = await call(s, 'members.search', { ...q, sort, offset })
          expect(page.rows.map((r) => r.id), `${JSON.stringify(q.filter)} by ${sort} from ${offset}`).toEqual(expected)
          expect({ total: page.total, more: page.more }).toEqual(capped(matches, offset, 100))
        }
      }
    }
    expect(throughIndex).toBeGreaterThan(50)
    expect(scanned).toBeGreaterThan(50)
  })

  it('reads a rare word through the index and leaves a common one, or one a smaller tag list narrows, to the scans', () => {
    generateMembersFast(s.context.sqlite, 3000, 1200)
    const page = (filter: Record<string, unknown>, sort: MemberSort = 'name') =>
      rarePage(s.context.sqlite, { ...memberCondition(parse({ filter }).filter), sort, offset: 0, limit: 100 }, 3000)
    expect(page({ query: 'okafor' })?.total).toBe(s.context.sqlite.prepare("select count(*) from people where archived_at is null and search_text like '%okafor%'").pluck().get())
    expect(page({ query: 'xyz' })).toEqual({ ids: [], total: 0, more: false })
    expect(page({ query: '07700' })).toBeNull()
    // Nine runs, every one in most email addresses: given up after the first three.
    expect(page({ query: 'example.org' })).toBeNull()
    // Each word's runs are tried in turn, so a rare word typed after a common one is still reached.
    const okafor = page({ query: 'okafor' })!.total
    expect(page({ query: 'example.org okafor' })?.total).toBeLessThanOrEqual(okafor)
    expect(page({ query: 'okafor example.org' })?.total).toBeLessThanOrEqual(okafor)
    // "07700 90012": every run of 07700 and the 900 of every mobile number are common, 001 is not.
    expect(page({ query: '07700 90012' })?.total).toBe(
      s.context.sqlite.prepare("select count(*) from people where archived_at is null and search_text like '%07700%' and search_text like '%90012%'").pluck().get(),
    )
    expect(page({ query: 'jo' })).toBeNull()
    // A phone typed with a space matches two spellings, so its runs are not certain: left to the scan.
    expect(page({ query: '0770-0' })).toBeNull()
    s.context.sqlite.prepare("insert into person_tags (person_id, kind, value) values (1, 'tag', 'Bell ringers')").run()
    expect(page({ query: 'okafor', tags: ['bell ringers'] })).toBeNull()
    expect(page({ query: 'okafor', tags: ['Choir'] })).not.toBeNull()
  })

  it('reads the holders of a run up to about twice the point where walking an order beats sorting the matches', () => {
    expect(rareBound('name', 0, 100, 100_000)).toBe(2 * walkThreshold(0, 100, 100_000))
    expect(rareBound('first_name', 0, 50, 10_000)).toBe(2 * walkThreshold(0, 50, 10_000))
    expect(rareBound('household', 0, 100, 100_000)).toBe(walkThreshold(0, 100, 100_000))
  })
})

describe('migration 15 (people_trigrams)', () => {
  it('indexes everyone already in a version 14 file, keeps every person and tag, and searches as before', async () => {
    const dir = tempDir()
    const path = join(dir, 'hearth.sqlite')
    const raw = new BetterSqlite3(path)
    raw.pragma('foreign_keys = ON')
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) })
    for (const m of migrations.filter((m) => m.version <= 14)) await m.up(db)
    await sql.raw(`PRAGMA application_id = ${HEARTH_APPLICATION_ID}`).execute(db)
    await sql.raw('PRAGMA user_version = 14').execute(db)
    generateMembersFast(raw, 600, 240)
    raw.prepare("update person_tags set value = 'CHOIR' where value = 'Choir' and person_id % 2 = 0").run()
    const people = raw.prepare('select * from people order by id').all()
    const tags = raw.prepare('select * from person_tags order by person_id, kind, value').all()
    await db.destroy()

    const opened = await openDatabase(path)
    try {
      const o = opened.sqlite
      expect(o.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
      expect(opened.safetyCopyPath).not.toBeNull()
      expect(o.prepare('select * from people order by id').all()).toEqual(people)
      expect(o.prepare('select * from person_tags order by person_id, kind, value').all()).toEqual(tags)
      expect(o.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(() => indexAgrees(o)).not.toThrow()
      for (const run of ['oka', 'smi', '077', 'xyz', 'e.o']) expect(holders(o, run).index).toEqual(holders(o, run).text)
      // A tag in any letter case is found from the new index alone.
      const plan = o.prepare("explain query plan select person_id from person_tags where kind = 'tag' and value = 'choir' collate nocase").all() as { detail: string }[]
      expect(plan.map((r) => r.detail).join(' | ')).toMatch(/COVERING INDEX person_tags_holders/)
      // Household order reads each household's people, in order, from one index.
      const walk = o.prepare(`explain query plan select p.id from households h indexed by households_order cross join people p on p.household_id = h.id
        where p.archived_at is null order by h.display_name collate nocase, h.id, ${ROLE}, p.sort_key, p.id limit 100 offset 50`).all() as { detail: string }[]
      expect(walk.map((r) => r.detail).join(' | ')).toMatch(/COVERING INDEX people_household/)
      expect(walk.map((r) => r.detail).join(' | ')).not.toMatch(/TEMP B-TREE/)
      expect(o.prepare("select count(*) from person_tags where kind = 'tag' and value = 'choir' collate nocase").pluck().get()).toBe(
        (tags as { value: string }[]).filter((t) => t.value.toLowerCase() === 'choir').length,
      )
    } finally {
      await opened.close()
    }
  })
})
