import type { MessageId } from './en'

/**
 * A catalog message and its values, as main sends them for the screen to word in the volunteer's language (main
 * keeps the English for its log). Values are names, numbers and dates as typed or stored, never English words.
 */
export interface Said {
  id: MessageId
  values?: Record<string, string | number>
}
