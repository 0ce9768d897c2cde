import type { BackupContentsView } from '../main/contract/backup'
import { randomBytes } from 'node:crypto'
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { open, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { DecryptError, decryptBackup, encryptBackup, isEncryptedBackup, type ScryptParams } from './backup-crypto'
import { expectedSchema, schemaDifferences, schemaOf } from './backup-schema'
import { sealBackup, unsealBackup } from './backup-seal'
import { HearthError } from '../main/contract/errors'
import { ChosenFileError, type ReadLimits, readChosenFile, readChosenHead, withDeadline } from './chosen-file'
import { LATEST_SCHEMA_VERSION } from './migrations'
import type { MessageId } from '../main/contract/i18n/en'
import { HEARTH_APPLICATION_ID, type HearthDatabase, type OpenOptions, openDatabase, pruneSafetyCopies, vacuumIntoPrivate } from './open'

// ---------------------------------------------------------------------------------------------------------------
// Refusals: every way a backup or restore can stop, each with the words the volunteer sees.

export type BackupRefusal =
  | 'folder_missing'
  | 'folder_not_writable'
  | 'disk_full'
  | 'write_failed'
  | 'snapshot_failed'
  | 'file_missing'
  | 'partial_file'
  | 'not_hearth'
  | 'not_sqlite'
  | 'truncated'
  | 'corrupt'
  | 'newer_schema'
  | 'needs_passphrase'
  | 'wrong_passphrase'
  | 'damaged_encrypted'
  | 'damaged_plain'
  | 'unexpected_schema'
  | 'newer_format'
  | 'live_file'
  | 'not_a_file'
  | 'too_big'
  | 'timed_out'
  | 'unreadable'

// A passphrase the volunteer must type again is a form field's fault; every other refusal is the file's.
export class BackupRefusedError extends HearthError {
  constructor(
    readonly reason: BackupRefusal,
    id: MessageId,
    values?: Record<string, string | number>,
  ) {
    const passphrase = reason === 'needs_passphrase' || reason === 'wrong_passphrase'
    super(passphrase ? 'invalid_input' : 'refused', id, values, passphrase ? { passphrase: values ? { id, values } : id } : undefined)
    this.name = 'BackupRefusedError'
  }
}

function ioRefusal(err: unknown, folder: string): BackupRefusedError {
  const code = (err as { code?: unknown } | null)?.code
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG') {
    return new BackupRefusedError('disk_full', 'errors.backup.io.diskFull', { folder })
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new BackupRefusedError('folder_not_writable', 'errors.backup.io.notWritable', { folder })
  }
  if (code === 'ENOENT' || code === 'ENODEV' || code === 'ENXIO' || code === 'EIO' || code === 'ENOTDIR') {
    return new BackupRefusedError('folder_missing', 'errors.backup.io.missing', { folder })
  }
  return new BackupRefusedError('write_failed', 'errors.backup.io.failed', { folder })
}

// ---------------------------------------------------------------------------------------------------------------
// Names: Hearth only ever rotates files it made, recognised by this exact pattern.

export const PLAIN_SUFFIX = '.sqlite'
export const ENCRYPTED_SUFFIX = '.sqlite.hearthenc'
const BACKUP_NAME = /^hearth-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})(?:-(\d+))?\.sqlite(\.hearthenc)?$/
const PARTIAL_NAME = /^hearth-\d{4}-\d{2}-\d{2}-\d{4}(?:-\d+)?\.sqlite(?:\.hearthenc)?\.partial$/

export interface BackupName {
  fileName: string
  /** Minutes since the epoch of the local time in the name, then the same-minute counter: the sort key. */
  stamp: string
  counter: number
  encrypted: boolean
}

export function parseBackupName(fileName: string): BackupName | null {
  const m = BACKUP_NAME.exec(fileName)
  if (!m) return null
  return { fileName, stamp: `${m[1]}${m[2]}${m[3]}${m[4]}${m[5]}`, counter: m[6] ? Number(m[6]) : 1, encrypted: m[7] !== undefined }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** `hearth-YYYY-MM-DD-HHMM` in local time — what the volunteer reads on the stick. */
export function backupBaseName(now: Date): string {
  return `hearth-${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`
}

/** The first free name for this minute: a second backup in the same minute gets `-2`, then `-3`… */
export function chooseBackupName(existing: readonly string[], now: Date, encrypted: boolean): string {
  const taken = new Set(existing.map((n) => n.replace(/\.partial$/, '')))
  const base = backupBaseName(now)
  const suffix = encrypted ? ENCRYPTED_SUFFIX : PLAIN_SUFFIX
  for (let n = 1; ; n++) {
    const name = `${base}${n === 1 ? '' : `-${n}`}${suffix}`
    if (!taken.has(name)) return name
  }
}

/** Which of the folder's files to delete so that `keep` of Hearth's own backups remain; never anything else. */
export function backupsToRemove(fileNames: readonly string[], keep: number, justMade: string): string[] {
  const ours = fileNames
    .map(parseBackupName)
    .filter((b): b is BackupName => b !== null)
    .sort((a, b) => (a.stamp === b.stamp ? a.counter - b.counter : a.stamp < b.stamp ? -1 : 1))
  const excess = ours.slice(0, Math.max(0, ours.length - keep)).map((b) => b.fileName)
  return excess.filter((n) => n !== justMade)
}

// ---------------------------------------------------------------------------------------------------------------
// The file-system layer the backup writes through. Tests pass one that fails part-way, as a full or pulled-out
// USB stick does; the app uses the real one.

export interface WritableFile {
  write(data: Uint8Array): Promise<void>
  sync(): Promise<void>
  close(): Promise<void>
}

export interface BackupFs {
  create(path: string): Promise<WritableFile>
  rename(from: string, to: string): Promise<void>
  remove(path: string): Promise<void>
  readFile(path: string): Promise<Buffer>
  list(dir: string): Promise<string[]>
}

export const nodeBackupFs: BackupFs = {
  async create(path) {
    const handle = await open(path, 'w')
    return {
      write: async (data) => {
        let done = 0
        while (done < data.length) done += (await handle.write(data, done, data.length - done)).bytesWritten
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    }
  },
  rename: (from, to) => rename(from, to),
  remove: (path) => unlink(path),
  readFile: (path) => readFile(path),
  list: (dir) => readdir(dir),
}

const CHUNK = 1024 * 1024
const RENAME_TRIES = 5

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Writes `data` as `<folder>/<name>` so that the final name only ever holds a complete, flushed file: stream to
 * `<name>.partial`, fsync, close, rename (retried: antivirus on Windows can hold a new file for a moment).
 * On any failure the partial file is removed when the folder is still there.
 */
export async function writeFileSafely(fs: BackupFs, folder: string, name: string, data: Uint8Array): Promise<string> {
  const final = join(folder, name)
  const partial = `${final}.partial`
  let file: WritableFile | null = null
  try {
    file = await fs.create(partial)
    for (let at = 0; at < data.length; at += CHUNK) await file.write(data.subarray(at, Math.min(data.length, at + CHUNK)))
    await file.sync()
    const closing = file
    file = null
    await closing.close()
    for (let attempt = 1; ; attempt++) {
      try {
        await fs.rename(partial, final)
        break
      } catch (err) {
        const code = (err as { code?: unknown }).code
        if (attempt >= RENAME_TRIES || (code !== 'EBUSY' && code !== 'EPERM' && code !== 'EACCES')) throw err
        await sleep(100 * attempt)
      }
    }
    return final
  } catch (err) {
    if (file) await file.close().catch(() => undefined)
    await fs.remove(partial).catch(() => undefined)
    throw err
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Checking a database file: the snapshot before it leaves, and any file offered for a restore.

export type BackupContents = BackupContentsView

// Other areas add their tables over time; a backup counts only the ones it has.
const COUNTED: [keyof Omit<BackupContents, 'madeAt' | 'schemaVersion'>, string[]][] = [
  ['people', ['people']],
  ['households', ['households']],
  ['mealTrains', ['meal_trains']],
  ['prayerCircles', ['prayer_circles', 'circles']],
]

function summarise(sqlite: BetterSqlite3.Database): BackupContents {
  const tables = new Set(sqlite.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[])
  const counts = Object.fromEntries(
    COUNTED.map(([key, names]) => {
      const table = names.find((n) => tables.has(n))
      return [key, table ? (sqlite.prepare(`select count(*) from "${table}"`).pluck().get() as number) : 0]
    }),
  ) as Record<(typeof COUNTED)[number][0], number>
  let madeAt: string | null = null
  if (tables.has('settings')) {
    const raw = sqlite.prepare("select value from settings where key = 'backupMadeAt'").pluck().get() as string | undefined
    const parsed = raw === undefined ? null : (JSON.parse(raw) as unknown)
    if (typeof parsed === 'string') madeAt = parsed
  }
  return { madeAt, schemaVersion: sqlite.pragma('user_version', { simple: true }) as number, ...counts }
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1')

/** Refuses, from the bytes alone, a file that is not a whole Hearth database this version can read. */
export function checkDatabaseBytes(bytes: Buffer, fileName: string): void {
  if (bytes.length < 100 || !bytes.subarray(0, 16).equals(SQLITE_MAGIC)) {
    if (bytes.length > 0 && bytes.length < 100 && SQLITE_MAGIC.subarray(0, Math.min(16, bytes.length)).equals(bytes.subarray(0, Math.min(16, bytes.length)))) {
      throw refusal('truncated', fileName)
    }
    throw refusal('not_sqlite', fileName)
  }
  if (bytes.readUInt32BE(68) !== HEARTH_APPLICATION_ID) throw refusal('not_hearth', fileName)
  if (bytes.readUInt32BE(60) > LATEST_SCHEMA_VERSION) throw refusal('newer_schema', fileName)
  const rawPageSize = bytes.readUInt16BE(16)
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize
  const pageCount = bytes.readUInt32BE(28)
  // The in-header page count is only trusted when the "version-valid-for" number matches the change counter.
  const countValid = bytes.readUInt32BE(24) === bytes.readUInt32BE(92) && pageCount > 0
  if (pageSize < 512 || bytes.length % pageSize !== 0 || (countValid && bytes.length < pageCount * pageSize)) throw refusal('truncated', fileName)
}

export function refusal(reason: BackupRefusal, fileName: string): BackupRefusedError {
  return new BackupRefusedError(reason, `errors.backup.${reason}`, { file: fileName })
}

function isSqliteDamage(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB') || code === 'SQLITE_IOERR_SHORT_READ')
}

/**
 * Checks a database Hearth did not just write, as untrusted (sqlite.org/security.html), from its bytes in memory
 * — nothing decrypted is written to disk to look at it: no schema-defined functions run, cells are bounds-checked,
 * then integrity and foreign keys are checked, then the schema must be exactly what Hearth's migrations build at
 * the file's version, before anything else is read.
 */
export async function inspectDatabaseBytes(body: Buffer, fileName: string): Promise<BackupContents> {
  const version = body.readUInt32BE(60)
  const wanted = await expectedSchema(version)
  // A file saved in WAL mode (bytes 18 and 19 are 2) cannot be opened from memory; in a whole file with no -wal
  // beside it those two bytes change nothing else, so the in-memory copy says "rollback journal" instead.
  const image = body[18] === 2 || body[19] === 2 ? Buffer.from(body) : body
  if (image !== body) image.fill(1, 18, 20)
  let sqlite: BetterSqlite3.Database | null = null
  try {
    sqlite = new BetterSqlite3(image)
    sqlite.pragma('trusted_schema = OFF')
    sqlite.pragma('cell_size_check = ON')
    const integrity = sqlite.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') throw refusal('corrupt', fileName)
    if ((sqlite.pragma('foreign_key_check') as unknown[]).length > 0) throw refusal('corrupt', fileName)
    if ((sqlite.pragma('application_id', { simple: true }) as number) !== HEARTH_APPLICATION_ID) throw refusal('not_hearth', fileName)
    if ((sqlite.pragma('user_version', { simple: true }) as number) !== version) throw refusal('corrupt', fileName)
    if (schemaDifferences(schemaOf(sqlite), wanted).length > 0) throw refusal('unexpected_schema', fileName)
    return summarise(sqlite)
  } catch (err) {
    if (err instanceof BackupRefusedError) throw err
    // Any error SQLite raises while checking a file it did not write means the file is damaged, for instance a
    // flipped byte in a table's statement that leaves a link naming a column that does not exist ("foreign key
    // mismatch"); the person gets the same plain refusal as for any other damage.
    if (isSqliteDamage(err) || err instanceof BetterSqlite3.SqliteError) throw refusal('corrupt', fileName)
    throw err
  } finally {
    sqlite?.close()
  }
}

function tempName(dir: string, label: string): string {
  return join(dir, `.hearth-${label}-${randomBytes(6).toString('hex')}.sqlite`)
}

function removeDatabaseFiles(path: string): void {
  for (const p of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) rmSync(p, { force: true })
}

// ---------------------------------------------------------------------------------------------------------------
// Back up now.

export interface BackupOptions {
  sqlite: BetterSqlite3.Database
  folder: string
  keep: number
  /** Where the local snapshot is made before anything touches the stick (Hearth's own data folder). */
  workDir: string
  passphrase?: string | null
  now?: Date
  fs?: BackupFs
  scrypt?: ScryptParams
}

export interface BackupResult {
  path: string
  fileName: string
  bytes: number
  encrypted: boolean
  madeAt: string
  removed: string[]
}

/**
 * A consistent copy made with VACUUM INTO (never a raw copy of a live WAL file), checked locally, optionally
 * encrypted, written safely to the folder, read back and compared, and only then are old generations rotated.
 */
export async function makeBackup(options: BackupOptions): Promise<BackupResult> {
  const { sqlite, folder, keep, workDir } = options
  const fs = options.fs ?? nodeBackupFs
  const now = options.now ?? new Date()
  const madeAt = now.toISOString()
  try {
    if (!statSync(folder).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' })
  } catch (err) {
    throw ioRefusal(err, folder)
  }

  privateWorkDir(workDir)
  // A snapshot left by a backup that was cut off (power cut, crash) holds the members' details unencrypted:
  // backups run one at a time, so any found now is stale.
  for (const stale of readdirSync(workDir).filter((n) => n.startsWith('.hearth-backup-'))) rmSync(join(workDir, stale), { force: true })
  const snapshot = tempName(workDir, 'backup')
  let plain: Buffer
  try {
    vacuumIntoPrivate(sqlite, snapshot)
    const copy = new BetterSqlite3(snapshot)
    try {
      // VACUUM INTO keeps the WAL flag; a backup must be one self-contained file.
      copy.pragma('journal_mode = DELETE')
      // The copy records its own making, so a restored file shows when it was backed up and how.
      const value = JSON.stringify(madeAt)
      copy
        .prepare(
          "insert into settings (key, value) values ('backupMadeAt', ?), ('lastBackupAt', ?), ('lastBackupEncrypted', ?) on conflict (key) do update set value = excluded.value",
        )
        .run(value, value, JSON.stringify(!!options.passphrase))
      if (copy.pragma('integrity_check', { simple: true }) !== 'ok') throw new Error('snapshot failed integrity_check')
      if (copy.pragma('application_id', { simple: true }) !== HEARTH_APPLICATION_ID) throw new Error('snapshot lost the application id')
      if (copy.pragma('user_version', { simple: true }) !== LATEST_SCHEMA_VERSION) throw new Error('snapshot has the wrong schema version')
    } finally {
      copy.close()
    }
    plain = await readFile(snapshot)
  } catch (err) {
    const code = (err as { code?: unknown } | null)?.code
    if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
      throw new BackupRefusedError('disk_full', 'errors.backup.computerFull')
    }
    throw Object.assign(refusal('snapshot_failed', 'backup'), { cause: err })
  } finally {
    removeDatabaseFiles(snapshot)
  }

  const encrypted = !!options.passphrase
  // A plain backup carries a seal (db/backup-seal.ts); an encrypted one is already authenticated by AES-GCM.
  const data = options.passphrase ? await encryptBackup(plain, options.passphrase, options.scrypt) : sealBackup(plain)

  let existing: string[]
  try {
    existing = await fs.list(folder)
  } catch (err) {
    throw ioRefusal(err, folder)
  }
  // A stick pulled out during an earlier backup may still hold its unfinished file: it is Hearth's, so tidy it.
  for (const leftover of existing.filter((n) => PARTIAL_NAME.test(n))) await fs.remove(join(folder, leftover)).catch(() => undefined)

  const fileName = chooseBackupName(existing, now, encrypted)
  let path: string
  try {
    path = await writeFileSafely(fs, folder, fileName, data)
    const back = await fs.readFile(path)
    if (!back.equals(data)) {
      await fs.remove(path).catch(() => undefined)
      throw Object.assign(new Error('read-back differs'), { code: 'EIO' })
    }
  } catch (err) {
    throw ioRefusal(err, folder)
  }

  const removed: string[] = []
  for (const old of backupsToRemove([...existing.filter((n) => !PARTIAL_NAME.test(n)), fileName], keep, fileName)) {
    try {
      await fs.remove(join(folder, old))
      removed.push(old)
    } catch {
      // The new backup is safe; an old one that cannot be deleted now is deleted by a later backup.
    }
  }
  return { path, fileName, bytes: data.length, encrypted, madeAt, removed }
}

// ---------------------------------------------------------------------------------------------------------------
// Restore.

export function backupMadeAtFromName(fileName: string): string | null {
  const b = parseBackupName(fileName)
  if (!b) return null
  const s = b.stamp
  const local = new Date(Number(s.slice(0, 4)), Number(s.slice(4, 6)) - 1, Number(s.slice(6, 8)), Number(s.slice(8, 10)), Number(s.slice(10, 12)))
  return Number.isNaN(local.getTime()) ? null : local.toISOString()
}

/** Generous for any congregation (10,000 people with notes is tens of MB), and small enough to read into memory. */
export const MAX_BACKUP_BYTES = 512 * 1024 * 1024
/** A USB stick that stops answering must not hold up every later save, or quitting, for longer than this. */
export const BACKUP_READ_TIMEOUT_MS = 60_000

export interface ReadOptions {
  limits?: ReadLimits
  /** Files that must never be restored from: the live database and its -wal, -shm and -journal files. */
  livePath?: string
}

function chosenFileRefusal(err: unknown, fileName: string): BackupRefusedError {
  if (!(err instanceof ChosenFileError)) return refusal('unreadable', fileName)
  if (err.reason === 'too_big') {
    const mb = Math.ceil(err.bytes / (1024 * 1024))
    return new BackupRefusedError('too_big', 'errors.backup.tooBigMb', { file: fileName, mb })
  }
  return refusal(err.reason === 'missing' ? 'file_missing' : err.reason, fileName)
}

/** Reads the first bytes of a chosen file to tell an encrypted backup from a plain one, before asking for a passphrase. */
export async function isEncryptedFile(path: string, limits: ReadLimits = { maxBytes: MAX_BACKUP_BYTES, timeoutMs: BACKUP_READ_TIMEOUT_MS }): Promise<boolean> {
  try {
    return isEncryptedBackup(await readChosenHead(path, 16, limits))
  } catch (err) {
    throw chosenFileRefusal(err, basename(path))
  }
}

/** True when the chosen path is the live database or one of its companion files (also through a link). */
async function isLiveFile(path: string, livePath: string, timeoutMs: number): Promise<boolean> {
  // The chosen path may be on a stick that no longer answers, so it is looked at asynchronously, with a deadline.
  const chosen = await withDeadline(stat(path), timeoutMs).catch(() => null)
  if (!chosen) return false
  return ['', '-wal', '-shm', '-journal'].some((end) => {
    try {
      const live = statSync(`${livePath}${end}`)
      return live.dev === chosen.dev && live.ino === chosen.ino
    } catch {
      return false
    }
  })
}

export interface ExaminedBackup {
  /** The plain SQLite bytes, decrypted and with any seal removed. Kept in memory only. */
  body: Buffer
  contents: BackupContents
  encrypted: boolean
  /**
   * True when every byte was proven unchanged (a matching seal, or the encryption's own check); false for an older
   * plain backup without a seal, which passed SQLite's full checks but could still hold a silently changed value.
   */
  verified: boolean
}

/**
 * Reads a chosen backup into memory (never opening it where it lies), proves it intact (the seal of a plain backup,
 * the authentication of an encrypted one), decrypts it when needed and checks it as untrusted. Throws a
 * BackupRefusedError with its own message for each kind of bad file; writes nothing anywhere.
 */
export async function examineBackup(path: string, passphrase?: string | null, options: ReadOptions = {}): Promise<ExaminedBackup> {
  const fileName = basename(path)
  if (fileName.endsWith('.partial')) throw refusal('partial_file', fileName)
  const limits = options.limits ?? { maxBytes: MAX_BACKUP_BYTES, timeoutMs: BACKUP_READ_TIMEOUT_MS }
  if (options.livePath && (await isLiveFile(path, options.livePath, limits.timeoutMs))) throw refusal('live_file', fileName)
  let bytes: Buffer
  try {
    bytes = await readChosenFile(path, limits)
  } catch (err) {
    throw chosenFileRefusal(err, fileName)
  }
  const encrypted = isEncryptedBackup(bytes)
  if (encrypted) {
    if (!passphrase) throw refusal('needs_passphrase', fileName)
    try {
      bytes = await decryptBackup(bytes, passphrase)
    } catch (err) {
      if (!(err instanceof DecryptError)) throw err
      const map: Record<DecryptError['reason'], BackupRefusal> = {
        not_encrypted: 'not_sqlite',
        newer_format: 'newer_format',
        truncated: 'truncated',
        wrong_passphrase: 'wrong_passphrase',
        damaged: 'damaged_encrypted',
      }
      throw refusal(map[err.reason], fileName)
    }
  }
  const unsealed = unsealBackup(bytes)
  if (unsealed.kind === 'damaged') throw refusal('damaged_plain', fileName)
  const body = unsealed.body
  checkDatabaseBytes(body, fileName)
  const contents = await inspectDatabaseBytes(body, fileName)
  contents.madeAt ??= backupMadeAtFromName(fileName)
  return { body, contents, encrypted, verified: encrypted || unsealed.kind === 'sealed' }
}

export interface PreparedRestore extends Omit<ExaminedBackup, 'body'> {
  /** A verified, decrypted, local copy in Hearth's private work folder, ready to be swapped in. */
  localPath: string
}

/**
 * Hearth's private folder for restore work, beside the database: only this user may enter it. A decrypted copy
 * waits there only between the checks and the swap; anything left by a crash is removed at the next start.
 */
export function privateWorkDir(workDir: string): string {
  mkdirSync(workDir, { recursive: true, mode: 0o700 })
  chmodSync(workDir, 0o700)
  return workDir
}

/** Removes every work file a cut-off backup or restore left behind. Called when Hearth starts. */
export function clearBackupWork(workDir: string): void {
  if (!existsSync(workDir)) return
  for (const name of readdirSync(workDir).filter((n) => n.startsWith('.hearth-'))) rmSync(join(workDir, name), { force: true })
}

export async function prepareRestore(path: string, workDir: string, passphrase?: string | null, options: ReadOptions = {}): Promise<PreparedRestore> {
  const { body, ...examined } = await examineBackup(path, passphrase, options)
  const localPath = tempName(privateWorkDir(workDir), 'restore')
  try {
    await writeFile(localPath, body, { mode: 0o600, flag: 'wx' })
    return { ...examined, localPath }
  } catch (err) {
    removeDatabaseFiles(localPath)
    throw err
  }
}

export function discardPreparedRestore(prepared: PreparedRestore): void {
  removeDatabaseFiles(prepared.localPath)
}

const RESTORE_SAFETY_MARKER = 'hearth-before-restore-'

export function restoreSafetyCopyName(now: Date): string {
  return `${RESTORE_SAFETY_MARKER}${now.toISOString().replace(/[:.]/g, '-')}.sqlite`
}

export interface SwapResult {
  /** The database now open at the live path: the restored one, or the previous data put back. */
  database: HearthDatabase
  safetyCopyPath: string
  /** Set when the restored file would not open and the previous data was put back instead. */
  failure?: BackupRefusedError
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
  await current.close()
  for (const p of [`${path}-wal`, `${path}-shm`, `${path}-journal`]) rmSync(p, { force: true })
  await rename(replacement, path)
  pruneSafetyCopies(options.safetyCopyDir, RESTORE_SAFETY_MARKER)
  try {
    return { database: await openDatabase(path, options), safetyCopyPath }
  } catch (err) {
    removeDatabaseFiles(path)
    copyFileSync(safetyCopyPath, path)
    const failure = new BackupRefusedError('corrupt', 'errors.backup.putBack')
    failure.cause = err
    return { database: await openDatabase(path, options), safetyCopyPath, failure }
  }
}

export function backupWorkDir(databasePath: string): string {
  return join(dirname(databasePath), 'backup-work')
}

export function folderExists(folder: string): boolean {
  try {
    return existsSync(folder) && statSync(folder).isDirectory()
  } catch {
    return false
  }
}
