import { existsSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { fsyncDir, fsyncFile, type KeyFile, removeKeyFile, writeKeyFile } from './cipher'
import { HearthError } from '../main/contract/errors'

// The database side of encryption: the key given to SQLCipher when a file is opened, encrypted copies, and the
// one safe way to rewrite the whole file encrypted or plain.

/**
 * SQLCipher 4's own format (as Signal Desktop and sqlcipher's tools read it), keyed with the raw 256-bit data key:
 * a raw key skips SQLCipher's own PBKDF2, because the key is already the output of scrypt and a second slow step
 * would only make every unlock and every safety copy slower.
 */
export function keyPragmas(key: Buffer): string[] {
  return [...CIPHER_PRAGMAS, `key = "x'${key.toString('hex')}'"`]
}

const CIPHER_PRAGMAS = ["cipher = 'sqlcipher'", 'legacy = 4']

/**
 * Gives the key to a freshly opened connection and proves it opens the file: SQLCipher only notices a wrong key
 * on the first read, as "file is not a database", which becomes a refusal a person can read.
 */
export function applyKey(sqlite: BetterSqlite3.Database, key: Buffer, path: string): void {
  for (const pragma of keyPragmas(key)) sqlite.pragma(pragma)
  try {
    sqlite.prepare('select count(*) from sqlite_master').pluck().get()
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_NOTADB') throw new HearthError('refused', 'errors.lock.wrongKey', { file: basename(path) })
    throw err
  }
}

/**
 * A consistent, self-contained copy of the open database at `target` (no -wal needed), encrypted with `key` or
 * plain when `key` is null. VACUUM INTO copies under the open file's own key; the copy is then rekeyed in place,
 * which is safe because nothing but this rewrite knows the copy. It is left in rollback-journal mode, so no stale
 * -wal can ever be paired with it.
 */
export function exportCopy(sqlite: BetterSqlite3.Database, currentKey: Buffer | null, target: string, key: Buffer | null, nativeBinding?: string): void {
  rmSync(target, { force: true })
  sqlite.prepare('VACUUM INTO ?').run(target)
  const copy = openCopy(target, currentKey, nativeBinding)
  try {
    copy.pragma('journal_mode = DELETE')
    if (currentKey && key && currentKey.equals(key)) return
    if (!currentKey) for (const pragma of CIPHER_PRAGMAS) copy.pragma(pragma)
    copy.pragma(key ? `rekey = "x'${key.toString('hex')}'"` : "rekey = ''")
  } finally {
    copy.close()
  }
}

function openCopy(path: string, key: Buffer | null, nativeBinding?: string): BetterSqlite3.Database {
  const copy = new BetterSqlite3(path, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
  try {
    if (key) applyKey(copy, key, path)
    return copy
  } catch (err) {
    copy.close()
    throw err
  }
}

/** Opens the copy as Hearth would and checks it whole, then makes it durable: only a proven copy replaces the file. */
export function verifyCopy(target: string, key: Buffer | null, schemaVersion: number, nativeBinding?: string): void {
  const copy = openCopy(target, key, nativeBinding)
  try {
    const check = copy.pragma('quick_check', { simple: true })
    const version = copy.pragma('user_version', { simple: true })
    if (check !== 'ok' || version !== schemaVersion) throw new HearthError('io', 'errors.lock.rewriteFailed')
  } finally {
    copy.close()
  }
  fsyncFile(target)
}

export function rewritePath(path: string): string {
  return `${path}.rewrite`
}

/** A rewrite the last run did not finish leaves its copy beside the file; it may be plain, so it never stays. */
export function clearRewriteLeftovers(path: string): void {
  for (const leftover of [rewritePath(path), `${rewritePath(path)}-journal`, `${path}.keys.partial`]) rmSync(leftover, { force: true })
}

export interface Rewrite {
  /** The open connection to the file; closed before the copy takes its place. */
  close(): Promise<void>
  sqlite: BetterSqlite3.Database
  /** The key the file is encrypted with now; null for a plain file. */
  key: Buffer | null
  path: string
  schemaVersion: number
}

/**
 * Rewrites the whole database encrypted with `key` (or plain when null) so a kill at any moment leaves the old file
 * or the new one, never neither: the copy is written beside, verified, fsynced, and renamed over the file only after
 * the old connection has closed (closing folds its -wal back in and removes it, so no WAL of the old file can be
 * read as the new one's). `beforeSwap` runs once the copy is proven, `afterSwap` once it is the file.
 */
export async function rewriteDatabase(
  current: Rewrite,
  key: Buffer | null,
  hooks: { beforeSwap?: () => void; afterSwap?: () => void; nativeBinding?: string } = {},
): Promise<void> {
  const target = rewritePath(current.path)
  try {
    exportCopy(current.sqlite, current.key, target, key, hooks.nativeBinding)
    verifyCopy(target, key, current.schemaVersion, hooks.nativeBinding)
    hooks.beforeSwap?.()
  } catch (err) {
    rmSync(target, { force: true })
    throw err
  }
  await current.close()
  if (existsSync(`${current.path}-wal`) && !walIsEmpty(`${current.path}-wal`)) {
    rmSync(target, { force: true })
    throw new HearthError('io', 'errors.lock.rewriteFailed')
  }
  rmSync(`${current.path}-wal`, { force: true })
  rmSync(`${current.path}-shm`, { force: true })
  renameSync(target, current.path)
  fsyncDir(dirname(current.path))
  hooks.afterSwap?.()
}

function walIsEmpty(path: string): boolean {
  return statSync(path).size === 0
}

/**
 * Turns encryption on: the key file goes first, so a kill before the rename leaves the plain file (its bytes say
 * so) and an unused key file, which the next start removes.
 */
export function encryptDatabase(current: Rewrite, key: Buffer, keyFile: KeyFile, nativeBinding?: string): Promise<void> {
  return rewriteDatabase(current, key, { beforeSwap: () => writeKeyFile(current.path, keyFile), ...(nativeBinding ? { nativeBinding } : {}) })
}

/** Turns encryption off: the key file goes last, so a kill after the rename leaves the plain file and a key file the next start removes. */
export function decryptDatabase(current: Rewrite, nativeBinding?: string): Promise<void> {
  return rewriteDatabase(current, null, { afterSwap: () => removeKeyFile(current.path), ...(nativeBinding ? { nativeBinding } : {}) })
}

/**
 * A restored file, already checked and plain, put under the open congregation's key beside it just before the swap,
 * so an encrypted Hearth stays encrypted after a restore. The plain file is removed at once.
 */
export function keyedCopyOf(plainPath: string, key: Buffer, nativeBinding?: string): string {
  const target = `${plainPath}.keyed`
  rmSync(target, { force: true })
  const plain = new BetterSqlite3(plainPath, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
  let version: number
  try {
    version = plain.pragma('user_version', { simple: true }) as number
    exportCopy(plain, null, target, key, nativeBinding)
  } finally {
    plain.close()
  }
  rmSync(plainPath, { force: true })
  verifyCopy(target, key, version, nativeBinding)
  return target
}
