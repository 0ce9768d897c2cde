import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect, sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { HEARTH_APPLICATION_ID, openDatabase } from '../../db/open'
import { migrations } from '../../db/migrations'
import { tempDir } from '../helpers/temp'

describe('migration 17 (birthdays_without_year)', () => {
  it('adds a day-and-month birthday to a version 15 file, keeping everyone, and refuses a day that is not one', async () => {
    const path = join(tempDir(), 'hearth.sqlite')
    const raw = new BetterSqlite3(path)
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) })
    for (const m of migrations.filter((m) => m.version <= 15)) await m.up(db)
    await sql.raw(`PRAGMA application_id = ${HEARTH_APPLICATION_ID}`).execute(db)
    await sql.raw('PRAGMA user_version = 15').execute(db)
    raw.prepare("insert into people (first_name, last_name, birthday, updated_at) values ('Ngozi', 'Okonkwo-Adebayo', '1961-02-28', '2026-01-01T00:00:00Z')").run()
    await db.destroy()

    const opened = await openDatabase(path)
    try {
      const s = opened.sqlite
      expect(s.prepare('select first_name, birthday, birth_month_day from people').all()).toEqual([{ first_name: 'Ngozi', birthday: '1961-02-28', birth_month_day: null }])
      const set = (md: string) => s.prepare("update people set birth_month_day = ? where first_name = 'Ngozi'").run(md)
      set('02-29')
      expect(s.prepare('select birth_month_day from people').pluck().get()).toBe('02-29')
      for (const bad of ['13-01', '00-10', '06-32', '6-23', '--06-23', '1980-06-23']) expect(() => set(bad), bad).toThrow(/CHECK/)
      expect(s.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      await opened.close()
    }
  })
})
