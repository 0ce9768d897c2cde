// Hearth only ever rotates files it made, recognised by this exact pattern.

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

/** An unfinished backup Hearth left on a stick pulled out mid-write: its own, so it may tidy it. */
export function isPartialBackupName(fileName: string): boolean {
  return PARTIAL_NAME.test(fileName)
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

/** When a backup was made, from its name (local time), as an ISO instant; null for a name Hearth did not give. */
export function backupMadeAtFromName(fileName: string): string | null {
  const b = parseBackupName(fileName)
  if (!b) return null
  const s = b.stamp
  const local = new Date(Number(s.slice(0, 4)), Number(s.slice(4, 6)) - 1, Number(s.slice(6, 8)), Number(s.slice(8, 10)), Number(s.slice(10, 12)))
  return Number.isNaN(local.getTime()) ? null : local.toISOString()
}
