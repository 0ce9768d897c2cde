import { IntlMessageFormat } from 'intl-messageformat'
import type { HearthErrorShape, SaidMessage } from '../../main/contract'
import { joinedList } from '../../main/contract/i18n/said'

// Main words its errors by catalog id (main/errors.ts saidError); they are shown in the language on screen. The
// language is set by <I18n>, so an error thrown outside React (a call's rejection) speaks it too.
let shown: { locale: string; messages: Record<string, string> } | null = null

export function speakErrorsIn(locale: string, messages: Record<string, string>): void {
  // Called on every render of the app: the words change only with the locale.
  if (shown?.locale === locale) return
  shown = { locale, messages }
}

/** Which words errors are spoken in now: a new value each time the language changes. */
export function spokenWords(): unknown {
  return shown
}

/** A catalog message in the language on screen, or null when it has none (or cannot be formatted). */
function spoken(id: string, values: SaidMessage['values']): string | null {
  const message = shown?.messages[id]
  if (!message || !shown) return null
  try {
    return String(new IntlMessageFormat(message, shown.locale).format(values))
  } catch {
    return null
  }
}

/** A quoted message, or a list of them joined the language's way; null when one of them cannot be worded. */
function spokenValue(words: SaidMessage | SaidMessage[]): string | null {
  if (!Array.isArray(words)) return spoken(words.id, words.values)
  const items = words.map((m) => spoken(m.id, m.values))
  return shown && items.every((item) => item !== null) ? joinedList(shown.locale, items as string[]) : null
}

/** The values that are catalog messages, worded in the language on screen (main's English when one cannot be). */
function quotedValues(shape: HearthErrorShape): Record<string, string | number> {
  return Object.fromEntries(Object.entries(shape.valueMessages ?? {}).map(([name, m]) => [name, spokenValue(m) ?? shape.values?.[name] ?? '']))
}

/** The error's message in the language on screen, or main's English when it has no catalog id. */
export function errorText(shape: HearthErrorShape): string {
  if (!shape.messageId) return shape.message
  return spoken(shape.messageId, { ...shape.values, ...quotedValues(shape) }) ?? shape.message
}

/** Each field's message in the language on screen; a field main worded only in English keeps its English. */
export function fieldTexts(shape: HearthErrorShape): Record<string, string> {
  const fields = { ...shape.fields }
  // A field's message may quote what the message does (the column both set to "Email"), worded the same way.
  const quoted = quotedValues(shape)
  for (const [key, m] of Object.entries(shape.fieldMessages ?? {})) {
    const text = spoken(m.id, { ...m.values, ...quoted })
    if (text) fields[key] = text
  }
  return fields
}
