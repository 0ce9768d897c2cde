import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/open'
import { fileAtVersion } from '../helpers/migrated'

describe('migration 1 (foundation)', () => {
  it('makes the settings table, strict, and a file that every later migration upgrades with its settings kept', async () => {
    const path = await fileAtVersion(1, (raw) => {
      expect(() => raw.prepare('insert into settings (key, value) values (?, ?)').run('k', Buffer.from([1]))).toThrow(/cannot store BLOB/)
      raw.prepare('insert into settings (key, value) values (?, ?)').run('congregationName', '"St Brigid’s"')
    })
    const opened = await openDatabase(path)
    try {
      expect(opened.sqlite.pragma('user_version', { simple: true })).toBeGreaterThan(1)
      expect(opened.sqlite.prepare("select value from settings where key = 'congregationName'").pluck().get()).toBe('"St Brigid’s"')
      expect(opened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      await opened.close()
    }
  })
})
