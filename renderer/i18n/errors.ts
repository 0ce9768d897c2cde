import { IntlMessageFormat } from 'intl-messageformat'
import type { HearthErrorShape, SaidMessage } from '../../main/contract'

// Main words its errors by catalog id (main/errors.ts saidError); they are shown in the language on screen. The
// language is set by <I18n>, so an error thrown outside React (a call's rejection) speaks it too.
let shown: { locale: string; messages: Record<string, string> } | null = null

export function speakErrorsIn(locale: string, messages: Record<string, string>): void {
  shown = { locale, messages }
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

/** The error's message in the language on screen, or main's English when it has no catalog id. */
export function errorText(shape: HearthErrorShape): string {
  if (!shape.messageId) return shape.message
  const quoted = Object.entries(shape.valueMessages ?? {}).map(([name, m]) => [name, spoken(m.id, m.values) ?? shape.values?.[name] ?? ''])
  return spoken(shape.messageId, { ...shape.values, ...Object.fromEntries(quoted) }) ?? shape.message
}

/** Each field's message in the language on screen; a field main worded only in English keeps its English. */
export function fieldTexts(shape: HearthErrorShape): Record<string, string> {
  const fields = { ...shape.fields }
  for (const [key, m] of Object.entries(shape.fieldMessages ?? {})) {
    const text = spoken(m.id, m.values)
    if (text) fields[key] = text
  }
  return fields
}
