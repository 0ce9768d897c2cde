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

describe('a version-5 file, made before history, reach and care calendars', () => {
  it('opens with every meal train, meal, sign-up, dish and note as it was, each train a meals calendar', async () => {
    const dir = tempDir()
    const path = join(dir, 'hearth.sqlite')
    const raw = new BetterSqlite3(path)
    raw.pragma('foreign_keys = ON')
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) })
    for (const m of migrations.filter((x) => x.version <= 5)) await m.up(db)
    await sql.raw(`PRAGMA application_id = ${HEARTH_APPLICATION_ID}`).execute(db)
    await sql.raw('PRAGMA user_version = 5').execute(db)
    const t = '2025-06-01T00:00:00.000Z'
    const train = raw
      .prepare(`insert into meal_trains (recipient_name, reason, starts_on, ends_on, weekdays, adults, children, address, instructions, dietary, dietary_notes,
          favourite_meals, disliked_meals, coordinator_name, coordinator_phone, updated_at)
        values ('The Brennan family', 'Surgery', '2025-06-02', '2025-06-08', 127, 2, 1, '3 Quay St', 'Ring twice', '["gluten_free","kosher_style_unknown"]', 'Strictly gluten-free', 'Stews', 'Fish', 'Pat Brennan', '555 0300', ?)`)
      .run(t).lastInsertRowid
    raw.prepare('insert into meal_train_meals (train_id, meal, window_from, window_to) values (?, ?, ?, ?)').run(train, 'dinner', '17:00', '18:00')
    const signup = raw.prepare('insert into meal_signups (train_id, date, meal, volunteer_name, volunteer_phone, kind, dish, notes, state, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
    signup.run(train, '2025-06-02', 'dinner', 'Aoife Byrne', '555 0311', 'meal', 'Gluten-free shepherd’s pie', 'Oven dish to return', 'delivered', t)
    signup.run(train, '2025-06-03', 'dinner', 'Tom Walsh', null, 'gift_card', null, 'Voucher for the corner shop', 'taken', t)
    signup.run(train, '2025-06-05', 'dinner', 'Niamh Ryan', null, 'meal', 'Risotto', null, 'cancelled', t)
    const tables = ['meal_trains', 'meal_train_meals', 'meal_signups'] as const
    const columns = Object.fromEntries(tables.map((name) => [name, (raw.pragma(`table_info(${name})`) as { name: string }[]).map((c) => c.name).join(', ')]))
    const rows = (file: BetterSqlite3.Database) => Object.fromEntries(tables.map((name) => [name, file.prepare(`select ${columns[name]} from ${name} order by ${columns[name]}`).all()]))
    const before = rows(raw)
    await db.destroy()

    const s = await startSession(path, new TestOs(dir, 'en-GB'), 'test')
    try {
      expect(s.context.sqlite.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version)
      expect(rows(s.context.sqlite)).toEqual(before)
      const detail: MealTrainDetail = await call(s, 'mealTrains.get', { id: Number(train) })
      expect(detail).toMatchObject({ kind: 'meals', dateKnown: true, recipientName: 'The Brennan family', dietaryNotes: 'Strictly gluten-free' })
      // The key this version does not know is dropped where the list is read; the file keeps it.
      expect(detail.dietary).toEqual(['gluten_free'])
      expect(detail.slots.find((x) => x.date === '2025-06-02')?.signup).toMatchObject({ dish: 'Gluten-free shepherd’s pie', notes: 'Oven dish to return', state: 'delivered' })
      expect(detail.slots.find((x) => x.date === '2025-06-03')?.signup).toMatchObject({ kind: 'gift_card', notes: 'Voucher for the corner shop' })
      expect(detail.cancelled.map((x) => x.dish)).toEqual(['Risotto'])
      expect(s.context.sqlite.pragma('foreign_key_check')).toEqual([])
    } finally {
      await s.close()
    }
  })
})
