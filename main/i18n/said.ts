import type { MessageId } from '../contract/i18n/en'
import { joinedList, type Said } from '../contract/i18n/said'
import { type MessageValues, say } from './say'

export type { Said }

/** Values that are catalog messages themselves, or lists of them: the screen words each in the volunteer's language. */
export type ValueWords = Record<string, Said | Said[]>

/** Per-field messages as catalog ids, or ids with values: `{ date: 'errors.meals.chooseDay' }`. */
export type FieldWords = Record<string, MessageId | Said>

export function fieldSaids(fields: FieldWords | undefined): Record<string, Said> | undefined {
  if (!fields) return undefined
  return Object.fromEntries(Object.entries(fields).map(([key, words]) => [key, typeof words === 'string' ? { id: words } : words]))
}

/** British English, as Hearth's English is written ("Tuesday 3 March"). */
export const ENGLISH_LOCALE = 'en-GB'

export function inEnglish(said: Said): string {
  return say(ENGLISH_LOCALE, said.id, said.values)
}

/** A quoted value in English, as the message for the log carries it. */
function quotedInEnglish(words: Said | Said[]): string {
  return Array.isArray(words) ? joinedList(ENGLISH_LOCALE, words.map(inEnglish)) : inEnglish(words)
}

/**
 * A refusal worded by the catalog, for a volunteer: the English is the message (for the log and for tests), the id
 * and values go to the screen, which words them in the volunteer's language. Rule modules throw their own kinds.
 */
export class SaidError extends Error {
  readonly said: Said
  readonly fieldWords?: Record<string, Said>
  readonly valueWords?: ValueWords
  constructor(id: MessageId, values?: MessageValues, fields?: FieldWords, quoted?: ValueWords) {
    const english = quoted && Object.fromEntries(Object.entries(quoted).map(([name, words]) => [name, quotedInEnglish(words)]))
    const all = english ? { ...values, ...english } : values
    const said: Said = all ? { id, values: all } : { id }
    super(inEnglish(said))
    this.said = said
    const words = fieldSaids(fields)
    if (words) this.fieldWords = words
    if (quoted) this.valueWords = quoted
  }

  /** The per-field messages in English, as the shape's `fields` carries them. */
  get fields(): Record<string, string> | undefined {
    return this.fieldWords ? Object.fromEntries(Object.entries(this.fieldWords).map(([key, said]) => [key, inEnglish(said)])) : undefined
  }
}

/**
 * A 'YYYY-MM-DD' day as a value a message words with a date skeleton ({when, date, ::EEEEdMMMM}): noon of that day
 * on this computer's clock, so the screen (on the same computer) names the same day in any time zone.
 */
export function noonOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(y!, m! - 1, d!, 12).getTime()
}
