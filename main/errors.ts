import { z } from 'zod'
import type { ErrorCode, HearthErrorShape } from './contract'
import { HearthError, inEnglish, type Said, type ValueWords } from './contract/errors'
import type { MessageId } from './contract/i18n/en'
import { type IssueWords, issueWords } from './i18n/issue-words'
import { type MessageValues, say } from './i18n/say'

/** The shape of a catalog-worded error, its per-field messages in English and by id, its quoted messages by id. */
function saidShape(code: ErrorCode, message: string, words: Said, fieldWords?: Record<string, Said>, valueWords?: ValueWords): HearthErrorShape {
  const shape: HearthErrorShape = {
    code,
    message,
    messageId: words.id,
    ...(words.values ? { values: words.values } : {}),
    ...(valueWords ? { valueMessages: valueWords } : {}),
  }
  if (!fieldWords) return shape
  return {
    ...shape,
    fields: Object.fromEntries(Object.entries(fieldWords).map(([key, w]) => [key, inEnglish(w)])),
    fieldMessages: fieldWords,
  }
}

/** A shape worded by the catalog. */
function said(code: ErrorCode, id: MessageId, values?: MessageValues): HearthErrorShape {
  return { code, message: say('en', id, values), messageId: id, ...(values ? { values } : {}) }
}

const MAX_FIELDS = 20

export function fromZodError(error: z.ZodError): HearthErrorShape {
  const fields: Record<string, string> = {}
  const fieldMessages: Record<string, IssueWords> = {}
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.').slice(0, 200) || '_'
    // A form has a few dozen fields at most; thousands of bad array items need not each be listed.
    if (key in fields || Object.keys(fields).length >= MAX_FIELDS) continue
    fieldMessages[key] = issueWords(issue)
    fields[key] = say('en', fieldMessages[key].id, fieldMessages[key].values)
  }
  const first = error.issues[0] ? issueWords(error.issues[0]) : { id: 'validation.notRight' as const }
  const count = new Set(error.issues.map((i) => i.path.map(String).join('.') || '_')).size
  if (count > 1) {
    return { ...said('invalid_input', 'errors.checkForm', { count, first: say('en', first.id, first.values) }), fields, fieldMessages, valueMessages: { first } }
  }
  return { ...said('invalid_input', first.id, first.values), fields, fieldMessages }
}

/**
 * The one error path: maps anything a handler throws to a shape a person can read. Pure rules, handlers and the
 * database layer all throw the contract's one HearthError; SQLite's own refusals are worded here, so no handler needs
 * to catch and re-throw. Unexpected errors keep their detail in the log.
 */
export function toErrorShape(err: unknown, log: (e: unknown) => void = console.error): HearthErrorShape {
  if (err instanceof HearthError) return saidShape(err.code, err.message, err.said, err.fieldWords, err.valueWords)
  if (err instanceof z.ZodError) return fromZodError(err)
  const code = (err as { code?: unknown } | null)?.code
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return said('io', 'errors.diskFull')
  }
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    const known = sqliteMessage(code)
    if (known) {
      log(err)
      return known
    }
  }
  log(err)
  return said('internal', 'errors.internal')
}

/** What each kind of database refusal means for the person, in words that are true for that kind. */
function sqliteMessage(code: string): HearthErrorShape | null {
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return said('conflict', 'errors.clash')
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return said('conflict', 'errors.gone')
  }
  if (code.startsWith('SQLITE_CONSTRAINT') || code === 'SQLITE_MISMATCH' || code === 'SQLITE_TOOBIG' || code === 'SQLITE_RANGE') {
    return said('invalid_input', 'errors.badValue')
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return said('io', 'errors.busy')
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) {
    return said('io', 'errors.cannotWrite')
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return said('io', 'errors.damaged')
  }
  return null
}
