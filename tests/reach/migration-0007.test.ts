import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect, sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { HEARTH_APPLICATION_ID, openDatabase } from '../../db/open'
import { migrations } from '../../db/migrations'
import { tempDir } from '../helpers/temp'

describe('migration 7 (reach)', () => {
  it('adds reminded ticks that go with their duty, the anniversary column and a calendar id, keeping what was there', async () => {
    const path = join(tempDir(), 'hearth.sqlite')
    const raw = new BetterSqlite3(path)
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) })
    for (const m of migrations.filter((m) => m.version < 7)) await m.up(db)
    await sql.raw(`PRAGMA application_id = ${HEARTH_APPLICATION_ID}`).execute(db)
    await sql.raw(`PRAGMA user_version = ${Math.max(...migrations.filter((m) => m.version < 7).map((m) => m.version))}`).execute(db)
    const t = '2026-01-01T00:00:00Z'
    raw.prepare(`insert into households (display_name, updated_at) values ('The Okafor family', ?)`).run(t)
    raw.prepare(`insert into people (first_name, last_name, household_id, updated_at) values ('Ada', 'Okafor', 1, ?)`).run(t)
    raw.prepare(`insert into meal_trains (recipient_name, starts_on, ends_on, weekdays, updated_at) values ('Lopez', '2026-03-02', '2026-03-08', 127, ?)`).run(t)
    raw.prepare(`insert into meal_signups (train_id, date, meal, person_id, volunteer_name, updated_at) values (1, '2026-03-03', 'dinner', 1, 'Ada Okafor', ?)`).run(t)
    await db.destroy()

    const opened = await openDatabase(path)
    try {
      const s = opened.sqlite
      expect(s.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(7)
      expect(s.prepare('select display_name, anniversary from households').get()).toEqual({ display_name: 'The Okafor family', anniversary: null })
      expect(JSON.parse(s.prepare(`select value from settings where key = 'calendarId'`).pluck().get() as string)).toMatch(/^[0-9a-f]{24}$/)

      s.prepare(`insert into reach_reminders (meal_signup_id, person_key) values (1, 'p:1')`).run()
      // A tick names exactly one duty.
      expect(() => s.prepare(`insert into reach_reminders (person_key) values ('p:1')`).run()).toThrow(/CHECK/)
      expect(() => s.prepare(`insert into reach_reminders (meal_signup_id, person_key) values (1, 'p:1')`).run()).toThrow(/UNIQUE/)
      s.prepare('delete from meal_signups where id = 1').run()
      expect(s.prepare('select count(*) from reach_reminders').pluck().get()).toBe(0)
      expect(s.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(s.pragma('foreign_key_check')).toEqual([])
    } finally {
      await opened.close()
    }
  })
})
