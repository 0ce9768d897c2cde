import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect, sql } from 'kysely'
import { migrations } from '../../db/migrations'
import { HEARTH_APPLICATION_ID } from '../../db/open'
import { tempDir } from './temp'

/**
 * A Hearth file exactly as version `version` of the schema left it, with `seed` run on it as raw SQL: what a
 * migration test opens to see the next migrations upgrade it.
 */
export async function fileAtVersion(version: number, seed: (raw: BetterSqlite3.Database) => void = () => undefined): Promise<string> {
  const path = join(tempDir(), 'hearth.sqlite')
  const raw = new BetterSqlite3(path)
  raw.pragma('foreign_keys = ON')
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) })
  for (const m of migrations.filter((m) => m.version <= version)) await m.up(db)
  await sql.raw(`PRAGMA application_id = ${HEARTH_APPLICATION_ID}`).execute(db)
  await sql.raw(`PRAGMA user_version = ${version}`).execute(db)
  seed(raw)
  await db.destroy()
  return path
}
