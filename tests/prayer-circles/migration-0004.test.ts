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

const TABLES = ['prayer_circles', 'prayer_circle_members', 'prayer_schedules', 'prayer_slots', 'prayer_assignments', 'prayer_requests']

function run(sql: string, ...params: unknown[]) {
  return h.sqlite.prepare(sql).run(...params)
}

describe('migration 4: prayer circles', () => {
  it('creates strict tables with their indexes', () => {
    const strict = h.sqlite.prepare("select name, strict from pragma_table_list where name like 'prayer_%' order by name").all() as { name: string; strict: number }[]
    expect(strict.map((t) => t.name)).toEqual([...TABLES].sort())
    expect(strict.every((t) => t.strict === 1)).toBe(true)
    const indexes = h.sqlite.prepare("select name from sqlite_master where type = 'index' and name like 'prayer_%'").pluck().all()
    expect(indexes).toEqual(expect.arrayContaining(['prayer_slots_time', 'prayer_assignments_person', 'prayer_schedules_circle']))
    expect(h.sqlite.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(4)
  })

  it('refuses impossible rows: zero-length slots, an assignment with nobody, unknown kinds', () => {
    const now = new Date().toISOString()
    const person = Number(run("insert into people (first_name, last_name, updated_at) values ('Ann', 'Abbott', ?)", now).lastInsertRowid)
    const circle = Number(run("insert into prayer_circles (name, leader_person_id, updated_at) values ('Circle', ?, ?)", person, now).lastInsertRowid)
    run('insert into prayer_circle_members (circle_id, person_id, chain_position) values (?, ?, 1)', circle, person)
    expect(() => run("insert into prayer_schedules (circle_id, kind, title, time_zone, updated_at) values (?, 'party', 'x', 'UTC', ?)", circle, now)).toThrow(/CHECK/)
    const schedule = Number(run("insert into prayer_schedules (circle_id, kind, title, time_zone, updated_at) values (?, 'vigil', 'x', 'UTC', ?)", circle, now).lastInsertRowid)
    const at = '2026-01-01T10:00:00Z'
    expect(() => run("insert into prayer_slots (schedule_id, occurs_at, starts_at, ends_at, local_date) values (?, ?, ?, ?, '2026-01-01')", schedule, at, at, at)).toThrow(/CHECK/)
    const slot = Number(run("insert into prayer_slots (schedule_id, occurs_at, starts_at, ends_at, local_date) values (?, ?, ?, '2026-01-01T11:00:00Z', '2026-01-01')", schedule, at, at).lastInsertRowid)
    expect(() => run("insert into prayer_assignments (slot_id, source) values (?, 'manual')", slot)).toThrow(/CHECK/)
    expect(() => run("insert into prayer_assignments (slot_id, person_id, write_in_name, source) values (?, ?, 'Both', 'manual')", slot, person)).toThrow(/CHECK/)
    run("insert into prayer_assignments (slot_id, person_id, source) values (?, ?, 'auto')", slot, person)
    expect(() => run("insert into prayer_assignments (slot_id, person_id, source) values (?, ?, 'manual')", slot, person)).toThrow(/UNIQUE/)
    run("insert into prayer_assignments (slot_id, write_in_name, source) values (?, 'Sister Mary', 'manual')", slot)
    expect(() => run("insert into prayer_requests (circle_id, body, confidentiality, updated_at) values (?, 'x', 'public', ?)", circle, now)).toThrow(/CHECK/)

    // Deleting a person takes their assignments and membership with them and leaves the circle leaderless.
    run('delete from people where id = ?', person)
    expect(h.sqlite.prepare('select leader_person_id from prayer_circles where id = ?').pluck().get(circle)).toBeNull()
    expect(h.sqlite.prepare('select count(*) from prayer_assignments').pluck().get()).toBe(1)
    expect(h.sqlite.prepare('select count(*) from prayer_circle_members').pluck().get()).toBe(0)
    // Deleting a circle removes everything under it.
    run('delete from prayer_circles where id = ?', circle)
    for (const table of TABLES) expect(h.sqlite.prepare(`select count(*) from ${table}`).pluck().get(), table).toBe(0)
    expect(h.sqlite.pragma('foreign_key_check')).toEqual([])
  })
})
