import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { HearthError } from '../../main/contract/errors'
import { movedSlot, recurrenceRule, recurringSlots, VIGIL_MAX_HOURS, vigilSlots } from '../../main/common/prayer-slots'

const hoursBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 3_600_000

function expectContinuous(slots: { startsAt: string; endsAt: string }[], minutes: number) {
  for (const [i, s] of slots.entries()) {
    expect(hoursBetween(s.startsAt, s.endsAt) * 60).toBe(minutes)
    if (i > 0) expect(s.startsAt).toBe(slots[i - 1]!.endsAt)
  }
  expect(new Set(slots.map((s) => s.startsAt)).size).toBe(slots.length)
}

describe('vigil slots across clock changes', () => {
  it('London spring forward: 24 real hours, no duplicated hour, the local 01:00 never appears', () => {
    const slots = vigilSlots({ startDate: '2026-03-28', startTime: '20:00', hours: 24, slotMinutes: 60, zone: 'Europe/London' })
    expect(slots).toHaveLength(24)
    expectContinuous(slots, 60)
    expect(hoursBetween(slots[0]!.startsAt, slots.at(-1)!.endsAt)).toBe(24)
    expect(slots.map((s) => s.localStart)).not.toContain('01:00')
    expect(slots.slice(3, 6).map((s) => `${s.localStart}-${s.localEnd}`)).toEqual(['23:00-00:00', '00:00-02:00', '02:00-03:00'])
    // 24 real hours after 20:00 GMT is 21:00 BST the next day.
    expect(slots.at(-1)!.localEnd).toBe('21:00')
    expect(slots.at(-1)!.localDate).toBe('2026-03-29')
  })

  it('London fall back: 24 real hours with the local 01:00 labelled twice', () => {
    const slots = vigilSlots({ startDate: '2026-10-24', startTime: '20:00', hours: 24, slotMinutes: 60, zone: 'Europe/London' })
    expect(slots).toHaveLength(24)
    expectContinuous(slots, 60)
    expect(slots.filter((s) => s.localStart === '01:00')).toHaveLength(2)
    expect(slots.at(-1)!.localEnd).toBe('19:00')
  })

  it('New York spring forward and fall back with 30-minute slots', () => {
    const spring = vigilSlots({ startDate: '2026-03-07', startTime: '22:00', hours: 12, slotMinutes: 30, zone: 'America/New_York' })
    expect(spring).toHaveLength(24)
    expectContinuous(spring, 30)
    expect(spring.map((s) => s.localStart)).not.toContain('02:00')
    expect(spring.map((s) => s.localStart)).not.toContain('02:30')
    expect(spring.at(-1)!.localEnd).toBe('11:00')
    const fall = vigilSlots({ startDate: '2026-10-31', startTime: '22:00', hours: 12, slotMinutes: 30, zone: 'America/New_York' })
    expect(fall).toHaveLength(24)
    expectContinuous(fall, 30)
    expect(fall.filter((s) => s.localStart === '01:30')).toHaveLength(2)
    expect(fall.at(-1)!.localEnd).toBe('09:00')
  })

  it('a week of one-hour slots across a month end and a leap day', () => {
    const slots = vigilSlots({ startDate: '2028-02-26', startTime: '00:00', hours: 7 * 24, slotMinutes: 60, zone: 'Europe/London' })
    expect(slots).toHaveLength(168)
    expect(slots.some((s) => s.localDate === '2028-02-29')).toBe(true)
    expect(slots.at(-1)!.localDate).toBe('2028-03-03')
    expect(new Set(slots.map((s) => s.localDate)).size).toBe(7)
  })

  it('refuses zero-length and too-short slots, a zero-length vigil, and beyond the bound', () => {
    const base = { startDate: '2026-05-01', startTime: '09:00', zone: 'Europe/London' }
    expect(() => vigilSlots({ ...base, hours: 24, slotMinutes: 0 })).toThrow(HearthError)
    expect(() => vigilSlots({ ...base, hours: 24, slotMinutes: 2 })).toThrow(/at least 5 minutes/)
    expect(() => vigilSlots({ ...base, hours: 0, slotMinutes: 60 })).toThrow(/enter how many hours/)
    expect(() => vigilSlots({ ...base, hours: VIGIL_MAX_HOURS + 1, slotMinutes: 60 })).toThrow(/at most 31 days/)
    expect(vigilSlots({ ...base, hours: VIGIL_MAX_HOURS, slotMinutes: 30 })).toHaveLength(1488)
    expect(() => vigilSlots({ ...base, hours: VIGIL_MAX_HOURS, slotMinutes: 15 })).toThrow(/at most 1500/)
    expect(() => vigilSlots({ ...base, hours: 1, slotMinutes: 25 })).toThrow(/split evenly/)
  })

  it('refuses a start time the clocks skip', () => {
    expect(() => vigilSlots({ startDate: '2026-03-29', startTime: '01:30', hours: 2, slotMinutes: 60, zone: 'Europe/London' })).toThrow(/clocks go forward/)
  })
})

describe('recurring meetings with rrule', () => {
  it('every Tuesday 19:00–20:00 stays at 19:00 local across both clock changes', () => {
    const slots = recurringSlots({
      recurrence: { kind: 'weekly', weekdays: [2], interval: 1 },
      startDate: '2026-03-01',
      untilDate: '2026-11-30',
      time: '19:00',
      durationMinutes: 60,
      zone: 'Europe/London',
    })
    expect(slots[0]!.localDate).toBe('2026-03-03')
    expect(slots.every((s) => s.localStart === '19:00' && s.localEnd === '20:00')).toBe(true)
    expect(slots.every((s) => DateTime.fromISO(s.localDate).weekday === 2)).toBe(true)
    expect(slots.find((s) => s.localDate === '2026-03-24')!.startsAt).toBe('2026-03-24T19:00:00Z')
    expect(slots.find((s) => s.localDate === '2026-03-31')!.startsAt).toBe('2026-03-31T18:00:00Z')
    expect(slots.find((s) => s.localDate === '2026-11-03')!.startsAt).toBe('2026-11-03T19:00:00Z')
    expect(slots).toHaveLength(39)
    expect(slots.at(-1)!.localDate).toBe('2026-11-24')
  })

  it('first Sunday of each month across a year end', () => {
    const slots = recurringSlots({
      recurrence: { kind: 'monthly', nth: 1, weekday: 7 },
      startDate: '2026-10-01',
      untilDate: '2027-03-31',
      time: '10:30',
      durationMinutes: 90,
      zone: 'America/New_York',
    })
    expect(slots.map((s) => s.localDate)).toEqual(['2026-10-04', '2026-11-01', '2026-12-06', '2027-01-03', '2027-02-07', '2027-03-07'])
    expect(slots.every((s) => s.localStart === '10:30' && s.localEnd === '12:00')).toBe(true)
    expect(slots[1]!.startsAt).toBe('2026-11-01T15:30:00Z')
    expect(slots[0]!.startsAt).toBe('2026-10-04T14:30:00Z')
  })

  it('last Friday monthly, every other week, and the rule text', () => {
    const last = recurringSlots({ recurrence: { kind: 'monthly', nth: -1, weekday: 5 }, startDate: '2027-01-01', untilDate: '2027-03-31', time: '18:00', durationMinutes: 60, zone: 'Europe/London' })
    expect(last.map((s) => s.localDate)).toEqual(['2027-01-29', '2027-02-26', '2027-03-26'])
    const input = { recurrence: { kind: 'weekly' as const, weekdays: [1, 4], interval: 2 }, startDate: '2026-12-28', untilDate: '2027-01-31', time: '07:00', durationMinutes: 30, zone: 'Europe/London' }
    expect(recurringSlots(input).map((s) => s.localDate)).toEqual(['2026-12-28', '2026-12-31', '2027-01-11', '2027-01-14', '2027-01-25', '2027-01-28'])
    expect(recurrenceRule(input)).toContain('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH')
    expect(recurrenceRule(input)).toContain('TZID=Europe/London')
  })

  it('refuses zero-length meetings, reversed dates and more than two years', () => {
    const base = { recurrence: { kind: 'weekly' as const, weekdays: [7], interval: 1 }, time: '10:00', zone: 'Europe/London' }
    expect(() => recurringSlots({ ...base, startDate: '2026-01-01', untilDate: '2026-02-01', durationMinutes: 0 })).toThrow(/at least a few minutes/)
    expect(() => recurringSlots({ ...base, startDate: '2026-02-01', untilDate: '2026-01-01', durationMinutes: 60 })).toThrow(/on or after/)
    expect(() => recurringSlots({ ...base, startDate: '2026-01-01', untilDate: '2029-01-01', durationMinutes: 60 })).toThrow(/two years/)
  })
})

describe('meeting exceptions', () => {
  it('moving a meeting keeps its length and remembers which date it replaced', () => {
    const [first] = recurringSlots({ recurrence: { kind: 'weekly', weekdays: [2], interval: 1 }, startDate: '2026-03-24', untilDate: '2026-03-24', time: '19:00', durationMinutes: 75, zone: 'Europe/London' })
    const moved = movedSlot(first!, '2026-03-30', '18:30', 'Europe/London')
    expect(moved.occursAt).toBe(first!.occursAt)
    expect(moved.startsAt).toBe('2026-03-30T17:30:00Z')
    expect(moved.localEnd).toBe('19:45')
    expect(() => movedSlot(first!, '2026-03-29', '01:15', 'Europe/London')).toThrow(/clocks go forward/)
  })
})
