import { parse } from '@formatjs/icu-messageformat-parser'
import type { Language } from '../main/contract/i18n/language'

export interface CatalogProblems {
  /** English messages the language has no translation for (they show in English). */
  missing: string[]
  /** Messages still word for word the English, and not marked as rightly the same. */
  untranslated: string[]
  /** Ids English no longer has: left over after a message was renamed or removed. */
  unknown: string[]
  /** Messages whose {placeholders} differ from the English, or that are not valid ICU message syntax. */
  broken: string[]
}

/** The names of the {arguments} a message uses: a translation must use the same ones. */
function argumentsOf(message: string): string {
  const names = new Set<string>()
  const walk = (elements: ReturnType<typeof parse>) => {
    for (const el of elements) {
      if ('value' in el && typeof el.value === 'string' && el.type !== 0) names.add(el.value)
      if ('options' in el) for (const option of Object.values(el.options)) walk(option.value)
      if ('children' in el) walk(el.children)
    }
  }
  walk(parse(message))
  return [...names].sort().join(',')
}

/** How a language's catalog stands against the English one. */
export function catalogProblems(english: Record<string, string>, language: Language): CatalogProblems {
  const messages = language.messages as Record<string, string | undefined>
  const same = new Set<string>(language.sameAsEnglish ?? [])
  const out: CatalogProblems = { missing: [], untranslated: [], unknown: [], broken: [] }
  for (const [id, en] of Object.entries(english)) {
    const translated = messages[id]
    if (translated === undefined) {
      out.missing.push(id)
      continue
    }
    // A message with no words (only placeholders, digits or punctuation) reads the same in every language.
    if (translated === en && !same.has(id) && /\p{L}{2,}/u.test(en.replace(/\{[^{}]*\}/g, ''))) out.untranslated.push(id)
    try {
      if (argumentsOf(translated) !== argumentsOf(en)) out.broken.push(id)
    } catch {
      out.broken.push(id)
    }
  }
  for (const id of Object.keys(messages)) if (!(id in english)) out.unknown.push(id)
  return out
}
