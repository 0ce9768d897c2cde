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

const run = (sql: string, ...params: unknown[]) => h.sqlite.prepare(sql).run(...params)
const count = () => h.sqlite.prepare('select count(*) from member_week_times').pluck().get()

describe('migration 11: members’ preferred and impossible times of the week', () => {
  it('creates a strict table on a real file', () => {
    const table = h.sqlite.prepare("select strict from pragma_table_list where name = 'member_week_times'").get() as { strict: number }
    expect(table.strict).toBe(1)
    expect(h.sqlite.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(11)
  })

  it('refuses impossible rows and goes with the person', () => {
    const now = new Date().toISOString()
    const person = Number(run("insert into people (first_name, last_name, updated_at) values ('Ann', 'Abbott', ?)", now).lastInsertRowid)
    run("insert into member_week_times (person_id, kind, weekday, start_minute, end_minute) values (?, 'prefer', 2, 180, 240)", person)
    run("insert into member_week_times (person_id, kind, weekday, start_minute, end_minute) values (?, 'impossible', 7, 0, 1440)", person)
    expect(() => run("insert into member_week_times (person_id, kind, weekday, start_minute, end_minute) values (?, 'maybe', 2, 0, 60)", person)).toThrow(/CHECK/)
    expect(() => run("insert into member_week_times (person_id, kind, weekday, start_minute, end_minute) values (?, 'prefer', 0, 0, 60)", person)).toThrow(/CHECK/)
    expect(() => run("insert into member_week_times (person_id, kind, weekday, start_minute, end_minute) values (?, 'prefer', 1, 120, 60)", person)).toThrow(/CHECK/)
    expect(() => run("insert into member_week_times (person_id, kind, weekday, start_minute, end_minute) values (?, 'prefer', 1, 0, 1441)", person)).toThrow(/CHECK/)
    expect(() => run("insert into member_week_times (person_id, kind, weekday, start_minute, end_minute) values (?, 'prefer', 1, 'noon', 60)", person)).toThrow(/cannot store TEXT/)
    expect(() => run("insert into member_week_times (person_id, kind, weekday, start_minute, end_minute) values (9999, 'prefer', 1, 0, 60)")).toThrow(/FOREIGN KEY/)
    expect(count()).toBe(2)
    run('delete from people where id = ?', person)
    expect(count()).toBe(0)
    expect(h.sqlite.pragma('foreign_key_check')).toEqual([])
  })
})
