import { DateTime } from 'luxon'
import type { Blackout } from '../common/conflicts'
import { blackoutsFor, peopleByIds } from '../../db/prayer-circles'
import type { Commitment } from '../../db/commitments'
import * as q from '../../db/standing-hours'
import type { Context } from '../context'
import { HearthError } from '../contract/errors'
import { everyCommitment } from '../common/read-commitments'
import { standingSlotsBetween } from '../common/read-standing'
import type { Occurrence } from '../common/standing-week'
import { countTurns } from './pattern'

// What the standing-hours room reads to feed its rules; a schedule's week, needs and commitments are read in
// main/common/read-standing.ts, since care, the call list and printing read them too.

type Gone = 'change' | 'circle' | 'slot' | 'standingSchedule' | 'holder' | 'substitute' | 'substituteRequest'

export function notFound(what: Gone): HearthError {
  return new HearthError('not_found', 'errors.gone.thing', { what })
}

export async function requireSchedule(ctx: Context, scheduleId: number): Promise<q.StandingRow> {
  const row = await q.standingSchedule(ctx.db, scheduleId)
  if (!row) throw notFound('standingSchedule')
  return row
}

export async function requirePerson(ctx: Context, personId: number) {
  const person = (await peopleByIds(ctx.db, [personId])).get(personId)
  if (!person) throw new HearthError('not_found', 'errors.gone.notMember')
  return person
}

export function slotsBetween(ctx: Context, s: q.StandingRow, from: string, to: string): Promise<Occurrence[]> {
  return standingSlotsBetween(ctx.db, s, from, to)
}

/** The one slot a date's exception is about, worked out afresh. */
export async function slotOfException(ctx: Context, e: NonNullable<Awaited<ReturnType<typeof q.exceptionRow>>>) {
  const s = await requireSchedule(ctx, e.schedule_id)
  const slot = (await slotsBetween(ctx, s, e.on_date, e.on_date)).find((o) => o.hourId === e.hour_id)
  if (!slot) throw notFound('slot')
  return { schedule: s, slot }
}

/** Stand-in turns per person: in the date's month, and in it plus the three months before. */
export async function turnCounts(ctx: Context, date: string) {
  const monthStart = DateTime.fromISO(date).startOf('month')
  const turns = await q.substituteTurns(ctx.db, monthStart.minus({ months: 3 }).toISODate()!, monthStart.endOf('month').toISODate()!)
  return countTurns(turns, monthStart.toISODate()!)
}

/** Everything that stops pool members coming at a slot: blackouts, and prayer (standing hours too) or meal duties that day. */
export async function busyOn(ctx: Context, personIds: readonly number[], date: string): Promise<{ commitments: Commitment[]; blackouts: Blackout[] }> {
  const wanted = new Set(personIds)
  const commitments = (await everyCommitment(ctx, date, date)).filter((c) => wanted.has(c.personId))
  return { commitments, blackouts: await blackoutsFor(ctx.db, personIds, date, date) }
}
