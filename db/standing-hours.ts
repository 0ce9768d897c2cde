import type { Kysely, Transaction } from 'kysely'
import { displayName } from './members'
import type { Database } from './schema'

export type Db = Kysely<Database> | Transaction<Database>

const nowIso = () => new Date().toISOString()

/** One standing slot of the week, in the chapel's local time. weekday 1 = Monday … 7 = Sunday. */
export interface StandingHour {
  id: number
  weekday: number
  /** Minutes after local midnight; a whole number of slots, so slots never straddle each other. */
  startMinute: number
}

export interface Holder {
  id: number
  hourId: number
  personId: number
  name: string
  fromDate: string
  /** The last date they come; null while they keep it. */
  untilDate: string | null
}

/**
 * Something different on one date. 'closed' with hourId null closes the whole day. 'away' is a holder who cannot
 * come (personId is the substitute once one is found, null while one is needed). 'extra' is a one-off person.
 */
export interface StandingException {
  id: number
  date: string
  hourId: number | null
  kind: 'closed' | 'away' | 'extra'
  holderId: number | null
  personId: number | null
  personName: string | null
  note: string | null
}


function nameOf(r: { first_name: string | null; last_name: string | null; preferred_name: string | null }): string {
  return r.first_name === null || r.last_name === null ? '' : displayName({ first_name: r.first_name, last_name: r.last_name, preferred_name: r.preferred_name })
}

export interface StandingRow {
  id: number
  circle_id: number
  circle_name: string
  title: string
  time_zone: string
  slot_minutes: number
  people_per_slot: number
}

export async function standingSchedule(db: Db, scheduleId: number): Promise<StandingRow | undefined> {
  return db
    .selectFrom('standing_schedules as s')
    .innerJoin('prayer_circles as c', 'c.id', 's.circle_id')
    .select(['s.id', 's.circle_id', 'c.name as circle_name', 's.title', 's.time_zone', 's.slot_minutes', 's.people_per_slot'])
    .where('s.id', '=', scheduleId)
    .executeTakeFirst()
}

export async function allStandingSchedules(db: Db): Promise<StandingRow[]> {
  return db
    .selectFrom('standing_schedules as s')
    .innerJoin('prayer_circles as c', 'c.id', 's.circle_id')
    .select(['s.id', 's.circle_id', 'c.name as circle_name', 's.title', 's.time_zone', 's.slot_minutes', 's.people_per_slot'])
    .execute()
}

export async function standingSchedulesOf(db: Db, circleId: number): Promise<StandingRow[]> {
  return db
    .selectFrom('standing_schedules as s')
    .innerJoin('prayer_circles as c', 'c.id', 's.circle_id')
    .select(['s.id', 's.circle_id', 'c.name as circle_name', 's.title', 's.time_zone', 's.slot_minutes', 's.people_per_slot'])
    .where('s.circle_id', '=', circleId)
    .orderBy('s.title')
    .orderBy('s.id')
    .execute()
}

export async function insertStandingSchedule(
  db: Db,
  s: { circleId: number; title: string; timeZone: string; slotMinutes: number; peoplePerSlot: number },
  hours: readonly { weekday: number; startMinute: number }[],
): Promise<number> {
  const row = await db
    .insertInto('standing_schedules')
    .values({ circle_id: s.circleId, title: s.title, time_zone: s.timeZone, slot_minutes: s.slotMinutes, people_per_slot: s.peoplePerSlot, updated_at: nowIso() })
    .returning('id')
    .executeTakeFirstOrThrow()
  for (let i = 0; i < hours.length; i += 200) {
    await db
      .insertInto('standing_hours')
      .values(hours.slice(i, i + 200).map((h) => ({ schedule_id: row.id, weekday: h.weekday, start_minute: h.startMinute })))
      .execute()
  }
  return row.id
}

export async function deleteStandingSchedule(db: Db, scheduleId: number): Promise<number> {
  return Number((await db.deleteFrom('standing_schedules').where('id', '=', scheduleId).executeTakeFirst()).numDeletedRows)
}

export async function standingHours(db: Db, scheduleId: number): Promise<StandingHour[]> {
  const rows = await db.selectFrom('standing_hours').select(['id', 'weekday', 'start_minute']).where('schedule_id', '=', scheduleId).orderBy('weekday').orderBy('start_minute').execute()
  return rows.map((r) => ({ id: r.id, weekday: r.weekday, startMinute: r.start_minute }))
}

export async function hourRow(db: Db, hourId: number) {
  return db
    .selectFrom('standing_hours as h')
    .innerJoin('standing_schedules as s', 's.id', 'h.schedule_id')
    .select(['h.id', 'h.schedule_id', 'h.weekday', 'h.start_minute', 's.people_per_slot', 's.time_zone', 's.slot_minutes'])
    .where('h.id', '=', hourId)
    .executeTakeFirst()
}

/** Holders of the schedule's slots whose holding touches [from, to]. */
export async function standingHolders(db: Db, scheduleId: number, from: string, to: string): Promise<Holder[]> {
  const rows = await db
    .selectFrom('standing_holders as h')
    .innerJoin('standing_hours as sh', 'sh.id', 'h.hour_id')
    .innerJoin('people as p', 'p.id', 'h.person_id')
    .select(['h.id', 'h.hour_id', 'h.person_id', 'h.from_date', 'h.until_date', 'p.first_name', 'p.last_name', 'p.preferred_name'])
    .where('sh.schedule_id', '=', scheduleId)
    .where('h.from_date', '<=', to)
    .where((w) => w.or([w('h.until_date', 'is', null), w('h.until_date', '>=', from)]))
    .orderBy('h.from_date')
    .orderBy('h.id')
    .execute()
  return rows.map((r) => ({ id: r.id, hourId: r.hour_id, personId: r.person_id, name: nameOf(r), fromDate: r.from_date, untilDate: r.until_date }))
}

export async function holderRow(db: Db, holderId: number) {
  return db
    .selectFrom('standing_holders as h')
    .innerJoin('standing_hours as sh', 'sh.id', 'h.hour_id')
    .select(['h.id', 'h.hour_id', 'h.person_id', 'h.from_date', 'h.until_date', 'sh.schedule_id', 'sh.weekday', 'sh.start_minute'])
    .where('h.id', '=', holderId)
    .executeTakeFirst()
}

export async function insertHolder(db: Db, h: { hourId: number; personId: number; fromDate: string; untilDate: string | null }): Promise<number> {
  const row = await db
    .insertInto('standing_holders')
    .values({ hour_id: h.hourId, person_id: h.personId, from_date: h.fromDate, until_date: h.untilDate })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Ends a holding after `lastDate`; one that would end before it began is removed, with its exceptions. */
export async function endHolder(db: Db, holderId: number, lastDate: string, fromDate: string): Promise<void> {
  if (lastDate < fromDate) await db.deleteFrom('standing_holders').where('id', '=', holderId).execute()
  else {
    await db.updateTable('standing_holders').set({ until_date: lastDate }).where('id', '=', holderId).execute()
    await db.deleteFrom('standing_exceptions').where('holder_id', '=', holderId).where('on_date', '>', lastDate).execute()
  }
}

export async function standingExceptions(db: Db, scheduleId: number, from: string, to: string): Promise<StandingException[]> {
  const rows = await db
    .selectFrom('standing_exceptions as e')
    .leftJoin('people as p', 'p.id', 'e.person_id')
    .select(['e.id', 'e.on_date', 'e.hour_id', 'e.kind', 'e.holder_id', 'e.person_id', 'e.note', 'p.first_name', 'p.last_name', 'p.preferred_name'])
    .where('e.schedule_id', '=', scheduleId)
    .where('e.on_date', '>=', from)
    .where('e.on_date', '<=', to)
    .orderBy('e.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    date: r.on_date,
    hourId: r.hour_id,
    kind: r.kind,
    holderId: r.holder_id,
    personId: r.person_id,
    personName: r.person_id === null ? null : nameOf(r),
    note: r.note,
  }))
}

export async function exceptionRow(db: Db, exceptionId: number) {
  return db
    .selectFrom('standing_exceptions as e')
    .select(['e.id', 'e.schedule_id', 'e.on_date', 'e.hour_id', 'e.kind', 'e.holder_id', 'e.person_id'])
    .where('e.id', '=', exceptionId)
    .executeTakeFirst()
}

export async function insertException(
  db: Db,
  e: { scheduleId: number; date: string; hourId: number | null; kind: 'closed' | 'away' | 'extra'; holderId: number | null; personId: number | null; note: string | null },
): Promise<number> {
  const row = await db
    .insertInto('standing_exceptions')
    .values({ schedule_id: e.scheduleId, on_date: e.date, hour_id: e.hourId, kind: e.kind, holder_id: e.holderId, person_id: e.personId, note: e.note || null })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function setExceptionPerson(db: Db, exceptionId: number, personId: number | null): Promise<void> {
  await db.updateTable('standing_exceptions').set({ person_id: personId }).where('id', '=', exceptionId).execute()
}

export async function deleteException(db: Db, exceptionId: number): Promise<number> {
  return Number((await db.deleteFrom('standing_exceptions').where('id', '=', exceptionId).executeTakeFirst()).numDeletedRows)
}

export interface PoolRow {
  personId: number
  name: string
  phone: string | null
  maxPerMonth: number | null
  times: { weekday: number; startMinute: number; endMinute: number }[]
}

export async function substitutePool(db: Db, scheduleId: number): Promise<PoolRow[]> {
  const people = await db
    .selectFrom('standing_substitutes as s')
    .innerJoin('people as p', 'p.id', 's.person_id')
    .leftJoin('households as hh', 'hh.id', 'p.household_id')
    .select(['s.person_id', 's.max_per_month', 'p.first_name', 'p.last_name', 'p.preferred_name', 'p.mobile_phone', 'hh.home_phone'])
    .where('s.schedule_id', '=', scheduleId)
    .execute()
  const times = await db
    .selectFrom('standing_substitute_times')
    .select(['person_id', 'weekday', 'start_minute', 'end_minute'])
    .where('schedule_id', '=', scheduleId)
    .orderBy('weekday')
    .orderBy('start_minute')
    .execute()
  const byPerson = new Map<number, PoolRow['times']>()
  for (const t of times) byPerson.set(t.person_id, [...(byPerson.get(t.person_id) ?? []), { weekday: t.weekday, startMinute: t.start_minute, endMinute: t.end_minute }])
  return people
    .map((r) => ({ personId: r.person_id, name: nameOf(r), phone: r.mobile_phone ?? r.home_phone, maxPerMonth: r.max_per_month, times: byPerson.get(r.person_id) ?? [] }))
    .sort((a, b) => a.name.localeCompare(b.name))
}

/** Puts a member in the pool (or updates them) with exactly these times of the week. Call inside a transaction. */
export async function offerToSubstitute(
  db: Db,
  scheduleId: number,
  personId: number,
  maxPerMonth: number | null,
  times: readonly { weekday: number; startMinute: number; endMinute: number }[],
): Promise<void> {
  await db
    .insertInto('standing_substitutes')
    .values({ schedule_id: scheduleId, person_id: personId, max_per_month: maxPerMonth })
    .onConflict((oc) => oc.columns(['schedule_id', 'person_id']).doUpdateSet({ max_per_month: maxPerMonth }))
    .execute()
  await db.deleteFrom('standing_substitute_times').where('schedule_id', '=', scheduleId).where('person_id', '=', personId).execute()
  await db
    .insertInto('standing_substitute_times')
    .values(times.map((t) => ({ schedule_id: scheduleId, person_id: personId, weekday: t.weekday, start_minute: t.startMinute, end_minute: t.endMinute })))
    .execute()
}

export async function withdrawSubstitute(db: Db, scheduleId: number, personId: number): Promise<number> {
  return Number((await db.deleteFrom('standing_substitutes').where('schedule_id', '=', scheduleId).where('person_id', '=', personId).executeTakeFirst()).numDeletedRows)
}

/** Standing-in dates (away with a substitute, and one-off extras) per person in [from, to], across all schedules. */
export async function substituteTurns(db: Db, from: string, to: string): Promise<{ personId: number; date: string }[]> {
  const rows = await db
    .selectFrom('standing_exceptions')
    .select(['person_id', 'on_date'])
    .where('kind', 'in', ['away', 'extra'])
    .where('person_id', 'is not', null)
    .where('on_date', '>=', from)
    .where('on_date', '<=', to)
    .execute()
  return rows.map((r) => ({ personId: r.person_id!, date: r.on_date }))
}
