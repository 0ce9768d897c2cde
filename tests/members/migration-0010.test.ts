import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/open'
import { fileAtVersion } from '../helpers/migrated'

describe('migration 10 (member_search_index)', () => {
  it('adds the covering index the name-ordered search walks, over people already in a version 9 file', async () => {
    const path = await fileAtVersion(9, (raw) => {
      const add = raw.prepare("insert into people (first_name, last_name, updated_at) values (?, ?, 'x')")
      for (let i = 0; i < 50; i++) add.run(`Person${i}`, `Family${i % 7}`)
    })
    const opened = await openDatabase(path)
    try {
      const o = opened.sqlite
      expect(o.prepare("select name from sqlite_master where type = 'index' and name = 'people_search'").pluck().get()).toBe('people_search')
      expect(o.prepare('select count(*) from people').pluck().get()).toBe(50)
      expect(o.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      await opened.close()
    }
  })
})
