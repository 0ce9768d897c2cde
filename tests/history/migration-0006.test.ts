import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect, sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../db/migrations'
import { HEARTH_APPLICATION_ID } from '../../db/open'
import { startSession } from '../../main/session'
import { TestOs } from '../bridge/test-os'
import { call, callRecorded } from '../helpers/session'
import { tempDir } from '../helpers/temp'

describe('migration 6 (history)', () => {
  it('upgrades a version 5 file with a train and a pending person-delete snapshot: history tables, no snapshots, a train that reads its household', async () => {
    const dir = tempDir()
    const path = join(dir, 'hearth.sqlite')
    const raw = new BetterSqlite3(path)
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) })
    for (const m of migrations.filter((m) => m.version <= 5)) await m.up(db)
    await sql.raw(`PRAGMA application_id = ${HEARTH_APPLICATION_ID}`).execute(db)
    await sql.raw('PRAGMA user_version = 5').execute(db)
    raw.exec(`
      insert into households (id, display_name, updated_at) values (1, 'The Okafor family', '2026-01-01T00:00:00Z');
      insert into people (id, household_id, household_role, first_name, last_name, dietary, updated_at)
        values (1, 1, 'head', 'Ada', 'Okafor', '["gluten_free"]', '2026-01-01T00:00:00Z'),
               (2, 1, 'spouse', 'Sam', 'Okafor', '["nut_allergy"]', '2026-01-01T00:00:00Z');
      insert into meal_trains (id, recipient_person_id, recipient_household_id, recipient_name, starts_on, ends_on, weekdays, dietary, updated_at)
        values (1, 1, 1, 'The Okafor family', '2026-03-02', '2026-03-08', 127, '["gluten_free"]', '2026-01-01T00:00:00Z');
      insert into meal_train_meals (train_id, meal, window_from, window_to) values (1, 'dinner', '17:30', '18:30');
      insert into deleted_people (token, person_id, snapshot) values ('t', 9, '{"person":{}}');
    `)
    await db.destroy()

    const s = await startSession(path, new TestOs(dir, 'en-GB'), 'test')
    try {
      // Opening runs every later migration too, so the file ends at the newest version.
      expect(s.context.sqlite.pragma('user_version', { simple: true })).toBe(Math.max(...migrations.map((m) => m.version)))
      expect(s.context.sqlite.prepare(`select count(*) from sqlite_schema where name = 'deleted_people'`).pluck().get()).toBe(0)
      expect(s.context.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(s.context.sqlite.pragma('foreign_key_check')).toEqual([])

      // A train made before the upgrade copied only her needs; it now reads both, and shows his as new to the coordinator.
      const t = await call(s, 'mealTrains.get', { id: 1 })
      expect(t.householdNeeds.map((p) => [p.name, p.dietary])).toEqual([
        ['Ada Okafor', ['gluten_free']],
        ['Sam Okafor', ['nut_allergy']],
      ])
      expect(t.needsChanges).toEqual(['Ada Okafor: added gluten-free', 'Sam Okafor: added nut allergy'])

      // Writes to the upgraded file are recorded and undone like any other.
      const { change } = await callRecorded(s, 'members.delete', { id: 2 })
      await call(s, 'history.undo', { changeId: change.id })
      expect(s.context.sqlite.prepare('select first_name from people order by id').pluck().all()).toEqual(['Ada', 'Sam'])
    } finally {
      await s.close()
    }
  })
})
