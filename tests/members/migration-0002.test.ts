import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/open'
import { fileAtVersion } from '../helpers/migrated'

describe('migration 2 (members)', () => {
  it('makes households, people, tags, away dates and notes, tied together, and every later migration keeps them', async () => {
    const path = await fileAtVersion(2, (raw) => {
      const household = raw.prepare("insert into households (display_name, updated_at) values ('The Al-Hassan family', 'x')").run().lastInsertRowid
      const person = raw.prepare("insert into people (household_id, first_name, last_name, updated_at) values (?, 'Fatima', 'Al-Hassan', 'x')").run(household).lastInsertRowid
      raw.prepare("insert into person_tags (person_id, kind, value) values (?, 'tag', 'Choir')").run(person)
      raw.prepare("insert into person_notes (person_id, body, updated_at) values (?, 'Asked for a visit', 'x')").run(person)
      // A person's tags and notes belong to a person who exists.
      expect(() => raw.prepare("insert into person_tags (person_id, kind, value) values (999, 'tag', 'x')").run()).toThrow(/FOREIGN KEY/)
    })
    const opened = await openDatabase(path)
    try {
      const o = opened.sqlite
      expect(o.prepare('select p.first_name, h.display_name from people p join households h on h.id = p.household_id').get()).toEqual({ first_name: 'Fatima', display_name: 'The Al-Hassan family' })
      expect(o.prepare('select value from person_tags').pluck().all()).toEqual(['Choir'])
      expect(o.prepare('select body from person_notes').pluck().all()).toEqual(['Asked for a visit'])
      expect(o.pragma('foreign_key_check')).toEqual([])
      expect(o.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      await opened.close()
    }
  })
})
