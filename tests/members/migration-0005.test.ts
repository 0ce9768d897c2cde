import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect, sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { HEARTH_APPLICATION_ID, openDatabase } from '../../db/open'
import { migrations } from '../../db/migrations'
import { tempDir } from '../helpers/temp'

describe('migration 5 (members_more)', () => {
  it('fills the accent-free sort key of people already in a version 4 file', async () => {
    const path = join(tempDir(), 'hearth.sqlite')
    const raw = new BetterSqlite3(path)
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) })
    for (const m of migrations.filter((m) => m.version <= 4)) await m.up(db)
    await sql.raw(`PRAGMA application_id = ${HEARTH_APPLICATION_ID}`).execute(db)
    await sql.raw('PRAGMA user_version = 4').execute(db)
    raw.prepare(`insert into people (first_name, last_name, updated_at) values ('Émile', 'Ábel', '2026-01-01T00:00:00Z')`).run()
    await db.destroy()

    const opened = await openDatabase(path)
    try {
      expect(opened.sqlite.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(5)
      expect(opened.sqlite.prepare('select sort_key from people').pluck().get()).toBe('abel\u001femile')
      expect(opened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      await opened.close()
    }
  })
})
