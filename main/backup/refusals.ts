import { HearthError } from '../contract/errors'
import type { MessageId } from '../contract/i18n/en'
import { pickedFileProblem } from '../common/read-picked-file'
import type { BadRow } from './row-check'

// Every way a backup or restore can stop, each with the words the volunteer sees (errors.backup.<reason>).
export type BackupRefusal =
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
  | 'damaged_header'
  | 'damaged_plain'
  | 'unexpected_schema'
  | 'newer_format'
  | 'live_file'
  | 'not_a_file'
  | 'too_big'
  | 'timed_out'
  | 'unreadable'
  | 'snapshot_failed'

/**
 * The file `fileName` is refused for `reason`. A passphrase the volunteer must type again is a form field's
 * fault; every other refusal is the file's.
 */
export function backupRefusal(reason: BackupRefusal, fileName: string): HearthError {
  const id = `errors.backup.${reason}` as const satisfies MessageId
  const values = { file: fileName }
  if (reason === 'needs_passphrase' || reason === 'wrong_passphrase') return new HearthError('invalid_input', id, values, { passphrase: { id, values } })
  return new HearthError('refused', id, values)
}

/** Writing to the backup folder failed: the words say what the volunteer can do about the stick. */
export function folderRefusal(err: unknown, folder: string): HearthError {
  const code = (err as { code?: unknown } | null)?.code
  const id: MessageId =
    code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG'
      ? 'errors.backup.io.diskFull'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'errors.backup.io.notWritable'
        : code === 'ENOENT' || code === 'ENODEV' || code === 'ENXIO' || code === 'EIO' || code === 'ENOTDIR'
          ? 'errors.backup.io.missing'
          : 'errors.backup.io.failed'
  return new HearthError('refused', id, { folder })
}

/** The picked file could not be read as a whole: the reader's refusal in a backup's words. */
export function pickedBackupRefusal(err: unknown, fileName: string): HearthError {
  const problem = pickedFileProblem(err)
  if (problem === 'too_big') {
    const mb = (err as HearthError).said.values?.mb ?? 0
    return new HearthError('refused', 'errors.backup.tooBigMb', { file: fileName, mb })
  }
  return backupRefusal(problem === null ? 'unreadable' : problem === 'missing' ? 'file_missing' : problem, fileName)
}

/** A row of the offered file breaks the contract's rules: where, and why, in plain words. */
export function badRowRefusal(bad: BadRow, fileName: string): HearthError {
  return new HearthError('refused', 'errors.backup.badRow', { file: fileName, table: bad.table, row: bad.row, column: bad.column }, undefined, { problem: bad.problem })
}
