import type { Kysely, Transaction } from 'kysely'
import type { CommunalMealFields, CommunalSignupView, NeedInput, RsvpView } from '../main/contract/communal-meals'
import type { PersonNeeds } from '../main/contract/meal-trains'
import { ALLERGENS, type Allergen, DISH_LABELS, type DishLabel, type CommunalCourse, type CommunalJob, type CommunalSeriesKind } from '../main/contract/values'
import { householdNeeds } from './household-needs'
import { displayName } from './members'
import type { Database } from './schema'

type Db = Kysely<Database> | Transaction<Database>

const now = () => new Date().toISOString()

function keysIn<K extends string>(json: string, known: readonly K[]): K[] {
  try {
    const v = JSON.parse(json) as unknown
    return Array.isArray(v) ? v.filter((k): k is K => typeof k === 'string' && (known as readonly string[]).includes(k)) : []
  } catch {
    return []
  }
}

export interface MealRow {
  id: number
  seriesId: number | null
  seriesNumber: number | null
  seriesTitle: string | null
  closing: boolean
  title: string
  date: string
  time: string | null
  place: string | null
  purpose: string | null
  status: 'active' | 'archived'
}

const mealColumns = [
  'communal_meals.id',
  'communal_meals.series_id',
  'communal_meals.series_number',
  'communal_meals.closing',
  'communal_meals.title',
  'communal_meals.date',
  'communal_meals.time',
  'communal_meals.place',
  'communal_meals.purpose',
  'communal_meals.status',
  'communal_series.title as series_title',
] as const

function mealOf(r: {
  id: number
  series_id: number | null
  series_number: number | null
  closing: 0 | 1
  title: string
  date: string
  time: string | null
  place: string | null
  purpose: string | null
  status: 'active' | 'archived'
  series_title: string | null
}): MealRow {
  return {
    id: r.id,
    seriesId: r.series_id,
    seriesNumber: r.series_number,
    seriesTitle: r.series_title,
    closing: r.closing === 1,
    title: r.title,
    date: r.date,
    time: r.time,
    place: r.place,
    purpose: r.purpose,
    status: r.status,
  }
}

export async function mealRows(db: Db, filter: { id?: number; seriesId?: number; includeArchived?: boolean }): Promise<MealRow[]> {
  let q = db.selectFrom('communal_meals').leftJoin('communal_series', 'communal_series.id', 'communal_meals.series_id').select(mealColumns)
  if (filter.id !== undefined) q = q.where('communal_meals.id', '=', filter.id)
  if (filter.seriesId !== undefined) q = q.where('communal_meals.series_id', '=', filter.seriesId)
  if (!filter.includeArchived && filter.id === undefined) q = q.where('communal_meals.status', '=', 'active')
  const rows = await q.orderBy('communal_meals.date').orderBy('communal_meals.id').execute()
  return rows.map(mealOf)
}

export async function insertMeal(
  db: Db,
  fields: Omit<CommunalMealFields, 'needs'>,
  series: { seriesId: number; number: number; closing: boolean } | null = null,
): Promise<number> {
  const row = await db
    .insertInto('communal_meals')
    .values({
      series_id: series?.seriesId ?? null,
      series_number: series?.number ?? null,
      closing: series?.closing ? 1 : 0,
      title: fields.title,
      date: fields.date,
      time: fields.time,
      place: fields.place,
      purpose: fields.purpose,
      updated_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateMeal(db: Db, id: number, fields: Omit<CommunalMealFields, 'needs'>): Promise<void> {
  await db
    .updateTable('communal_meals')
    .set({ title: fields.title, date: fields.date, time: fields.time, place: fields.place, purpose: fields.purpose, updated_at: now() })
    .where('id', '=', id)
    .execute()
}

export async function archiveMeal(db: Db, id: number): Promise<void> {
  await db.updateTable('communal_meals').set({ status: 'archived', updated_at: now() }).where('id', '=', id).execute()
}

/** The need ids of a meal that hold at least one sign-up. */
export async function needIdsWithSignups(db: Db, mealId: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom('communal_signups')
    .innerJoin('communal_needs', 'communal_needs.id', 'communal_signups.need_id')
    .select('communal_needs.id')
    .where('communal_needs.meal_id', '=', mealId)
    .distinct()
    .execute()
  return new Set(rows.map((r) => r.id))
}

export async function needIdsOf(db: Db, mealId: number): Promise<Set<number>> {
  const rows = await db.selectFrom('communal_needs').select('id').where('meal_id', '=', mealId).execute()
  return new Set(rows.map((r) => r.id))
}

/**
 * Writes a meal's list of needs in the order given: a need with an id is updated in place (its sign-ups stay on
 * it), one without is added, and one no longer listed is removed (the handler refuses first if it has sign-ups).
 */
export async function saveNeeds(db: Db, mealId: number, needs: readonly NeedInput[]): Promise<void> {
  const keep = new Set(needs.flatMap((n) => (n.id === undefined ? [] : [n.id])))
  for (const old of await needIdsOf(db, mealId)) if (!keep.has(old)) await db.deleteFrom('communal_needs').where('id', '=', old).execute()
  for (const [position, n] of needs.entries()) {
    const values = { kind: n.kind, what: n.kind === 'dish' ? n.course : n.job, label: n.label, wanted: n.wanted, serves: n.kind === 'dish' ? n.serves : null, position }
    if (n.id !== undefined) await db.updateTable('communal_needs').set(values).where('id', '=', n.id).where('meal_id', '=', mealId).execute()
    else await db.insertInto('communal_needs').values({ meal_id: mealId, ...values }).execute()
  }
}

export interface NeedRow {
  id: number
  mealId: number
  kind: 'dish' | 'job'
  what: CommunalCourse | CommunalJob
  label: string | null
  wanted: number
  serves: number | null
}

export async function needRows(db: Db, mealIds: readonly number[]): Promise<NeedRow[]> {
  if (!mealIds.length) return []
  const rows = await db.selectFrom('communal_needs').selectAll().where('meal_id', 'in', mealIds).orderBy('meal_id').orderBy('position').orderBy('id').execute()
  return rows.map((r) => ({ id: r.id, mealId: r.meal_id, kind: r.kind, what: r.what as CommunalCourse | CommunalJob, label: r.label, wanted: r.wanted, serves: r.serves }))
}

export async function needRow(db: Db, needId: number): Promise<NeedRow | null> {
  const r = await db.selectFrom('communal_needs').selectAll().where('id', '=', needId).executeTakeFirst()
  return r ? { id: r.id, mealId: r.meal_id, kind: r.kind, what: r.what as CommunalCourse | CommunalJob, label: r.label, wanted: r.wanted, serves: r.serves } : null
}

export async function signupRows(db: Db, needIds: readonly number[]): Promise<CommunalSignupView[]> {
  if (!needIds.length) return []
  const rows = await db
    .selectFrom('communal_signups')
    .leftJoin('people', 'people.id', 'communal_signups.person_id')
    .select(['communal_signups.id', 'need_id', 'person_id', 'communal_signups.household_id', 'name', 'phone', 'quantity', 'dish', 'contains', 'labels', 'notes', 'people.first_name', 'people.preferred_name'])
    .where('need_id', 'in', needIds)
    .orderBy('communal_signups.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    needId: r.need_id,
    personId: r.person_id,
    householdId: r.household_id,
    name: r.name,
    // A household signs up as itself; a written-in name is cut to its first word, as a member's is.
    firstName: r.preferred_name?.trim() || r.first_name?.trim() || (r.household_id !== null ? r.name : firstWord(r.name)),
    phone: r.phone,
    quantity: r.quantity,
    dish: r.dish,
    contains: keysIn<Allergen>(r.contains, ALLERGENS),
    labels: keysIn<DishLabel>(r.labels, DISH_LABELS),
    notes: r.notes,
  }))
}

/** "Sam Write-in" → "Sam": what the noticeboard and dish cards print of a written-in name. */
function firstWord(name: string): string {
  const trimmed = name.trim()
  return trimmed.split(/\s+/)[0] ?? trimmed
}

export async function insertSignup(
  db: Db,
  s: { needId: number; personId: number | null; householdId: number | null; name: string; phone: string | null; quantity: number; dish: string | null; contains: Allergen[]; labels: DishLabel[]; notes: string | null },
): Promise<number> {
  const row = await db
    .insertInto('communal_signups')
    .values({
      need_id: s.needId,
      person_id: s.personId,
      household_id: s.householdId,
      name: s.name,
      phone: s.phone,
      quantity: s.quantity,
      dish: s.dish,
      contains: JSON.stringify([...new Set(s.contains)]),
      labels: JSON.stringify([...new Set(s.labels)]),
      notes: s.notes,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function signupExists(db: Db, signupId: number): Promise<boolean> {
  return !!(await db.selectFrom('communal_signups').select('id').where('id', '=', signupId).executeTakeFirst())
}

export async function deleteSignup(db: Db, signupId: number): Promise<void> {
  await db.deleteFrom('communal_signups').where('id', '=', signupId).execute()
}

export async function rsvpRows(db: Db, mealIds: readonly number[]): Promise<(RsvpView & { mealId: number })[]> {
  if (!mealIds.length) return []
  const rows = await db.selectFrom('communal_rsvps').selectAll().where('meal_id', 'in', mealIds).orderBy('id').execute()
  return rows.map((r) => ({ id: r.id, mealId: r.meal_id, householdId: r.household_id, personId: r.person_id, name: r.name, adults: r.adults, children: r.children, notes: r.notes }))
}

/** A household's answer replaces its earlier one for the same meal; anyone else's is a new answer. */
export async function saveRsvp(
  db: Db,
  r: { mealId: number; householdId: number | null; personId: number | null; name: string; adults: number; children: number; notes: string | null },
): Promise<number> {
  const earlier =
    r.householdId !== null
      ? await db.selectFrom('communal_rsvps').select('id').where('meal_id', '=', r.mealId).where('household_id', '=', r.householdId).executeTakeFirst()
      : r.personId !== null
        ? await db.selectFrom('communal_rsvps').select('id').where('meal_id', '=', r.mealId).where('person_id', '=', r.personId).where('household_id', 'is', null).executeTakeFirst()
        : undefined
  const values = { household_id: r.householdId, person_id: r.personId, name: r.name, adults: r.adults, children: r.children, notes: r.notes }
  if (earlier) {
    await db.updateTable('communal_rsvps').set(values).where('id', '=', earlier.id).execute()
    return earlier.id
  }
  return (await db.insertInto('communal_rsvps').values({ meal_id: r.mealId, ...values }).returning('id').executeTakeFirstOrThrow()).id
}

export async function rsvpExists(db: Db, rsvpId: number): Promise<boolean> {
  return !!(await db.selectFrom('communal_rsvps').select('id').where('id', '=', rsvpId).executeTakeFirst())
}

export async function deleteRsvp(db: Db, rsvpId: number): Promise<void> {
  await db.deleteFrom('communal_rsvps').where('id', '=', rsvpId).execute()
}

/** Who an answer or sign-up names: a member (with their household), or a household by its name. */
export async function whoFor(db: Db, who: { personId: number } | { householdId: number }): Promise<{ personId: number | null; householdId: number | null; name: string; phone: string | null } | null> {
  if ('personId' in who) {
    const p = await db
      .selectFrom('people')
      .select(['id', 'first_name', 'last_name', 'preferred_name', 'household_id', 'mobile_phone', 'other_phone'])
      .where('id', '=', who.personId)
      .where('archived_at', 'is', null)
      .executeTakeFirst()
    return p ? { personId: p.id, householdId: p.household_id, name: displayName(p), phone: p.mobile_phone ?? p.other_phone } : null
  }
  const h = await db.selectFrom('households').select(['id', 'display_name', 'home_phone']).where('id', '=', who.householdId).executeTakeFirst()
  return h ? { personId: null, householdId: h.id, name: h.display_name, phone: h.home_phone } : null
}

/**
 * The needs on record of everyone an answer brings: every current member of an answering household, or the one
 * member who answered alone. A written-in guest has no record, so brings no needs Hearth knows of.
 */
export async function comingNeeds(db: Db, rsvps: readonly Pick<RsvpView, 'id' | 'householdId' | 'personId'>[]): Promise<(PersonNeeds & { rsvpId: number })[]> {
  const out: (PersonNeeds & { rsvpId: number })[] = []
  for (const r of rsvps) {
    if (r.householdId === null && r.personId === null) continue
    for (const p of await householdNeeds(db, { recipientHouseholdId: r.householdId, recipientPersonId: r.personId })) out.push({ ...p, rsvpId: r.id })
  }
  return out
}

export interface SeriesRow {
  id: number
  title: string
  kind: CommunalSeriesKind
  startsOn: string
  count: number
  closingTitle: string | null
}

export async function insertSeries(db: Db, s: Omit<SeriesRow, 'id'>): Promise<number> {
  const row = await db
    .insertInto('communal_series')
    .values({ title: s.title, kind: s.kind, starts_on: s.startsOn, count: s.count, closing_title: s.closingTitle, updated_at: now() })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function seriesRow(db: Db, id: number): Promise<SeriesRow | null> {
  const r = await db.selectFrom('communal_series').selectAll().where('id', '=', id).executeTakeFirst()
  return r ? { id: r.id, title: r.title, kind: r.kind, startsOn: r.starts_on, count: r.count, closingTitle: r.closing_title } : null
}

export async function setSeriesStart(db: Db, id: number, startsOn: string): Promise<void> {
  await db.updateTable('communal_series').set({ starts_on: startsOn, updated_at: now() }).where('id', '=', id).execute()
}

export async function setMealDate(db: Db, id: number, date: string): Promise<void> {
  await db.updateTable('communal_meals').set({ date, updated_at: now() }).where('id', '=', id).execute()
}

/** Every household with a current member, with how many of the series' meals it has sponsored or cooked. */
export async function hostCounts(db: Db, seriesId: number): Promise<{ householdId: number; name: string; hosted: number }[]> {
  const households = await db
    .selectFrom('households')
    .select(['households.id', 'households.display_name'])
    .where((eb) => eb.exists(eb.selectFrom('people').select('people.id').whereRef('people.household_id', '=', 'households.id').where('people.archived_at', 'is', null)))
    .execute()
  const hosted = await db
    .selectFrom('communal_signups')
    .innerJoin('communal_needs', 'communal_needs.id', 'communal_signups.need_id')
    .innerJoin('communal_meals', 'communal_meals.id', 'communal_needs.meal_id')
    .leftJoin('people', 'people.id', 'communal_signups.person_id')
    .select(['communal_signups.household_id', 'people.household_id as person_household'])
    .where('communal_meals.series_id', '=', seriesId)
    .where('communal_needs.kind', '=', 'job')
    .where('communal_needs.what', 'in', ['sponsor', 'cook'])
    .execute()
  const counts = new Map<number, number>()
  for (const h of hosted) {
    const id = h.household_id ?? h.person_household
    if (id !== null) counts.set(id, (counts.get(id) ?? 0) + 1)
  }
  return households.map((h) => ({ householdId: h.id, name: h.display_name, hosted: counts.get(h.id) ?? 0 }))
}
