import { DateTime } from 'luxon'
import type { Commitment } from '../../db/commitments'
import { allStandingSchedules, type Db, type StandingRow, standingExceptions, standingHolders, standingHours, standingSchedule } from '../../db/standing-hours'
import { addDays } from '../contract/days'
import type { StandingNeeds, StandingWeek } from '../contract/standing-hours'
import { type Occurrence, occurrences, toStandingSlot } from './standing-week'

// Reads standing hours' three lists (pattern, holders, exceptions) for a stretch of dates and hands them to the
// pure occurrences(): for the standing-hours room, and for the care, call-list and print rooms that show them.

/** A schedule's slots from `from` to `to`, worked out from its pattern, holders and exceptions (nothing is stored per week). */
export async function standingSlotsBetween(db: Db, s: StandingRow, from: string, to: string): Promise<Occurrence[]> {
  return occurrences(
    {
      slotMinutes: s.slot_minutes,
      peoplePerSlot: s.people_per_slot,
      zone: s.time_zone,
      hours: await standingHours(db, s.id),
      holders: await standingHolders(db, s.id, from, to),
      exceptions: await standingExceptions(db, s.id, from, to),
    },
    from,
    to,
  )
}

/** The week (Monday to Sunday) containing `date`, for the week grid, the printed week and the sign-in sheet. */
export async function readStandingWeek(db: Db, scheduleId: number, date: string): Promise<StandingWeek | undefined> {
  const s = await standingSchedule(db, scheduleId)
  if (!s) return undefined
  const from = DateTime.fromISO(date).startOf('week').toISODate()!
  const dates = Array.from({ length: 7 }, (_, i) => addDays(from, i))
  const slots = (await standingSlotsBetween(db, s, from, dates[6]!)).map(toStandingSlot)
  return {
    id: s.id,
    circleId: s.circle_id,
    circleName: s.circle_name,
    title: s.title,
    timeZone: s.time_zone,
    slotMinutes: s.slot_minutes,
    peoplePerSlot: s.people_per_slot,
    dates,
    times: [...new Set(slots.map((o) => o.localStart))].sort(),
    slots,
    openCount: slots.filter((o) => o.missing > 0).length,
    substituteCount: slots.reduce((n, o) => n + o.needsSubstitute.length, 0),
  }
}

/** A month ('YYYY-MM') of slots still short of people or waiting for a substitute, for the screen and the printed list. */
export async function readStandingNeeds(db: Db, scheduleId: number, month: string): Promise<StandingNeeds | undefined> {
  const s = await standingSchedule(db, scheduleId)
  if (!s) return undefined
  const from = `${month}-01`
  const to = DateTime.fromISO(from).endOf('month').toISODate()!
  const slots = (await standingSlotsBetween(db, s, from, to)).filter((o) => o.missing > 0 || o.needsSubstitute.length > 0).map(toStandingSlot)
  return { title: s.title, circleName: s.circle_name, from, to, slots }
}

/**
 * Everyone due in a standing slot whose date falls in [from, to] (holders, substitutes, one-off extras), as
 * commitments, so vigils, substitutes and meal trains see a standing hour as a time the person is busy. Closed and
 * skipped slots are left out. `ref.id` is the standing schedule's id.
 */
export async function standingCommitments(db: Db, options: { personId?: number; from: string; to: string }): Promise<Commitment[]> {
  const out: Commitment[] = []
  for (const s of await allStandingSchedules(db)) {
    for (const o of await standingSlotsBetween(db, s, options.from, options.to)) {
      if (o.closed || o.clock === 'skipped') continue
      for (const p of o.people) {
        if (options.personId !== undefined && p.personId !== options.personId) continue
        out.push({
          personId: p.personId,
          kind: 'prayer',
          label: `${s.title} (${s.circle_name}), ${o.localStart}–${o.localEnd}`,
          date: o.date,
          startsAt: o.startsAt,
          endsAt: o.endsAt,
          ref: { area: 'standing-hours', id: s.id },
        })
      }
    }
  }
  return out
}

/** A holder away on a date with nobody in their place yet, for the call list and the message asking for one. */
export interface StandingRequest {
  scheduleId: number
  title: string
  circleName: string
  circleId: number
  date: string
  localStart: string
  localEnd: string
  holderPersonId: number
  holderName: string
  exceptionId: number
}

/**
 * Every standing slot in [from, to] waiting for a substitute (closed and skipped slots wait for nobody), in time
 * order. Only the times and the holder's name: the note given with "can't come" stays on the standing-hours screen.
 */
export async function standingRequests(db: Db, from: string, to: string, scheduleId?: number): Promise<StandingRequest[]> {
  const out: StandingRequest[] = []
  for (const s of await allStandingSchedules(db)) {
    if (scheduleId !== undefined && s.id !== scheduleId) continue
    for (const o of await standingSlotsBetween(db, s, from, to)) {
      for (const n of o.needsSubstitute) {
        out.push({
          scheduleId: s.id,
          title: s.title,
          circleName: s.circle_name,
          circleId: s.circle_id,
          date: o.date,
          localStart: o.localStart,
          localEnd: o.localEnd,
          holderPersonId: n.personId,
          holderName: n.name,
          exceptionId: n.exceptionId,
        })
      }
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.localStart.localeCompare(b.localStart) || a.title.localeCompare(b.title))
}
