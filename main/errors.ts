import { z } from 'zod'
import { BackupRefusedError } from '../db/backup'
import { DatabaseRefusedError } from '../db/open'
import type { ErrorCode, HearthErrorShape } from './contract'
import { TrainPlanError } from './meal-trains/slots'
import { CsvFileError } from './members-csv/file'
import { SlotRuleError } from './prayer-circles/slots'

/** An error meant for the person using Hearth: the message is shown as it is. */
export class HearthError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message)
    this.name = 'HearthError'
  }
}

const MAX_FIELDS = 20

export function fromZodError(error: z.ZodError): HearthErrorShape {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.').slice(0, 200) || '_'
    // A form has a few dozen fields at most; thousands of bad array items need not each be listed.
    if (Object.keys(fields).length >= MAX_FIELDS && !(key in fields)) continue
    fields[key] ??= issue.message
  }
  const first = error.issues[0]?.message ?? 'Something in the form is not right.'
  const count = new Set(error.issues.map((i) => i.path.map(String).join('.') || '_')).size
  return {
    code: 'invalid_input',
    message: count > 1 ? `Please check ${count} things in the form. ${first}` : first,
    fields,
  }
}

/**
 * The one error path: maps anything a handler throws to a shape a person can read. Pure rules and the database
 * layer throw their own errors (with the volunteer's words in the message); they are all translated here, so no
 * handler needs to catch and re-throw. Unexpected errors keep their detail in the log.
 */
export function toErrorShape(err: unknown, log: (e: unknown) => void = console.error): HearthErrorShape {
  if (err instanceof HearthError) return { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) }
  if (err instanceof z.ZodError) return fromZodError(err)
  if (err instanceof DatabaseRefusedError) return { code: 'refused', message: err.message }
  if (err instanceof TrainPlanError) return { code: 'invalid_input', message: err.message, ...(err.fields ? { fields: err.fields } : {}) }
  if (err instanceof SlotRuleError) return { code: 'invalid_input', message: err.message, fields: { [err.field]: err.message } }
  if (err instanceof CsvFileError) return { code: 'invalid_input', message: err.message }
  if (err instanceof BackupRefusedError) {
    const passphrase = err.reason === 'needs_passphrase' || err.reason === 'wrong_passphrase'
    return { code: passphrase ? 'invalid_input' : 'refused', message: err.message, ...(passphrase ? { fields: { passphrase: err.message } } : {}) }
  }
  const code = (err as { code?: unknown } | null)?.code
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return { code: 'io', message: 'The disk is full, so nothing was saved. Free some space and try again.' }
  }
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    const known = sqliteMessage(code)
    if (known) {
      log(err)
      return known
    }
  }
  log(err)
  return { code: 'internal', message: 'Something went wrong inside Hearth, and nothing was changed. Please try again.' }
}

/** What each kind of database refusal means for the person, in words that are true for that kind. */
function sqliteMessage(code: string): HearthErrorShape | null {
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return { code: 'conflict', message: 'That change clashes with something already saved, so nothing was changed.' }
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return { code: 'conflict', message: 'That change refers to something that no longer exists (perhaps it was just deleted), so nothing was changed. Reload and try again.' }
  }
  if (code.startsWith('SQLITE_CONSTRAINT') || code === 'SQLITE_MISMATCH' || code === 'SQLITE_TOOBIG' || code === 'SQLITE_RANGE') {
    return { code: 'invalid_input', message: 'Hearth cannot save a value in this form as it is, so nothing was changed. Check what you typed and try again.' }
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return { code: 'io', message: 'Hearth’s data file is busy for a moment, so nothing was changed. Please try again.' }
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) {
    return { code: 'io', message: 'Hearth could not write to its data file on this computer, so nothing was changed. Check there is free space, then try again.' }
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return { code: 'io', message: 'Hearth’s data file on this computer looks damaged, so nothing was changed. Restore your latest backup (Backup, then “Restore from a backup…”).' }
  }
  return null
}
