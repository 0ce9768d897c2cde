import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect, sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { generateMembersFast } from '../../bench/members-data'
import { migrations } from '../../db/migrations'
import { cheapChecksStatement } from '../../db/migrations/0014_people_cheap_checks'
import { HEARTH_APPLICATION_ID, openDatabase } from '../../db/open'
import { startSession } from '../../main/session'
import { TestOs } from '../bridge/test-os'
import { call, callRecorded } from '../helpers/session'
import { tempDir } from '../helpers/temp'

type Sqlite = BetterSqlite3.Database

/** A file exactly as the version before 14 left it, with people linked from every kind of record. */
async function fileBefore14(): Promise<{ path: string; dir: string; ada: number; oldChange: number }> {
  const dir = tempDir()
  const path = join(dir, 'hearth.sqlite')
  const raw = new BetterSqlite3(path)
  raw.pragma('foreign_keys = ON')
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) })
  const before = migrations.filter((m) => m.version < 14)
  for (const m of before) await m.up(db)
  await sql.raw(`PRAGMA application_id = ${HEARTH_APPLICATION_ID}`).execute(db)
  await sql.raw(`PRAGMA user_version = ${before.at(-1)!.version}`).execute(db)
  generateMembersFast(raw, 300, 120)
  const ada = 7
  raw.prepare("update people set preferred_contact = 'email', household_role = 'spouse', first_name = 'Ada', search_text = 'ada ' || search_text where id = ?").run(ada)
  raw.prepare("insert into person_notes (person_id, body, confidential, updated_at) values (?, 'Prefers mornings', 1, '2026-01-01T00:00:00Z')").run(ada)
  raw.prepare("insert into person_blackouts (person_id, starts_on, ends_on) values (?, '2026-02-01', '2026-02-10')").run(ada)
  raw
    .prepare(
      "insert into meal_trains (recipient_person_id, recipient_name, starts_on, ends_on, weekdays, updated_at) values (?, 'Ada', '2026-03-01', '2026-03-10', 127, '2026-01-01T00:00:00Z')",
    )
    .run(ada)
  const circle = raw.prepare("insert into prayer_circles (name, leader_person_id, updated_at) values ('Tuesday circle', ?, '2026-01-01T00:00:00Z')").run(ada).lastInsertRowid
  raw.prepare('insert into prayer_circle_members (circle_id, person_id, chain_position) values (?, ?, 1), (?, 8, 2)').run(circle, ada, circle)
  // A change recorded before the update: Ada was "Adah" until a volunteer corrected her name.
  const row = (raw.prepare('select * from people where id = ?').get(ada) as Record<string, unknown>)
  const oldChange = Number(raw.prepare("insert into history_changes (channel, summary) values ('members.update', 'Changed Ada Smith')").run().lastInsertRowid)
  raw
    .prepare("insert into history_rows (change_id, tbl, op, row_key, new_key, before, after) values (?, 'people', 'update', ?, ?, ?, ?)")
    .run(oldChange, `[${ada}]`, `[${ada}]`, JSON.stringify({ ...row, first_name: 'Adah' }), JSON.stringify(row))
  raw.prepare("insert into history_subjects (change_id, kind, ref_id, label) values (?, 'person', ?, 'Ada Smith')").run(oldChange, ada)
  await db.destroy()
  return { path, dir, ada, oldChange }
}

const everything = (s: Sqlite) => ({
  people: s.prepare('select * from people order by id').all(),
  tags: s.prepare('select * from person_tags order by person_id, kind, value').all(),
  notes: s.prepare('select * from person_notes order by id').all(),
  blackouts: s.prepare('select * from person_blackouts order by id').all(),
  trains: s.prepare('select * from meal_trains order by id').all(),
  circles: s.prepare('select * from prayer_circle_members order by circle_id, person_id').all(),
  history: s.prepare('select * from history_rows order by id').all(),
  households: s.prepare('select * from households order by id').all(),
})

const attached = (s: Sqlite) =>
  s.prepare("select type, name, sql from sqlite_schema where tbl_name = 'people' and type in ('index', 'trigger') and sql is not null order by type, name").all()

const refused = (s: Sqlite, set: string) => () => s.prepare(`update people set ${set} where id = 1`).run()

describe('migration 14 (people_cheap_checks)', () => {
  it('rebuilds people with the same rows, indexes, trigger and links, and still refuses bad values', async () => {
    const { path, ada } = await fileBefore14()
    const raw = new BetterSqlite3(path)
    const was = everything(raw)
    const wasAttached = (attached(raw) as { name: string }[]).filter((a) => a.name !== 'people_sort_key')
    const wasLinks = raw.prepare("select m.name, f.* from sqlite_schema m, pragma_foreign_key_list(m.name) f where m.type = 'table' order by m.name, f.id, f.seq").all()
    raw.close()

    const opened = await openDatabase(path)
    const s = opened.sqlite
    try {
      expect(s.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(14)
      expect(opened.safetyCopyPath).not.toBeNull()
      // Later migrations may add columns to people; the ones the file had keep their values.
      const now = everything(s)
      const columns = Object.keys(was.people[0] as object)
      expect({ ...now, people: (now.people as Record<string, unknown>[]).map((r) => Object.fromEntries(columns.map((c) => [c, r[c]]))) }).toEqual(was)
      // Made by 14, then by 15 (the trigram index's triggers, two more orders, the household index remade), which
      // runs straight after.
      const made = ['people_first_name_order', 'people_status_order', 'people_search', 'people_recent_order', 'people_joined_order', 'people_household', 'people_trigrams_insert', 'people_trigrams_delete', 'people_trigrams_update']
      expect((attached(s) as { name: string }[]).filter((a) => !made.includes(a.name))).toEqual(wasAttached.filter((a) => !['people_search', 'people_household'].includes(a.name)))
      expect(s.prepare("select sql from sqlite_schema where name = 'people_search'").pluck().get()).toMatch(/search_text, archived_at, status, dietary\)$/)
      expect(s.prepare("select count(*) from sqlite_schema where type = 'index' and name in ('people_first_name_order', 'people_status_order', 'households_order')").pluck().get()).toBe(3)
      expect(attached(s).map((a) => (a as { name: string }).name)).toEqual(expect.arrayContaining(['people_search', 'people_household', 'people_name', 'people_sort_key_default']))
      // Tables later migrations add have links of their own; those the version 13 file had keep theirs exactly.
      const had = new Set((wasLinks as { name: string }[]).map((l) => l.name))
      const links = s.prepare("select m.name, f.* from sqlite_schema m, pragma_foreign_key_list(m.name) f where m.type = 'table' order by m.name, f.id, f.seq").all() as { name: string }[]
      expect(links.filter((l) => had.has(l.name))).toEqual(wasLinks)
      expect(s.pragma('foreign_keys', { simple: true })).toBe(1)
      expect(s.pragma('foreign_key_check')).toEqual([])
      expect(s.pragma('integrity_check', { simple: true })).toBe('ok')
      const table = s.prepare("select sql from sqlite_schema where name = 'people'").pluck().get() as string
      expect(table).not.toMatch(/ in \(/)

      // The rules hold as before: a bad value is refused, every allowed one (and an empty optional one) is kept.
      expect(refused(s, "status = 'gone'")).toThrow(/CHECK constraint failed/)
      expect(refused(s, "household_role = 'cousin'")).toThrow(/CHECK constraint failed/)
      expect(refused(s, "preferred_contact = 'pigeon'")).toThrow(/CHECK constraint failed/)
      expect(refused(s, 'status = null')).toThrow(/NOT NULL/)
      for (const status of ['member', 'regular_attender', 'visitor', 'inactive']) s.prepare('update people set status = ? where id = 1').run(status)
      for (const role of ['head', 'spouse', 'child', 'other', null]) s.prepare('update people set household_role = ? where id = 1').run(role)
      for (const how of ['phone', 'text', 'email', 'post', 'none', null]) s.prepare('update people set preferred_contact = ? where id = 1').run(how)

      // The sort-key trigger still fills a key left blank; links still cascade and clear as before.
      const id = s.prepare("insert into people (first_name, last_name, updated_at) values ('Zed', 'Quinn', 'now')").run().lastInsertRowid
      expect(s.prepare('select sort_key from people where id = ?').pluck().get(id)).toBe('quinn\u001fzed')
      s.prepare('delete from people where id = ?').run(ada)
      expect(s.prepare('select count(*) from person_tags where person_id = ?').pluck().get(ada)).toBe(0)
      expect(s.prepare('select count(*) from person_notes where person_id = ?').pluck().get(ada)).toBe(0)
      expect(s.prepare('select count(*) from prayer_circle_members where person_id = ?').pluck().get(ada)).toBe(0)
      expect(s.prepare('select recipient_person_id from meal_trains').pluck().get()).toBeNull()
      expect(() => s.prepare('insert into person_tags (person_id, kind, value) values (999999, ?, ?)').run('tag', 'Choir')).toThrow(/FOREIGN KEY/)
    } finally {
      await opened.close()
    }
  })

  it('keeps search, the history and its undo working on the rebuilt table', async () => {
    const { path, dir, ada, oldChange } = await fileBefore14()
    const session = await startSession(path, new TestOs(dir, 'en-GB'), 'test')
    try {
      const found = await call(session, 'members.search', { filter: { query: 'ada' }, sort: 'name' })
      expect(found.rows.map((r) => r.id)).toContain(ada)
      // A change recorded before the rebuild can still be undone: its stored row matches the rebuilt one exactly.
      await call(session, 'history.undo', { changeId: oldChange })
      expect((await call(session, 'members.get', { id: ada })).firstName).toBe('Adah')
      // New writes are recorded by the connection's history triggers, which are built on the new table.
      const { change } = await callRecorded(session, 'members.create', { firstName: 'Nia', lastName: 'Mensah' })
      expect(change.summary).toBe('Added Nia Mensah')
      await call(session, 'history.undo', { changeId: change.id })
      expect((await call(session, 'members.search', { filter: { query: 'nia mensah' }, sort: 'name' })).total).toBe(0)
    } finally {
      await session.close()
    }
  })

  it('refuses a people table whose rules are not the ones it expects, leaving the file as it was', () => {
    expect(() => cheapChecksStatement('CREATE TABLE "people" ("id" integer primary key, "status" text)', 'people_rebuilt')).toThrow(/left as it was/)
    expect(cheapChecksStatement(
      `CREATE TABLE "people" ("household_role" text check (household_role in ('head','spouse','child','other')), "status" text check (status in ('member','regular_attender','visitor','inactive')), "preferred_contact" text check (preferred_contact in ('phone','text','email','post','none')), extra text) strict`,
      'people_rebuilt',
    )).toMatch(/^CREATE TABLE "people_rebuilt" \(.*extra text\) strict$/)
  })
})
