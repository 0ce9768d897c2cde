import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect, sql } from 'kysely'
import { LATEST_SCHEMA_VERSION, migrations } from './migrations'
import type { Database } from './schema'
import { HearthError } from '../main/contract/errors'
import { applyKey } from './cipher-file'

/** "HRTH" — marks a SQLite file as Hearth's (PRAGMA application_id, bytes 68–71 of the header). */
export const HEARTH_APPLICATION_ID = 0x48525448

const SQLITE_MAGIC = 'SQLite format 3\0'
const SAFETY_COPIES_KEPT = 5

export interface HearthDatabase {
  db: Kysely<Database>
  /** The raw connection, for prepared hot-path statements and backups. */
  sqlite: BetterSqlite3.Database
  path: string
  schemaVersion: number
  safetyCopyPath: string | null
  close(): Promise<void>
}

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for this runtime (Electron); plain Node uses the package's own. */
  nativeBinding?: string
  /** Where safety copies go; defaults to a folder beside the database. */
  safetyCopyDir?: string
  /** The 256-bit data key of an encrypted file (db/cipher.ts); SQLCipher encrypts its VACUUM INTO copies with it too. */
  key?: Buffer
}

export interface FileHeader {
  applicationId: number
  userVersion: number
}

/** Reads a file's SQLite header without opening it with SQLite, so a refused file is never touched. */
export function readHeader(path: string): FileHeader | 'empty' | 'not_sqlite' {
  const size = statSync(path).size
  if (size === 0) return 'empty'
  if (size < 100) return 'not_sqlite'
  const buf = Buffer.alloc(100)
  const fd = openSync(path, 'r')
  try {
    readSync(fd, buf, 0, 100, 0)
  } finally {
    closeSync(fd)
  }
  if (buf.toString('latin1', 0, 16) !== SQLITE_MAGIC) return 'not_sqlite'
  return { applicationId: buf.readUInt32BE(68), userVersion: buf.readUInt32BE(60) }
}

const WAL_HEADER_SIZE = 32
const WAL_FRAME_HEADER_SIZE = 24

/**
 * The database header as the -wal file last committed it, or null when the WAL holds no valid copy of page 1.
 * A file that crashed before its first checkpoint keeps Hearth's marks only there, so the header check must
 * look in the WAL too — by reading bytes, because opening a foreign WAL database would checkpoint (change) it.
 */
export function readWalHeader(walPath: string): FileHeader | null {
  if (!existsSync(walPath)) return null
  const wal = readFileSync(walPath)
  if (wal.length < WAL_HEADER_SIZE) return null
  const magic = wal.readUInt32BE(0)
  if (magic !== 0x377f0682 && magic !== 0x377f0683) return null
  const pageSize = wal.readUInt32BE(8)
  const salt1 = wal.readUInt32BE(16)
  const salt2 = wal.readUInt32BE(20)
  let found: FileHeader | null = null
  let pending: FileHeader | null = null
  for (let at = WAL_HEADER_SIZE; at + WAL_FRAME_HEADER_SIZE + pageSize <= wal.length; at += WAL_FRAME_HEADER_SIZE + pageSize) {
    if (wal.readUInt32BE(at + 8) !== salt1 || wal.readUInt32BE(at + 12) !== salt2) break
    const page = wal.readUInt32BE(at)
    const commitSize = wal.readUInt32BE(at + 4)
    if (page === 1) {
      const data = at + WAL_FRAME_HEADER_SIZE
      pending = { applicationId: wal.readUInt32BE(data + 68), userVersion: wal.readUInt32BE(data + 60) }
    }
    // Only frames up to a commit frame are part of the database; a torn transaction at the end is ignored.
    if (commitSize !== 0 && pending) found = pending
  }
  return found
}

/** Decides from the file's bytes alone whether Hearth may open it; throws a refusal a person can read. */
export function checkFileBeforeOpening(path: string): void {
  if (!existsSync(path)) return
  const fromFile = readHeader(path)
  if (fromFile === 'empty') return
  const fromWal = fromFile === 'not_sqlite' ? null : readWalHeader(`${path}-wal`)
  const header = fromWal ?? fromFile
  if (header === 'not_sqlite') {
    throw new HearthError('refused', 'errors.open.notSqlite', { file: basename(path) })
  }
  if (header.applicationId !== HEARTH_APPLICATION_ID) {
    throw new HearthError('refused', 'errors.open.notHearth', { file: basename(path) })
  }
  if (header.userVersion > LATEST_SCHEMA_VERSION) {
    throw new HearthError('refused', 'errors.open.newerSchema', { file: basename(path) })
  }
}

// FULL rather than better-sqlite3's WAL default of NORMAL: NORMAL may lose the last commits on power loss, and
// Hearth's writes are few, small and precious (a sign-up, a prayer request), so the extra fsync costs nothing a
// person notices.
function applyPragmas(sqlite: BetterSqlite3.Database): void {
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('trusted_schema = OFF')
  // Deleted and overwritten content is zeroed, not left in free space: a cleared health detail or confidential
  // note must not be readable in the file afterwards (see db/sensitive-fields.ts).
  sqlite.pragma('secure_delete = ON')
  // Up to 64 MiB of the file kept in memory rather than SQLite's 2 MiB, taken only as pages are read: a
  // congregation's file is a few megabytes and then stays in memory whole; searching a very large one (100,000
  // people, 73 MB) reads its indexes from memory instead of asking the system for every page again on each keystroke.
  sqlite.pragma('cache_size = -65536')
}

// Only this account may read what Hearth keeps (allergies, pastoral notes, prayer requests), whatever the umask. On
// Windows the modes mean nothing; there the data folder is in the user's own profile, which other accounts cannot read.
const POSIX = process.platform !== 'win32'

/** Makes `path` readable and writable by this account only, if it exists. */
function privateFile(path: string): void {
  if (POSIX && existsSync(path)) chmodSync(path, 0o600)
}

/**
 * Creates `dir` (and its parents) if needed and makes it this account's only; returns it. A folder shared by every
 * account (the sticky bit of /tmp), where HEARTH_USER_DATA might point, is left as it is: closing it would break
 * every other program on the computer.
 */
export function privateFolder(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  if (POSIX && (statSync(dir).mode & 0o1000) === 0) chmodSync(dir, 0o700)
  return dir
}

/**
 * VACUUM INTO a new file that is private from its first byte: SQLite would create it 0644, but it writes into an
 * empty file that already exists, keeping its mode.
 */
export function vacuumIntoPrivate(sqlite: BetterSqlite3.Database, target: string): void {
  privateFolder(dirname(target))
  closeSync(openSync(target, 'wx', 0o600))
  sqlite.prepare('VACUUM INTO ?').run(target)
}

/** The database file and its -wal and -shm, which SQLite creates with the database file's own mode. */
function privateDatabaseFiles(path: string): void {
  for (const p of [path, `${path}-wal`, `${path}-shm`]) privateFile(p)
}

/** Hearth's own folder for the PDFs it hands to the system's print dialog, beside the database; cleared at start. */
export function printWorkDir(databasePath: string): string {
  return join(dirname(databasePath), 'print-work')
}

/** Removes everything inside `dir` (a work folder a killed process may have left files in), keeping the folder. */
export function clearFolder(dir: string): void {
  if (!existsSync(dir)) return
  for (const name of readdirSync(dir)) rmSync(join(dir, name), { recursive: true, force: true })
}

export function safetyCopyName(path: string, fromVersion: number, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  return `${basename(path, '.sqlite')}-v${fromVersion}-before-update-${stamp}.sqlite`
}

function makeSafetyCopy(sqlite: BetterSqlite3.Database, path: string, dir: string, fromVersion: number): string {
  const target = join(privateFolder(dir), safetyCopyName(path, fromVersion, new Date()))
  // VACUUM INTO writes a consistent, self-contained copy (no -wal needed) even while the file is in WAL mode.
  vacuumIntoPrivate(sqlite, target)
  pruneSafetyCopies(dir, '-before-update-')
  return target
}

/** Keeps the newest safety copies whose names contain `marker` (their names sort by the time they were made). */
export function pruneSafetyCopies(dir: string, marker: string): void {
  const copies = readdirSync(dir)
    .filter((f) => f.endsWith('.sqlite') && f.includes(marker))
    .sort()
  for (const old of copies.slice(0, Math.max(0, copies.length - SAFETY_COPIES_KEPT))) rmSync(join(dir, old), { force: true })
}

/** The one Hearth process that owns a database file for its session (see lockDatabaseFile). */
export interface DatabaseLock {
  path: string
  /** Throws unless this process still holds the lock on the very lock file that sits beside the database now. */
  assertHeld(): void
  release(): void
}

export function lockPathFor(databasePath: string): string {
  return `${databasePath}-lock`
}

// The lock is a sidecar SQLite file, not the database itself: a restore renames a new file over the database, so a
// lock on the database's own inode would vanish with the old file, and the print worker opens the database on its
// own connection, which a database held in EXCLUSIVE mode would refuse. SQLite's locks on the sidecar (fcntl on
// POSIX, LockFileEx on Windows) belong to the process, so the system drops them the moment the process dies,
// even by SIGKILL or a power cut: a stale lock can never keep a volunteer out.
/**
 * Takes the OS-level lock that makes this process the one owner of `databasePath` until `release()` or death.
 * A second process (a second Hearth, or one started on the same data folder another way) is refused plainly.
 */
export function lockDatabaseFile(databasePath: string, options: Pick<OpenOptions, 'nativeBinding'> = {}): DatabaseLock {
  mkdirSync(dirname(databasePath), { recursive: true })
  const path = lockPathFor(databasePath)
  const inUse = () => new HearthError('refused', 'errors.open.inUse', { file: basename(databasePath) })
  let sqlite: BetterSqlite3.Database
  try {
    sqlite = takeLock(path, options)
  } catch (err) {
    const code = (err as { code?: unknown }).code
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw inUse()
    if (code !== 'SQLITE_NOTADB' && code !== 'SQLITE_CORRUPT') throw err
    // The lock file holds nothing worth keeping, and no process can hold a lock on one that is not a database: one
    // damaged by a crash or by another program is made again.
    rmSync(path, { force: true })
    sqlite = takeLock(path, options)
  }
  const held = statSync(path)
  const stillOurs = () => {
    try {
      const now = statSync(path)
      return now.ino === held.ino && now.dev === held.dev
    } catch {
      return false
    }
  }
  return {
    path,
    assertHeld() {
      // A lock file deleted or replaced under us would let another process lock the new one: ours no longer counts.
      if (!sqlite.open || !stillOurs()) throw inUse()
    },
    release() {
      if (sqlite.open) sqlite.close()
    },
  }
}

function takeLock(path: string, options: Pick<OpenOptions, 'nativeBinding'>): BetterSqlite3.Database {
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600))
  privateFile(path)
  const sqlite = new BetterSqlite3(path, { timeout: 0, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) })
  try {
    // EXCLUSIVE keeps the lock the first write takes for as long as the connection is open; the journal in memory
    // leaves no file beside the lock for a crash to strand.
    sqlite.pragma('locking_mode = EXCLUSIVE')
    sqlite.pragma('journal_mode = MEMORY')
    sqlite.exec('create table if not exists owner (pid integer not null, since text not null)')
    sqlite.transaction(() => {
      sqlite.exec('delete from owner')
      sqlite.prepare('insert into owner (pid, since) values (?, ?)').run(process.pid, new Date().toISOString())
    })()
    return sqlite
  } catch (err) {
    sqlite.close()
    throw err
  }
}

/**
 * Opens (or creates) Hearth's database: refuses foreign and newer files untouched, sets the pragmas, makes a
 * safety copy of an existing file that needs migrating, then runs all pending migrations in one transaction.
 */
export async function openDatabase(path: string, options: OpenOptions = {}): Promise<HearthDatabase> {
  // An encrypted file's header is ciphertext: the key proves it instead, and the marks are checked once it opens.
  if (!options.key) checkFileBeforeOpening(path)
  mkdirSync(dirname(path), { recursive: true })
  // A new file is made private before SQLite opens it, so its -wal and -shm are created private too.
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600))
  privateDatabaseFiles(path)
  const sqlite = new BetterSqlite3(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  try {
    if (options.key) applyKey(sqlite, options.key, path)
    applyPragmas(sqlite)
    privateDatabaseFiles(path)
    const current = sqlite.pragma('user_version', { simple: true }) as number
    const appId = sqlite.pragma('application_id', { simple: true }) as number
    // The header may lag behind a WAL file that was never checkpointed, so check again now that SQLite reads it.
    if (current > LATEST_SCHEMA_VERSION) {
      throw new HearthError('refused', 'errors.open.newerSchema', { file: basename(path) })
    }
    if (appId !== 0 && appId !== HEARTH_APPLICATION_ID) {
      throw new HearthError('refused', 'errors.open.notHearth', { file: basename(path) })
    }
    let safetyCopyPath: string | null = null
    if (current > 0 && current < LATEST_SCHEMA_VERSION) {
      safetyCopyPath = makeSafetyCopy(sqlite, path, options.safetyCopyDir ?? join(dirname(path), 'safety-copies'), current)
    }
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
    await migrate(db, current)
    return {
      db,
      sqlite,
      path,
      schemaVersion: LATEST_SCHEMA_VERSION,
      safetyCopyPath,
      close: async () => {
        // Kysely closes the connection only if it ever ran a query on it; Hearth's hot paths use `sqlite` directly.
        try {
          await db.destroy()
        } finally {
          if (sqlite.open) sqlite.close()
        }
      },
    }
  } catch (err) {
    sqlite.close()
    throw err
  }
}

async function migrate(db: Kysely<Database>, from: number): Promise<void> {
  const pending = migrations.filter((m) => m.version > from)
  if (pending.length === 0) return
  // SQLite's own recipe for rebuilding a table: foreign keys off (they can only be switched outside a transaction),
  // and every reference checked before the commit, so a broken one rolls the whole update back.
  const rebuilds = pending.some((m) => m.rebuildsTable)
  if (rebuilds) await sql.raw('PRAGMA foreign_keys = OFF').execute(db)
  try {
    await db.transaction().execute(async (trx) => {
      for (const m of pending) await m.up(trx as unknown as Kysely<unknown>)
      if (rebuilds) {
        const broken = await sql<{ table: string }>`select * from pragma_foreign_key_check`.execute(trx)
        if (broken.rows.length > 0) throw new Error(`Updating the file would break ${broken.rows.length} links between records; it was left as it was.`)
      }
      await sql.raw(`PRAGMA application_id = ${HEARTH_APPLICATION_ID}`).execute(trx)
      await sql.raw(`PRAGMA user_version = ${LATEST_SCHEMA_VERSION}`).execute(trx)
    })
  } finally {
    if (rebuilds) await sql.raw('PRAGMA foreign_keys = ON').execute(db)
  }
}
