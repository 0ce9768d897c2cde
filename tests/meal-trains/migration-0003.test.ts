import { afterEach, describe, expect, it } from 'vitest'
import type { MealTrainDetail } from '../../main/contract/meal-trains'
import { testSession } from '../helpers/session'
import { addPerson, trainFields } from './fixtures'

let s: Awaited<ReturnType<typeof testSession>>
afterEach(() => s?.close())

async function train(): Promise<number> {
  const r = await s.registry.dispatch('mealTrains.create', trainFields())
  if (!r.ok) throw new Error(r.error.message)
  return (r.value as { id: number }).id
}

describe('migration 3: meal trains tables', () => {
  it('creates strict tables with their indexes', async () => {
    s = await testSession()
    const sql = (name: string) => s.context.sqlite.prepare('select sql from sqlite_master where name = ?').pluck().get(name) as string
    for (const t of ['meal_trains', 'meal_train_meals', 'meal_signups']) expect(sql(t)).toMatch(/strict/i)
    expect(sql('meal_signups_one_per_slot')).toMatch(/where state in \('taken','delivered'\)/)
    expect(s.context.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('the database itself refuses a double-booked slot and impossible values', async () => {
    s = await testSession()
    const id = await train()
    const insert = s.context.sqlite.prepare(
      "insert into meal_signups (train_id, date, meal, volunteer_name, kind, state, updated_at) values (?, '2026-03-02', 'dinner', ?, 'meal', ?, 'x')",
    )
    insert.run(id, 'Jo', 'taken')
    expect(() => insert.run(id, 'Sam', 'taken')).toThrow(/UNIQUE/)
    expect(() => insert.run(id, 'Sam', 'delivered')).toThrow(/UNIQUE/)
    insert.run(id, 'Sam', 'cancelled')
    insert.run(id, 'Kim', 'needs_rescheduling')
    expect(() => insert.run(id, 'Kim', 'lost')).toThrow(/CHECK/)
    expect(() => insert.run(id, '  ', 'cancelled')).toThrow(/CHECK/)
    expect(() => s.context.sqlite.prepare('update meal_trains set weekdays = 0').run()).toThrow(/CHECK/)
    expect(() => s.context.sqlite.prepare("update meal_trains set ends_on = '2026-01-01'").run()).toThrow(/CHECK/)
    expect(() => s.context.sqlite.prepare("update meal_train_meals set window_to = '01:00'").run()).toThrow(/CHECK/)
  })

  it('keeps a sign-up and its name when the member is deleted; deleting a train removes its meals and sign-ups', async () => {
    s = await testSession()
    const id = await train()
    const { personId } = await addPerson(s.context.db, { first: 'Maria', last: 'Silva' })
    const r = await s.registry.dispatch('mealTrains.signUp', { trainId: id, date: '2026-03-02', meal: 'dinner', volunteer: { personId } })
    expect(r.ok).toBe(true)
    s.context.sqlite.prepare('delete from people where id = ?').run(personId)
    const got = await s.registry.dispatch('mealTrains.get', { id })
    expect(got.ok && (got.value as MealTrainDetail).slots[0]?.signup).toMatchObject({ personId: null, volunteerName: 'Maria Silva' })
    s.context.sqlite.prepare('delete from meal_trains where id = ?').run(id)
    expect(s.context.sqlite.prepare('select (select count(*) from meal_signups) + (select count(*) from meal_train_meals)').pluck().get()).toBe(0)
    expect(s.context.sqlite.pragma('foreign_key_check')).toEqual([])
  })
})
