import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect, sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { HEARTH_APPLICATION_ID, openDatabase } from '../../db/open'
import { migrations } from '../../db/migrations'
import { tempDir } from '../helpers/temp'

describe('migration 13 (asks and offers)', () => {
  it('adds strict offer and ask tables to a file from before, keeping what was there, and the database refuses impossible rows', async () => {
    const path = join(tempDir(), 'hearth.sqlite')
    const raw = new BetterSqlite3(path)
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) })
    const before = migrations.filter((m) => m.version < 13)
    for (const m of before) await m.up(db)
    await sql.raw(`PRAGMA application_id = ${HEARTH_APPLICATION_ID}`).execute(db)
    await sql.raw(`PRAGMA user_version = ${Math.max(...before.map((m) => m.version))}`).execute(db)
    const t = '2026-01-01T00:00:00Z'
    raw.prepare(`insert into households (display_name, updated_at) values ('The Ng household', ?)`).run(t)
    raw.prepare(`insert into people (first_name, last_name, household_id, updated_at) values ('Ruth', 'Ng', 1, ?)`).run(t)
    raw.prepare(`insert into meal_trains (recipient_name, starts_on, ends_on, weekdays, updated_at) values ('Ng', '2026-03-02', '2026-03-08', 127, ?)`).run(t)
    await db.destroy()

    const opened = await openDatabase(path)
    try {
      const s = opened.sqlite
      expect(s.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(13)
      expect(s.prepare('select first_name from people').pluck().all()).toEqual(['Ruth'])
      expect(s.prepare('select recipient_name from meal_trains').pluck().all()).toEqual(['Ng'])
      for (const table of ['care_offers', 'care_asks']) expect(s.prepare('select sql from sqlite_master where name = ?').pluck().get(table)).toMatch(/strict$/i)

      const offer = s.prepare(`insert into care_offers (person_id, title, kinds, weekdays, time_from, time_to, updated_at) values (?, ?, ?, ?, ?, ?, 'x')`)
      offer.run(1, 'Drives', '["rides"]', 31, '08:00', '12:00')
      expect(() => offer.run(1, '  ', '["rides"]', 31, null, null)).toThrow(/CHECK/)
      expect(() => offer.run(1, 'Drives', 'rides', 31, null, null)).toThrow(/CHECK/)
      expect(() => offer.run(1, 'Drives', '["rides"]', 0, null, null)).toThrow(/CHECK/)
      expect(() => offer.run(1, 'Drives', '["rides"]', 31, '08:00', null)).toThrow(/CHECK/)
      expect(() => offer.run(1, 'Drives', '["rides"]', 31, '12:00', '08:00')).toThrow(/CHECK/)
      expect(() => offer.run(9, 'Drives', '["rides"]', 31, null, null)).toThrow(/FOREIGN KEY/)

      const ask = s.prepare(`insert into care_asks (person_id, household_id, recipient_name, kind, title, train_id, closed_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 'x')`)
      ask.run(1, 1, 'Ruth Ng', 'rides', 'Ride to dialysis', 1, null)
      ask.run(null, null, 'Ruth Ng', 'visits', null, null, t)
      expect(() => ask.run(1, 1, 'Ruth Ng', 'rides', null, null, null)).toThrow(/CHECK/)
      expect(() => ask.run(1, 1, 'Ruth Ng', 'flights', 'Ride', null, null)).toThrow(/CHECK/)
      expect(() => ask.run(1, 1, ' ', 'rides', 'Ride', null, null)).toThrow(/CHECK/)

      // Offers go with their member; an ask outlives its member, household and calendar, keeping the name.
      s.prepare('delete from meal_trains').run()
      s.prepare('delete from people').run()
      s.prepare('delete from households').run()
      expect(s.prepare('select count(*) from care_offers').pluck().get()).toBe(0)
      expect(s.prepare('select person_id, household_id, train_id, recipient_name from care_asks where id = 1').get()).toEqual({ person_id: null, household_id: null, train_id: null, recipient_name: 'Ruth Ng' })
      expect(s.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(s.pragma('foreign_key_check')).toEqual([])
    } finally {
      await opened.close()
    }
  })
})
