import { IntlMessageFormat } from 'intl-messageformat'
import type { HearthErrorShape } from '../../main/contract'

// Main words its errors by catalog id (main/errors.ts saidError); they are shown in the language on screen. The
// language is set by <I18n>, so an error thrown outside React (a call's rejection) speaks it too.
let shown: { locale: string; messages: Record<string, string> } | null = null

export function speakErrorsIn(locale: string, messages: Record<string, string>): void {
  shown = { locale, messages }
}

/** The error's message in the language on screen, or main's English when it has no catalog id. */
export function errorText(shape: Pick<HearthErrorShape, 'message'> & Partial<HearthErrorShape>): string {
  const message = shape.messageId ? shown?.messages[shape.messageId] : undefined
  if (!message || !shown) return shape.message
  try {
    return String(new IntlMessageFormat(message, shown.locale).format(shape.values))
  } catch {
    return shape.message
  }
}

/** The per-field messages in the language on screen, each one main sent an id for worded from the catalog. */
export function fieldTexts(shape: Pick<HearthErrorShape, 'fields' | 'fieldIds'>): Record<string, string> {
  const fields = { ...shape.fields }
  for (const [key, said] of Object.entries(shape.fieldIds ?? {})) {
    fields[key] = errorText({ message: fields[key] ?? '', messageId: said.id, ...(said.values ? { values: said.values } : {}) })
  }
  return fields
}
