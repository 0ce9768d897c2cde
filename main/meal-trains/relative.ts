import { addDays } from '../contract/days'
import { dayNumber } from '../contract/meal-trains'

// A calendar planned before its date is known is stored from a placeholder Day 1; setting the real date (or moving
// it later) slides the whole calendar, sign-ups included, by the same number of days, so Day 3's driver stays on
// Day 3.

export interface DayOneMove {
  startsOn: string
  endsOn: string
  /** Days every date moves by (negative when Day 1 moves earlier). */
  delta: number
  /**
   * Each sign-up's new date, in an order that never lands one on a slot another still holds: the latest first when
   * moving later, the earliest first when moving earlier.
   */
  moves: { id: number; date: string }[]
}

export function moveDayOne(span: { startsOn: string; endsOn: string }, signups: readonly { id: number; date: string }[], dayOne: string): DayOneMove {
  const delta = dayNumber(dayOne, span.startsOn) - 1
  const startsOn = addDays(span.startsOn, delta)
  const endsOn = addDays(span.endsOn, delta)
  if (delta === 0) return { startsOn, endsOn, delta, moves: [] }
  const order = [...signups].sort((a, b) => (delta > 0 ? b.date.localeCompare(a.date) : a.date.localeCompare(b.date)) || a.id - b.id)
  return { startsOn, endsOn, delta, moves: order.map((s) => ({ id: s.id, date: addDays(s.date, delta) })) }
}
