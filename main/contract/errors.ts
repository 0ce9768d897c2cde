import { IntlMessageFormat } from 'intl-messageformat'
import type { ErrorCode } from './define'
import { en, type MessageId } from './i18n/en'
import { joinedList, type Said } from './i18n/said'

export type { ErrorCode, Said }

export type MessageValues = Record<string, string | number>

/** Values that are catalog messages themselves, or lists of them: the screen words each in the volunteer's language. */
export type ValueWords = Record<string, Said | Said[]>

/** Per-field messages as catalog ids, or ids with values: `{ date: 'errors.meals.chooseDay' }`. */
export type FieldWords = Record<string, MessageId | Said>

/** British English, as Hearth's English is written ("Tuesday 3 March"). */
export const ENGLISH_LOCALE = 'en-GB'

// Parsing a message costs far more than formatting it; a refusal is often the same few words again.
const compiled = new Map<MessageId, IntlMessageFormat>()

/** A catalog message in English, for the log and the tests: the screen words the same id in the volunteer's language. */
export function inEnglish(said: Said): string {
  let format = compiled.get(said.id)
  if (!format) compiled.set(said.id, (format = new IntlMessageFormat(en[said.id] ?? said.id, ENGLISH_LOCALE)))
  return String(format.format(said.values))
}

function quotedInEnglish(words: Said | Said[]): string {
  return Array.isArray(words) ? joinedList(ENGLISH_LOCALE, words.map(inEnglish)) : inEnglish(words)
}

function fieldSaids(fields: FieldWords | undefined): Record<string, Said> | undefined {
  if (!fields) return undefined
  return Object.fromEntries(Object.entries(fields).map(([key, words]) => [key, typeof words === 'string' ? { id: words } : words]))
}

/**
 * The one error Hearth throws on purpose, from db/, main/ and pure rules alike: a code from the one list (what kind
 * of refusal) and a catalog id with its values (what to tell the volunteer). The English is the message, for the
 * log and the tests; main/errors.ts sends the id and values, and the screen words them in the volunteer's language.
 * `fields` names the form fields it is about; `quoted` holds values that are catalog messages themselves.
 */
export class HearthError extends Error {
  readonly said: Said
  readonly fieldWords?: Record<string, Said>
  readonly valueWords?: ValueWords
  constructor(
    readonly code: ErrorCode,
    id: MessageId,
    values?: MessageValues,
    fields?: FieldWords,
    quoted?: ValueWords,
  ) {
    const english = quoted && Object.fromEntries(Object.entries(quoted).map(([name, words]) => [name, quotedInEnglish(words)]))
    const all = english ? { ...values, ...english } : values
    const said: Said = all ? { id, values: all } : { id }
    super(inEnglish(said))
    this.name = 'HearthError'
    this.said = said
    const words = fieldSaids(fields)
    if (words) this.fieldWords = words
    if (quoted) this.valueWords = quoted
  }

  /** The per-field messages in English, as the error shape's `fields` carries them. */
  get fields(): Record<string, string> | undefined {
    return this.fieldWords ? Object.fromEntries(Object.entries(this.fieldWords).map(([key, said]) => [key, inEnglish(said)])) : undefined
  }
}

/** Whether `err` is a HearthError with this code and catalog id: how a caller tells one refusal from another. */
export function isRefusal(err: unknown, id: MessageId): err is HearthError {
  return err instanceof HearthError && err.said.id === id
}
