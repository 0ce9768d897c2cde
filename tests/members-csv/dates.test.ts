import { describe, expect, it } from 'vitest'
import { dateOrderForLocale, guessDateOrder, isoIfReal, parseSpreadsheetDate } from '../../main/members-csv/dates'

const TODAY = '2026-11-25'
const read = (raw: string, order: 'dmy' | 'mdy' = 'dmy') => parseSpreadsheetDate(raw, order, TODAY)

describe('reading dates as spreadsheets write them', () => {
  it('reads ISO dates, with slashes, and with a time of day after them', () => {
    expect(read('1980-03-14')).toBe('1980-03-14')
    expect(read('1980/3/4')).toBe('1980-03-04')
    expect(read('1980-03-14 00:00:00')).toBe('1980-03-14')
    expect(read('1980-03-14T00:00:00Z')).toBe('1980-03-14')
    expect(read(' 1980.03.14 ')).toBe('1980-03-14')
  })

  it('reads day-first and month-first numbers as the volunteer chose', () => {
    expect(read('03/04/1980', 'dmy')).toBe('1980-04-03')
    expect(read('03/04/1980', 'mdy')).toBe('1980-03-04')
    expect(read('14.03.1980', 'dmy')).toBe('1980-03-14')
    expect(read('14-03-1980', 'dmy')).toBe('1980-03-14')
    // Month 14 does not exist.
    expect(read('03/14/1980', 'dmy')).toBeNull()
  })

  it('reads month names in either order', () => {
    expect(read('14 March 1980')).toBe('1980-03-14')
    expect(read('March 14, 1980')).toBe('1980-03-14')
    expect(read('Sept 1st, 1999')).toBe('1999-09-01')
    expect(read('14-Mar-1980')).toBe('1980-03-14')
    expect(read('1 Smarch 1980')).toBeNull()
  })

  it('takes two-digit years as the latest year that is not in the future', () => {
    expect(read('01/02/25')).toBe('2025-02-01')
    expect(read('01/02/26')).toBe('2026-02-01')
    expect(read('01/02/27')).toBe('1927-02-01')
    expect(read('14-Mar-80')).toBe('1980-03-14')
    expect(parseSpreadsheetDate('01/01/00', 'dmy', '2000-06-01')).toBe('2000-01-01')
    expect(parseSpreadsheetDate('01/01/99', 'dmy', '2000-06-01')).toBe('1999-01-01')
  })

  it('knows leap days and month ends', () => {
    expect(read('29/02/2024')).toBe('2024-02-29')
    expect(read('29/02/2023')).toBeNull()
    expect(read('2000-02-29')).toBe('2000-02-29')
    expect(read('1900-02-29')).toBeNull()
    expect(read('31/04/1990')).toBeNull()
    expect(read('31/12/1999')).toBe('1999-12-31')
    expect(read('1999-12-32')).toBeNull()
    expect(isoIfReal(2024, 13, 1)).toBeNull()
    expect(isoIfReal(2024, 0, 1)).toBeNull()
  })

  it('refuses what is not a date', () => {
    for (const raw of ['', 'soon', '1980', '14/03', '12345', '1980-3', '00/00/0000']) expect(read(raw), raw).toBeNull()
  })
})

describe('guessing whether the day or the month comes first', () => {
  it('lets the data decide when a day is above 12', () => {
    expect(guessDateOrder(['03/04/1980', '25/12/1975'], 'en-US')).toEqual({ order: 'dmy', fromData: true })
    expect(guessDateOrder(['03/04/1980', '12/25/1975'], 'en-GB')).toEqual({ order: 'mdy', fromData: true })
  })

  it('falls back to the language when the dates are ambiguous or contradict each other', () => {
    expect(guessDateOrder(['03/04/1980', '1980-05-06', ''], 'en-US')).toEqual({ order: 'mdy', fromData: false })
    expect(guessDateOrder(['03/04/1980'], 'en-GB')).toEqual({ order: 'dmy', fromData: false })
    expect(guessDateOrder(['25/12/1975', '12/25/1975'], 'fr-FR')).toEqual({ order: 'dmy', fromData: false })
  })

  it('knows which regions write the month first', () => {
    expect(dateOrderForLocale('en-US')).toBe('mdy')
    expect(dateOrderForLocale('en')).toBe('mdy')
    expect(dateOrderForLocale('en-PH')).toBe('mdy')
    expect(dateOrderForLocale('en-GB')).toBe('dmy')
    expect(dateOrderForLocale('es-MX')).toBe('dmy')
    expect(dateOrderForLocale('de')).toBe('dmy')
    expect(dateOrderForLocale('not a locale!')).toBe('dmy')
  })
})
