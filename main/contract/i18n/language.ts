import type { MessageId } from './en'

/**
 * One translation of Hearth: a file in main/contract/i18n/languages/ named by its code ("de.ts") that exports
 * `language`. It is found there by itself; nothing else needs registering.
 */
export interface Language {
  /** ISO 639-1 code, as the Settings screen stores it and as dates and numbers are formatted. */
  code: string
  /** The language's own name for itself, shown in the Settings list: "Deutsch", "العربية". */
  name: string
  dir: 'ltr' | 'rtl'
  /**
   * Every English message, translated: same ids, same {placeholders}, plurals in ICU form with this language's
   * categories. A message missing here shows in English; `npm run i18n:check` and the catalog test list them.
   */
  messages: Partial<Record<MessageId, string>>
  /** Messages that rightly read the same as in English ("A4", "E-mail" in German); the check accepts them. */
  sameAsEnglish?: MessageId[]
}
