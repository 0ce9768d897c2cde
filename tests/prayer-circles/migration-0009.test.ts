import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type HearthDatabase } from '../../db/open'
import { tempDir } from '../helpers/temp'

let h: HearthDatabase
const dir = tempDir()

beforeAll(async () => {
  h = await openDatabase(join(dir, 'hearth.sqlite'))
})
afterAll(() => h?.close())

const TABLES = ['standing_exceptions', 'standing_holders', 'standing_hours', 'standing_schedules', 'standing_substitute_times', 'standing_substitutes']
const run = (sql: string, ...params: unknown[]) => h.sqlite.prepare(sql).run(...params)
const count = (table: string) => h.sqlite.prepare(`select count(*) from ${table}`).pluck().get()

describe('migration 9: standing hours', () => {
  it('creates strict tables on a real file', () => {
    const tables = h.sqlite.prepare("select name, strict from pragma_table_list where name like 'standing_%' order by name").all() as { name: string; strict: number }[]
    expect(tables.map((t) => t.name)).toEqual(TABLES)
    expect(tables.every((t) => t.strict === 1)).toBe(true)
    expect(h.sqlite.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(9)
  })

  it('refuses impossible rows and cleans up after deletes', () => {
    const now = new Date().toISOString()
    const person = Number(run("insert into people (first_name, last_name, updated_at) values ('Ann', 'Abbott', ?)", now).lastInsertRowid)
    const sub = Number(run("insert into people (first_name, last_name, updated_at) values ('Sam', 'Stone', ?)", now).lastInsertRowid)
    const circle = Number(run("insert into prayer_circles (name, updated_at) values ('Chapel', ?)", now).lastInsertRowid)
    expect(() => run("insert into standing_schedules (circle_id, title, time_zone, slot_minutes, updated_at) values (?, 'x', 'UTC', 45, ?)", circle, now)).toThrow(/CHECK/)
    const schedule = Number(run("insert into standing_schedules (circle_id, title, time_zone, slot_minutes, updated_at) values (?, 'Chapel', 'UTC', 60, ?)", circle, now).lastInsertRowid)
    const hour = Number(run('insert into standing_hours (schedule_id, weekday, start_minute) values (?, 2, 180)', schedule).lastInsertRowid)
    expect(() => run('insert into standing_hours (schedule_id, weekday, start_minute) values (?, 2, 180)', schedule)).toThrow(/UNIQUE/)
    expect(() => run('insert into standing_hours (schedule_id, weekday, start_minute) values (?, 8, 0)', schedule)).toThrow(/CHECK/)
    expect(() => run("insert into standing_holders (hour_id, person_id, from_date, until_date) values (?, ?, '2026-03-10', '2026-03-01')", hour, person)).toThrow(/CHECK/)
    const holder = Number(run("insert into standing_holders (hour_id, person_id, from_date) values (?, ?, '2026-03-03')", hour, person).lastInsertRowid)
    expect(() => run("insert into standing_exceptions (schedule_id, on_date, kind) values (?, '2026-03-10', 'away')", schedule)).toThrow(/CHECK/)
    expect(() => run("insert into standing_exceptions (schedule_id, on_date, hour_id, kind) values (?, '2026-03-10', ?, 'extra')", schedule, hour)).toThrow(/CHECK/)
    run("insert into standing_exceptions (schedule_id, on_date, hour_id, kind, holder_id) values (?, '2026-03-10', ?, 'away', ?)", schedule, hour, holder)
    expect(() => run("insert into standing_exceptions (schedule_id, on_date, hour_id, kind, holder_id) values (?, '2026-03-10', ?, 'away', ?)", schedule, hour, holder)).toThrow(/UNIQUE/)
    run("insert into standing_exceptions (schedule_id, on_date, kind, note) values (?, '2026-12-25', 'closed', 'Christmas')", schedule)
    run('insert into standing_substitutes (schedule_id, person_id, max_per_month) values (?, ?, 2)', schedule, sub)
    run('insert into standing_substitute_times (schedule_id, person_id, weekday, start_minute, end_minute) values (?, ?, 2, 0, 360)', schedule, sub)
    expect(() => run('insert into standing_substitute_times (schedule_id, person_id, weekday, start_minute, end_minute) values (?, ?, 2, 0, 360)', schedule, person)).toThrow(/FOREIGN KEY/)
    // A person deleted takes their holdings (and that holding's "away" dates) and their pool offer with them.
    run('delete from people where id = ?', person)
    expect([count('standing_holders'), count('standing_exceptions')]).toEqual([0, 1])
    run('delete from people where id = ?', sub)
    expect([count('standing_substitutes'), count('standing_substitute_times')]).toEqual([0, 0])
    run('delete from prayer_circles where id = ?', circle)
    for (const table of TABLES) expect(count(table), table).toBe(0)
    expect(h.sqlite.pragma('foreign_key_check')).toEqual([])
  })
})
