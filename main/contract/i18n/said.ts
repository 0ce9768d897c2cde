import type { MessageId } from './en'

/**
 * A catalog message and its values, as main sends them for the screen to word in the volunteer's language (main
 * keeps the English for its log). Values are names, numbers and dates as typed or stored, never English words.
 */
export interface Said {
  id: MessageId
  values?: Record<string, string | number>
}

/**
 * The items of a list a message quotes ("Jo (Tuesday 3 March), Sam (Wednesday 4 March)"), joined as the locale
 * joins a list of things: commas in English, "und" before the last in German, the Arabic comma and "و".
 */
export function joinedList(locale: string, items: readonly string[]): string {
  return new Intl.ListFormat(locale, { type: 'unit', style: 'short' }).format(items)
}
