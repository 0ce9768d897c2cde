import { foldForSearch } from '../../db/search-text'
import type { DateOrder } from '../contract/members-csv'

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

// Month names and their usual short forms in the other languages Hearth speaks, folded (no accents, ł→l), each
// list January to December. Polish months also in the genitive ("14 marca 1980"), as dates write them.
const OTHER_MONTHS: string[][] = [
  ['januar jan jänner', 'februar feb', 'marz mar', 'april apr', 'mai', 'juni jun', 'juli jul', 'august aug', 'september sep sept', 'oktober okt', 'november nov', 'dezember dez'],
  ['janvier janv', 'fevrier fevr fev', 'mars', 'avril avr', 'mai', 'juin', 'juillet juil', 'aout', 'septembre sept', 'octobre oct', 'novembre nov', 'decembre dec'],
  ['enero ene', 'febrero feb', 'marzo mar', 'abril abr', 'mayo may', 'junio jun', 'julio jul', 'agosto ago', 'septiembre setiembre sep sept set', 'octubre oct', 'noviembre nov', 'diciembre dic'],
  ['janeiro jan', 'fevereiro fev', 'marco mar', 'abril abr', 'maio mai', 'junho jun', 'julho jul', 'agosto ago', 'setembro set', 'outubro out', 'novembro nov', 'dezembro dez'],
  ['styczen stycznia sty', 'luty lutego lut', 'marzec marca mar', 'kwiecien kwietnia kwi', 'maj maja', 'czerwiec czerwca cze', 'lipiec lipca lip', 'sierpien sierpnia sie', 'wrzesien wrzesnia wrz', 'pazdziernik pazdziernika paz', 'listopad listopada lis', 'grudzien grudnia gru'],
]
const MONTH_BY_NAME = new Map<string, number>()
for (const language of OTHER_MONTHS) {
  language.forEach((names, i) => {
    for (const name of names.split(' ')) if (!MONTH_BY_NAME.has(foldForSearch(name))) MONTH_BY_NAME.set(foldForSearch(name), i + 1)
  })
}

function monthFromName(name: string): number | null {
  const lower = foldForSearch(name)
  if (lower.length < 3) return null
  const other = MONTH_BY_NAME.get(lower)
  if (other !== undefined) return other
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
  // "14 March 1980", "14. März 1980", "1er janvier 1980", "14 de marzo de 1980", "14-Mar-80".
  m = /^(\d{1,2})(?:st|nd|rd|th|er|\.)?[\s-]+(?:de\s+)?(\p{L}+)\.?,?[\s-]+(?:de\s+)?(\d{4}|\d{2})$/u.exec(text)
  if (m) {
    const month = monthFromName(m[2]!)
    return month ? isoIfReal(fullYear(m[3]!, today), month, Number(m[1])) : null
  }
  m = /^(\p{L}+)\.?[\s-]+(\d{1,2})(?:st|nd|rd|th)?,?[\s-]+(\d{4}|\d{2})$/u.exec(text)
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

/** 'MM-DD' when the month has such a day (29 February counts: some years have it), otherwise null. */
function monthDayIfReal(month: number, day: number): string | null {
  return isoIfReal(2000, month, day)?.slice(5) ?? null
}

/**
 * A birthday written without its year, as contacts and church programs keep one when the person gave none:
 * "--06-23" (vCard and Google), "3-14" or "14/3" (by `order`, or the only way it can be read), "14 March",
 * "March 14th". Returns 'MM-DD', or null when the text is not a day of the year. No year is ever supplied.
 */
export function parseMonthDay(raw: string, order: DateOrder): string | null {
  const text = raw.trim()
  let m = /^--(\d{2})-?(\d{2})$/.exec(text)
  if (m) return monthDayIfReal(Number(m[1]), Number(m[2]))
  m = /^(\d{1,2})[-/.](\d{1,2})\.?$/.exec(text)
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])]
    const asOrdered = order === 'dmy' ? monthDayIfReal(b, a) : monthDayIfReal(a, b)
    return asOrdered ?? (order === 'dmy' ? monthDayIfReal(a, b) : monthDayIfReal(b, a))
  }
  m = /^(\d{1,2})(?:st|nd|rd|th|er|\.)?[\s-]+(?:de\s+)?(\p{L}+)\.?$/u.exec(text)
  if (m) {
    const month = monthFromName(m[2]!)
    return month ? monthDayIfReal(month, Number(m[1])) : null
  }
  m = /^(\p{L}+)\.?[\s-]+(\d{1,2})(?:st|nd|rd|th)?$/u.exec(text)
  if (m) {
    const month = monthFromName(m[1]!)
    return month ? monthDayIfReal(month, Number(m[2])) : null
  }
  return null
}
