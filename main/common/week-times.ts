import type { WeekTimeRow } from '../../db/standing-week-times'
import type { WeekTimeStretch } from '../contract/standing-hours'
import { overlapsWeekTime, type WeekTime } from './rotation'

const MINUTES_PER_DAY = 24 * 60

/** A stored stretch as the fill reads it: minutes from Monday 00:00 local time. */
export function toFillWeekTime(r: WeekTimeRow): WeekTime {
  const day = (r.weekday - 1) * MINUTES_PER_DAY
  return { personId: r.personId, kind: r.kind, start: day + r.startMinute, end: day + r.endMinute }
}

export function minuteOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))
}

export function timeOfMinute(minute: number): string {
  const m = minute % MINUTES_PER_DAY
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
}

/** A stretch typed on a screen as stored: '00:00' as the end is midnight at the end of the day. */
export function fromStretch(t: WeekTimeStretch): Omit<WeekTimeRow, 'personId'> {
  return { kind: t.kind, weekday: t.weekday, startMinute: minuteOfDay(t.start), endMinute: t.end === '00:00' ? MINUTES_PER_DAY : minuteOfDay(t.end) }
}

export function toStretch(r: Omit<WeekTimeRow, 'personId'>): WeekTimeStretch {
  return { kind: r.kind, weekday: r.weekday, start: timeOfMinute(r.startMinute), end: timeOfMinute(r.endMinute) }
}

/** The first preferred stretch that overlaps an impossible one, if any: a time cannot be both. */
export function contradiction(rows: readonly Omit<WeekTimeRow, 'personId'>[]): Omit<WeekTimeRow, 'personId'> | null {
  const asWeek = rows.map((r) => ({ r, w: toFillWeekTime({ ...r, personId: 0 }) }))
  for (const p of asWeek) {
    if (p.r.kind !== 'prefer') continue
    if (asWeek.some((i) => i.r.kind === 'impossible' && overlapsWeekTime(p.w.start, p.w.end - p.w.start, i.w))) return p.r
  }
  return null
}

/** Whether any of these stretches covers part of a slot starting at `week` (minute of the week) lasting `length`. */
export function atWeekTime(times: readonly WeekTime[], week: number, length: number): boolean {
  return times.some((t) => overlapsWeekTime(week, length, t))
}
