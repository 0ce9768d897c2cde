import type { Kysely } from 'kysely'
import type { MemberStatus } from '../main/contract/values'
import type { AddressColumns, Database, Person } from './schema'

export type DirectoryPerson = Pick<
  Person,
  | 'id'
  | 'household_id'
  | 'household_role'
  | 'first_name'
  | 'last_name'
  | 'preferred_name'
  | 'mobile_phone'
  | 'other_phone'
  | 'email'
  | 'address_line1'
  | 'address_line2'
  | 'city'
  | 'region'
  | 'postal_code'
  | 'country'
  | 'dietary'
  | 'dietary_notes'
  | 'status'
  | 'birthday'
> & { notes: { body: string; confidential: boolean }[] }

export interface DirectoryHousehold extends AddressColumns {
  id: number | null
  display_name: string
  home_phone: string | null
  people: DirectoryPerson[]
}

const ROLE_ORDER: Record<string, number> = { head: 0, spouse: 1, child: 2, other: 3 }

/**
 * Everyone current (not archived) — or only those of the statuses asked for — grouped by household and sorted by family name; people without a
 * household are an entry of their own. Notes come along only as far as asked for ('ordinary' leaves confidential
 * ones out), so a copy that must not show them never reads them.
 */
export async function getDirectory(
  db: Kysely<Database>,
  options: { notes: 'none' | 'ordinary' | 'all'; statuses?: readonly MemberStatus[] },
): Promise<DirectoryHousehold[]> {
  let peopleQuery = db
    .selectFrom('people')
    .select([
      'id',
      'household_id',
      'household_role',
      'first_name',
      'last_name',
      'preferred_name',
      'mobile_phone',
      'other_phone',
      'email',
      'address_line1',
      'address_line2',
      'city',
      'region',
      'postal_code',
      'country',
      'dietary',
      'dietary_notes',
      'status',
      'birthday',
    ])
    .where('archived_at', 'is', null)
  if (options.statuses) peopleQuery = peopleQuery.where('status', 'in', [...options.statuses])
  const people = await peopleQuery.execute()
  const households = await db.selectFrom('households').selectAll().execute()

  const notesByPerson = new Map<number, { body: string; confidential: boolean }[]>()
  if (options.notes !== 'none') {
    let query = db
      .selectFrom('person_notes')
      .innerJoin('people', 'people.id', 'person_notes.person_id')
      .select(['person_notes.person_id', 'person_notes.body', 'person_notes.confidential'])
      .where('people.archived_at', 'is', null)
    if (options.notes === 'ordinary') query = query.where('person_notes.confidential', '=', 0)
    const notes = await query.orderBy('person_notes.created_at').orderBy('person_notes.id').execute()
    for (const n of notes) {
      const list = notesByPerson.get(n.person_id) ?? []
      list.push({ body: n.body, confidential: n.confidential === 1 })
      notesByPerson.set(n.person_id, list)
    }
  }

  const byHousehold = new Map<number, DirectoryHousehold>()
  for (const h of households) byHousehold.set(h.id, { ...h, people: [] })
  const entries: DirectoryHousehold[] = []
  for (const p of people) {
    const person: DirectoryPerson = { ...p, notes: notesByPerson.get(p.id) ?? [] }
    const household = p.household_id === null ? undefined : byHousehold.get(p.household_id)
    if (household) {
      household.people.push(person)
    } else {
      entries.push({
        id: null,
        display_name: `${p.last_name}, ${p.preferred_name || p.first_name}`,
        address_line1: null,
        address_line2: null,
        city: null,
        region: null,
        postal_code: null,
        country: null,
        home_phone: null,
        people: [person],
      })
    }
  }
  for (const h of byHousehold.values()) {
    if (h.people.length === 0) continue
    h.people.sort(
      (a, b) =>
        (ROLE_ORDER[a.household_role ?? 'other'] ?? 3) - (ROLE_ORDER[b.household_role ?? 'other'] ?? 3) ||
        compareNames(a.first_name, b.first_name),
    )
    entries.push(h)
  }
  // "The Okafor family" files under O, beside Okafor, Tunde who lives alone.
  return entries.sort((a, b) => compareNames(a.people[0]?.last_name ?? '', b.people[0]?.last_name ?? '') || compareNames(a.display_name, b.display_name))
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })
function compareNames(a: string, b: string): number {
  return collator.compare(a, b)
}

/** The current people a meal train is for: the linked household's members, or the one linked person. */
export async function getRecipientPeople(
  db: Kysely<Database>,
  recipient: { personId: number | null; householdId: number | null },
): Promise<{ first_name: string; last_name: string; preferred_name: string | null }[]> {
  const base = db.selectFrom('people').select(['first_name', 'last_name', 'preferred_name', 'household_role']).where('archived_at', 'is', null)
  const rows =
    recipient.householdId !== null
      ? await base.where('household_id', '=', recipient.householdId).orderBy('id').execute()
      : recipient.personId !== null
        ? await base.where('id', '=', recipient.personId).execute()
        : []
  return rows.sort((a, b) => (ROLE_ORDER[a.household_role ?? 'other'] ?? 3) - (ROLE_ORDER[b.household_role ?? 'other'] ?? 3))
}

export interface PersonPhones {
  personId: number
  mobile: string | null
  other: string | null
  home: string | null
}

/** The phone numbers of the given people (their own, and their household's home phone), for coordinator copies. */
export async function getPhones(db: Kysely<Database>, personIds: readonly number[]): Promise<Map<number, PersonPhones>> {
  const found = new Map<number, PersonPhones>()
  // SQLite limits the values in one `in (…)`; a long schedule can name many people.
  for (let i = 0; i < personIds.length; i += 500) {
    const rows = await db
      .selectFrom('people')
      .leftJoin('households', 'households.id', 'people.household_id')
      .select(['people.id', 'people.mobile_phone', 'people.other_phone', 'households.home_phone'])
      .where('people.id', 'in', personIds.slice(i, i + 500))
      .execute()
    for (const r of rows) found.set(r.id, { personId: r.id, mobile: r.mobile_phone, other: r.other_phone, home: r.home_phone })
  }
  return found
}
