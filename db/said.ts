import { IntlMessageFormat } from 'intl-messageformat'
import { en, type MessageId } from '../main/contract/i18n/en'
import type { Said } from '../main/contract/i18n/said'

/**
 * A refusal of the database layer worded by the catalog: the English is its message (for the log), and main sends
 * `said` to the screen, which words it in the volunteer's language. (db/ cannot reach main's say(), so it formats
 * the English itself, from the same catalog.)
 */
export class DbSaidError extends Error {
  readonly said: Said
  constructor(id: MessageId, values?: Record<string, string | number>) {
    super(String(new IntlMessageFormat(en[id], 'en-GB').format(values)))
    this.said = values ? { id, values } : { id }
  }
}
