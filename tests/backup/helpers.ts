import type BetterSqlite3 from 'better-sqlite3'
import Sqlite from 'better-sqlite3'
import { Kysely, SqliteDialect, sql } from 'kysely'
import { migrations } from '../../db/migrations'
import { HEARTH_APPLICATION_ID } from '../../db/open'
import type { Session } from '../../main/session'
import type { TestOs } from '../bridge/test-os'
import { afterEach } from 'vitest'
import { call, chosen, testSession } from '../helpers/session'

/** Adds a person straight into the tables (the members screens are another area's work). */
export function addPerson(sqlite: BetterSqlite3.Database, first: string, last: string): number {
  const r = sqlite
    .prepare("insert into people (first_name, last_name, search_text, updated_at) values (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))")
    .run(first, last, `${first} ${last}`.toLowerCase())
  return Number(r.lastInsertRowid)
}

export function peopleNames(sqlite: BetterSqlite3.Database): string[] {
  return sqlite.prepare("select first_name || ' ' || last_name from people order by id").pluck().all() as string[]
}

/** Calls a channel that must fail and returns its error. */
export async function refused(s: Session, channel: string, input: unknown = {}) {
  const r = await s.registry.dispatch(channel, input)
  if (r.ok) throw new Error(`${channel} should have failed but returned ${JSON.stringify(r.value)}`)
  return r.error
}

/** Sets the backup folder the only way Hearth allows: the volunteer picks it in the folder chooser. */
export async function useFolder(s: Session & { os: TestOs }, folder: string): Promise<void> {
  s.os.folderAnswers.push(folder)
  chosen(await call(s, 'backup.chooseFolder'))
}

/** Picks a file in the restore dialog's file picker and returns the token Hearth gives the page for it. */
export async function pick(s: Session & { os: TestOs }, path: string): Promise<string> {
  s.os.openAnswers.push(path)
  return chosen(await call(s, 'backup.chooseRestoreFile')).token
}

export { call, chosen }

/**
 * A database file as an older Hearth at `version` left it: its migrations only, Hearth's application id, then
 * whatever `fill` writes. Such a file carries no seal, as backups did not then.
 */
export async function olderHearthFile(path: string, version: number, fill: (sqlite: BetterSqlite3.Database) => void = () => undefined): Promise<string> {
  const raw = new Sqlite(path)
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) })
  for (const m of migrations.filter((m) => m.version <= version)) await m.up(db)
  await sql.raw(`PRAGMA application_id = ${HEARTH_APPLICATION_ID}`).execute(db)
  await sql.raw(`PRAGMA user_version = ${version}`).execute(db)
  fill(raw)
  await db.destroy()
  return path
}

export type BackupTestSession = Awaited<ReturnType<typeof testSession>>

/**
 * Fresh sessions for the tests of one file, each closed after its test; `release` hands one over to a test that
 * closes it itself (to reopen the file, or to kill it).
 */
export function sessionsClosedAfterEach(): { session(): Promise<BackupTestSession>; release(s: BackupTestSession): void } {
  const open: BackupTestSession[] = []
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close().catch(() => undefined)
  })
  return {
    async session() {
      const s = await testSession()
      open.push(s)
      return s
    },
    release(s) {
      open.splice(open.indexOf(s), 1)
    },
  }
}
