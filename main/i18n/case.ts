import { languageOfLocale } from './say'

// How main writes a catalog word inside a sentence: the one place capitalisation is decided in code.

/** A slot or meal word mid-sentence is lower case ("the dinner", "the ride (morning)"); German keeps its nouns capitalised. */
export function midSentence(word: string, locale: string): string {
  return /^de\b/i.test(locale) ? word : word.toLocaleLowerCase(locale)
}

/**
 * A dietary label mid-sentence: lower case in English ("added nut allergy"); the other catalogs' labels are kept
 * as their translators wrote them.
 */
export function labelMidSentence(label: string, locale: string): string {
  return languageOfLocale(locale).code === 'en' ? label.toLowerCase() : label
}
