import type { Kysely, Transaction } from 'kysely'
import type { AskFields, CareAsk, CareOffer, OfferFields } from '../main/contract/care'
import { CARE_KINDS, type CareKind } from '../main/contract/values'
import { maskToWeekdays, weekdaysToMask } from './meal-trains'
import { displayName } from './members'
import type { Database } from './schema'
import { foldForSearch } from './search-text'

type Db = Kysely<Database> | Transaction<Database>

const now = () => new Date().toISOString()

function parseKinds(json: string): CareKind[] {
  const value = JSON.parse(json) as unknown
  return Array.isArray(value) ? value.filter((k): k is CareKind => (CARE_KINDS as readonly string[]).includes(k as string)) : []
}

/** Every word of the query (folded like member search) is somewhere in the record's words. */
export function matchesQuery(query: string, parts: (string | null)[]): boolean {
  const words = foldForSearch(query).split(' ').filter(Boolean)
  if (words.length === 0) return true
  const haystack = foldForSearch(parts.filter(Boolean).join(' '))
  return words.every((w) => haystack.includes(w))
}

// ---------------------------------------------------------------------------------------------------------------
// Offers.

export async function listOffers(db: Db, options: { includeClosed: boolean; personId?: number }): Promise<CareOffer[]> {
  let q = db
    .selectFrom('care_offers as o')
    .innerJoin('people as p', 'p.id', 'o.person_id')
    .leftJoin('households as h', 'h.id', 'p.household_id')
    .select(['o.id', 'o.person_id', 'o.title', 'o.kinds', 'o.weekdays', 'o.time_from', 'o.time_to', 'o.notes', 'o.closed_at'])
    .select(['p.first_name', 'p.last_name', 'p.preferred_name', 'p.mobile_phone', 'h.home_phone'])
    .where('p.archived_at', 'is', null)
  if (!options.includeClosed) q = q.where('o.closed_at', 'is', null)
  if (options.personId !== undefined) q = q.where('o.person_id', '=', options.personId)
  const rows = await q.orderBy('p.sort_key').orderBy('o.id').execute()
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    personName: displayName(r),
    phone: r.mobile_phone ?? r.home_phone,
    title: r.title,
    kinds: parseKinds(r.kinds),
    weekdays: maskToWeekdays(r.weekdays),
    from: r.time_from,
    to: r.time_to,
    notes: r.notes,
    closed: r.closed_at !== null,
  }))
}

function offerValues(f: OfferFields) {
  return {
    person_id: f.personId,
    title: f.title,
    kinds: JSON.stringify(CARE_KINDS.filter((k) => f.kinds.includes(k))),
    weekdays: weekdaysToMask(f.weekdays),
    time_from: f.from,
    time_to: f.to,
    notes: f.notes || null,
    updated_at: now(),
  }
}

export async function insertOffer(db: Db, f: OfferFields): Promise<number> {
  return (await db.insertInto('care_offers').values(offerValues(f)).returning('id').executeTakeFirstOrThrow()).id
}

/** False when there is no such offer. */
export async function updateOffer(db: Db, id: number, f: OfferFields): Promise<boolean> {
  const r = await db.updateTable('care_offers').set(offerValues(f)).where('id', '=', id).executeTakeFirst()
  return r.numUpdatedRows > 0n
}

export async function closeOffer(db: Db, id: number): Promise<boolean> {
  const r = await db.updateTable('care_offers').set({ closed_at: now(), updated_at: now() }).where('id', '=', id).executeTakeFirst()
  return r.numUpdatedRows > 0n
}

// ---------------------------------------------------------------------------------------------------------------
// Asks.

export async function listAsks(db: Db, includeClosed: boolean): Promise<CareAsk[]> {
  let q = db.selectFrom('care_asks').selectAll()
  if (!includeClosed) q = q.where('closed_at', 'is', null)
  const rows = await q.orderBy('closed_at').orderBy('created_at', 'desc').orderBy('id', 'desc').execute()
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    householdId: r.household_id,
    recipientName: r.recipient_name,
    kind: r.kind,
    title: r.title,
    details: r.details,
    trainId: r.train_id,
    closedAt: r.closed_at,
    createdAt: r.created_at,
  }))
}

export async function getAsk(db: Db, id: number): Promise<{ closedAt: string | null; recipientName: string } | undefined> {
  const r = await db.selectFrom('care_asks').select(['closed_at', 'recipient_name']).where('id', '=', id).executeTakeFirst()
  return r ? { closedAt: r.closed_at, recipientName: r.recipient_name } : undefined
}

function askValues(f: AskFields) {
  return {
    person_id: f.personId,
    household_id: f.householdId,
    recipient_name: f.recipientName,
    kind: f.kind,
    title: f.title,
    details: f.details || null,
    updated_at: now(),
  }
}

export async function insertAsk(db: Db, f: AskFields): Promise<number> {
  return (await db.insertInto('care_asks').values(askValues(f)).returning('id').executeTakeFirstOrThrow()).id
}

export async function updateAsk(db: Db, id: number, f: AskFields): Promise<void> {
  await db.updateTable('care_asks').set(askValues(f)).where('id', '=', id).execute()
}

/** Closes an ask and clears the words that may name an illness; who it was for and the kind stay. */
export async function closeAsk(db: Db, id: number): Promise<void> {
  await db.updateTable('care_asks').set({ closed_at: now(), title: null, details: null, updated_at: now() }).where('id', '=', id).execute()
}

export async function linkAsk(db: Db, id: number, trainId: number): Promise<void> {
  await db.updateTable('care_asks').set({ train_id: trainId, updated_at: now() }).where('id', '=', id).execute()
}

/** Which of the named people and households exist (null asks nothing). */
export async function recipientFound(db: Db, personId: number | null, householdId: number | null): Promise<{ person: boolean; household: boolean }> {
  const person = personId === null || (await db.selectFrom('people').select('id').where('id', '=', personId).executeTakeFirst()) !== undefined
  const household = householdId === null || (await db.selectFrom('households').select('id').where('id', '=', householdId).executeTakeFirst()) !== undefined
  return { person, household }
}

export async function personExists(db: Db, personId: number): Promise<boolean> {
  return (await db.selectFrom('people').select('id').where('id', '=', personId).where('archived_at', 'is', null).executeTakeFirst()) !== undefined
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers to choose from.

/** A member who could be asked to help, with their skills as written on their record. */
export interface HelperRecord {
  personId: number
  name: string
  phone: string | null
  skills: string[]
  /** Not inactive: counted in the helped-lately view even with no duties. */
  current: boolean
}

/** Everyone not archived, with their skills, in name order. */
export async function helperRecords(db: Db): Promise<HelperRecord[]> {
  const people = await db
    .selectFrom('people as p')
    .leftJoin('households as h', 'h.id', 'p.household_id')
    .select(['p.id', 'p.first_name', 'p.last_name', 'p.preferred_name', 'p.mobile_phone', 'p.status', 'h.home_phone'])
    .where('p.archived_at', 'is', null)
    .orderBy('p.sort_key')
    .orderBy('p.id')
    .execute()
  const skills = new Map<number, string[]>()
  for (const t of await db.selectFrom('person_tags').select(['person_id', 'value']).where('kind', '=', 'skill').execute()) {
    skills.set(t.person_id, [...(skills.get(t.person_id) ?? []), t.value])
  }
  return people.map((p) => ({ personId: p.id, name: displayName(p), phone: p.mobile_phone ?? p.home_phone, skills: skills.get(p.id) ?? [], current: p.status !== 'inactive' }))
}
