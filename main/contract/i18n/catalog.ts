import { en } from './en'
import type { Language } from './language'
import { language as ar } from './languages/ar'
import { language as de } from './languages/de'
import { language as es } from './languages/es'
import { language as fr } from './languages/fr'
import { language as pl } from './languages/pl'
import { language as pt } from './languages/pt'

const ENGLISH: Language = { code: 'en', name: 'English', dir: 'ltr', messages: en }

// Every translation, listed by hand rather than gathered by Vite's import.meta.glob: the print worker also runs
// from the sources (under tsx, in tests), where no bundler gathers files.
const translations = [ar, de, es, fr, pl, pt]

/** The languages Hearth speaks, English first, then by code. */
export const LANGUAGES: Language[] = [ENGLISH, ...translations.sort((a, b) => a.code.localeCompare(b.code))]

/**
 * The language to show: the one chosen in Settings, or with "system" the computer's own when Hearth speaks it,
 * English otherwise.
 */
export function languageFor(setting: string | undefined, systemLocale: string): Language {
  const wanted = !setting || setting === 'system' ? systemLocale.split(/[-_]/)[0]?.toLowerCase() : setting
  return LANGUAGES.find((l) => l.code === wanted) ?? ENGLISH
}

/**
 * The locale dates and numbers are written in: the computer's own when it is in the chosen language (so a Swiss
 * German computer keeps its Swiss formats), otherwise the language itself.
 */
export function formattingLocale(language: Language, systemLocale: string): string {
  return systemLocale.split(/[-_]/)[0]?.toLowerCase() === language.code ? systemLocale : language.code
}

/** Messages for a language, English filling any gap so a new screen's strings show before they are translated. */
export function messagesOf(language: Language): Record<string, string> {
  if (language === ENGLISH) return en
  const translated = Object.entries(language.messages).filter((entry): entry is [string, string] => typeof entry[1] === 'string')
  return { ...en, ...Object.fromEntries(translated) }
}
