// Dates typed and shown in the language's own numeric order ("27.03.2026", "27/03/2026", "03/27/2026"), stored
// as 'YYYY-MM-DD'. Pure, so the order and the parsing are tested without a browser.

type Part = 'day' | 'month' | 'year'

/** The order and separators the locale writes a numeric date in, as a dayjs format: "DD.MM.YYYY". */
export function numericDateFormat(locale: string): string {
  let parts: Intl.DateTimeFormatPart[]
  try {
    parts = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC', numberingSystem: 'latn' }).formatToParts(Date.UTC(2026, 2, 27))
  } catch {
    return 'YYYY-MM-DD'
  }
  const token: Record<Part, string> = { day: 'DD', month: 'MM', year: 'YYYY' }
  // Bidi marks around Arabic separators are for display; the format keeps only the separator itself.
  return parts.map((p) => (p.type in token ? token[p.type as Part] : `[${p.value.replace(/[\u200e\u200f\u061c]/g, '')}]`)).join('')
}

function order(format: string): Part[] {
  return [...format.matchAll(/DD|MM|YYYY/g)].map((m) => (m[0] === 'DD' ? 'day' : m[0] === 'MM' ? 'month' : 'year'))
}

/** A typed date read in the locale's order, or as 'YYYY-MM-DD'; null when it is not a real calendar day. */
export function parseTypedDate(text: string, locale: string): string | null {
  const digits = text
    .trim()
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660))
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x6f0))
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(digits)
  const groups = iso ? [iso[1]!, iso[2]!, iso[3]!] : digits.split(/\D+/).filter(Boolean)
  if (groups.length !== 3) return null
  const parts = iso ? (['year', 'month', 'day'] as Part[]) : order(numericDateFormat(locale))
  const value: Record<Part, number> = { day: 0, month: 0, year: 0 }
  parts.forEach((p, i) => (value[p] = Number(groups[i])))
  if (value.year < 100) value.year += 2000
  const date = new Date(Date.UTC(value.year, value.month - 1, value.day))
  if (date.getUTCFullYear() !== value.year || date.getUTCMonth() !== value.month - 1 || date.getUTCDate() !== value.day) return null
  return date.toISOString().slice(0, 10)
}

/** A stored 'YYYY-MM-DD' written the way the locale types it ("27/03/2026" in British English); '' stays ''. */
export function formatTypedDate(iso: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!m) return iso
  const value: Record<string, string> = { YYYY: m[1]!, MM: m[2]!, DD: m[3]! }
  return numericDateFormat(locale).replace(/\[([^\]]*)\]|DD|MM|YYYY/g, (token, literal: string | undefined) => literal ?? value[token]!)
}

/** What a date box holds: a day ('YYYY-MM-DD'), nothing (''), or text that is not a day on the calendar. */
export function readTypedDate(text: string, locale: string): { day: string } | { notADay: string } {
  if (text.trim() === '') return { day: '' }
  const day = parseTypedDate(text, locale)
  return day === null ? { notADay: text.trim() } : { day }
}
