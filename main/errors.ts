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

export function fromZodError(error: z.ZodError): HearthErrorShape {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_'
    fields[key] ??= issue.message
  }
  const first = error.issues[0]?.message ?? 'Something in the form is not right.'
  const count = Object.keys(fields).length
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
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    log(err)
    return { code: 'conflict', message: 'That change clashes with something already saved, so nothing was changed.' }
  }
  log(err)
  return { code: 'internal', message: 'Something went wrong inside Hearth, and nothing was changed. Please try again.' }
}
