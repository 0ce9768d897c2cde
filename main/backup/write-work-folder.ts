import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'

// Hearth's private folder for backup and restore work, beside the database: only this user may enter it. A
// plain snapshot waits there only while a backup is made, a decrypted copy only between a restore's checks and
// the swap; anything left by a crash is removed at the next start.

export function backupWorkDir(databasePath: string): string {
  return join(dirname(databasePath), 'backup-work')
}

export function privateWorkDir(workDir: string): string {
  mkdirSync(workDir, { recursive: true, mode: 0o700 })
  chmodSync(workDir, 0o700)
  return workDir
}

/** A fresh name for one piece of work ('backup', 'restore'), never one a crash left behind. */
export function workFileName(workDir: string, label: 'backup' | 'restore'): string {
  return join(workDir, `.hearth-${label}-${randomBytes(6).toString('hex')}.sqlite`)
}

/** Removes the work files of one kind (a backup's stale snapshots), or of every kind when Hearth starts. */
export function clearBackupWork(workDir: string, label?: 'backup' | 'restore'): void {
  if (!existsSync(workDir)) return
  const prefix = label ? `.hearth-${label}-` : '.hearth-'
  for (const name of readdirSync(workDir).filter((n) => n.startsWith(prefix))) rmSync(join(workDir, name), { force: true })
}
