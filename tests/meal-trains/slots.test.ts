import { describe, expect, it } from 'vitest'
import { HearthError } from '../../main/contract/errors'
import { maskToWeekdays, weekdaysToMask } from '../../db/meal-trains'
import { eachDay, generateSlots, instant, type SlotPlan, slotInstants } from '../../main/common/meal-slots'

const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7]
const dinner = { meal: 'dinner' as const, from: '17:30', to: '18:30' }
const plan = (p: Partial<SlotPlan>): SlotPlan => ({ startsOn: '2026-03-02', endsOn: '2026-03-08', weekdays: ALL_DAYS, meals: [dinner], ...p })

/** The slots with their delivery windows as UTC instants in `zone`. */
const withInstants = (p: SlotPlan, zone: string) => generateSlots(p).map((slot) => ({ ...slot, ...slotInstants(slot, zone) }))

function refusal(run: () => unknown): HearthError {
  try {
    run()
  } catch (err) {
    expect(err).toBeInstanceOf(HearthError)
    return err as HearthError
  }
  throw new Error('expected a refusal')
}

describe('generateSlots', () => {
  it('makes one dinner slot per day of a week, in order', () => {
    const slots = withInstants(plan({}), 'Europe/London')
    expect(slots.map((s) => s.date)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08'])
    expect(slots.every((s) => s.meal === 'dinner' && s.from === '17:30' && s.to === '18:30')).toBe(true)
  })

  it('orders lunch before dinner whatever order the meals were given in', () => {
    const slots = generateSlots(plan({ endsOn: '2026-03-03', meals: [dinner, { meal: 'lunch', from: '12:00', to: '13:00' }] }))
    expect(slots.map((s) => `${s.date} ${s.meal}`)).toEqual(['2026-03-02 lunch', '2026-03-02 dinner', '2026-03-03 lunch', '2026-03-03 dinner'])
  })

  it('keeps only the chosen weekdays (Mon, Wed, Fri)', () => {
    const slots = generateSlots(plan({ startsOn: '2026-03-01', endsOn: '2026-03-31', weekdays: [1, 3, 5] }))
    expect(slots.map((s) => s.date)).toEqual([
      '2026-03-02', '2026-03-04', '2026-03-06', '2026-03-09', '2026-03-11', '2026-03-13', '2026-03-16', '2026-03-18',
      '2026-03-20', '2026-03-23', '2026-03-25', '2026-03-27', '2026-03-30',
    ])
  })

  it('makes a one-day train', () => {
    const slots = withInstants(plan({ startsOn: '2026-07-04', endsOn: '2026-07-04' }), 'America/New_York')
    expect(slots).toHaveLength(1)
    expect(slots[0]).toMatchObject({ date: '2026-07-04', startsAt: '2026-07-04T21:30:00Z', endsAt: '2026-07-04T22:30:00Z' })
  })

  it('makes a 90-day train with every day present once', () => {
    const slots = withInstants(plan({ startsOn: '2026-01-01', endsOn: '2026-03-31' }), 'Europe/London')
    expect(slots).toHaveLength(90)
    expect(new Set(slots.map((s) => s.date)).size).toBe(90)
    expect(slots.at(-1)?.date).toBe('2026-03-31')
  })

  it('crosses month and year ends', () => {
    const slots = withInstants(plan({ startsOn: '2026-12-30', endsOn: '2027-01-02' }), 'Europe/London')
    expect(slots.map((s) => s.date)).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02'])
    const april = generateSlots(plan({ startsOn: '2026-04-29', endsOn: '2026-05-01' }))
    expect(april.map((s) => s.date)).toEqual(['2026-04-29', '2026-04-30', '2026-05-01'])
  })

  it('includes 29 February in a leap year and not otherwise', () => {
    expect(generateSlots(plan({ startsOn: '2028-02-28', endsOn: '2028-03-01' })).map((s) => s.date)).toEqual(['2028-02-28', '2028-02-29', '2028-03-01'])
    expect(generateSlots(plan({ startsOn: '2027-02-28', endsOn: '2027-03-01' })).map((s) => s.date)).toEqual(['2027-02-28', '2027-03-01'])
    // 29 February 2028 is a Tuesday.
    expect(generateSlots(plan({ startsOn: '2028-02-26', endsOn: '2028-03-04', weekdays: [2] })).map((s) => s.date)).toEqual(['2028-02-29'])
  })

  it('keeps the wall-clock window across the spring change in Europe/London', () => {
    // Clocks go forward at 01:00 UTC on Sunday 29 March 2026.
    const slots = withInstants(plan({ startsOn: '2026-03-28', endsOn: '2026-03-30' }), 'Europe/London')
    expect(slots.map((s) => s.date)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30'])
    expect(slots.map((s) => s.startsAt)).toEqual(['2026-03-28T17:30:00Z', '2026-03-29T16:30:00Z', '2026-03-30T16:30:00Z'])
  })

  it('keeps the wall-clock window across the autumn change in Europe/London', () => {
    const slots = withInstants(plan({ startsOn: '2026-10-24', endsOn: '2026-10-26' }), 'Europe/London')
    expect(slots.map((s) => s.startsAt)).toEqual(['2026-10-24T16:30:00Z', '2026-10-25T17:30:00Z', '2026-10-26T17:30:00Z'])
  })

  it('handles both changes in America/New_York, including a window in the skipped hour', () => {
    const spring = withInstants(plan({ startsOn: '2026-03-07', endsOn: '2026-03-09' }), 'America/New_York')
    expect(spring.map((s) => s.startsAt)).toEqual(['2026-03-07T22:30:00Z', '2026-03-08T21:30:00Z', '2026-03-09T21:30:00Z'])
    const fall = withInstants(plan({ startsOn: '2026-10-31', endsOn: '2026-11-02' }), 'America/New_York')
    expect(fall.map((s) => s.startsAt)).toEqual(['2026-10-31T21:30:00Z', '2026-11-01T22:30:00Z', '2026-11-02T22:30:00Z'])
    // 02:30 does not exist on 8 March 2026 in New York: the slot stays on its day and moves forward an hour.
    const early = withInstants(plan({ startsOn: '2026-03-08', endsOn: '2026-03-08', meals: [{ meal: 'breakfast', from: '02:30', to: '03:30' }] }), 'America/New_York')
    expect(early).toHaveLength(1)
    expect(early[0]).toMatchObject({ date: '2026-03-08', startsAt: '2026-03-08T07:30:00Z', endsAt: '2026-03-08T07:30:00Z' })
  })

  it('steps whole days across clock changes whatever zone the computer is in', () => {
    const before = process.env.TZ
    try {
      for (const zone of ['Europe/London', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
        process.env.TZ = zone
        expect(eachDay('2026-03-27', '2026-04-06'), zone).toEqual([
          '2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31', '2026-04-01', '2026-04-02', '2026-04-03', '2026-04-04', '2026-04-05', '2026-04-06',
        ])
        expect(generateSlots(plan({ startsOn: '2026-10-24', endsOn: '2026-11-02', weekdays: [7] })).map((x) => x.date), zone).toEqual(['2026-10-25', '2026-11-01'])
      }
    } finally {
      if (before === undefined) delete process.env.TZ
      else process.env.TZ = before
    }
  })

  it('refuses an end before the start, naming the field', () => {
    const err = refusal(() => generateSlots(plan({ startsOn: '2026-03-10', endsOn: '2026-03-09' })))
    expect(err.message).toBe('The last day is before the first day.')
    expect(err.fields).toEqual({ endsOn: 'Choose a last day on or after the first day.' })
  })

  it('refuses no weekdays, weekdays that never fall in the dates, and no meals', () => {
    expect(refusal(() => generateSlots(plan({ weekdays: [] }))).message).toBe('Choose at least one day of the week.')
    expect(refusal(() => generateSlots(plan({ startsOn: '2026-03-02', endsOn: '2026-03-03', weekdays: [6, 7] }))).message).toMatch(/None of the chosen weekdays/)
    expect(refusal(() => generateSlots(plan({ meals: [] }))).message).toBe('Choose at least one meal.')
    expect(refusal(() => generateSlots(plan({ weekdays: [0] }))).fields).toEqual({ weekdays: 'Choose days from Monday to Sunday.' })
  })

  it('refuses a window that ends before it starts, a meal listed twice and a train over a year long', () => {
    expect(refusal(() => generateSlots(plan({ meals: [{ meal: 'dinner', from: '19:00', to: '18:00' }] }))).message).toMatch(/window ends before it starts/)
    expect(refusal(() => generateSlots(plan({ meals: [dinner, dinner] }))).message).toBe('Dinner is listed twice.')
    expect(refusal(() => generateSlots(plan({ startsOn: '2026-01-01', endsOn: '2027-01-02' }))).message).toMatch(/at most 366 days/)
    expect(generateSlots(plan({ startsOn: '2028-01-01', endsOn: '2028-12-31', weekdays: [1] }))).toHaveLength(52)
  })

  it('refuses an unknown time zone plainly', () => {
    expect(refusal(() => instant('2026-03-02', '18:00', 'Mars/Olympus')).message).toBe('"Mars/Olympus" is not a time zone Hearth knows.')
  })
})

describe('weekday masks', () => {
  it('round-trips every weekday set', () => {
    for (let mask = 1; mask < 128; mask++) expect(weekdaysToMask(maskToWeekdays(mask))).toBe(mask)
    expect(weekdaysToMask([1, 7])).toBe(0b1000001)
  })
})
