import { type Kysely, sql, type Transaction } from 'kysely'
import { DateTime } from 'luxon'
import type {
  CircleDetail,
  CircleMember,
  CircleSummary,
  PersonRef,
  PrayerRequest,
  ScheduleDetail,
  ScheduleSlot,
  ScheduleSummary,
} from '../main/contract/prayer-circles'
import type { Commitment } from './commitments'
import { displayName } from './members'
import type { Database } from './schema'
import type { PrayerScheduleKind } from '../main/contract/values'

type Db = Kysely<Database> | Transaction<Database>

const nowIso = () => new Date().toISOString()

// A month-long vigil reads thousands of instants as wall-clock days and times; one Intl formatter per zone does it
// at a fraction of the cost of a luxon DateTime each.
const clocks = new Map<string, Intl.DateTimeFormat>()

/** An instant as its day ('YYYY-MM-DD') and time ('HH:MM', 24-hour) on the wall clock of `zone`. */
function local(instant: string, zone: string): { date: string; time: string } {
  let clock = clocks.get(zone)
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', numberingSystem: 'latn' })
    clocks.set(zone, clock)
  }
  const part: Record<string, string> = {}
  for (const p of clock.formatToParts(new Date(instant))) part[p.type] = p.value
  return { date: `${part.year}-${part.month}-${part.day}`, time: `${part.hour}:${part.minute}` }
}

// ---------------------------------------------------------------------------------------------------------------
// Commitments: what other areas (meal trains, members, conflict checks) read about prayer duties.

/**
 * Every assignment of a member to a prayer slot (vigil hour, rotation turn, meeting) whose local day falls in
 * [from, to], optionally for one person. Skipped meetings and write-ins (not members) are left out. `label` reads
 * "Lent vigil (Tuesday circle), 02:00–03:00"; `ref.id` is the schedule's id.
 */
export async function prayerCommitments(db: Db, options: { personId?: number; from: string; to: string }): Promise<Commitment[]> {
  let q = db
    .selectFrom('prayer_assignments as a')
    .innerJoin('prayer_slots as s', 's.id', 'a.slot_id')
    .innerJoin('prayer_schedules as sc', 'sc.id', 's.schedule_id')
    .innerJoin('prayer_circles as c', 'c.id', 'sc.circle_id')
    .select(['a.person_id', 's.starts_at', 's.ends_at', 's.local_date', 'sc.id as schedule_id', 'sc.title', 'sc.time_zone', 'c.name as circle_name'])
    .where('a.person_id', 'is not', null)
    .where('s.skipped', '=', 0)
    .where('s.local_date', '>=', options.from)
    .where('s.local_date', '<=', options.to)
  if (options.personId !== undefined) q = q.where('a.person_id', '=', options.personId)
  const rows = await q.orderBy('s.starts_at').orderBy('a.id').execute()
  return rows.map((r) => ({
    personId: r.person_id!,
    kind: 'prayer',
    label: `${r.title} (${r.circle_name}), ${local(r.starts_at, r.time_zone).time}–${local(r.ends_at, r.time_zone).time}`,
    date: r.local_date,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    ref: { area: 'prayer-circles', id: r.schedule_id },
  }))
}

// ---------------------------------------------------------------------------------------------------------------
// Circles, members and the contact chain.

function personRef(r: { id: number; first_name: string; last_name: string; preferred_name: string | null; mobile_phone: string | null; home_phone: string | null }): PersonRef {
  return { personId: r.id, name: displayName(r), phone: r.mobile_phone ?? r.home_phone }
}

function peopleQuery(db: Db) {
  return db
    .selectFrom('people')
    .leftJoin('households', 'households.id', 'people.household_id')
    .select(['people.id', 'people.first_name', 'people.last_name', 'people.preferred_name', 'people.mobile_phone', 'households.home_phone'])
}

export async function listCircles(db: Db, today: string): Promise<CircleSummary[]> {
  const rows = await db
    .selectFrom('prayer_circles as c')
    .leftJoin('people as l', 'l.id', 'c.leader_person_id')
    .select((eb) => [
      'c.id',
      'c.name',
      'l.first_name',
      'l.last_name',
      'l.preferred_name',
      eb.selectFrom('prayer_circle_members as m').whereRef('m.circle_id', '=', 'c.id').select(eb.fn.countAll<number>().as('n')).as('member_count'),
      eb.selectFrom('prayer_schedules as s').whereRef('s.circle_id', '=', 'c.id').select(eb.fn.countAll<number>().as('n')).as('schedule_count'),
      eb
        .selectFrom('prayer_requests as r')
        .whereRef('r.circle_id', '=', 'c.id')
        .where('r.confidentiality', '=', 'circle')
        .where('r.answered_at', 'is', null)
        .where((w) => w.or([w('r.expires_on', 'is', null), w('r.expires_on', '>=', today)]))
        .select(eb.fn.countAll<number>().as('n'))
        .as('open_requests'),
    ])
    .orderBy(sql`c.name collate nocase`)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    leaderName: r.first_name !== null && r.last_name !== null ? displayName({ first_name: r.first_name, last_name: r.last_name, preferred_name: r.preferred_name }) : null,
    memberCount: Number(r.member_count ?? 0),
    scheduleCount: Number(r.schedule_count ?? 0),
    openRequestCount: Number(r.open_requests ?? 0),
  }))
}

export async function circleExists(db: Db, circleId: number): Promise<{ id: number; name: string; leader_person_id: number | null } | undefined> {
  return db.selectFrom('prayer_circles').select(['id', 'name', 'leader_person_id']).where('id', '=', circleId).executeTakeFirst()
}

export async function insertCircle(db: Db, circle: { name: string; leaderPersonId: number | null }): Promise<number> {
  const row = await db
    .insertInto('prayer_circles')
    .values({ name: circle.name, leader_person_id: circle.leaderPersonId, updated_at: nowIso() })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateCircle(db: Db, circleId: number, circle: { name: string; leaderPersonId: number | null }): Promise<void> {
  await db.updateTable('prayer_circles').set({ name: circle.name, leader_person_id: circle.leaderPersonId, updated_at: nowIso() }).where('id', '=', circleId).execute()
}

export async function deleteCircle(db: Db, circleId: number): Promise<number> {
  const r = await db.deleteFrom('prayer_circles').where('id', '=', circleId).executeTakeFirst()
  return Number(r.numDeletedRows)
}

export async function circleMembers(db: Db, circleId: number): Promise<CircleMember[]> {
  const rows = await peopleQuery(db)
    .innerJoin('prayer_circle_members as m', 'm.person_id', 'people.id')
    .select('m.chain_position')
    .where('m.circle_id', '=', circleId)
    // Archived people (moved away, passed on) drop out of the circle's lists, the chain and auto-fill.
    .where('people.archived_at', 'is', null)
    .orderBy('m.chain_position')
    .orderBy('people.id')
    .execute()
  return rows.map((r, i) => ({ ...personRef(r), chainPosition: i + 1 }))
}

/** Adds a member at the end of the contact chain; adding someone already there changes nothing. */
export async function addMember(db: Db, circleId: number, personId: number): Promise<void> {
  const last = await db
    .selectFrom('prayer_circle_members')
    .select((eb) => eb.fn.max('chain_position').as('p'))
    .where('circle_id', '=', circleId)
    .executeTakeFirst()
  await db
    .insertInto('prayer_circle_members')
    .values({ circle_id: circleId, person_id: personId, chain_position: Number(last?.p ?? 0) + 1 })
    .onConflict((oc) => oc.doNothing())
    .execute()
}

export async function removeMember(db: Db, circleId: number, personId: number): Promise<number> {
  const r = await db.deleteFrom('prayer_circle_members').where('circle_id', '=', circleId).where('person_id', '=', personId).executeTakeFirst()
  return Number(r.numDeletedRows)
}

/** Rewrites the chain positions as 1..n in the given order (call inside a transaction). */
export async function setChainOrder(db: Db, circleId: number, personIds: readonly number[]): Promise<void> {
  for (const [i, personId] of personIds.entries()) {
    await db.updateTable('prayer_circle_members').set({ chain_position: i + 1 }).where('circle_id', '=', circleId).where('person_id', '=', personId).execute()
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Prayer requests.

export async function circleRequests(db: Db, circleId: number, options: { includeCoordinatorOnly: boolean; includeExpired: boolean; today: string }): Promise<PrayerRequest[]> {
  let q = db.selectFrom('prayer_requests').selectAll().where('circle_id', '=', circleId)
  if (!options.includeCoordinatorOnly) q = q.where('confidentiality', '=', 'circle')
  if (!options.includeExpired) q = q.where((w) => w.or([w('expires_on', 'is', null), w('expires_on', '>=', options.today)]))
  const rows = await q.orderBy(sql`answered_at is not null`).orderBy('created_at', 'desc').orderBy('id', 'desc').execute()
  return rows.map((r) => ({
    id: r.id,
    body: r.body,
    requestedBy: r.requested_by,
    confidentiality: r.confidentiality,
    expiresOn: r.expires_on,
    expired: r.expires_on !== null && r.expires_on < options.today,
    answeredAt: r.answered_at,
    praiseNote: r.praise_note,
    createdAt: r.created_at,
  }))
}

export async function insertRequest(
  db: Db,
  r: { circleId: number; body: string; requestedBy: string | null; confidentiality: 'circle' | 'coordinator'; expiresOn: string | null },
): Promise<number> {
  const row = await db
    .insertInto('prayer_requests')
    .values({ circle_id: r.circleId, body: r.body, requested_by: r.requestedBy || null, confidentiality: r.confidentiality, expires_on: r.expiresOn, updated_at: nowIso() })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function answerRequest(db: Db, requestId: number, answered: boolean, praiseNote: string | null): Promise<number> {
  const at = nowIso()
  const r = await db
    .updateTable('prayer_requests')
    .set({ answered_at: answered ? at : null, praise_note: answered ? praiseNote || null : null, updated_at: at })
    .where('id', '=', requestId)
    .executeTakeFirst()
  return Number(r.numUpdatedRows)
}

export async function deleteRequest(db: Db, requestId: number): Promise<number> {
  const r = await db.deleteFrom('prayer_requests').where('id', '=', requestId).executeTakeFirst()
  return Number(r.numDeletedRows)
}

// ---------------------------------------------------------------------------------------------------------------
// Schedules, slots and assignments.

export interface NewSlot {
  occursAt: string
  startsAt: string
  endsAt: string
  localDate: string
}

export async function insertSchedule(
  db: Db,
  s: { circleId: number; kind: PrayerScheduleKind; title: string; timeZone: string; minPeople: number; perPersonLimit: number | null; rrule: string | null },
  slots: readonly NewSlot[],
): Promise<number> {
  const row = await db
    .insertInto('prayer_schedules')
    .values({
      circle_id: s.circleId,
      kind: s.kind,
      title: s.title,
      time_zone: s.timeZone,
      min_people: s.minPeople,
      per_person_limit: s.perPersonLimit,
      rrule: s.rrule,
      updated_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  // Chunks keep each statement under SQLite's bound-parameter limit for a month-long vigil.
  for (let i = 0; i < slots.length; i += 200) {
    await db
      .insertInto('prayer_slots')
      .values(slots.slice(i, i + 200).map((x) => ({ schedule_id: row.id, occurs_at: x.occursAt, starts_at: x.startsAt, ends_at: x.endsAt, local_date: x.localDate })))
      .execute()
  }
  return row.id
}

export async function scheduleSummaries(db: Db, circleId: number): Promise<ScheduleSummary[]> {
  const rows = await db
    .selectFrom('prayer_schedules as sc')
    .leftJoin('prayer_slots as s', (j) => j.onRef('s.schedule_id', '=', 'sc.id').on('s.skipped', '=', 0))
    .select((eb) => [
      'sc.id',
      'sc.kind',
      'sc.title',
      'sc.min_people',
      eb.fn.min('s.starts_at').as('first'),
      eb.fn.max('s.ends_at').as('last'),
      eb.fn.count<number>('s.id').as('slot_count'),
      sql<number>`sum(case when s.id is not null and sc.kind != 'meeting' and (select count(*) from prayer_assignments a where a.slot_id = s.id) < sc.min_people then 1 else 0 end)`.as('gaps'),
    ])
    .where('sc.circle_id', '=', circleId)
    .groupBy('sc.id')
    .orderBy('first')
    .orderBy('sc.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    firstStartsAt: r.first,
    lastEndsAt: r.last,
    slotCount: Number(r.slot_count),
    gapCount: Number(r.gaps ?? 0),
    minPeople: r.min_people,
  }))
}

export async function scheduleRow(db: Db, scheduleId: number) {
  return db
    .selectFrom('prayer_schedules as sc')
    .innerJoin('prayer_circles as c', 'c.id', 'sc.circle_id')
    .selectAll('sc')
    .select('c.name as circle_name')
    .where('sc.id', '=', scheduleId)
    .executeTakeFirst()
}

export async function slotRow(db: Db, slotId: number) {
  return db
    .selectFrom('prayer_slots as s')
    .innerJoin('prayer_schedules as sc', 'sc.id', 's.schedule_id')
    .selectAll('s')
    .select(['sc.circle_id', 'sc.time_zone', 'sc.kind', 'sc.min_people', 'sc.title'])
    .where('s.id', '=', slotId)
    .executeTakeFirst()
}

export async function assignmentRow(db: Db, assignmentId: number) {
  return db.selectFrom('prayer_assignments').selectAll().where('id', '=', assignmentId).executeTakeFirst()
}

export async function scheduleSlots(db: Db, scheduleId: number) {
  return db.selectFrom('prayer_slots').selectAll().where('schedule_id', '=', scheduleId).orderBy('starts_at').orderBy('id').execute()
}

export async function scheduleAssignments(db: Db, scheduleId: number) {
  return db
    .selectFrom('prayer_assignments as a')
    .innerJoin('prayer_slots as s', 's.id', 'a.slot_id')
    .leftJoin('people as p', 'p.id', 'a.person_id')
    .select(['a.id', 'a.slot_id', 'a.person_id', 'a.write_in_name', 'a.source', 'a.needs_substitute', 'p.first_name', 'p.last_name', 'p.preferred_name'])
    .where('s.schedule_id', '=', scheduleId)
    .orderBy('a.slot_id')
    .orderBy('a.id')
    .execute()
}

export async function insertAssignment(
  db: Db,
  a: { slotId: number; personId: number | null; writeInName: string | null; source: 'manual' | 'auto' },
): Promise<number> {
  const row = await db
    .insertInto('prayer_assignments')
    .values({ slot_id: a.slotId, person_id: a.personId, write_in_name: a.personId === null ? a.writeInName : null, source: a.source })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/**
 * Many people into many slots (filling a month-long vigil adds thousands): one statement a few hundred rows, so
 * SQLite prepares a handful of statements instead of one a place.
 */
export async function insertAutoAssignments(db: Db, additions: readonly { slotId: number; personId: number }[]): Promise<void> {
  for (let i = 0; i < additions.length; i += 200) {
    await db
      .insertInto('prayer_assignments')
      .values(additions.slice(i, i + 200).map((a) => ({ slot_id: a.slotId, person_id: a.personId, write_in_name: null, source: 'auto' as const })))
      .execute()
  }
}

export async function deleteAssignment(db: Db, assignmentId: number): Promise<number> {
  const r = await db.deleteFrom('prayer_assignments').where('id', '=', assignmentId).executeTakeFirst()
  return Number(r.numDeletedRows)
}

export async function setNeedsSubstitute(db: Db, assignmentId: number, needs: boolean): Promise<number> {
  const r = await db.updateTable('prayer_assignments').set({ needs_substitute: needs ? 1 : 0 }).where('id', '=', assignmentId).executeTakeFirst()
  return Number(r.numUpdatedRows)
}

/** Blackout periods of the given people that touch [from, to]. */
export async function blackoutsFor(db: Db, personIds: readonly number[], from: string, to: string) {
  if (personIds.length === 0) return []
  const rows = await db
    .selectFrom('person_blackouts')
    .select(['person_id', 'starts_on', 'ends_on'])
    .where('person_id', 'in', personIds)
    .where('starts_on', '<=', to)
    .where('ends_on', '>=', from)
    .execute()
  return rows.map((r) => ({ personId: r.person_id, startsOn: r.starts_on, endsOn: r.ends_on }))
}

/** How many prayer assignments each member had in the circle's other schedules: the fill's "over time" memory. */
export async function priorCounts(db: Db, circleId: number, exceptScheduleId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('prayer_assignments as a')
    .innerJoin('prayer_slots as s', 's.id', 'a.slot_id')
    .innerJoin('prayer_schedules as sc', 'sc.id', 's.schedule_id')
    .select((eb) => ['a.person_id', eb.fn.countAll<number>().as('n')])
    .where('sc.circle_id', '=', circleId)
    .where('sc.id', '!=', exceptScheduleId)
    .where('a.person_id', 'is not', null)
    .groupBy('a.person_id')
    .execute()
  return new Map(rows.map((r) => [r.person_id!, Number(r.n)]))
}

export async function peopleByIds(db: Db, personIds: readonly number[]): Promise<Map<number, PersonRef>> {
  if (personIds.length === 0) return new Map()
  const rows = await peopleQuery(db).where('people.id', 'in', personIds).execute()
  return new Map(rows.map((r) => [r.id, personRef(r)]))
}

// ---------------------------------------------------------------------------------------------------------------
// Read models shared by the screens and by printing.

/** A circle with its members in chain order, its schedules and the requests the caller may see. */
export async function getCircle(db: Db, circleId: number, options: { includeCoordinatorOnly: boolean; includeExpired: boolean; today: string }): Promise<CircleDetail | undefined> {
  const circle = await circleExists(db, circleId)
  if (!circle) return undefined
  const leader = circle.leader_person_id === null ? null : ((await peopleByIds(db, [circle.leader_person_id])).get(circle.leader_person_id) ?? null)
  return {
    id: circle.id,
    name: circle.name,
    leader,
    members: await circleMembers(db, circleId),
    requests: await circleRequests(db, circleId, options),
    schedules: await scheduleSummaries(db, circleId),
  }
}

/**
 * The slot grid of one schedule with local labels, who is in each slot, the gaps and per-person counts. Warnings
 * are left empty here; main/prayer-circles.ts adds them (they need other areas' commitments).
 */
export async function getSchedule(db: Db, scheduleId: number): Promise<ScheduleDetail | undefined> {
  const sc = await scheduleRow(db, scheduleId)
  if (!sc) return undefined
  const slots = await scheduleSlots(db, scheduleId)
  const assignments = await scheduleAssignments(db, scheduleId)
  const bySlot = new Map<number, ScheduleSlot['assignments']>()
  const counts = new Map<number, { personId: number; name: string; count: number }>()
  for (const a of assignments) {
    const name = a.person_id !== null ? displayName({ first_name: a.first_name!, last_name: a.last_name!, preferred_name: a.preferred_name }) : a.write_in_name!
    const list = bySlot.get(a.slot_id) ?? []
    list.push({ id: a.id, personId: a.person_id, name, writeIn: a.person_id === null, source: a.source, needsSubstitute: a.needs_substitute === 1, warnings: [] })
    bySlot.set(a.slot_id, list)
    if (a.person_id !== null) {
      const c = counts.get(a.person_id) ?? { personId: a.person_id, name, count: 0 }
      c.count++
      counts.set(a.person_id, c)
    }
  }
  for (const m of await circleMembers(db, sc.circle_id)) if (!counts.has(m.personId)) counts.set(m.personId, { personId: m.personId, name: m.name, count: 0 })
  let gapCount = 0
  let openPlaces = 0
  const out: ScheduleSlot[] = slots.map((s) => {
    const list = bySlot.get(s.id) ?? []
    const missing = s.skipped || sc.kind === 'meeting' ? 0 : Math.max(0, sc.min_people - list.length)
    if (missing > 0) {
      gapCount++
      openPlaces += missing
    }
    const start = local(s.starts_at, sc.time_zone)
    return {
      id: s.id,
      occursAt: s.occurs_at,
      startsAt: s.starts_at,
      endsAt: s.ends_at,
      localDate: start.date,
      localStart: start.time,
      localEnd: local(s.ends_at, sc.time_zone).time,
      skipped: s.skipped === 1,
      moved: s.occurs_at !== s.starts_at,
      assignments: list,
      missing,
    }
  })
  return {
    id: sc.id,
    circleId: sc.circle_id,
    circleName: sc.circle_name,
    kind: sc.kind,
    title: sc.title,
    timeZone: sc.time_zone,
    minPeople: sc.min_people,
    perPersonLimit: sc.per_person_limit,
    rrule: sc.rrule,
    slots: out,
    gapCount,
    openPlaces,
    counts: [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
  }
}

/**
 * For a printed vigil or rotation sign-up sheet: the schedule's slots in time order with local date and times,
 * the names in each slot (members and write-ins; "needs a substitute" kept), `missing` open places per slot, the
 * gap totals and per-person counts. Skipped meetings are included with `skipped: true` so a sheet can strike them.
 * Undefined when the schedule does not exist.
 */
export type ScheduleForPrint = ScheduleDetail

export function getScheduleForPrint(db: Db, scheduleId: number): Promise<ScheduleForPrint | undefined> {
  return getSchedule(db, scheduleId)
}

/**
 * For a printed circle sheet: the circle's name and leader, members with phones, the contact chain in order
 * (`chain[i].calls` is who that person rings next; the last rings nobody) and the prayer requests. Coordinator-
 * only requests are included ONLY when `includeCoordinatorOnly` is true; expired requests are never included.
 * Undefined when the circle does not exist.
 */
export interface CircleForPrint {
  id: number
  name: string
  leader: PersonRef | null
  members: CircleMember[]
  chain: { position: number; personId: number; name: string; phone: string | null; calls: { personId: number; name: string; phone: string | null } | null }[]
  requests: PrayerRequest[]
}

export async function getCircleForPrint(db: Db, circleId: number, options: { includeCoordinatorOnly: boolean; today?: string }): Promise<CircleForPrint | undefined> {
  const today = options.today ?? DateTime.now().toISODate()!
  const circle = await getCircle(db, circleId, { includeCoordinatorOnly: options.includeCoordinatorOnly, includeExpired: false, today })
  if (!circle) return undefined
  const chain = circle.members.map((m, i) => {
    const next = circle.members[i + 1]
    return { position: m.chainPosition, personId: m.personId, name: m.name, phone: m.phone, calls: next ? { personId: next.personId, name: next.name, phone: next.phone } : null }
  })
  return { id: circle.id, name: circle.name, leader: circle.leader, members: circle.members, chain, requests: circle.requests }
}

/** Whether the person already holds a place in the slot. */
export async function isInSlot(db: Db, slotId: number, personId: number): Promise<boolean> {
  return (await db.selectFrom('prayer_assignments').select('id').where('slot_id', '=', slotId).where('person_id', '=', personId).executeTakeFirst()) !== undefined
}

/** The members (not write-ins) holding places in the slot. */
export async function peopleInSlot(db: Db, slotId: number): Promise<number[]> {
  const rows = await db.selectFrom('prayer_assignments').select('person_id').where('slot_id', '=', slotId).execute()
  return rows.map((r) => r.person_id).filter((p): p is number => p !== null)
}

/** Deletes a schedule with its slots and places; false when there was no such schedule. */
export async function deleteSchedule(db: Db, scheduleId: number): Promise<boolean> {
  const r = await db.deleteFrom('prayer_schedules').where('id', '=', scheduleId).executeTakeFirst()
  return Number(r.numDeletedRows) > 0
}

export async function setSlotSkipped(db: Db, slotId: number, skipped: boolean): Promise<void> {
  await db.updateTable('prayer_slots').set({ skipped: skipped ? 1 : 0 }).where('id', '=', slotId).execute()
}

/** A meeting moved to another day or time (and no longer skipped). */
export async function moveSlotTo(db: Db, slotId: number, to: { startsAt: string; endsAt: string; localDate: string }): Promise<void> {
  await db.updateTable('prayer_slots').set({ starts_at: to.startsAt, ends_at: to.endsAt, local_date: to.localDate, skipped: 0 }).where('id', '=', slotId).execute()
}

/** A schedule's slots in time order. */
export async function slotIdsOf(db: Db, scheduleId: number): Promise<number[]> {
  return (await db.selectFrom('prayer_slots').select('id').where('schedule_id', '=', scheduleId).orderBy('starts_at').execute()).map((s) => s.id)
}
