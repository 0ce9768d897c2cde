import { copyFileSync, readFileSync, rmSync } from 'node:fs'
import { rename } from 'node:fs/promises'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { HearthError } from '../main/contract/errors'
import { applyKey } from './cipher-file'
import { LATEST_SCHEMA_VERSION, migrations } from './migrations'
import { HEARTH_APPLICATION_ID, type HearthDatabase, type OpenOptions, openDatabase, pruneSafetyCopies, vacuumIntoPrivate } from './open'

// What a backup and a restore say to SQLite: the snapshot, reading an offered file's checks, schema and rows, and
// the swap of the live file. The rules that decide what to do with the answers live in main/backup/.

export function removeDatabaseFiles(path: string): void {
  for (const p of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) rmSync(p, { force: true })
}

/**
 * A consistent copy made with VACUUM INTO (never a raw copy of a live WAL file) at `snapshotPath`, stamped with its
 * own making and checked, returned as bytes; the file is removed whatever happens.
 */
export function snapshotDatabase(sqlite: BetterSqlite3.Database, snapshotPath: string, madeAt: string, encrypted: boolean, liveKey: Buffer | null = null): Buffer {
  try {
    vacuumIntoPrivate(sqlite, snapshotPath)
    const copy = new BetterSqlite3(snapshotPath)
    try {
      // VACUUM INTO keeps the WAL flag; a backup must be one self-contained file.
      if (liveKey) applyKey(copy, liveKey, snapshotPath)
      copy.pragma('journal_mode = DELETE')
      // An encrypted congregation's copy comes out under its own key, which a restore elsewhere would not have: the
      // backup holds the data plain inside its own lock (the backup passphrase, which the caller insists on).
      if (liveKey) copy.pragma("rekey = ''")
      // The copy records its own making, so a restored file shows when it was backed up and how.
      const value = JSON.stringify(madeAt)
      copy
        .prepare(
          "insert into settings (key, value) values ('backupMadeAt', ?), ('lastBackupAt', ?), ('lastBackupEncrypted', ?) on conflict (key) do update set value = excluded.value",
        )
        .run(value, value, JSON.stringify(encrypted))
      if (copy.pragma('integrity_check', { simple: true }) !== 'ok') throw new Error('snapshot failed integrity_check')
      if (copy.pragma('application_id', { simple: true }) !== HEARTH_APPLICATION_ID) throw new Error('snapshot lost the application id')
      if (copy.pragma('user_version', { simple: true }) !== LATEST_SCHEMA_VERSION) throw new Error('snapshot has the wrong schema version')
    } finally {
      copy.close()
    }
    return readFileSync(snapshotPath)
  } finally {
    removeDatabaseFiles(snapshotPath)
  }
}

export interface SchemaEntry {
  type: string
  name: string
  table: string
  /** The CREATE statement as SQLite keeps it; null for automatic indexes. */
  sql: string | null
}

export function schemaOf(sqlite: BetterSqlite3.Database): SchemaEntry[] {
  return sqlite.prepare('select type, name, tbl_name as "table", sql from sqlite_master order by type, name').all() as SchemaEntry[]
}

const expected = new Map<number, Promise<SchemaEntry[]>>()

/**
 * The schema Hearth's own migrations build at `version`, made by running them on an empty in-memory database (so
 * it stays right as migrations are added), worked out once per version and kept.
 */
export function expectedSchema(version: number): Promise<SchemaEntry[]> {
  let found = expected.get(version)
  if (!found) {
    found = buildSchema(version)
    expected.set(version, found)
  }
  return found
}

async function buildSchema(version: number): Promise<SchemaEntry[]> {
  const sqlite = new BetterSqlite3(':memory:')
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) })
  try {
    for (const m of migrations.filter((m) => m.version <= version)) await m.up(db)
    return schemaOf(sqlite)
  } finally {
    await db.destroy()
  }
}

/** What a restore may ask of an offered database held in memory. */
export interface BackupImage {
  integrity(): string
  foreignKeyProblems(): number
  applicationId(): number
  userVersion(): number
  schema(): SchemaEntry[]
  tables(): Set<string>
  count(table: string): number
  /** The stored columns of a table, in order. */
  columns(table: string): string[]
  /** A setting's stored text (JSON as Hearth writes it), or undefined. */
  setting(key: string): string | undefined
  /** Every row of a table, one at a time, in rowid order where the table has one. */
  rows(table: string): IterableIterator<Record<string, unknown>>
}

function isSqliteDamage(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB') || code === 'SQLITE_IOERR_SHORT_READ')
}

/**
 * Opens the bytes of a database Hearth did not just write, as untrusted (sqlite.org/security.html), in memory —
 * nothing decrypted is written to disk to look at it: no schema-defined functions run and cells are
 * bounds-checked. `use` asks its questions; 'damaged' when SQLite itself fails on the file, for instance a flipped
 * byte in a table's statement that leaves a link naming a column that does not exist ("foreign key mismatch").
 * A HearthError from `use` passes through.
 */
export function readBackupImage<T>(body: Buffer, use: (image: BackupImage) => T): { value: T } | 'damaged' {
  // A file saved in WAL mode (bytes 18 and 19 are 2) cannot be opened from memory; in a whole file with no -wal
  // beside it those two bytes change nothing else, so the in-memory copy says "rollback journal" instead.
  const image = body[18] === 2 || body[19] === 2 ? Buffer.from(body) : body
  if (image !== body) image.fill(1, 18, 20)
  let sqlite: BetterSqlite3.Database | null = null
  try {
    const db = (sqlite = new BetterSqlite3(image))
    db.pragma('trusted_schema = OFF')
    db.pragma('cell_size_check = ON')
    const tables = () => new Set(db.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[])
    const quoted = (table: string) => `"${table.replaceAll('"', '""')}"`
    return {
      value: use({
        integrity: () => db.pragma('integrity_check', { simple: true }) as string,
        foreignKeyProblems: () => (db.pragma('foreign_key_check') as unknown[]).length,
        applicationId: () => db.pragma('application_id', { simple: true }) as number,
        userVersion: () => db.pragma('user_version', { simple: true }) as number,
        schema: () => schemaOf(db),
        tables,
        columns: (table) => (db.prepare('select name from pragma_table_info(?) order by cid').pluck().all(table) as string[]),
        count: (table) => db.prepare(`select count(*) from ${quoted(table)}`).pluck().get() as number,
        setting: (key) => db.prepare('select value from settings where key = ?').pluck().get(key) as string | undefined,
        rows: (table) => db.prepare(`select * from ${quoted(table)}`).iterate() as IterableIterator<Record<string, unknown>>,
      }),
    }
  } catch (err) {
    if (err instanceof HearthError) throw err
    // Any error SQLite raises while reading a file it did not write means the file is damaged.
    if (isSqliteDamage(err) || err instanceof BetterSqlite3.SqliteError) return 'damaged'
    throw err
  } finally {
    sqlite?.close()
  }
}

const RESTORE_SAFETY_MARKER = 'hearth-before-restore-'

export function restoreSafetyCopyName(now: Date): string {
  return `${RESTORE_SAFETY_MARKER}${now.toISOString().replace(/[:.]/g, '-')}.sqlite`
}

/**
 * Data restored by an earlier Hearth still carries its backup's stamp; a safety copy is not a backup, and with the
 * stamp a restore would take it for one whose seal was cut off.
 */
function unstampSafetyCopy(path: string, key: Buffer | null): void {
  const copy = new BetterSqlite3(path)
  try {
    // An encrypted congregation's safety copy is under its key, as the live file is.
    if (key) applyKey(copy, key, path)
    copy.pragma('journal_mode = DELETE')
    copy.prepare("delete from settings where key = 'backupMadeAt'").run()
  } finally {
    copy.close()
  }
}

export interface SwapResult {
  /** The database now open at the live path: the restored one, or the previous data put back. */
  database: HearthDatabase
  safetyCopyPath: string
  /** Set when the restored file would not open and the previous data was put back instead. */
  failure?: HearthError
}

/**
 * Replaces the live database with a prepared one while Hearth keeps running: a safety copy of the current data
 * first, then close, remove any -wal/-shm (a stale WAL paired with a different file corrupts it), move the new
 * file in and reopen it — which migrates an older backup. If the new file will not open, the safety copy goes
 * back in its place and is reopened, so Hearth never ends up without its data.
 */
export async function swapDatabase(current: HearthDatabase, replacement: string, options: OpenOptions & { safetyCopyDir: string }): Promise<SwapResult> {
  const path = current.path
  const safetyCopyPath = join(options.safetyCopyDir, restoreSafetyCopyName(new Date()))
  vacuumIntoPrivate(current.sqlite, safetyCopyPath)
  unstampSafetyCopy(safetyCopyPath, options.key ?? null)
  await current.close()
  for (const p of [`${path}-wal`, `${path}-shm`, `${path}-journal`]) rmSync(p, { force: true })
  await rename(replacement, path)
  pruneSafetyCopies(options.safetyCopyDir, RESTORE_SAFETY_MARKER)
  try {
    return { database: await openDatabase(path, options), safetyCopyPath }
  } catch (err) {
    removeDatabaseFiles(path)
    copyFileSync(safetyCopyPath, path)
    const failure = new HearthError('refused', 'errors.backup.putBack')
    failure.cause = err
    return { database: await openDatabase(path, options), safetyCopyPath, failure }
  }
}
