import { DateTime } from 'luxon'
import * as q from '../../db/prayer-circles'
import type { Blackout } from '../common/conflicts'
import type { Context, HandlersFor } from '../context'
import type { ParsedInputOf } from '../contract'
import type { prayerCirclesContract } from '../contract/prayer-circles'
import { HearthError } from '../contract/errors'
import { commitmentsOf, notFound, requireCircle, requirePerson, today, warningsForSlot, withWarnings, zoneOf } from './read'
import { labelSlot, movedSlot, recurrenceRule, recurringSlots, vigilSlots } from '../common/prayer-slots'
import { autoFill, minuteOfWeek, substitutes } from '../common/rotation'
import { weekTimesOf } from '../../db/standing-week-times'
import { atWeekTime, toFillWeekTime } from '../common/week-times'

type In<C extends keyof typeof prayerCirclesContract> = ParsedInputOf<C>

async function assignOne(ctx: Context, slotId: number, personId: number | null, writeInName: string | null) {
  const slot = await q.slotRow(ctx.db, slotId)
  if (!slot) throw notFound('timeSlot')
  if (slot.skipped) throw new HearthError('refused', 'errors.prayer.skipped')
  if (personId !== null) {
    const person = await requirePerson(ctx, personId)
    const already = await q.isInSlot(ctx.db, slotId, personId)
    if (already) throw new HearthError('conflict', 'errors.prayer.alreadyInSlot', { name: person.name })
  }
  const id = await q.insertAssignment(ctx.db, { slotId, personId, writeInName, source: 'manual' })
  return { id, warnings: personId === null ? [] : await warningsForSlot(ctx, slot, personId) }
}

function dateRange(slots: readonly { localDate: string }[]): { from: string; to: string } {
  const dates = slots.map((s) => s.localDate).sort()
  return { from: dates[0]!, to: dates.at(-1)! }
}

async function listCircles(_input: In<'prayerCircles.list'>, ctx: Context) {
  return q.listCircles(ctx.db, await today(ctx))
}

async function readCircle(input: In<'prayerCircles.get'>, ctx: Context) {
  const circle = await q.getCircle(ctx.db, input.circleId, { ...input, today: await today(ctx) })
  if (!circle) throw notFound('circle')
  return circle
}

async function createCircle(input: In<'prayerCircles.create'>, ctx: Context) {
  if (input.leaderPersonId !== null) await requirePerson(ctx, input.leaderPersonId)
  for (const personId of input.memberIds) await requirePerson(ctx, personId)
  return ctx.db.transaction().execute(async (trx) => {
    const id = await q.insertCircle(trx, input)
    const members = input.leaderPersonId !== null ? [input.leaderPersonId, ...input.memberIds] : input.memberIds
    for (const personId of new Set(members)) await q.addMember(trx, id, personId)
    return { id }
  })
}

async function updateCircle(input: In<'prayerCircles.update'>, ctx: Context) {
  await requireCircle(ctx, input.circleId)
  if (input.leaderPersonId !== null) await requirePerson(ctx, input.leaderPersonId)
  await ctx.db.transaction().execute(async (trx) => {
    await q.updateCircle(trx, input.circleId, input)
    if (input.leaderPersonId !== null) await q.addMember(trx, input.circleId, input.leaderPersonId)
  })
  return null
}

async function deleteCircle(input: In<'prayerCircles.delete'>, ctx: Context) {
  if ((await q.deleteCircle(ctx.db, input.circleId)) === 0) throw notFound('circle')
  return null
}

async function addMember(input: In<'prayerCircles.addMember'>, ctx: Context) {
  await requireCircle(ctx, input.circleId)
  await requirePerson(ctx, input.personId)
  await q.addMember(ctx.db, input.circleId, input.personId)
  return null
}

async function removeMember(input: In<'prayerCircles.removeMember'>, ctx: Context) {
  const circle = await requireCircle(ctx, input.circleId)
  if (circle.leader_person_id === input.personId) {
    throw new HearthError('refused', 'errors.prayer.leads')
  }
  await ctx.db.transaction().execute(async (trx) => {
    if ((await q.removeMember(trx, input.circleId, input.personId)) === 0) throw notFound('member')
    await q.setChainOrder(trx, input.circleId, (await q.circleMembers(trx, input.circleId)).map((m) => m.personId))
  })
  return null
}

async function moveInChain(input: In<'prayerCircles.moveInChain'>, ctx: Context) {
  await requireCircle(ctx, input.circleId)
  await ctx.db.transaction().execute(async (trx) => {
    const order = (await q.circleMembers(trx, input.circleId)).map((m) => m.personId)
    const at = order.indexOf(input.personId)
    if (at < 0) throw notFound('member')
    const to = input.direction === 'up' ? at - 1 : at + 1
    if (to < 0 || to >= order.length) return
    ;[order[at], order[to]] = [order[to]!, order[at]!]
    await q.setChainOrder(trx, input.circleId, order)
  })
  return null
}

async function createVigil(input: In<'prayerCircles.createVigil'>, ctx: Context) {
  await requireCircle(ctx, input.circleId)
  const zone = await zoneOf(ctx)
  const slots = vigilSlots({ startDate: input.startDate, startTime: input.startTime, hours: input.hours, slotMinutes: input.slotMinutes, zone })
  const id = await ctx.db.transaction().execute((trx) =>
    q.insertSchedule(trx, { circleId: input.circleId, kind: 'vigil', title: input.title, timeZone: zone, minPeople: input.minPeople, perPersonLimit: input.perPersonLimit, rrule: null }, slots),
  )
  return { id, slotCount: slots.length }
}

async function createRecurring(input: In<'prayerCircles.createRecurring'>, ctx: Context) {
  await requireCircle(ctx, input.circleId)
  const zone = await zoneOf(ctx)
  const rule = { recurrence: input.recurrence, startDate: input.startDate, untilDate: input.untilDate, time: input.time, durationMinutes: input.durationMinutes, zone }
  const slots = recurringSlots(rule)
  if (slots.length === 0) throw new HearthError('invalid_input', 'errors.prayer.noDates', undefined, { untilDate: 'errors.field.laterLastDate' })
  const id = await ctx.db.transaction().execute((trx) =>
    q.insertSchedule(
      trx,
      { circleId: input.circleId, kind: input.kind, title: input.title, timeZone: zone, minPeople: input.minPeople, perPersonLimit: input.perPersonLimit, rrule: recurrenceRule(rule) },
      slots,
    ),
  )
  return { id, slotCount: slots.length }
}

async function readSchedule(input: In<'prayerCircles.schedule'>, ctx: Context) {
  const detail = await q.getSchedule(ctx.db, input.scheduleId)
  if (!detail) throw notFound('schedule')
  return withWarnings(ctx, detail)
}

async function deleteSchedule(input: In<'prayerCircles.deleteSchedule'>, ctx: Context) {
  if (!(await q.deleteSchedule(ctx.db, input.scheduleId))) throw notFound('schedule')
  return null
}

async function skipSlot(input: In<'prayerCircles.skipSlot'>, ctx: Context) {
  const slot = await q.slotRow(ctx.db, input.slotId)
  if (!slot) throw notFound('date')
  if (slot.kind === 'vigil') throw new HearthError('refused', 'errors.prayer.vigilSkip')
  await q.setSlotSkipped(ctx.db, input.slotId, input.skipped)
  return null
}

async function moveSlot(input: In<'prayerCircles.moveSlot'>, ctx: Context) {
  const slot = await q.slotRow(ctx.db, input.slotId)
  if (!slot) throw notFound('date')
  if (slot.kind === 'vigil') throw new HearthError('refused', 'errors.prayer.vigilMove')
  const moved = movedSlot(
    { occursAt: slot.occurs_at, startsAt: slot.starts_at, endsAt: slot.ends_at, localDate: slot.local_date, localStart: '', localEnd: '' },
    input.toDate,
    input.toTime,
    slot.time_zone,
  )
  await q.moveSlotTo(ctx.db, input.slotId, moved)
  return null
}

function assignByHand(input: In<'prayerCircles.assign'>, ctx: Context) {
  return assignOne(ctx, input.slotId, input.personId, input.personId === null ? input.writeInName : null)
}

async function unassign(input: In<'prayerCircles.unassign'>, ctx: Context) {
  if ((await q.deleteAssignment(ctx.db, input.assignmentId)) === 0) throw notFound('assignment')
  return null
}

async function markSubstitute(input: In<'prayerCircles.markSubstitute'>, ctx: Context) {
  if ((await q.setNeedsSubstitute(ctx.db, input.assignmentId, input.needsSubstitute)) === 0) throw notFound('assignment')
  return null
}

async function findSubstitutes(input: In<'prayerCircles.substitutes'>, ctx: Context) {
  const a = await q.assignmentRow(ctx.db, input.assignmentId)
  if (!a) throw notFound('assignment')
  const slot = (await q.slotRow(ctx.db, a.slot_id))!
  const members = await q.circleMembers(ctx.db, slot.circle_id)
  const ids = members.map((m) => m.personId)
  const around = DateTime.fromISO(slot.local_date)
  const from = around.minus({ days: 15 }).toISODate()!
  const to = around.plus({ days: 15 }).toISODate()!
  const commitments = await commitmentsOf(ctx, ids, from, to)
  const load = new Map<number, number>()
  for (const c of commitments) load.set(c.personId, (load.get(c.personId) ?? 0) + 1)
  const present = await q.peopleInSlot(ctx.db, slot.id)
  const free = substitutes({
    slot: { startsAt: slot.starts_at, endsAt: slot.ends_at, localDate: slot.local_date },
    candidates: ids,
    present,
    blackouts: await q.blackoutsFor(ctx.db, ids, slot.local_date, slot.local_date),
    commitments: commitments.filter((c) => c.date === slot.local_date),
    load,
  })
  // Nobody is offered at one of their impossible times of the week.
  const local = labelSlot(slot.starts_at, slot.ends_at, slot.time_zone)
  const week = minuteOfWeek(local.localDate, local.localStart)
  const length = (Date.parse(slot.ends_at) - Date.parse(slot.starts_at)) / 60_000
  const impossible = (await weekTimesOf(ctx.db, free)).filter((t) => t.kind === 'impossible').map(toFillWeekTime)
  const byId = new Map(members.map((m) => [m.personId, m]))
  return free.filter((personId) => !atWeekTime(impossible.filter((t) => t.personId === personId), week, length)).map((personId) => {
    const m = byId.get(personId)!
    return { personId, name: m.name, phone: m.phone, load: load.get(personId) ?? 0 }
  })
}

async function handToSubstitute(input: In<'prayerCircles.replace'>, ctx: Context) {
  const a = await q.assignmentRow(ctx.db, input.assignmentId)
  if (!a) throw notFound('assignment')
  const slot = (await q.slotRow(ctx.db, a.slot_id))!
  const person = await requirePerson(ctx, input.personId)
  const already = await q.isInSlot(ctx.db, slot.id, input.personId)
  if (already) throw new HearthError('conflict', 'errors.prayer.alreadyInSlot', { name: person.name })
  const id = await ctx.db.transaction().execute(async (trx) => {
    await q.deleteAssignment(trx, a.id)
    return q.insertAssignment(trx, { slotId: slot.id, personId: input.personId, writeInName: null, source: 'manual' })
  })
  return { id, warnings: await warningsForSlot(ctx, slot, input.personId) }
}

async function fillOpenPlaces(input: In<'prayerCircles.autoFill'>, ctx: Context) {
  const detail = await q.getSchedule(ctx.db, input.scheduleId)
  if (!detail) throw notFound('schedule')
  if (detail.kind === 'meeting') {
    throw new HearthError('refused', 'errors.prayer.meetingFill')
  }
  const live = detail.slots.filter((s) => !s.skipped)
  if (live.length === 0) return { added: 0, unfilled: [] }
  const members = await q.circleMembers(ctx.db, detail.circleId)
  if (members.length === 0) throw new HearthError('refused', 'errors.prayer.noMembers')
  const ids = members.map((m) => m.personId)
  const { from, to } = dateRange(live)
  const prior = await q.priorCounts(ctx.db, detail.circleId, detail.id)
  const blackouts: Blackout[] = await q.blackoutsFor(ctx.db, ids, from, to)
  const elsewhere = (await commitmentsOf(ctx, ids, from, to)).filter((c) => !(c.ref.area === 'prayer-circles' && c.ref.id === detail.id))
  const result = autoFill({
    slots: live.map((s) => ({ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt, localDate: s.localDate, localStart: s.localStart, need: detail.minPeople, assigned: s.assignments })),
    candidates: members.map((m) => ({ personId: m.personId, priorCount: prior.get(m.personId) ?? 0 })),
    perPersonLimit: detail.perPersonLimit,
    blackouts,
    elsewhere,
    weekTimes: (await weekTimesOf(ctx.db, ids)).map(toFillWeekTime),
  })
  await ctx.db.transaction().execute((trx) => q.insertAutoAssignments(trx, result.additions))
  const bySlot = new Map(live.map((s) => [s.id, s]))
  return {
    added: result.additions.length,
    unfilled: result.unfilled.map((u) => ({ slotId: u.slotId, localDate: bySlot.get(u.slotId)!.localDate, localStart: bySlot.get(u.slotId)!.localStart, missing: u.missing })),
  }
}

async function addRequest(input: In<'prayerCircles.addRequest'>, ctx: Context) {
  await requireCircle(ctx, input.circleId)
  return { id: await q.insertRequest(ctx.db, input) }
}

async function answerRequest(input: In<'prayerCircles.answerRequest'>, ctx: Context) {
  if ((await q.answerRequest(ctx.db, input.requestId, input.answered, input.praiseNote)) === 0) throw notFound('request')
  return null
}

async function deleteRequest(input: In<'prayerCircles.deleteRequest'>, ctx: Context) {
  if ((await q.deleteRequest(ctx.db, input.requestId)) === 0) throw notFound('request')
  return null
}

// The channel map: each channel of main/contract/prayer-circles.ts and the function above that answers it.
export const prayerCirclesHandlers: HandlersFor<typeof prayerCirclesContract> = {
  'prayerCircles.list': listCircles,
  'prayerCircles.get': readCircle,
  'prayerCircles.create': createCircle,
  'prayerCircles.update': updateCircle,
  'prayerCircles.delete': deleteCircle,
  'prayerCircles.addMember': addMember,
  'prayerCircles.removeMember': removeMember,
  'prayerCircles.moveInChain': moveInChain,
  'prayerCircles.createVigil': createVigil,
  'prayerCircles.createRecurring': createRecurring,
  'prayerCircles.schedule': readSchedule,
  'prayerCircles.deleteSchedule': deleteSchedule,
  'prayerCircles.skipSlot': skipSlot,
  'prayerCircles.moveSlot': moveSlot,
  'prayerCircles.assign': assignByHand,
  'prayerCircles.unassign': unassign,
  'prayerCircles.markSubstitute': markSubstitute,
  'prayerCircles.substitutes': findSubstitutes,
  'prayerCircles.replace': handToSubstitute,
  'prayerCircles.autoFill': fillOpenPlaces,
  'prayerCircles.addRequest': addRequest,
  'prayerCircles.answerRequest': answerRequest,
  'prayerCircles.deleteRequest': deleteRequest,
}
