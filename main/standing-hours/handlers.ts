import { DateTime } from 'luxon'
import { everyCommitment } from '../common/read-commitments'
import { blackoutsFor, circleExists } from '../../db/prayer-circles'
import * as q from '../../db/standing-hours'
import type { ParsedInputOf } from '../contract'
import type { PersonStanding, StandingNeeds, StandingWeek, standingHoursContract, SubstituteOption } from '../contract/standing-hours'
import type { Context, HandlersFor } from '../context'
import { HearthError } from '../contract/errors'
import type { Said } from '../i18n/said'
import { congregationDay, getSettings } from '../common/read-settings'
import { clashes, onBlackout } from '../common/conflicts'
import { autoFill, minuteOfWeek, type WeekTime } from '../common/rotation'
import { holdingsOf, poolsOf, replaceWeekTimes, weekTimesOf } from '../../db/standing-week-times'
import { atWeekTime, contradiction, fromStretch, minuteOfDay, timeOfMinute, toFillWeekTime, toStretch } from '../common/week-times'
import { holds, MINUTES_PER_DAY } from '../common/standing-week'
import { readStandingNeeds, readStandingWeek } from '../common/read-standing'
import { outsideOffered, offersTime, patternHours } from './pattern'
import { busyOn, notFound, requirePerson, requireSchedule, slotOfException, slotsBetween, turnCounts } from './read'

type In<C extends keyof typeof standingHoursContract> = ParsedInputOf<C>

async function listStanding(input: In<'standingHours.list'>, ctx: Context) {
  const { today } = await congregationDay(ctx)
  const out = []
  for (const s of await q.standingSchedulesOf(ctx.db, input.circleId)) {
    const hours = await q.standingHours(ctx.db, s.id)
    const holders = await q.standingHolders(ctx.db, s.id, today, today)
    const held = new Map<number, number>()
    for (const h of holders) held.set(h.hourId, (held.get(h.hourId) ?? 0) + 1)
    out.push({
      id: s.id,
      circleId: s.circle_id,
      title: s.title,
      slotMinutes: s.slot_minutes,
      peoplePerSlot: s.people_per_slot,
      slotCount: hours.length,
      uncoveredCount: hours.filter((h) => (held.get(h.id) ?? 0) < s.people_per_slot).length,
    })
  }
  return out
}

async function createStanding(input: In<'standingHours.create'>, ctx: Context) {
  if (!(await circleExists(ctx.db, input.circleId))) throw notFound('circle')
  const hours = patternHours(input)
  const zone = (await getSettings(ctx)).timeZone
  const id = await ctx.db.transaction().execute((trx) =>
    q.insertStandingSchedule(trx, { circleId: input.circleId, title: input.title, timeZone: zone, slotMinutes: input.slotMinutes, peoplePerSlot: input.peoplePerSlot }, hours),
  )
  return { id, slotCount: hours.length }
}

async function deleteStanding(input: In<'standingHours.delete'>, ctx: Context) {
  if ((await q.deleteStandingSchedule(ctx.db, input.scheduleId)) === 0) throw notFound('standingSchedule')
  return null
}

async function readWeek(input: In<'standingHours.week'>, ctx: Context): Promise<StandingWeek> {
  const week = await readStandingWeek(ctx.db, input.scheduleId, input.date)
  if (!week) throw notFound('standingSchedule')
  return week
}

async function readNeeds(input: In<'standingHours.needs'>, ctx: Context): Promise<StandingNeeds> {
  const needs = await readStandingNeeds(ctx.db, input.scheduleId, input.month)
  if (!needs) throw notFound('standingSchedule')
  return needs
}

async function takeHour(input: In<'standingHours.take'>, ctx: Context) {
  const hour = await q.hourRow(ctx.db, input.hourId)
  if (!hour) throw notFound('slot')
  const person = await requirePerson(ctx, input.personId)
  if (input.untilDate !== null && input.untilDate < input.fromDate) {
    throw new HearthError('invalid_input', 'errors.slots.lastBeforeFirst', undefined, { untilDate: 'errors.field.laterLastDate' })
  }
  const until = input.untilDate ?? '9999-12-31'
  const overlapping = (await q.standingHolders(ctx.db, hour.schedule_id, input.fromDate, until)).filter((h) => h.hourId === hour.id)
  if (overlapping.some((h) => h.personId === input.personId)) throw new HearthError('conflict', 'errors.standing.alreadyKeeps', { name: person.name })
  if (overlapping.length >= hour.people_per_slot) {
    const names = overlapping.map((h) => h.name).join(', ')
    throw new HearthError('refused', 'errors.standing.full', { count: hour.people_per_slot, names, name: person.name })
  }
  return { id: await q.insertHolder(ctx.db, input) }
}

async function releaseHour(input: In<'standingHours.release'>, ctx: Context) {
  const h = await q.holderRow(ctx.db, input.holderId)
  if (!h) throw notFound('holder')
  await ctx.db.transaction().execute((trx) => q.endHolder(trx, h.id, input.lastDate, h.from_date))
  return null
}

async function markAway(input: In<'standingHours.markAway'>, ctx: Context) {
  const h = await q.holderRow(ctx.db, input.holderId)
  if (!h) throw notFound('holder')
  if (DateTime.fromISO(input.date).weekday !== h.weekday) {
    const said: Said = { id: 'errors.standing.wrongWeekday', values: { slotDay: h.weekday, date: input.date, dateDay: DateTime.fromISO(input.date).weekday } }
    throw new HearthError('invalid_input', said.id, said.values, { date: said })
  }
  if (!holds({ fromDate: h.from_date, untilDate: h.until_date }, input.date)) {
    throw new HearthError('invalid_input', 'errors.standing.notKept', undefined, { date: 'errors.standing.notKept.field' })
  }
  const already = (await q.standingExceptions(ctx.db, h.schedule_id, input.date, input.date)).find((e) => e.kind === 'away' && e.holderId === h.id)
  if (already) return { exceptionId: already.id }
  const exceptionId = await q.insertException(ctx.db, { scheduleId: h.schedule_id, date: input.date, hourId: h.hour_id, kind: 'away', holderId: h.id, personId: null, note: input.note })
  return { exceptionId }
}

async function closeDate(input: In<'standingHours.close'>, ctx: Context) {
  await requireSchedule(ctx, input.scheduleId)
  if (input.hourId !== null) {
    const hour = await q.hourRow(ctx.db, input.hourId)
    if (!hour || hour.schedule_id !== input.scheduleId) throw notFound('slot')
  }
  // Closing what is already closed changes nothing, so one "Open it again" always reopens it.
  const already = (await q.standingExceptions(ctx.db, input.scheduleId, input.date, input.date)).find((e) => e.kind === 'closed' && e.hourId === input.hourId)
  if (already) return { exceptionId: already.id }
  const exceptionId = await q.insertException(ctx.db, { scheduleId: input.scheduleId, date: input.date, hourId: input.hourId, kind: 'closed', holderId: null, personId: null, note: input.note })
  return { exceptionId }
}

async function addExtra(input: In<'standingHours.addExtra'>, ctx: Context) {
  const hour = await q.hourRow(ctx.db, input.hourId)
  if (!hour) throw notFound('slot')
  const person = await requirePerson(ctx, input.personId)
  const s = await requireSchedule(ctx, hour.schedule_id)
  const slot = (await slotsBetween(ctx, s, input.date, input.date)).find((o) => o.hourId === hour.id)
  if (!slot) throw new HearthError('invalid_input', 'errors.standing.notOnDate', { date: input.date }, { date: 'errors.standing.notOnDate.field' })
  if (slot.people.some((p) => p.personId === input.personId)) throw new HearthError('conflict', 'errors.standing.alreadyThere', { name: person.name })
  const exceptionId = await q.insertException(ctx.db, { scheduleId: s.id, date: input.date, hourId: hour.id, kind: 'extra', holderId: null, personId: input.personId, note: null })
  return { exceptionId }
}

async function clearException(input: In<'standingHours.clearException'>, ctx: Context) {
  if ((await q.deleteException(ctx.db, input.exceptionId)) === 0) throw notFound('change')
  return null
}

async function readPool(input: In<'standingHours.pool'>, ctx: Context) {
  await requireSchedule(ctx, input.scheduleId)
  return (await q.substitutePool(ctx.db, input.scheduleId)).map((p) => ({
    personId: p.personId,
    name: p.name,
    phone: p.phone,
    maxPerMonth: p.maxPerMonth,
    times: p.times.map((t) => ({ weekday: t.weekday, start: timeOfMinute(t.startMinute), end: timeOfMinute(t.endMinute) })),
  }))
}

async function offer(input: In<'standingHours.offer'>, ctx: Context) {
  await requireSchedule(ctx, input.scheduleId)
  await requirePerson(ctx, input.personId)
  const times = input.times.map((t) => ({ weekday: t.weekday, startMinute: minuteOfDay(t.start), endMinute: t.end === '00:00' ? MINUTES_PER_DAY : minuteOfDay(t.end) }))
  await ctx.db.transaction().execute((trx) => q.offerToSubstitute(trx, input.scheduleId, input.personId, input.maxPerMonth, times))
  return null
}

async function withdraw(input: In<'standingHours.withdraw'>, ctx: Context) {
  if ((await q.withdrawSubstitute(ctx.db, input.scheduleId, input.personId)) === 0) throw notFound('substitute')
  return null
}

async function findSubstitute(input: In<'standingHours.findSubstitute'>, ctx: Context): Promise<SubstituteOption[]> {
  const e = await q.exceptionRow(ctx.db, input.exceptionId)
  if (!e || e.kind !== 'away') throw notFound('substituteRequest')
  const { schedule, slot } = await slotOfException(ctx, e)
  const away = (await q.holderRow(ctx.db, e.holder_id!))!
  const pool = await q.substitutePool(ctx.db, schedule.id)
  const here = new Set([away.person_id, ...slot.people.map((p) => p.personId)])
  const { asked, thisMonth } = await turnCounts(ctx, slot.date)
  const { commitments, blackouts } = await busyOn(ctx, pool.map((p) => p.personId), slot.date)
  const at = { date: slot.date, startsAt: slot.startsAt, endsAt: slot.endsAt }
  const own = (await weekTimesOf(ctx.db, pool.map((p) => p.personId))).map(toFillWeekTime)
  const week = minuteOfWeek(slot.date, slot.localStart)
  const ownAt = (personId: number, kind: WeekTime['kind']) => atWeekTime(own.filter((t) => t.personId === personId && t.kind === kind), week, schedule.slot_minutes)
  return pool
    .filter((p) => !here.has(p.personId))
    .filter((p) => offersTime(p.times, slot, schedule.slot_minutes))
    .filter((p) => !ownAt(p.personId, 'impossible'))
    .filter((p) => p.maxPerMonth === null || (thisMonth.get(p.personId) ?? 0) < p.maxPerMonth)
    .filter((p) => !onBlackout(p.personId, slot.date, blackouts))
    .filter((p) => !commitments.some((c) => c.personId === p.personId && clashes(at, c)))
    .map((p) => ({
      personId: p.personId,
      name: p.name,
      phone: p.phone,
      asked: asked.get(p.personId) ?? 0,
      maxPerMonth: p.maxPerMonth,
      thisMonth: thisMonth.get(p.personId) ?? 0,
      prefers: ownAt(p.personId, 'prefer'),
    }))
    // Least asked first, as promised; among those asked equally often, someone who prefers this time comes first.
    .sort((a, b) => a.asked - b.asked || a.thisMonth - b.thisMonth || Number(b.prefers) - Number(a.prefers) || a.name.localeCompare(b.name))
}

async function chooseSubstitute(input: In<'standingHours.chooseSubstitute'>, ctx: Context) {
  const e = await q.exceptionRow(ctx.db, input.exceptionId)
  if (!e || e.kind !== 'away') throw notFound('substituteRequest')
  const person = await requirePerson(ctx, input.personId)
  const { slot } = await slotOfException(ctx, e)
  const away = (await q.holderRow(ctx.db, e.holder_id!))!
  if (away.person_id === input.personId) throw new HearthError('refused', 'errors.standing.isAway', { name: person.name })
  if (slot.people.some((p) => p.personId === input.personId && p.exceptionId !== e.id)) throw new HearthError('conflict', 'errors.standing.alreadyThere', { name: person.name })
  await q.setExceptionPerson(ctx.db, e.id, input.personId)
  return null
}

/**
 * Fills a month's waiting slots from the pool with the same coverage-first rule as vigils: every waiting slot gets
 * one person before any gets a second, within each person's offered times and monthly limit.
 */
async function fillMonth(input: In<'standingHours.fillMonth'>, ctx: Context) {
  const s = await requireSchedule(ctx, input.scheduleId)
  const from = `${input.month}-01`
  const to = DateTime.fromISO(from).endOf('month').toISODate()!
  const waiting = (await slotsBetween(ctx, s, from, to)).filter((o) => o.missing > 0 || o.needsSubstitute.length > 0)
  if (waiting.length === 0) return { added: 0, stillOpen: 0 }
  const pool = await q.substitutePool(ctx.db, s.id)
  const ids = pool.map((p) => p.personId)
  const { thisMonth } = await turnCounts(ctx, from)
  // This schedule's own slots are the places being filled (whoever is in them already is in `assigned`).
  const elsewhere = (await everyCommitment(ctx, from, to)).filter(
    (c) => ids.includes(c.personId) && !(c.ref.area === 'standing-hours' && c.ref.id === s.id),
  )
  const weekTimes = pool.flatMap(outsideOffered)
  // Their own preferred and impossible times (kept on the member) count here as in every other fill.
  weekTimes.push(...(await weekTimesOf(ctx.db, ids)).map(toFillWeekTime))
  // Each waiting place is one fill slot, so an away holder's place and an empty place are filled alike.
  // Never more than the slot is missing: a one-off extra may already stand in for someone away.
  const places = waiting.flatMap((o) => {
    const away = o.needsSubstitute.slice(0, o.missing).map((n) => ({ o, exceptionId: n.exceptionId as number | null }))
    return [...away, ...Array.from({ length: o.missing - away.length }, () => ({ o, exceptionId: null as number | null }))]
  })
  const fillSlots = waiting.map((o, i) => ({
    id: i + 1,
    startsAt: o.startsAt,
    endsAt: o.endsAt,
    localDate: o.date,
    localStart: o.localStart,
    need: o.people.length + places.filter((p) => p.o === o).length,
    assigned: o.people.map((p) => ({ personId: p.personId })),
  }))
  const blackouts = await blackoutsFor(ctx.db, ids, from, to)
  // A limit counts what the fill sees: the holders already in these slots, plus the month's turns so far.
  const seen = new Map<number, number>()
  for (const f of fillSlots) for (const a of f.assigned) seen.set(a.personId, (seen.get(a.personId) ?? 0) + 1)
  const candidates = pool.map((p) => ({
    personId: p.personId,
    priorCount: thisMonth.get(p.personId) ?? 0,
    limit: p.maxPerMonth === null ? null : Math.max(0, p.maxPerMonth - (thisMonth.get(p.personId) ?? 0)) + (seen.get(p.personId) ?? 0),
  }))
  const result = autoFill({ slots: fillSlots, candidates, perPersonLimit: null, blackouts, elsewhere, weekTimes })
  await ctx.db.transaction().execute(async (trx) => {
    const open = new Map(waiting.map((o, i) => [i + 1, places.filter((p) => p.o === o)]))
    for (const a of result.additions) {
      const place = open.get(a.slotId)!.shift()!
      const o = waiting[a.slotId - 1]!
      if (place.exceptionId !== null) await q.setExceptionPerson(trx, place.exceptionId, a.personId)
      else await q.insertException(trx, { scheduleId: s.id, date: o.date, hourId: o.hourId, kind: 'extra', holderId: null, personId: a.personId, note: null })
    }
  })
  const added = result.additions.length
  return { added, stillOpen: places.length - added }
}

async function ofPerson(input: In<'standingHours.ofPerson'>, ctx: Context): Promise<PersonStanding> {
  await requirePerson(ctx, input.personId)
  const { today } = await congregationDay(ctx)
  const held = (await holdingsOf(ctx.db, input.personId, today)).map((h) => ({
    holderId: h.id,
    scheduleId: h.schedule_id,
    title: h.title,
    circleName: h.circle_name,
    weekday: h.weekday,
    start: timeOfMinute(h.start_minute),
    end: timeOfMinute(h.start_minute + h.slot_minutes),
    fromDate: h.from_date,
    untilDate: h.until_date,
  }))
  const pools = (await poolsOf(ctx.db, input.personId)).map((p) => ({
    scheduleId: p.schedule_id,
    title: p.title,
    circleName: p.circle_name,
    maxPerMonth: p.max_per_month,
    times: p.times.map((t) => ({ weekday: t.weekday, start: timeOfMinute(t.start_minute), end: timeOfMinute(t.end_minute) })),
  }))
  const weekTimes = (await weekTimesOf(ctx.db, [input.personId])).map(toStretch)
  return { held, pools, weekTimes }
}

async function setWeekTimes(input: In<'standingHours.setWeekTimes'>, ctx: Context) {
  await requirePerson(ctx, input.personId)
  const rows = input.times.map(fromStretch)
  const clash = contradiction(rows)
  if (clash) {
    const said: Said = { id: 'errors.standing.bothMarked', values: { weekday: clash.weekday, time: timeOfMinute(clash.startMinute) } }
    throw new HearthError('invalid_input', said.id, said.values, { times: said })
  }
  await ctx.db.transaction().execute((trx) => replaceWeekTimes(trx, input.personId, rows))
  return null
}

// The channel map: each channel of main/contract/standing-hours.ts and the function above that answers it.
export const standingHoursHandlers: HandlersFor<typeof standingHoursContract> = {
  'standingHours.list': listStanding,
  'standingHours.create': createStanding,
  'standingHours.delete': deleteStanding,
  'standingHours.week': readWeek,
  'standingHours.needs': readNeeds,
  'standingHours.take': takeHour,
  'standingHours.release': releaseHour,
  'standingHours.markAway': markAway,
  'standingHours.close': closeDate,
  'standingHours.addExtra': addExtra,
  'standingHours.clearException': clearException,
  'standingHours.pool': readPool,
  'standingHours.offer': offer,
  'standingHours.withdraw': withdraw,
  'standingHours.findSubstitute': findSubstitute,
  'standingHours.chooseSubstitute': chooseSubstitute,
  'standingHours.fillMonth': fillMonth,
  'standingHours.ofPerson': ofPerson,
  'standingHours.setWeekTimes': setWeekTimes,
}
