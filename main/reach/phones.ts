import { type CountryCode, getCountries, parsePhoneNumberFromString } from 'libphonenumber-js'

const COUNTRIES = new Set<string>(getCountries())

/**
 * The country a congregation's numbers are written for, from the computer's language and region ("en-GB" → GB),
 * or none when it names no country libphonenumber knows (then only numbers written with + are understood).
 */
export function countryForLocale(locale: string): CountryCode | undefined {
  try {
    const region = new Intl.Locale(locale).maximize().region
    return region && COUNTRIES.has(region) ? (region as CountryCode) : undefined
  } catch {
    return undefined
  }
}

/**
 * A number as a phone dials it from anywhere ("+447700900001"), read with Google's phone metadata in the
 * congregation's country: "07700 900001", "+44 (0)7700 900001" and "0044-7700-900001" all become the same.
 * Null when it is not a possible number there (the caller keeps it as typed).
 */
export function internationalForm(typed: string, country: CountryCode | undefined): string | null {
  const cleaned = typed.replace(/\(0\)/g, '').replace(/^\s*00(?=[1-9])/, '+')
  const parsed = parsePhoneNumberFromString(cleaned, country ? { defaultCountry: country } : {})
  return parsed?.isPossible() ? parsed.number : null
}
