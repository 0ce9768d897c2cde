import { DIETARY_LABELS } from '../../contract/values'
import { say } from '../../i18n/say'

// The printed words for stored keys, from the catalog the screens use, in the language of `locale`.

/** The stored JSON array of dietary keys, tolerant of a damaged value. */
export function parseDietary(json: string | null | undefined): string[] {
  if (!json) return []
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
  } catch {
    return []
  }
}

/** "2 adults, 1 child". */
export function peopleCount(adults: number, children: number, locale = 'en'): string {
  return say(locale, 'printed.adultsChildren', { adults, children })
}

/** Dietary keys as printed words ("vegetarian"); a key no longer in the list prints as it is stored. */
export function dietWords(keys: readonly string[], locale: string): string[] {
  return keys.map((k) => (k in DIETARY_LABELS ? say(locale, `members.dietary.${k as keyof typeof DIETARY_LABELS}`) : k))
}
