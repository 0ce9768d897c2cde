import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect, sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { generateMembersFast } from '../../bench/members-data'
import { migrations } from '../../db/migrations'
import { HEARTH_APPLICATION_ID, openDatabase } from '../../db/open'
import { tempDir } from '../helpers/temp'
import { holders, indexAgrees, ROLE } from './trigram-checks'

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
      expect(o.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(15)
      expect(opened.safetyCopyPath).not.toBeNull()
      // Later migrations may add columns; the ones a version 14 file had keep their values.
      const columns = Object.keys(people[0] as object)
      const now = o.prepare('select * from people order by id').all() as Record<string, unknown>[]
      expect(now.map((r) => Object.fromEntries(columns.map((c) => [c, r[c]])))).toEqual(people)
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
