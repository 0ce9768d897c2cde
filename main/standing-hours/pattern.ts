import type { PoolRow } from '../../db/standing-hours'
import { HearthError } from '../contract/errors'
import type { Said } from '../i18n/said'
import { type Occurrence, MINUTES_PER_DAY } from '../common/standing-week'
import type { WeekTime } from '../common/rotation'
import { minuteOfDay } from '../common/week-times'

// The weekly pattern of standing hours as values: the hours a new schedule's form asks for, and what a substitute
// pool member's offered times allow.

/** One slot of the week: ISO weekday and minute of the day it starts. */
export interface PatternHour {
  weekday: number
  startMinute: number
}

/**
 * The slots from `fromTime` to `toTime` on each weekday, one every `slotMinutes`; refused, with the field to
 * correct, when the start is off the slot grid, the end is not after the start, or the stretch does not divide.
 */
export function patternHours(input: { weekdays: readonly number[]; fromTime: string; toTime: string; slotMinutes: number }): PatternHour[] {
  const start = minuteOfDay(input.fromTime)
  const end = input.toTime === '00:00' ? MINUTES_PER_DAY : minuteOfDay(input.toTime)
  if (start % input.slotMinutes !== 0) {
    const id = input.slotMinutes === 60 ? 'errors.standing.onTheHour' : 'errors.standing.onTheHalfHour'
    throw new HearthError('invalid_input', id, undefined, { fromTime: id })
  }
  if (end <= start) {
    throw new HearthError('invalid_input', 'errors.standing.endAfterStart', undefined, { toTime: 'errors.standing.endAfterStart' })
  }
  if ((end - start) % input.slotMinutes !== 0) {
    const said: Said = { id: 'errors.standing.uneven', values: { from: input.fromTime, to: input.toTime, minutes: input.slotMinutes } }
    throw new HearthError('invalid_input', said.id, said.values, { toTime: said })
  }
  return [...new Set(input.weekdays)].sort().flatMap((weekday) => {
    const list: PatternHour[] = []
    for (let m = start; m < end; m += input.slotMinutes) list.push({ weekday, startMinute: m })
    return list
  })
}

/** Whether a pool member's times of the week take in the whole slot (by its local start and length). */
export function offersTime(times: PoolRow['times'], slot: Pick<Occurrence, 'weekday' | 'localStart'>, slotMinutes: number): boolean {
  const start = minuteOfDay(slot.localStart)
  return times.some((t) => t.weekday === slot.weekday && t.startMinute <= start && start + slotMinutes <= t.endMinute)
}

/** Outside the times they offer is impossible for them: the complement of their offered stretches in the week. */
export function outsideOffered(p: Pick<PoolRow, 'personId' | 'times'>): WeekTime[] {
  const offered = p.times.map((t) => [(t.weekday - 1) * MINUTES_PER_DAY + t.startMinute, (t.weekday - 1) * MINUTES_PER_DAY + t.endMinute] as const).sort((a, b) => a[0] - b[0])
  const gaps: WeekTime[] = []
  let at = 0
  for (const [a, b] of offered) {
    if (a > at) gaps.push({ personId: p.personId, kind: 'impossible', start: at, end: a })
    at = Math.max(at, b)
  }
  if (at < 7 * MINUTES_PER_DAY) gaps.push({ personId: p.personId, kind: 'impossible', start: at, end: 7 * MINUTES_PER_DAY })
  return gaps
}

/** Stand-in turns per person: in the month starting `monthStart`, and in it plus the three months before. */
export function countTurns(turns: readonly { personId: number; date: string }[], monthStart: string): { asked: Map<number, number>; thisMonth: Map<number, number> } {
  const asked = new Map<number, number>()
  const thisMonth = new Map<number, number>()
  for (const t of turns) {
    asked.set(t.personId, (asked.get(t.personId) ?? 0) + 1)
    if (t.date >= monthStart) thisMonth.set(t.personId, (thisMonth.get(t.personId) ?? 0) + 1)
  }
  return { asked, thisMonth }
}
