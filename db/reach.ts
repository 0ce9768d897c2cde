import { type Kysely, sql, type Transaction } from 'kysely'
import { personKey } from '../main/contract/reach'
import type { CareKind, ContactMethod, Meal, SignupKind, SignupState } from '../main/contract/values'
import { displayName } from './members'
import type { Database } from './schema'

type Db = Kysely<Database> | Transaction<Database>

// What the call list, messages, calendar files and contact lists read. Nothing here reads notes, dietary details
// or a meal train's reason: none of them belongs on a call list, in a message or in a calendar file.

export interface Contact {
  personId: number
  name: string
  mobile: string | null
  otherPhone: string | null
  homePhone: string | null
  email: string | null
  preferredContact: ContactMethod | null
}

function contactQuery(db: Db) {
  return db
    .selectFrom('people as p')
    .leftJoin('households as h', 'h.id', 'p.household_id')
    .select(['p.id', 'p.first_name', 'p.last_name', 'p.preferred_name', 'p.mobile_phone', 'p.other_phone', 'p.email', 'p.preferred_contact', 'h.home_phone'])
}

type ContactRow = {
  id: number
  first_name: string
  last_name: string
  preferred_name: string | null
  mobile_phone: string | null
  other_phone: string | null
  email: string | null
  preferred_contact: ContactMethod | null
  home_phone: string | null
}

function toContact(r: ContactRow): Contact {
  return {
    personId: r.id,
    name: displayName(r),
    mobile: r.mobile_phone,
    otherPhone: r.other_phone,
    homePhone: r.home_phone,
    email: r.email,
    preferredContact: r.preferred_contact,
  }
}

/** Contact details of the given people, in the order of `personIds`; unknown ids are left out. */
export async function contactsOf(db: Db, personIds: readonly number[]): Promise<Contact[]> {
  if (personIds.length === 0) return []
  const byId = new Map<number, Contact>()
  // SQLite limits bound parameters per statement, so a long member list is read in chunks.
  for (let i = 0; i < personIds.length; i += 500) {
    const rows = await contactQuery(db).where('p.id', 'in', personIds.slice(i, i + 500)).execute()
    for (const r of rows) byId.set(r.id, toContact(r))
  }
  return personIds.flatMap((id) => byId.get(id) ?? [])
}

export interface MealDutyRow {
  signupId: number
  trainId: number
  date: string
  meal: Meal
  kind: SignupKind
  state: SignupState
  recipientName: string
  /** The care calendar's kind of help, and its title for 'other'. */
  careKind: CareKind
  careTitle: string | null
  address: string | null
  windowFrom: string | null
  windowTo: string | null
  /** The member, or null for a volunteer written in by hand. */
  contact: Contact | null
  volunteerName: string
  volunteerPhone: string | null
  remindedKey: string | null
  trainArchived: boolean
}

/**
 * Meal sign-ups from `from` to `to` inclusive, in the states given, on trains still running (not archived) unless
 * `includeArchivedTrains`; optionally only one person's. Each carries the volunteer's contact details and any
 * "reminded" tick.
 */
export async function mealDuties(
  db: Db,
  options: { from: string; to: string; states: readonly SignupState[]; personId?: number; includeArchivedTrains?: boolean },
): Promise<MealDutyRow[]> {
  let q = db
    .selectFrom('meal_signups as s')
    .innerJoin('meal_trains as t', 't.id', 's.train_id')
    .leftJoin('meal_train_meals as m', (j) => j.onRef('m.train_id', '=', 's.train_id').onRef('m.meal', '=', 's.meal'))
    .leftJoin('reach_reminders as r', 'r.meal_signup_id', 's.id')
    .select([
      's.id',
      's.train_id',
      's.date',
      's.meal',
      's.kind',
      's.state',
      's.person_id',
      's.volunteer_name',
      's.volunteer_phone',
      't.recipient_name',
      't.kind as care_kind',
      't.title as care_title',
      't.address',
      't.status as train_status',
      'm.window_from',
      'm.window_to',
      'r.person_key',
    ])
    .where('s.state', 'in', [...options.states])
    .where('s.date', '>=', options.from)
    .where('s.date', '<=', options.to)
  if (options.personId !== undefined) q = q.where('s.person_id', '=', options.personId)
  if (!options.includeArchivedTrains) q = q.where('t.status', '=', 'active')
  const rows = await q.orderBy('s.date').orderBy(sql`case s.meal when 'breakfast' then 0 when 'lunch' then 1 else 2 end`).orderBy('s.id').execute()
  const contacts = new Map((await contactsOf(db, [...new Set(rows.flatMap((r) => (r.person_id === null ? [] : [r.person_id])))])).map((c) => [c.personId, c]))
  return rows.map((r) => ({
    signupId: r.id,
    trainId: r.train_id,
    date: r.date,
    meal: r.meal,
    kind: r.kind,
    state: r.state,
    recipientName: r.recipient_name,
    careKind: r.care_kind,
    careTitle: r.care_title,
    address: r.address,
    windowFrom: r.window_from,
    windowTo: r.window_to,
    contact: r.person_id === null ? null : (contacts.get(r.person_id) ?? null),
    volunteerName: r.volunteer_name,
    volunteerPhone: r.volunteer_phone,
    remindedKey: r.person_key,
    trainArchived: r.train_status === 'archived',
  }))
}

export interface PrayerDutyRow {
  assignmentId: number
  slotId: number
  scheduleId: number
  scheduleTitle: string
  circleName: string
  kind: 'meeting' | 'vigil' | 'rotation'
  timeZone: string
  startsAt: string
  endsAt: string
  localDate: string
  skipped: boolean
  needsSubstitute: boolean
  contact: Contact | null
  writeInName: string | null
  remindedKey: string | null
}

/** Prayer assignments whose slot's local day falls from `from` to `to`, optionally for one person or schedule. */
export async function prayerDuties(db: Db, options: { from: string; to: string; includeSkipped: boolean; personId?: number; scheduleId?: number }): Promise<PrayerDutyRow[]> {
  let q = db
    .selectFrom('prayer_assignments as a')
    .innerJoin('prayer_slots as s', 's.id', 'a.slot_id')
    .innerJoin('prayer_schedules as sc', 'sc.id', 's.schedule_id')
    .innerJoin('prayer_circles as c', 'c.id', 'sc.circle_id')
    .leftJoin('reach_reminders as r', 'r.prayer_assignment_id', 'a.id')
    .select([
      'a.id',
      'a.person_id',
      'a.write_in_name',
      'a.needs_substitute',
      's.id as slot_id',
      's.starts_at',
      's.ends_at',
      's.local_date',
      's.skipped',
      'sc.id as schedule_id',
      'sc.title',
      'sc.kind',
      'sc.time_zone',
      'c.name as circle_name',
      'r.person_key',
    ])
    .where('s.local_date', '>=', options.from)
    .where('s.local_date', '<=', options.to)
  if (!options.includeSkipped) q = q.where('s.skipped', '=', 0)
  if (options.personId !== undefined) q = q.where('a.person_id', '=', options.personId)
  if (options.scheduleId !== undefined) q = q.where('sc.id', '=', options.scheduleId)
  const rows = await q.orderBy('s.starts_at').orderBy('a.id').execute()
  const contacts = new Map((await contactsOf(db, [...new Set(rows.flatMap((r) => (r.person_id === null ? [] : [r.person_id])))])).map((c) => [c.personId, c]))
  return rows.map((r) => ({
    assignmentId: r.id,
    slotId: r.slot_id,
    scheduleId: r.schedule_id,
    scheduleTitle: r.title,
    circleName: r.circle_name,
    kind: r.kind,
    timeZone: r.time_zone,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    localDate: r.local_date,
    skipped: r.skipped === 1,
    needsSubstitute: r.needs_substitute === 1,
    contact: r.person_id === null ? null : (contacts.get(r.person_id) ?? null),
    writeInName: r.write_in_name,
    remindedKey: r.person_key,
  }))
}

/** Trains still running (not archived) with at least one day from `from` to `to`. */
export async function trainIdsBetween(db: Db, from: string, to: string): Promise<number[]> {
  const rows = await db.selectFrom('meal_trains').select('id').where('status', '=', 'active').where('starts_on', '<=', to).where('ends_on', '>=', from).orderBy('starts_on').orderBy('id').execute()
  return rows.map((r) => r.id)
}

/** Vigils and rotations (meetings need no sign-up) with a slot that is not cancelled from `from` to `to`. */
export async function scheduleIdsBetween(db: Db, from: string, to: string): Promise<number[]> {
  const rows = await db
    .selectFrom('prayer_schedules as sc')
    .select('sc.id')
    .where('sc.kind', 'in', ['vigil', 'rotation'])
    .where((eb) =>
      eb.exists(
        eb.selectFrom('prayer_slots as s').select('s.id').whereRef('s.schedule_id', '=', 'sc.id').where('s.skipped', '=', 0).where('s.local_date', '>=', from).where('s.local_date', '<=', to),
      ),
    )
    .orderBy('sc.id')
    .execute()
  return rows.map((r) => r.id)
}

/** Ticks a duty as reminded (for the person holding it now) or clears the tick. False when the duty is gone. */
export async function setReminded(db: Db, duty: { kind: 'meal' | 'prayer'; id: number }, personKey: string | null): Promise<boolean> {
  const column = duty.kind === 'meal' ? 'meal_signup_id' : 'prayer_assignment_id'
  if (personKey === null) {
    await db.deleteFrom('reach_reminders').where(column, '=', duty.id).execute()
    return true
  }
  const exists =
    duty.kind === 'meal'
      ? await db.selectFrom('meal_signups').select('id').where('id', '=', duty.id).executeTakeFirst()
      : await db.selectFrom('prayer_assignments').select('id').where('id', '=', duty.id).executeTakeFirst()
  if (!exists) return false
  await db
    .insertInto('reach_reminders')
    .values({ [column]: duty.id, person_key: personKey })
    .onConflict((oc) => oc.column(column).doUpdateSet({ person_key: personKey, reminded_at: new Date().toISOString() }))
    .execute()
  return true
}

/** Who holds a duty now, as the person key the tick records; undefined when the duty is gone. */
export async function dutyHolder(db: Db, duty: { kind: 'meal' | 'prayer'; id: number }): Promise<string | undefined> {
  if (duty.kind === 'meal') {
    const r = await db.selectFrom('meal_signups').select(['person_id', 'volunteer_name']).where('id', '=', duty.id).executeTakeFirst()
    return r ? personKey(r.person_id, r.volunteer_name) : undefined
  }
  const r = await db.selectFrom('prayer_assignments').select(['person_id', 'write_in_name']).where('id', '=', duty.id).executeTakeFirst()
  return r ? personKey(r.person_id, r.write_in_name ?? '') : undefined
}

/** Members of a prayer circle, in contact-chain order. */
export async function circleMemberIds(db: Db, circleId: number): Promise<number[] | undefined> {
  const circle = await db.selectFrom('prayer_circles').select('id').where('id', '=', circleId).executeTakeFirst()
  if (!circle) return undefined
  const rows = await db.selectFrom('prayer_circle_members').select('person_id').where('circle_id', '=', circleId).orderBy('chain_position').execute()
  return rows.map((r) => r.person_id)
}

/** The people signed up (taken or delivered) on a train: members by id, and write-ins by name and phone. */
export async function trainVolunteers(db: Db, trainId: number): Promise<{ personIds: number[]; writeIns: { name: string; phone: string | null }[] } | undefined> {
  const train = await db.selectFrom('meal_trains').select('id').where('id', '=', trainId).executeTakeFirst()
  if (!train) return undefined
  const rows = await db
    .selectFrom('meal_signups')
    .select(['person_id', 'volunteer_name', 'volunteer_phone'])
    .where('train_id', '=', trainId)
    .where('state', 'in', ['taken', 'delivered'])
    .orderBy('date')
    .orderBy('id')
    .execute()
  const personIds = [...new Set(rows.flatMap((r) => (r.person_id === null ? [] : [r.person_id])))]
  const seen = new Set<string>()
  const writeIns = rows.flatMap((r) => {
    if (r.person_id !== null) return []
    const key = personKey(null, r.volunteer_name)
    if (seen.has(key)) return []
    seen.add(key)
    return [{ name: r.volunteer_name, phone: r.volunteer_phone }]
  })
  return { personIds, writeIns }
}

export interface DayOfYear {
  /** The person's name, or the household's. */
  name: string
  /** 'YYYY-MM-DD' as stored, or '--MM-DD' for a birthday known without its year. */
  date: string
  /** The person; for an anniversary, the couple (head and spouse) still in Hearth, for a copy that shows first names only. */
  people: { first_name: string; last_name: string; preferred_name: string | null }[]
}

/** People (not archived) whose birthday falls in `month` (1–12). */
export async function birthdaysIn(db: Db, month: number): Promise<DayOfYear[]> {
  const rows = await contactQuery(db)
    .select(['p.birthday', 'p.birth_month_day'])
    .where('p.archived_at', 'is', null)
    .where(sql<string>`substr(coalesce(p.birthday, '--' || p.birth_month_day), -5, 2)`, '=', String(month).padStart(2, '0'))
    .execute()
  return rows.map((r) => ({ name: displayName(r), date: r.birthday ?? `--${r.birth_month_day}`, people: [r] }))
}

/** Households with at least one member not archived whose wedding anniversary falls in `month` (1–12). */
export async function anniversariesIn(db: Db, month: number): Promise<DayOfYear[]> {
  const rows = await db
    .selectFrom('households as h')
    .select(['h.id', 'h.display_name', 'h.anniversary'])
    .where('h.anniversary', 'is not', null)
    .where(sql<string>`substr(h.anniversary, 6, 2)`, '=', String(month).padStart(2, '0'))
    .where((eb) => eb.exists(eb.selectFrom('people as p').select('p.id').whereRef('p.household_id', '=', 'h.id').where('p.archived_at', 'is', null)))
    .execute()
  const couples = new Map<number, DayOfYear['people']>()
  if (rows.length) {
    const partners = await db
      .selectFrom('people')
      .select(['household_id', 'first_name', 'last_name', 'preferred_name'])
      .where('household_id', 'in', rows.map((r) => r.id))
      .where('household_role', 'in', ['head', 'spouse'])
      .where('archived_at', 'is', null)
      .orderBy(sql`case household_role when 'head' then 0 else 1 end`)
      .execute()
    for (const { household_id, ...name } of partners) couples.set(household_id!, [...(couples.get(household_id!) ?? []), name])
  }
  return rows.map((r) => ({ name: r.display_name, date: r.anniversary!, people: couples.get(r.id) ?? [] }))
}

/** This file's calendar id (made by migration 0007), part of every event's UID. */
export async function calendarId(db: Db): Promise<string> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'calendarId').executeTakeFirstOrThrow()
  return JSON.parse(row.value) as string
}

/** The message templates the volunteer has changed, by kind; kinds left alone are absent. */
export async function storedTemplates(db: Db): Promise<Record<string, unknown>> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'messageTemplates').executeTakeFirst()
  const value = row ? (JSON.parse(row.value) as unknown) : null
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {}
}

export async function saveTemplates(db: Db, templates: Record<string, string>): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: 'messageTemplates', value: JSON.stringify(templates) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(templates) }))
    .execute()
}
