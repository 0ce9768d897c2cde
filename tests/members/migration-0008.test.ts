import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect, sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { HEARTH_APPLICATION_ID, openDatabase } from '../../db/open'
import { migrations } from '../../db/migrations'
import { tempDir } from '../helpers/temp'

describe('migration 8 (fold_every_alphabet)', () => {
  it('refolds the search text and sort key of people already in a version 5 file, tags included', async () => {
    const path = join(tempDir(), 'hearth.sqlite')
    const raw = new BetterSqlite3(path)
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) })
    for (const m of migrations.filter((m) => m.version <= 5)) await m.up(db)
    await sql.raw(`PRAGMA application_id = ${HEARTH_APPLICATION_ID}`).execute(db)
    await sql.raw('PRAGMA user_version = 5').execute(db)
    // As version 5 stored them: accents gone, but ß, ø and Arabic vowel marks kept.
    const insert = raw.prepare('insert into people (first_name, last_name, mobile_phone, search_text, sort_key, updated_at) values (?, ?, ?, ?, ?, ?)')
    const weiss = insert.run('Anna', 'Weiß', '(555) 0199', 'anna weiß (555) 0199 5550199', 'weiß\u001fanna', '2026-01-01T00:00:00Z').lastInsertRowid
    const mohammed = insert.run('مُحَمَّد', 'الأحمد', null, 'مُحَمَّد الأحمد', 'الأحمد\u001fمُحَمَّد', '2026-01-01T00:00:00Z').lastInsertRowid
    raw.prepare("insert into person_tags (person_id, kind, value) values (?, 'skill', 'Kann kochen'), (?, 'tag', 'Chor Søndag')").run(weiss, weiss)
    await db.destroy()

    const opened = await openDatabase(path)
    try {
      expect(opened.sqlite.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(8)
      const row = (id: number | bigint) => opened.sqlite.prepare('select search_text, sort_key from people where id = ?').get(id) as { search_text: string; sort_key: string }
      expect(row(weiss).sort_key).toBe('weiss\u001fanna')
      expect(row(weiss).search_text).toBe('anna weiss (555) 0199 chor sondag kann kochen 5550199')
      expect(row(mohammed)).toEqual({ search_text: 'محمد الاحمد', sort_key: 'الاحمد\u001fمحمد' })
      expect(opened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      await opened.close()
    }
  })
})
