import { describe, expect, it } from 'vitest'
import { numericDateFormat, parseTypedDate } from '../../renderer/i18n/dates'

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
