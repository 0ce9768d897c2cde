import { IntlMessageFormat } from 'intl-messageformat'
import { formattingLocale, LANGUAGES, languageFor, messagesOf } from '../contract/i18n/catalog'
import type { MessageId } from '../contract/i18n/en'
import type { Language } from '../contract/i18n/language'

// Main speaks from the same catalogs as the screens (main/contract/i18n/): a printout, a file name or a message
// for the clipboard is written in the language chosen in Settings, with the same ICU plurals.

export type MessageValues = Record<string, string | number>

/** The locale main formats in for a Settings language ("system" follows the computer), as the screens do. */
export function chosenLocale(setting: string | undefined, systemLocale: string): string {
  return formattingLocale(languageFor(setting, systemLocale), systemLocale)
}

/** The language a formatting locale speaks: "de-CH" → German; one Hearth does not speak → English. */
export function languageOfLocale(locale: string): Language {
  const code = locale.split(/[-_]/)[0]?.toLowerCase()
  return LANGUAGES.find((l) => l.code === code) ?? LANGUAGES[0]!
}

// Parsing a message costs far more than formatting it; a long sheet says the same few words hundreds of times.
const compiled = new Map<string, IntlMessageFormat>()
const catalogs = new Map<string, Record<string, string>>()

/** A catalog entry as written, not formatted: a message template whose {placeholders} Hearth fills in itself. */
export function catalogText(locale: string, id: MessageId): string {
  return messagesOf(languageOfLocale(locale))[id] ?? id
}

/** One message of the catalog in the locale's language, its {values} filled in and plurals chosen. */
export function say(locale: string, id: MessageId, values?: MessageValues): string {
  const key = `${locale}|${id}`
  let format = compiled.get(key)
  if (!format) {
    const language = languageOfLocale(locale)
    let messages = catalogs.get(language.code)
    if (!messages) {
      messages = messagesOf(language)
      catalogs.set(language.code, messages)
    }
    format = new IntlMessageFormat(messages[id] ?? id, locale)
    compiled.set(key, format)
  }
  return String(format.format(values))
}

/** Whether the locale's language is written right to left (Arabic): printed pages then align to the right. */
export function isRightToLeft(locale: string): boolean {
  return languageOfLocale(locale).dir === 'rtl'
}
