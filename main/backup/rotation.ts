import { type BackupName, parseBackupName } from './names'

/** Which of the folder's files to delete so that `keep` of Hearth's own backups remain; never anything else. */
export function backupsToRemove(fileNames: readonly string[], keep: number, justMade: string): string[] {
  const ours = fileNames
    .map(parseBackupName)
    .filter((b): b is BackupName => b !== null)
    .sort((a, b) => (a.stamp === b.stamp ? a.counter - b.counter : a.stamp < b.stamp ? -1 : 1))
  const excess = ours.slice(0, Math.max(0, ours.length - keep)).map((b) => b.fileName)
  return excess.filter((n) => n !== justMade)
}

/** Hearth's own backups in a folder, newest first (the same-minute counter breaks ties). */
export function newestFirst(names: readonly string[]): BackupName[] {
  const ours = names.map(parseBackupName).filter((b): b is BackupName => b !== null)
  return ours.sort((a, b) => (a.stamp === b.stamp ? b.counter - a.counter : a.stamp < b.stamp ? 1 : -1))
}
