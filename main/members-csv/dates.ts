import type { DateOrder } from '../contract/members-csv'

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

function monthFromName(name: string): number | null {
  const lower = name.toLowerCase()
  if (lower.length < 3) return null
  const index = MONTHS.findIndex((m) => lower.startsWith(m) || (lower === 'sept' && m === 'sep'))
  return index >= 0 ? index + 1 : null
}

/** 'YYYY-MM-DD' when the day exists in the calendar (29 February only in leap years), otherwise null. */
export function isoIfReal(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null
  const check = new Date(Date.UTC(year, month - 1, day))
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/**
 * A two-digit year is taken as the most recent year it can be, given today: in 2026 "25" is 2025 and "27" is
 * 1927, because the dates imported are birthdays and joining dates, which are in the past.
 */
function fullYear(digits: string, today: string): number {
  const year = Number(digits)
  if (digits.length !== 2) return year
  const thisYear = Number(today.slice(0, 4))
  const century = Math.floor(thisYear / 100) * 100
  return century + year > thisYear ? century - 100 + year : century + year
}

/**
 * Reads a date as spreadsheets write them: 1980-03-14, 1980/3/14, 14/03/1980 or 03/14/1980 (by `order`), with
 * dots or dashes too, two-digit years, "14 March 1980", "March 14, 1980", "14-Mar-80", and a trailing time of
 * day (some programs export "1980-03-14 00:00:00"). Returns 'YYYY-MM-DD', or null when it is not a real date.
 */
export function parseSpreadsheetDate(raw: string, order: DateOrder, today: string): string | null {
  const text = raw.trim().replace(/[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*([AaPp][Mm])?(Z|[+-]\d{2}:?\d{2})?$/, '')
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text)
  if (m) return isoIfReal(Number(m[1]), Number(m[2]), Number(m[3]))
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$/.exec(text)
  if (m) {
    const [first, second] = [Number(m[1]), Number(m[2])]
    const year = fullYear(m[3]!, today)
    return order === 'dmy' ? isoIfReal(year, second, first) : isoIfReal(year, first, second)
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]+)\.?,?[\s-]+(\d{4}|\d{2})$/.exec(text)
  if (m) {
    const month = monthFromName(m[2]!)
    return month ? isoIfReal(fullYear(m[3]!, today), month, Number(m[1])) : null
  }
  m = /^([A-Za-z]+)\.?[\s-]+(\d{1,2})(?:st|nd|rd|th)?,?[\s-]+(\d{4}|\d{2})$/.exec(text)
  if (m) {
    const month = monthFromName(m[1]!)
    return month ? isoIfReal(fullYear(m[3]!, today), month, Number(m[2])) : null
  }
  return null
}

// Where people write the month first; everywhere else the day comes first.
const MONTH_FIRST_REGIONS = new Set(['US', 'PH', 'FM', 'MH', 'PW', 'GU', 'AS', 'MP', 'PR', 'VI', 'UM'])

export function dateOrderForLocale(locale: string): DateOrder {
  try {
    const region = new Intl.Locale(locale).maximize().region
    return region !== undefined && MONTH_FIRST_REGIONS.has(region) ? 'mdy' : 'dmy'
  } catch {
    return 'dmy'
  }
}

/**
 * Decides how to read dates like 03/04/1980. A value such as 25/12/1980 settles it (there is no 25th month);
 * when the file has only ambiguous dates, or contradicts itself, the computer's language decides.
 */
export function guessDateOrder(values: string[], locale: string): { order: DateOrder; fromData: boolean } {
  let dayFirst = 0
  let monthFirst = 0
  for (const value of values) {
    const m = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})\b/.exec(value)
    if (!m) continue
    if (Number(m[1]) > 12 && Number(m[2]) <= 12) dayFirst++
    if (Number(m[2]) > 12 && Number(m[1]) <= 12) monthFirst++
  }
  if (dayFirst > 0 && monthFirst === 0) return { order: 'dmy', fromData: true }
  if (monthFirst > 0 && dayFirst === 0) return { order: 'mdy', fromData: true }
  return { order: dateOrderForLocale(locale), fromData: false }
}
