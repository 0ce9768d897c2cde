import { statSync } from 'node:fs'
import { stat, writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { type BackupImage, expectedSchema, readBackupImage, removeDatabaseFiles } from '../../db/backup'
import { LATEST_SCHEMA_VERSION } from '../../db/migrations'
import { HEARTH_APPLICATION_ID } from '../../db/open'
import type { BackupContentsView } from '../contract/backup'
import { type ReadLimits, readPickedFile, readPickedHead, withDeadline } from '../common/read-picked-file'
import { decryptBackup, isEncryptedBackup } from './crypto'
import { backupMadeAtFromName } from './names'
import { backupRefusal, badRowRefusal, pickedBackupRefusal } from './refusals'
import { firstBadRow } from './row-check'
import { schemaDifferences } from './schema-check'
import { mustBeSealed, unsealBackup } from './seal'
import { privateWorkDir, workFileName } from './write-work-folder'

export type BackupContents = BackupContentsView

/** Generous for any congregation (10,000 people with notes is tens of MB), and small enough to read into memory. */
export const MAX_BACKUP_BYTES = 512 * 1024 * 1024
/** A USB stick that stops answering must not hold up every later save, or quitting, for longer than this. */
export const BACKUP_READ_TIMEOUT_MS = 60_000

const DEFAULT_LIMITS: ReadLimits = { maxBytes: MAX_BACKUP_BYTES, timeoutMs: BACKUP_READ_TIMEOUT_MS }

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1')

/** Refuses, from the bytes alone, a file that is not a whole Hearth database this version can read. */
export function checkDatabaseBytes(bytes: Buffer, fileName: string): void {
  if (bytes.length < 100 || !bytes.subarray(0, 16).equals(SQLITE_MAGIC)) {
    if (bytes.length > 0 && bytes.length < 100 && SQLITE_MAGIC.subarray(0, Math.min(16, bytes.length)).equals(bytes.subarray(0, Math.min(16, bytes.length)))) {
      throw backupRefusal('truncated', fileName)
    }
    throw backupRefusal('not_sqlite', fileName)
  }
  if (bytes.readUInt32BE(68) !== HEARTH_APPLICATION_ID) throw backupRefusal('not_hearth', fileName)
  if (bytes.readUInt32BE(60) > LATEST_SCHEMA_VERSION) throw backupRefusal('newer_schema', fileName)
  const rawPageSize = bytes.readUInt16BE(16)
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize
  const pageCount = bytes.readUInt32BE(28)
  // The in-header page count is only trusted when the "version-valid-for" number matches the change counter.
  const countValid = bytes.readUInt32BE(24) === bytes.readUInt32BE(92) && pageCount > 0
  if (pageSize < 512 || bytes.length % pageSize !== 0 || (countValid && bytes.length < pageCount * pageSize)) throw backupRefusal('truncated', fileName)
}

// Other areas add their tables over time; a backup counts only the ones it has.
const COUNTED: [keyof Omit<BackupContents, 'madeAt' | 'schemaVersion'>, string[]][] = [
  ['people', ['people']],
  ['households', ['households']],
  ['mealTrains', ['meal_trains']],
  ['prayerCircles', ['prayer_circles', 'circles']],
]

function summarise(image: BackupImage, version: number): BackupContents {
  const tables = image.tables()
  const counts = Object.fromEntries(
    COUNTED.map(([key, names]) => {
      const table = names.find((n) => tables.has(n))
      return [key, table ? image.count(table) : 0]
    }),
  ) as Record<(typeof COUNTED)[number][0], number>
  const raw = tables.has('settings') ? image.setting('backupMadeAt') : undefined
  // The row check has already proved every setting is JSON.
  const parsed = raw === undefined ? null : (JSON.parse(raw) as unknown)
  return { madeAt: typeof parsed === 'string' ? parsed : null, schemaVersion: version, ...counts }
}

export interface Proof {
  /** The seal matched, or the encryption authenticated every byte. */
  proven: boolean
}

/**
 * Checks a database Hearth did not just write, as untrusted, from its bytes in memory: integrity and foreign keys,
 * then the schema must be exactly what Hearth's migrations build at the file's version, then a backup's own
 * snapshot must have kept its seal, then every row must pass the contract's rules — all before anything is
 * restored.
 */
export async function inspectDatabaseBytes(body: Buffer, fileName: string, proof: Proof): Promise<BackupContents> {
  const version = body.readUInt32BE(60)
  const wanted = await expectedSchema(version)
  const read = readBackupImage(body, (image) => {
    if (image.integrity() !== 'ok') throw backupRefusal('corrupt', fileName)
    if (image.foreignKeyProblems() > 0) throw backupRefusal('corrupt', fileName)
    if (image.applicationId() !== HEARTH_APPLICATION_ID) throw backupRefusal('not_hearth', fileName)
    if (image.userVersion() !== version) throw backupRefusal('corrupt', fileName)
    if (schemaDifferences(image.schema(), wanted).length > 0) throw backupRefusal('unexpected_schema', fileName)
    const stamped = image.tables().has('settings') && image.setting('backupMadeAt') !== undefined
    if (!proof.proven && mustBeSealed(version, stamped)) throw backupRefusal('damaged_plain', fileName)
    const bad = firstBadRow(image, version)
    if (bad) throw badRowRefusal(bad, fileName)
    return summarise(image, version)
  })
  if (read === 'damaged') throw backupRefusal('corrupt', fileName)
  return read.value
}

export interface ReadOptions {
  limits?: ReadLimits
  /** Files that must never be restored from: the live database and its -wal, -shm and -journal files. */
  livePath?: string
}

/** Reads the first bytes of a chosen file to tell an encrypted backup from a plain one, before asking for a passphrase. */
export async function isEncryptedFile(path: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<boolean> {
  try {
    return isEncryptedBackup(await readPickedHead(path, 16, limits))
  } catch (err) {
    throw pickedBackupRefusal(err, basename(path))
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
   * plain backup without a seal or a safety copy, which passed every check but could still hold a changed value.
   */
  verified: boolean
}

/**
 * Reads a chosen backup into memory (never opening it where it lies), proves it intact (the seal of a plain backup,
 * the authentication of an encrypted one), decrypts it when needed and checks it as untrusted. Throws a
 * HearthError with its own message for each kind of bad file; writes nothing anywhere.
 */
export async function examineBackup(path: string, passphrase?: string | null, options: ReadOptions = {}): Promise<ExaminedBackup> {
  const fileName = basename(path)
  if (fileName.endsWith('.partial')) throw backupRefusal('partial_file', fileName)
  const limits = options.limits ?? DEFAULT_LIMITS
  if (options.livePath && (await isLiveFile(path, options.livePath, limits.timeoutMs))) throw backupRefusal('live_file', fileName)
  let bytes: Buffer
  try {
    bytes = await readPickedFile(path, limits)
  } catch (err) {
    throw pickedBackupRefusal(err, fileName)
  }
  const encrypted = isEncryptedBackup(bytes)
  if (encrypted) {
    if (!passphrase) throw backupRefusal('needs_passphrase', fileName)
    bytes = await decryptBackup(bytes, passphrase, fileName)
  }
  const unsealed = unsealBackup(bytes)
  if (unsealed.kind === 'damaged') throw backupRefusal('damaged_plain', fileName)
  const body = unsealed.body
  const verified = encrypted || unsealed.kind === 'sealed'
  checkDatabaseBytes(body, fileName)
  const contents = await inspectDatabaseBytes(body, fileName, { proven: verified })
  contents.madeAt ??= backupMadeAtFromName(fileName)
  return { body, contents, encrypted, verified }
}

export interface PreparedRestore extends Omit<ExaminedBackup, 'body'> {
  /** A verified, decrypted, local copy in Hearth's private work folder, ready to be swapped in. */
  localPath: string
}

export async function prepareRestore(path: string, workDir: string, passphrase?: string | null, options: ReadOptions = {}): Promise<PreparedRestore> {
  const { body, ...examined } = await examineBackup(path, passphrase, options)
  const localPath = workFileName(privateWorkDir(workDir), 'restore')
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
