import { describe, expect, it } from 'vitest'
import { addDays } from '../../main/contract/days'
import { dayNumber, RELATIVE_EPOCH } from '../../main/contract/meal-trains'
import { moveDayOne } from '../../main/meal-trains/relative'
import { generateSlots } from '../../main/common/meal-slots'

const threeWeeks = { startsOn: RELATIVE_EPOCH, endsOn: addDays(RELATIVE_EPOCH, 20) }

/** Applies the moves one by one as the database does, failing if two sign-ups ever share a day. */
function applyInOrder(signups: { id: number; date: string }[], moves: { id: number; date: string }[]): Map<number, string> {
  const at = new Map(signups.map((s) => [s.id, s.date]))
  for (const m of moves) {
    const clash = [...at].find(([id, date]) => id !== m.id && date === m.date)
    expect(clash, `sign-up ${m.id} would land on ${m.date} while ${clash?.[0]} still holds it`).toBeUndefined()
    at.set(m.id, m.date)
  }
  return at
}

describe('Day 1, Day 2… and moving Day 1', () => {
  it('numbers days across month ends, leap days and the clocks changing', () => {
    expect(dayNumber(RELATIVE_EPOCH, RELATIVE_EPOCH)).toBe(1)
    expect(dayNumber('2026-03-01', '2026-02-28')).toBe(2)
    expect(dayNumber('2028-03-01', '2028-02-28')).toBe(3)
    expect(dayNumber('2026-03-30', '2026-03-28')).toBe(3)
    expect(dayNumber('2026-10-26', '2026-10-24')).toBe(3)
    expect(addDays('2026-01-31', 29)).toBe('2026-03-01')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
  })

  it('setting the date of the birth gives real dates and keeps every sign-up on its day number', () => {
    const signups = [
      { id: 1, date: addDays(RELATIVE_EPOCH, 0) },
      { id: 2, date: addDays(RELATIVE_EPOCH, 2) },
      { id: 3, date: addDays(RELATIVE_EPOCH, 20) },
    ]
    // The clocks go forward on Day 3 (Sunday 29 March 2026 in Europe): day numbers do not care.
    const move = moveDayOne(threeWeeks, signups, '2026-03-27')
    expect(move).toMatchObject({ startsOn: '2026-03-27', endsOn: '2026-04-16' })
    const at = applyInOrder(signups, move.moves)
    expect([...at.values()]).toEqual(['2026-03-27', '2026-03-29', '2026-04-16'])
    for (const s of signups) expect(dayNumber(at.get(s.id)!, move.startsOn)).toBe(dayNumber(s.date, threeWeeks.startsOn))
  })

  it('moving the date a day later or earlier with sign-ups on neighbouring days never puts two on one day', () => {
    const span = { startsOn: '2026-02-27', endsOn: '2026-03-05' }
    const signups = ['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02'].map((date, i) => ({ id: i + 1, date }))
    const later = moveDayOne(span, signups, '2026-02-28')
    expect([...applyInOrder(signups, later.moves).values()]).toEqual(['2026-02-28', '2026-03-01', '2026-03-02', '2026-03-03'])
    const earlier = moveDayOne(span, signups, '2026-02-26')
    expect([...applyInOrder(signups, earlier.moves).values()]).toEqual(['2026-02-26', '2026-02-27', '2026-02-28', '2026-03-01'])
    expect(earlier).toMatchObject({ startsOn: '2026-02-26', endsOn: '2026-03-04', delta: -1 })
  })

  it('a leap-year birth: the same days run through 29 February; the same date again moves nothing', () => {
    const span = { startsOn: '2027-02-27', endsOn: '2027-03-02' }
    const signups = [{ id: 7, date: '2027-03-01' }]
    const move = moveDayOne(span, signups, '2028-02-27')
    expect(move).toMatchObject({ startsOn: '2028-02-27', endsOn: '2028-03-01', moves: [{ id: 7, date: '2028-02-29' }] })
    expect(moveDayOne(span, signups, '2027-02-27')).toEqual({ ...span, delta: 0, moves: [] })
  })

  it('the slots of the moved calendar are the old slots moved by the same days', () => {
    const plan = { ...threeWeeks, weekdays: [1, 2, 3, 4, 5, 6, 7], meals: [{ meal: 'dinner' as const, from: '17:30', to: '18:30' }] }
    const move = moveDayOne(plan, [], '2026-10-20')
    const before = generateSlots(plan).map((s) => dayNumber(s.date, plan.startsOn))
    const after = generateSlots({ ...plan, startsOn: move.startsOn, endsOn: move.endsOn }).map((s) => dayNumber(s.date, move.startsOn))
    expect(after).toEqual(before)
    expect(after).toHaveLength(21)
  })
})
