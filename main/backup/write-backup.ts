import { statSync } from 'node:fs'
import { join } from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import { snapshotDatabase } from '../../db/backup'
import { HearthError } from '../contract/errors'
import { encryptBackup, type ScryptParams } from './crypto'
import { chooseBackupName, isPartialBackupName } from './names'
import { backupRefusal, folderRefusal } from './refusals'
import { backupsToRemove } from './rotation'
import { sealBackup } from './seal'
import { type BackupFs, nodeBackupFs, writeFileSafely } from './write-stick'
import { clearBackupWork, privateWorkDir, workFileName } from './write-work-folder'

export interface BackupOptions {
  sqlite: BetterSqlite3.Database
  folder: string
  keep: number
  /** Where the local snapshot is made before anything touches the stick (Hearth's own data folder). */
  workDir: string
  passphrase?: string | null
  /** The open file's key when the congregation is encrypted: its backups must then be locked too. */
  liveKey?: Buffer | null
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
 * A consistent snapshot (db/backup.ts), checked locally, optionally encrypted, written safely to the folder, read
 * back and compared, and only then are old generations rotated.
 */
export async function makeBackup(options: BackupOptions): Promise<BackupResult> {
  const { sqlite, folder, keep, workDir } = options
  const fs = options.fs ?? nodeBackupFs
  const now = options.now ?? new Date()
  const madeAt = now.toISOString()
  try {
    if (!statSync(folder).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' })
  } catch (err) {
    throw folderRefusal(err, folder)
  }

  // An encrypted congregation never leaves a readable copy on a stick that can be lost.
  if (options.liveKey && !options.passphrase) throw new HearthError('invalid_input', 'errors.backup.lockedNeedsPassphrase', undefined, { passphrase: 'errors.backup.lockedNeedsPassphrase' })
  privateWorkDir(workDir)
  // A snapshot left by a backup that was cut off (power cut, crash) holds the members' details unencrypted:
  // backups run one at a time, so any found now is stale.
  clearBackupWork(workDir, 'backup')
  let plain: Buffer
  try {
    plain = snapshotDatabase(sqlite, workFileName(workDir, 'backup'), madeAt, !!options.passphrase, options.liveKey ?? null)
  } catch (err) {
    const code = (err as { code?: unknown } | null)?.code
    if (code === 'SQLITE_FULL' || code === 'ENOSPC') throw new HearthError('refused', 'errors.backup.computerFull')
    throw Object.assign(backupRefusal('snapshot_failed', 'backup'), { cause: err })
  }

  const encrypted = !!options.passphrase
  // A plain backup carries a seal (seal.ts); an encrypted one is already authenticated by AES-GCM.
  const data = options.passphrase ? await encryptBackup(plain, options.passphrase, options.scrypt) : sealBackup(plain)

  let existing: string[]
  try {
    existing = await fs.list(folder)
  } catch (err) {
    throw folderRefusal(err, folder)
  }
  // A stick pulled out during an earlier backup may still hold its unfinished file: it is Hearth's, so tidy it.
  for (const leftover of existing.filter(isPartialBackupName)) await fs.remove(join(folder, leftover)).catch(() => undefined)

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
    throw folderRefusal(err, folder)
  }

  const removed: string[] = []
  for (const old of backupsToRemove([...existing.filter((n) => !isPartialBackupName(n)), fileName], keep, fileName)) {
    try {
      await fs.remove(join(folder, old))
      removed.push(old)
    } catch {
      // The new backup is safe; an old one that cannot be deleted now is deleted by a later backup.
    }
  }
  return { path, fileName, bytes: data.length, encrypted, madeAt, removed }
}
