import { describe, expect, it } from 'vitest'
import { formatDay, formatDayRange, formatTime, formatTimeRange } from '../../main/print/engine/dates'

describe('printed dates and times', () => {
  it('prints the stored calendar day whatever the computer’s time zone', () => {
    // A day must never slip to the day before in a zone west of UTC, nor after in one east of it.
    expect(formatDay('2026-03-29', 'en-GB')).toBe('Sun 29 Mar') // Europe/London goes to summer time that night
    expect(formatDay('2026-11-01', 'en-US')).toBe('Sun, Nov 1') // America/New_York goes back that night
    expect(formatDay('2028-02-29', 'en-GB')).toBe('Tue 29 Feb')
    expect(formatDay('2026-12-31', 'en-GB')).toBe('Thu 31 Dec')
    expect(formatDay('2027-01-01', 'de-DE')).toBe('Fr., 1. Jan.')
  })

  it('prints ranges across months and years', () => {
    expect(formatDayRange('2026-03-03', '2026-05-30', 'en-GB')).toBe('3 March – 30 May 2026')
    expect(formatDayRange('2026-12-28', '2027-01-03', 'en-GB')).toBe('28 December 2026 – 3 January 2027')
    expect(formatDayRange('2028-02-28', '2028-03-01', 'en-US')).toBe('February 28 – March 1, 2028')
    expect(formatDayRange('2026-03-03', '2026-03-03', 'en-GB')).toBe('3 March 2026')
  })

  it('prints times of day in the locale’s clock', () => {
    expect(formatTime('17:30', 'en-GB')).toBe('17:30')
    expect(formatTime('17:30', 'en-US')).toBe('5:30 PM')
    expect(formatTime('00:05', 'en-GB')).toBe('00:05')
    expect(formatTimeRange('22:00', '01:00', 'en-GB')).toBe('22:00–01:00')
  })
})
