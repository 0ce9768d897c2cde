import { describe, expect, it } from 'vitest'
import { addDays } from '../../main/contract/days'
import { rangeDays } from '../../main/reach/range'

describe('call-list ranges', () => {
  it('works out tomorrow, this week (from today to Sunday), next week and the next 7 days', () => {
    const wednesday = '2026-03-04'
    expect(rangeDays({ preset: 'today' }, wednesday)).toEqual({ from: wednesday, to: wednesday })
    expect(rangeDays({ preset: 'tomorrow' }, wednesday)).toEqual({ from: '2026-03-05', to: '2026-03-05' })
    expect(rangeDays({ preset: 'thisWeek' }, wednesday)).toEqual({ from: wednesday, to: '2026-03-08' })
    expect(rangeDays({ preset: 'nextWeek' }, wednesday)).toEqual({ from: '2026-03-09', to: '2026-03-15' })
    expect(rangeDays({ preset: 'next7Days' }, wednesday)).toEqual({ from: wednesday, to: '2026-03-10' })
  })
  it('on a Sunday "this week" is just today and "next week" starts tomorrow', () => {
    expect(rangeDays({ preset: 'thisWeek' }, '2026-03-08')).toEqual({ from: '2026-03-08', to: '2026-03-08' })
    expect(rangeDays({ preset: 'nextWeek' }, '2026-03-08')).toEqual({ from: '2026-03-09', to: '2026-03-15' })
  })
  it('crosses month and year ends, leap days and clock changes by whole days', () => {
    expect(rangeDays({ preset: 'tomorrow' }, '2028-02-28')).toEqual({ from: '2028-02-29', to: '2028-02-29' })
    expect(rangeDays({ preset: 'tomorrow' }, '2027-02-28')).toEqual({ from: '2027-03-01', to: '2027-03-01' })
    expect(rangeDays({ preset: 'nextWeek' }, '2026-12-30')).toEqual({ from: '2027-01-04', to: '2027-01-10' })
    expect(rangeDays({ preset: 'next7Days' }, '2026-03-27')).toEqual({ from: '2026-03-27', to: '2026-04-02' })
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26')
  })
  it('keeps a range chosen by hand as it is', () => {
    expect(rangeDays({ from: '2026-03-01', to: '2026-03-31' }, '2026-01-01')).toEqual({ from: '2026-03-01', to: '2026-03-31' })
  })
})
