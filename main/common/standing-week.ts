import { DateTime } from 'luxon'
import type { StandingClock, StandingPerson, StandingSlot } from '../contract/standing-hours'
import { ENGLISH_LOCALE } from '../contract/errors'
import { say } from '../i18n/say'
import type { Holder, StandingException, StandingHour } from '../../db/standing-hours'

/**
 * Standing hours: a weekly pattern with no end, its holders and its exceptions on dates. Nothing is stored per week;
 * any stretch of dates is worked out from these three lists when asked for. occurrences() is the pure computation;
 * main/common/read-standing.ts fetches the three lists from db/standing-hours.ts and hands them to it.
 */

export interface StandingPattern {
  slotMinutes: number
  peoplePerSlot: number
  zone: string
  hours: readonly StandingHour[]
  holders: readonly Holder[]
  exceptions: readonly StandingException[]
}


/**
 * One slot on one date, as the screen gets it less the clock change in words (worded for the volunteer's language
 * afterwards). Its clock is what a clock change does to it: 'skipped' when the clocks jump over it (the slot does
 * not happen that night), 'shorter' when they jump over part of it, 'longer' when they go back during it (its local
 * times happen twice, and whoever is there keeps watch through both). startsAt/endsAt of a skipped slot are the
 * moment the clocks jumped.
 */
export type Occurrence = Omit<StandingSlot, 'clockNote'>

export const MINUTES_PER_DAY = 24 * 60

function hhmm(minute: number): string {
  const m = minute % MINUTES_PER_DAY
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
}

/** The first instant at or after `from` whose offset is `offset`, searched to the minute up to `to`. */
function firstWithOffset(from: DateTime, to: DateTime, offset: number): DateTime {
  let lo = from.toMillis()
  let hi = to.toMillis()
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000
    if (DateTime.fromMillis(mid, { zone: from.zone }).offset === offset) hi = mid
    else lo = mid
  }
  return DateTime.fromMillis(hi, { zone: from.zone })
}

/**
 * The instant a local date and minute of the day names. When the clocks go back the same local time happens twice:
 * this gives the first, so a slot starts when its time first comes round. `exists` is false for a time the clocks
 * jump over; the instant is then the moment of the jump, so every time inside the jump names the same instant.
 */
export function wallInstant(date: string, minute: number, zone: string): { at: DateTime; exists: boolean } {
  const day = DateTime.fromISO(date, { zone: 'UTC' }).plus({ days: Math.floor(minute / MINUTES_PER_DAY) })
  const m = minute % MINUTES_PER_DAY
  const wanted = { year: day.year, month: day.month, day: day.day, hour: Math.floor(m / 60), minute: m % 60 }
  const at = DateTime.fromObject(wanted, { zone })
  const exists = at.hour === wanted.hour && at.minute === wanted.minute && at.day === wanted.day
  const before = at.minus({ hours: 3 })
  if (!exists) return { at: firstWithOffset(before, at, at.offset), exists }
  if (before.offset > at.offset) {
    const earlier = at.minus({ minutes: before.offset - at.offset })
    if (earlier.hour === at.hour && earlier.minute === at.minute && earlier.day === at.day) return { at: earlier, exists }
  }
  return { at, exists }
}

const DAY_MS = 86_400_000

/** '2026-03-08T07:00:00Z', the same shape as the rest of Hearth's stored instants. */
function isoInstant(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z')
}

function weekdayOf(date: string): number {
  return DateTime.fromISO(date).weekday
}

function eachDate(from: string, to: string): string[] {
  const out: string[] = []
  for (let d = DateTime.fromISO(from); d.toISODate()! <= to; d = d.plus({ days: 1 })) out.push(d.toISODate()!)
  return out
}

/** Whether a holder keeps the hour on a date. */
export function holds(h: Pick<Holder, 'fromDate' | 'untilDate'>, date: string): boolean {
  return h.fromDate <= date && (h.untilDate === null || date <= h.untilDate)
}

/**
 * Every slot of the pattern on each date from `from` to `to` (inclusive), in time order, with who comes and what
 * is missing. Linear in dates × slots of the week plus the holders and exceptions.
 */
export function occurrences(p: StandingPattern, from: string, to: string): Occurrence[] {
  const hoursByDay = new Map<number, StandingHour[]>()
  for (const h of [...p.hours].sort((a, b) => a.startMinute - b.startMinute)) hoursByDay.set(h.weekday, [...(hoursByDay.get(h.weekday) ?? []), h])
  const holdersByHour = new Map<number, Holder[]>()
  for (const h of p.holders) holdersByHour.set(h.hourId, [...(holdersByHour.get(h.hourId) ?? []), h])
  const exceptionsOn = new Map<string, StandingException[]>()
  for (const e of p.exceptions) if (e.date >= from && e.date <= to) exceptionsOn.set(e.date, [...(exceptionsOn.get(e.date) ?? []), e])
  const out: Occurrence[] = []
  for (const date of eachDate(from, to)) {
    const weekday = weekdayOf(date)
    const todays = exceptionsOn.get(date) ?? []
    const dayClosed = todays.find((e) => e.kind === 'closed' && e.hourId === null)
    const dayHours = hoursByDay.get(weekday) ?? []
    // Most days the clocks do not change: local midnight to the next is 24 hours and every slot is plain arithmetic.
    // Only on a change day (or the day after, for a slot ending at midnight) is each time looked up in the zone.
    const midnight = dayHours.length ? wallInstant(date, 0, p.zone) : null
    const plain = midnight !== null && midnight.exists && wallInstant(date, 2 * MINUTES_PER_DAY, p.zone).at.toMillis() - midnight.at.toMillis() === 2 * DAY_MS
    for (const hour of dayHours) {
      const startMs = plain ? midnight.at.toMillis() + hour.startMinute * 60_000 : wallInstant(date, hour.startMinute, p.zone).at.toMillis()
      const endMs = plain ? startMs + p.slotMinutes * 60_000 : wallInstant(date, hour.startMinute + p.slotMinutes, p.zone).at.toMillis()
      const minutes = Math.max(0, (endMs - startMs) / 60_000)
      const clock: StandingClock = minutes === 0 ? 'skipped' : minutes < p.slotMinutes ? 'shorter' : minutes > p.slotMinutes ? 'longer' : 'none'
      const here = todays.filter((e) => e.hourId === hour.id)
      const closedBy = dayClosed ?? here.find((e) => e.kind === 'closed')
      const people: StandingPerson[] = []
      const needsSubstitute: Occurrence['needsSubstitute'] = []
      for (const h of holdersByHour.get(hour.id) ?? []) {
        if (!holds(h, date)) continue
        const away = here.find((e) => e.kind === 'away' && e.holderId === h.id)
        if (!away) people.push({ personId: h.personId, name: h.name, role: 'holder', holderId: h.id, exceptionId: null })
        else if (away.personId !== null) people.push({ personId: away.personId, name: away.personName ?? '', role: 'substitute', holderId: h.id, exceptionId: away.id })
        else needsSubstitute.push({ holderId: h.id, personId: h.personId, name: h.name, exceptionId: away.id })
      }
      for (const e of here) {
        if (e.kind === 'extra' && e.personId !== null) people.push({ personId: e.personId, name: e.personName ?? '', role: 'extra', holderId: null, exceptionId: e.id })
      }
      const off = closedBy !== undefined || clock === 'skipped'
      out.push({
        hourId: hour.id,
        date,
        weekday,
        localStart: hhmm(hour.startMinute),
        localEnd: hhmm(hour.startMinute + p.slotMinutes),
        startsAt: isoInstant(startMs),
        endsAt: isoInstant(endMs),
        minutes,
        clock,
        closed: closedBy !== undefined,
        closedNote: closedBy?.note ?? null,
        closedBy: closedBy?.id ?? null,
        people,
        needsSubstitute: off ? [] : needsSubstitute,
        missing: off ? 0 : Math.max(0, p.peoplePerSlot - people.length),
      })
    }
  }
  return out
}

/** A plain sentence for a slot the clocks change, in the catalog's words (the screens word it with the same ids). */
export function clockNote(o: Pick<Occurrence, 'clock' | 'localStart' | 'localEnd' | 'minutes'>, locale = ENGLISH_LOCALE): string | null {
  if (o.clock === 'none') return null
  return say(locale, `standing.clock.${o.clock}`, { start: o.localStart, end: o.localEnd, minutes: o.minutes })
}

export function toStandingSlot(o: Occurrence): StandingSlot {
  return { ...o, clockNote: clockNote(o) }
}
