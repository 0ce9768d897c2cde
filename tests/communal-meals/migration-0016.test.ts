import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect, sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { HEARTH_APPLICATION_ID } from '../../db/open'
import { migrations } from '../../db/migrations'
import { liftedNeeds } from '../../db/migrations/0016_communal_meals'
import type { PersonDetail } from '../../main/contract/members'
import { startSession } from '../../main/session'
import { TestOs } from '../bridge/test-os'
import { call } from '../helpers/session'
import { tempDir } from '../helpers/temp'

const LONG_NOTE = `${'Ανοσοποιητικό — αλλεργία σε πολλά. '.repeat(25)}; sesame`

/** A file exactly as version 15 left it: people and a meal train whose notes hold needs the old list lacked. */
async function fileAtVersion15(): Promise<{ dir: string; path: string }> {
  const dir = tempDir()
  const path = join(dir, 'hearth.sqlite')
  const raw = new BetterSqlite3(path)
  raw.pragma('foreign_keys = ON')
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) })
  const before = migrations.filter((m) => m.version <= 15)
  for (const m of before) await m.up(db)
  await sql.raw(`PRAGMA application_id = ${HEARTH_APPLICATION_ID}`).execute(db)
  await sql.raw('PRAGMA user_version = 15').execute(db)
  const t = '2026-01-01T00:00:00.000Z'
  const person = raw.prepare('insert into people (first_name, last_name, dietary, dietary_notes, search_text, updated_at) values (?, ?, ?, ?, ?, ?)')
  person.run('Amira', 'Haddad', '["nut_allergy"]', 'Sesame allergy; No pork', 'amira haddad', t)
  person.run('Jan', 'Kowalski', '[]', 'No mustard on his, please, but fine in cooking', 'jan kowalski', t)
  person.run('Siobhán', 'Ní Bhriain', '["vegan","from_a_newer_hearth"]', 'CELERY / Lupin\nteetotal', 'siobhan ni bhriain', t)
  person.run('Ξανθή', 'Παπαδοπούλου', '[]', LONG_NOTE, 'ξανθη παπαδοπουλου', t)
  person.run('Wei', 'Zhang', '["sesame_allergy"]', 'sesame', 'wei zhang', t)
  raw
    .prepare(`insert into meal_trains (recipient_name, starts_on, ends_on, weekdays, dietary, dietary_notes, updated_at) values ('The Haddad family', '2026-03-02', '2026-03-08', 127, '["halal"]', 'molluscs, sulphites', ?)`)
    .run(t)
  await db.destroy()
  return { dir, path }
}

describe('migration 16: communal meals, and the dietary needs a shared table names', () => {
  it('lifts needs a note names exactly into the list, keeps every note and unknown key, and adds the communal tables', async () => {
    const { dir, path } = await fileAtVersion15()
    const old = new BetterSqlite3(path, { readonly: true })
    const notesBefore = old.prepare('select id, dietary_notes from people order by id').all()
    old.close()

    const s = await startSession(path, new TestOs(dir, 'en-GB'), 'test')
    try {
      const raw = s.context.sqlite
      expect(raw.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(16)
      const dietary = (raw.prepare('select dietary from people order by id').all() as { dietary: string }[]).map((r) => JSON.parse(r.dietary))
      expect(dietary).toEqual([
        ['nut_allergy', 'sesame_allergy', 'no_pork'],
        [],
        ['vegan', 'from_a_newer_hearth', 'celery_allergy', 'lupin_allergy', 'no_alcohol'],
        ['sesame_allergy'],
        ['sesame_allergy'],
      ])
      expect(raw.prepare('select id, dietary_notes from people order by id').all()).toEqual(notesBefore)
      expect(JSON.parse((raw.prepare('select dietary from meal_trains').get() as { dietary: string }).dietary)).toEqual(['halal', 'sulphite_allergy', 'mollusc_allergy'])

      // Read through the handlers, the member record shows the lifted needs with the labels this version has.
      const amira: PersonDetail = await call(s, 'members.get', { id: 1 })
      expect(amira.dietary).toEqual(['nut_allergy', 'sesame_allergy', 'no_pork'])
      expect(amira.dietaryNotes).toBe('Sesame allergy; No pork')

      for (const table of ['communal_series', 'communal_meals', 'communal_needs', 'communal_signups', 'communal_rsvps']) {
        expect(raw.prepare('select count(*) as n from sqlite_schema where type = ? and name = ?').get('table', table)).toEqual({ n: 1 })
      }
      const t = '2026-01-01T00:00:00.000Z'
      raw.prepare("insert into communal_meals (title, date, updated_at) values ('Harvest supper', '2026-10-04', ?)").run(t)
      expect(() => raw.prepare("insert into communal_meals (title, date, updated_at) values ('Soon', 'next week', ?)").run(t)).toThrow(/CHECK/)
      expect(() => raw.prepare("insert into communal_meals (title, date, updated_at) values ('  ', '2026-10-04', ?)").run(t)).toThrow(/CHECK/)
      raw.prepare("insert into communal_needs (meal_id, kind, what, wanted, serves) values (1, 'dish', 'main', 6, 8)").run()
      expect(() => raw.prepare("insert into communal_needs (meal_id, kind, what, wanted) values (1, 'dish', 'main', 0)").run()).toThrow(/CHECK/)
      expect(() => raw.prepare("insert into communal_signups (need_id, name, contains) values (1, 'Amira', 'sesame')").run()).toThrow(/CHECK/)
      expect(() => raw.prepare("insert into communal_rsvps (meal_id, name, adults, children) values (1, 'Nobody', 0, 0)").run()).toThrow(/CHECK/)
      raw.prepare("insert into communal_rsvps (meal_id, household_id, name, adults, children) values (1, null, 'A guest', 1, 0)").run()
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(raw.pragma('foreign_key_check')).toEqual([])
    } finally {
      await s.close()
    }
  })

  it('leaves a list it cannot read, and a note without an exact piece, as they were', () => {
    expect(liftedNeeds('not json', 'sesame')).toBeNull()
    expect(liftedNeeds('{"sesame_allergy":true}', 'sesame')).toBeNull()
    expect(liftedNeeds('[]', 'sesame seeds make her ill')).toBeNull()
    expect(liftedNeeds('[]', null)).toBeNull()
    expect(liftedNeeds('[]', ';;;,,,')).toBeNull()
    expect(liftedNeeds('[]', 'Sésame')).toBe('["sesame_allergy"]')
  })
})
