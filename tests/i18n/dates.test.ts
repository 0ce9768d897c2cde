import { describe, expect, it } from 'vitest'
import { formatTypedDate, numericDateFormat, parseTypedDate, readTypedDate } from '../../renderer/i18n/dates'
import { joinItems } from '../../renderer/i18n/lists'

describe('dates typed in the language of the screens', () => {
  it('are shown in the language’s order of day, month and year', () => {
    expect(numericDateFormat('de')).toBe('DD[.]MM[.]YYYY')
    expect(numericDateFormat('en-GB')).toBe('DD[/]MM[/]YYYY')
    expect(numericDateFormat('en-US')).toBe('MM[/]DD[/]YYYY')
    expect(numericDateFormat('pl')).toBe('DD[.]MM[.]YYYY')
    expect(numericDateFormat('ar')).toMatch(/^DD\[.\]MM\[.\]YYYY$/)
  })

  it('are read in that order, or as YYYY-MM-DD, and stored as YYYY-MM-DD', () => {
    expect(parseTypedDate('27.03.2026', 'de')).toBe('2026-03-27')
    expect(parseTypedDate('3.4.26', 'de')).toBe('2026-04-03')
    expect(parseTypedDate('03/04/2026', 'en-US')).toBe('2026-03-04')
    expect(parseTypedDate('03/04/2026', 'fr')).toBe('2026-04-03')
    expect(parseTypedDate('2026-12-07', 'de')).toBe('2026-12-07')
    expect(parseTypedDate('٢٧/٠٣/٢٠٢٦', 'ar')).toBe('2026-03-27')
  })

  it('refuse what is not a day of the calendar: 29 February outside a leap year, the 31st of a short month', () => {
    expect(parseTypedDate('29.02.2028', 'de')).toBe('2028-02-29')
    expect(parseTypedDate('29.02.2027', 'de')).toBeNull()
    expect(parseTypedDate('31.04.2026', 'de')).toBeNull()
    expect(parseTypedDate('27.03', 'de')).toBeNull()
    expect(parseTypedDate('', 'de')).toBeNull()
  })
})

describe('lists written in a line', () => {
  it('keep items that hold a comma apart with the stronger separator', () => {
    expect(joinItems(['Wednesday 2 December', 'Friday 4 December'], ', ', '; ')).toBe('Wednesday 2 December, Friday 4 December')
    expect(joinItems(['miércoles, 2 de diciembre', 'viernes, 4 de diciembre'], ', ', '; ')).toBe('miércoles, 2 de diciembre; viernes, 4 de diciembre')
    expect(joinItems(['mercredi, 2 décembre', 'vendredi 4'], ', ', ' ; ')).toBe('mercredi, 2 décembre ; vendredi 4')
    expect(joinItems(['الأربعاء، ٢ ديسمبر', 'الجمعة، ٤ ديسمبر'], '، ', '؛ ')).toBe('الأربعاء، ٢ ديسمبر؛ الجمعة، ٤ ديسمبر')
    expect(joinItems(['ein', 'zwei'], ', ', '; ')).toBe('ein, zwei')
    expect(joinItems([], ', ', '; ')).toBe('')
  })
})

describe('a date box’s text', () => {
  it('shows a stored day in the language’s own order and separators', () => {
    expect(formatTypedDate('1980-02-29', 'en-GB')).toBe('29/02/1980')
    expect(formatTypedDate('1980-02-29', 'en-US')).toBe('02/29/1980')
    expect(formatTypedDate('1980-02-29', 'de')).toBe('29.02.1980')
    expect(formatTypedDate('', 'de')).toBe('')
  })

  it('reads back what it shows, in every language', () => {
    for (const locale of ['en-GB', 'en-US', 'de', 'es', 'fr', 'pl', 'pt', 'ar']) expect(readTypedDate(formatTypedDate('2026-12-31', locale), locale)).toEqual({ day: '2026-12-31' })
  })

  it('keeps text that is no day on the calendar as it was typed, and an empty box as no day', () => {
    expect(readTypedDate('31/02/1980', 'en-GB')).toEqual({ notADay: '31/02/1980' })
    expect(readTypedDate(' 2024-13-01 ', 'de')).toEqual({ notADay: '2024-13-01' })
    expect(readTypedDate('next Tuesday', 'en-GB')).toEqual({ notADay: 'next Tuesday' })
    expect(readTypedDate('   ', 'en-GB')).toEqual({ day: '' })
  })
})
