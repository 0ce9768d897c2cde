import type { Commitment } from '../../db/commitments'
import * as q from '../../db/prayer-circles'
import type { Context } from '../context'
import type { ScheduleDetail, SlotWarning } from '../contract/prayer-circles'
import { HearthError } from '../contract/errors'
import { conflictsFor } from '../common/conflicts'
import { everyCommitment } from '../common/read-commitments'
import { congregationDay } from '../common/read-settings'
import { isSameSlot, toWarnings } from './warnings'

// What the prayer-circles room reads to feed its rules: the congregation's day, the circle or member a call names,
// and the commitments and blackouts its warnings are worked out from.

export async function zoneOf(ctx: Context): Promise<string> {
  return (await congregationDay(ctx)).timeZone
}

export async function today(ctx: Context): Promise<string> {
  return (await congregationDay(ctx)).today
}

export type Gone = 'assignment' | 'change' | 'circle' | 'date' | 'member' | 'request' | 'substituteRequest' | 'schedule' | 'slot' | 'standingSchedule' | 'holder' | 'substitute' | 'timeSlot'

export function notFound(what: Gone): HearthError {
  return new HearthError('not_found', 'errors.gone.thing', { what })
}

export async function requireCircle(ctx: Context, circleId: number) {
  const circle = await q.circleExists(ctx.db, circleId)
  if (!circle) throw notFound('circle')
  return circle
}

export async function requirePerson(ctx: Context, personId: number) {
  const person = (await q.peopleByIds(ctx.db, [personId])).get(personId)
  if (!person) throw new HearthError('not_found', 'errors.gone.notMember')
  return person
}

/** Every commitment (all areas, standing hours too) of these people on days touching [from, to]. */
export async function commitmentsOf(ctx: Context, personIds: readonly number[], from: string, to: string): Promise<Commitment[]> {
  const wanted = new Set(personIds)
  return (await everyCommitment(ctx, from, to)).filter((c) => wanted.has(c.personId))
}

/** Adds blackout and double-booking warnings to each member's assignment in a schedule. */
export async function withWarnings(ctx: Context, detail: ScheduleDetail): Promise<ScheduleDetail> {
  const live = detail.slots.filter((s) => !s.skipped)
  if (live.length === 0) return detail
  const from = live[0]!.localDate
  const to = live.reduce((m, s) => (s.localDate > m ? s.localDate : m), from)
  const ids = [...new Set(live.flatMap((s) => s.assignments.map((a) => a.personId)).filter((p): p is number => p !== null))]
  const byPerson = new Map<number, Commitment[]>()
  for (const c of await commitmentsOf(ctx, ids, from, to)) byPerson.set(c.personId, [...(byPerson.get(c.personId) ?? []), c])
  const blackouts = await q.blackoutsFor(ctx.db, ids, from, to)
  for (const slot of live) {
    const row = { starts_at: slot.startsAt, ends_at: slot.endsAt }
    for (const a of slot.assignments) {
      if (a.personId === null) continue
      const others = (byPerson.get(a.personId) ?? []).filter((c) => !isSameSlot(c, detail.id, row))
      a.warnings = toWarnings(conflictsFor(a.personId, { date: slot.localDate, startsAt: slot.startsAt, endsAt: slot.endsAt }, others, blackouts))
    }
  }
  return detail
}

export async function warningsForSlot(ctx: Context, slot: NonNullable<Awaited<ReturnType<typeof q.slotRow>>>, personId: number): Promise<SlotWarning[]> {
  const others = (await commitmentsOf(ctx, [personId], slot.local_date, slot.local_date)).filter((c) => !isSameSlot(c, slot.schedule_id, slot))
  const blackouts = await q.blackoutsFor(ctx.db, [personId], slot.local_date, slot.local_date)
  return toWarnings(conflictsFor(personId, { date: slot.local_date, startsAt: slot.starts_at, endsAt: slot.ends_at }, others, blackouts))
}
