import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect, sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { HEARTH_APPLICATION_ID } from '../../db/open'
import { migrations } from '../../db/migrations'
import type { MealTrainDetail } from '../../main/contract/meal-trains'
import { startSession } from '../../main/session'
import { TestOs } from '../bridge/test-os'
import { call } from '../helpers/session'
import { tempDir } from '../helpers/temp'

const OLD_TRAIN_COLUMNS =
  'id, recipient_person_id, recipient_household_id, recipient_name, reason, starts_on, ends_on, weekdays, adults, children, address, instructions, dietary, dietary_notes, favourite_meals, disliked_meals, coordinator_name, coordinator_phone, household_needs_seen, status, created_at, updated_at'

/** A file exactly as the version before care calendars left it, holding two meal trains with sign-ups in every state. */
async function fileBeforeCareCalendars(): Promise<{ dir: string; path: string }> {
  const dir = tempDir()
  const path = join(dir, 'hearth.sqlite')
  const raw = new BetterSqlite3(path)
  raw.pragma('foreign_keys = ON')
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) })
  const before = migrations.filter((m) => m.version < 12)
  for (const m of before) await m.up(db)
  await sql.raw(`PRAGMA application_id = ${HEARTH_APPLICATION_ID}`).execute(db)
  await sql.raw(`PRAGMA user_version = ${before.at(-1)!.version}`).execute(db)
  const t = '2026-01-01T00:00:00.000Z'
  const person = raw.prepare("insert into people (first_name, last_name, mobile_phone, search_text, updated_at) values ('Maria', 'Silva', '555 0101', 'maria silva', ?)").run(t).lastInsertRowid
  const train = raw.prepare(`insert into meal_trains (recipient_name, reason, starts_on, ends_on, weekdays, adults, children, address, instructions, dietary, dietary_notes,
      favourite_meals, disliked_meals, coordinator_name, coordinator_phone, household_needs_seen, created_at, updated_at)
    values ('The Okafor family', 'New baby', '2026-03-02', '2026-03-15', 31, 2, 3, '12 Elm Road, Leeds', 'Leave at the side door', '["nut_allergy","vegetarian"]',
      'Severe nut allergy', 'Soups', 'Mushrooms', 'Grace Obi', '555 0199', '[]', ?, ?)`).run(t, t).lastInsertRowid
  const archived = raw.prepare(`insert into meal_trains (recipient_name, starts_on, ends_on, weekdays, status, updated_at) values ('Ann Abbott', '2025-11-03', '2025-11-09', 127, 'archived', ?)`).run(t).lastInsertRowid
  const meal = raw.prepare('insert into meal_train_meals (train_id, meal, window_from, window_to) values (?, ?, ?, ?)')
  meal.run(train, 'lunch', '12:00', '13:00')
  meal.run(train, 'dinner', '17:30', '18:30')
  meal.run(archived, 'dinner', '18:00', '19:00')
  const signup = raw.prepare(
    'insert into meal_signups (train_id, date, meal, person_id, volunteer_name, volunteer_phone, kind, dish, notes, state, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const first = signup.run(train, '2026-03-02', 'dinner', person, 'Maria Silva', '555 0101', 'meal', 'Lentil soup', 'Bringing bread too', 'delivered', t).lastInsertRowid
  signup.run(train, '2026-03-03', 'lunch', null, 'Jo Write-in', '555 0123', 'gift_card', null, 'Supermarket voucher', 'taken', t)
  signup.run(train, '2026-03-04', 'dinner', person, 'Maria Silva', null, 'meal', 'Lasagne', null, 'cancelled', t)
  signup.run(train, '2026-03-07', 'dinner', null, 'Sam Stone', null, 'meal', 'Curry', 'Mild', 'needs_rescheduling', t)
  signup.run(archived, '2025-11-05', 'dinner', null, 'Kim Lee', null, 'meal', 'Stew', null, 'delivered', t)
  raw.prepare('insert into reach_reminders (meal_signup_id, person_key, reminded_at) values (?, ?, ?)').run(first, 'person:1', t)
  await db.destroy()
  return { dir, path }
}

function snapshot(raw: BetterSqlite3.Database) {
  return {
    trains: raw.prepare(`select ${OLD_TRAIN_COLUMNS} from meal_trains order by id`).all(),
    meals: raw.prepare('select * from meal_train_meals order by train_id, meal').all(),
    signups: raw.prepare('select * from meal_signups order by id').all(),
    reminders: raw.prepare('select * from reach_reminders order by id').all(),
  }
}

describe('migration 12: care calendars on the meal-train tables', () => {
  it('carries every meal train, meal, sign-up, dish and note of an older file over unchanged, as kind "meals"', async () => {
    const { dir, path } = await fileBeforeCareCalendars()
    const old = new BetterSqlite3(path, { readonly: true })
    const before = snapshot(old)
    old.close()
    expect(before.signups).toHaveLength(5)

    const s = await startSession(path, new TestOs(dir, 'en-GB'), 'test')
    try {
      expect(s.context.sqlite.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(12)
      expect(snapshot(s.context.sqlite)).toEqual(before)
      const added = s.context.sqlite
        .prepare('select kind, title, care_what, care_where, care_when, ride_pickup, ride_destination, ride_appointment, ride_return, ride_wheelchair, ride_child_seat, week_interval, day_one_label, date_known from meal_trains order by id')
        .all()
      const plain = { kind: 'meals', title: null, care_what: null, care_where: null, care_when: null, ride_pickup: null, ride_destination: null, ride_appointment: null, ride_return: 0, ride_wheelchair: 0, ride_child_seat: 0, week_interval: 1, day_one_label: null, date_known: 1 }
      expect(added).toEqual([plain, plain])

      // Read back through the handlers, the train is the same meal train with its slots and sign-ups in place.
      const detail: MealTrainDetail = await call(s, 'mealTrains.get', { id: 1 })
      expect(detail).toMatchObject({ kind: 'meals', dateKnown: true, weekInterval: 1, weekdays: [1, 2, 3, 4, 5], dietaryNotes: 'Severe nut allergy', favouriteMeals: 'Soups' })
      expect(detail.slots).toHaveLength(20)
      expect(detail.slots.find((x) => x.date === '2026-03-02' && x.meal === 'dinner')?.signup).toMatchObject({ dish: 'Lentil soup', notes: 'Bringing bread too', state: 'delivered' })
      expect(detail.slots.find((x) => x.date === '2026-03-03' && x.meal === 'lunch')?.signup).toMatchObject({ kind: 'gift_card', notes: 'Supermarket voucher' })
      expect(detail.needsRescheduling.map((x) => x.dish)).toEqual(['Curry'])
      expect(detail.cancelled.map((x) => x.dish)).toEqual(['Lasagne'])
      expect(s.context.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(s.context.sqlite.pragma('foreign_key_check')).toEqual([])
      expect(() => s.context.sqlite.prepare("update meal_trains set kind = 'picnics'").run()).toThrow(/CHECK/)
      expect(() => s.context.sqlite.prepare("update meal_trains set ride_appointment = 'soon'").run()).toThrow(/CHECK/)
      expect(() => s.context.sqlite.prepare('update meal_trains set week_interval = 5').run()).toThrow(/CHECK/)
    } finally {
      await s.close()
    }
  })
})
