import { describe, expect, it } from 'vitest'
import { firstDayFromTable, firstDayOfWeek, weekendDays } from '../../main/contract/i18n/week'

describe('the first day of the week', () => {
  it('follows the language and its region: Monday in Germany and Poland, Sunday in the US and Brazil, Saturday in Egypt', () => {
    expect(firstDayOfWeek('de')).toBe(1)
    expect(firstDayOfWeek('pl')).toBe(1)
    expect(firstDayOfWeek('fr')).toBe(1)
    expect(firstDayOfWeek('en-US')).toBe(7)
    expect(firstDayOfWeek('pt')).toBe(7)
    expect(firstDayOfWeek('ar')).toBe(6)
    expect(firstDayOfWeek('ar-EG')).toBe(6)
    expect(firstDayOfWeek('ar-MA')).toBe(1)
  })

  it('the fallback table agrees with Intl wherever the runtime knows the week', () => {
    const locales = ['de', 'de-CH', 'fr', 'fr-CA', 'es', 'es-MX', 'pt', 'pt-PT', 'pl', 'ar', 'ar-SA', 'ar-AE', 'ar-MA', 'en-GB', 'en-US', 'en-CA', 'he', 'ja']
    for (const locale of locales) {
      const info = new Intl.Locale(locale) as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } }
      const known = info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay
      if (known !== undefined) expect(firstDayFromTable(locale), locale).toBe(known)
    }
    expect(firstDayFromTable('de_AT')).toBe(1)
    expect(firstDayFromTable('xx')).toBe(1)
  })

  it('a locale Intl cannot read starts on Monday', () => {
    expect(firstDayOfWeek('not a locale')).toBe(1)
  })

  it('the weekend is Saturday and Sunday, or Friday and Saturday where the week starts on Saturday', () => {
    expect(weekendDays('de')).toEqual([6, 7])
    expect(weekendDays('ar-EG')).toEqual([5, 6])
    expect(weekendDays('not a locale')).toEqual([6, 7])
  })
})
