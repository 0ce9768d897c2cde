import type BetterSqlite3 from 'better-sqlite3'
import { CompiledQuery, type Kysely, sql } from 'kysely'
import type {
  Address,
  Blackout,
  DeleteCheck,
  HouseholdDetail,
  HouseholdFields,
  HouseholdMember,
  HouseholdPage,
  MemberFilter,
  MemberPage,
  MemberSort,
  PersonChoice,
  PersonDetail,
  PersonFields,
  PersonNote,
  PersonReference,
} from '../main/contract/members'
import type { AddressColumns, Database } from './schema'
import type { HouseholdRole, MemberStatus } from '../main/contract/values'
import { parseDietary } from './dietary'
import { foldForSearch, personSearchText, trigramsOf } from './search-text'
import { personSortKey } from './member-sort'
import { memberPageIds, ORDER_BY, prepared } from './members-page'

// The query module for people and households.
//
// Reused by other areas (keep these names and shapes stable):
// - filterPeople(db, filter)            ids matching the shared MemberFilter, sorted by last then first name,
//                                       accents ignored
//                                       (CSV export, printed directories);
// - createPerson(trx, fields)           inserts a person with tags/skills, search text and sort key; returns the id;
// - updatePerson(trx, id, fields)       replaces a person's editable fields, tags and skills;
// - createHousehold(trx, fields, externalId?) / updateHousehold(trx, id, fields);
// all of them run inside the caller's transaction (pass the `trx` of `db.transaction().execute(...)`), so an
// importer can write thousands of people all-or-nothing. `fields` is PersonFieldsSchema's output
// (main/contract/members.ts): parse raw values with that schema first.

type Db = Kysely<Database>

/** The name a person goes by: "Bea Okafor" for Beatrice with preferred name Bea. */
export function displayName(p: { first_name: string; last_name: string; preferred_name: string | null }): string {
  return `${p.preferred_name || p.first_name} ${p.last_name}`.trim()
}

function likePattern(word: string): string {
  return `%${word.replace(/[%_\\]/g, (c) => `\\${c}`)}%`
}

/** Current (not archived) people whose name, phone, email or tags match, for pickers. */
export async function pickPeople(db: Db, query: string, limit: number): Promise<PersonChoice[]> {
  const folded = foldForSearch(query)
  let q = db
    .selectFrom('people')
    .leftJoin('households', 'households.id', 'people.household_id')
    .select([
      'people.id',
      'people.first_name',
      'people.last_name',
      'people.preferred_name',
      'people.mobile_phone',
      'households.display_name as household_name',
      'households.home_phone',
    ])
    .where('people.archived_at', 'is', null)
  for (const word of folded.split(' ').filter(Boolean)) {
    q = q.where(sql<boolean>`people.search_text like ${likePattern(word)} escape '\\'`)
  }
  const rows = await q.orderBy('people.last_name').orderBy('people.first_name').limit(limit).execute()
  return rows.map((r) => ({
    id: r.id,
    name: displayName(r),
    householdName: r.household_name,
    phone: r.mobile_phone ?? r.home_phone,
  }))
}

// ---------------------------------------------------------------------------------------------------------------
// The shared filter, as one SQL condition on `people p`. Built as text plus parameters so the same condition
// serves Kysely callers and the prepared statements of the search-as-you-type hot path.

interface Condition {
  where: string
  params: unknown[]
  /** The same condition for walking people one by one in an order: a tag is looked up per person, not listed. */
  perPerson: string
  /** The tags and skills asked for, as (kind, value): a list of their holders can find the matches fastest. */
  tags: [string, string][]
  /** Each typed word's runs of three letters, which every match's search text holds: for the trigram index. */
  trigrams: string[][]
}

export function memberCondition(filter: MemberFilter): Condition {
  const parts: string[] = []
  const perPerson: string[] = []
  const params: unknown[] = []
  const trigrams: string[][] = []
  const tags: [string, string][] = []
  const both = (part: string) => {
    parts.push(part)
    perPerson.push(part)
  }
  if (!filter.includeArchived) both('p.archived_at is null')
  for (const word of foldForSearch(filter.query).split(' ').filter(Boolean)) {
    // A phone typed with spaces or dashes ("555-01") also matches the digits-only token stored for phones.
    const digits = word.replace(/\D+/g, '')
    if (digits.length >= 3 && digits !== word && /^[\d\s().+-]+$/.test(word)) {
      both(`(p.search_text like ? escape '\\' or p.search_text like ? escape '\\')`)
      params.push(likePattern(word), likePattern(digits))
    } else {
      both(`p.search_text like ? escape '\\'`)
      params.push(likePattern(word))
      // A phone typed two ways (above) can match either spelling, so only a plain word's runs are certain.
      trigrams.push(trigramsOf(word))
    }
  }
  if (filter.statuses.length > 0) {
    both(`p.status in (${filter.statuses.map(() => '?').join(',')})`)
    params.push(...filter.statuses)
  }
  for (const [kind, values] of [
    ['tag', filter.tags],
    ['skill', filter.skills],
  ] as const) {
    for (const value of values) {
      // One pass over the tag's index entries, not one lookup per person: half the time at 100,000 people.
      parts.push(`p.id in (select t.person_id from person_tags t where t.kind = ? and t.value = ? collate nocase)`)
      perPerson.push(`exists (select 1 from person_tags t where t.person_id = p.id and t.kind = ? and t.value = ? collate nocase)`)
      params.push(kind, value)
      tags.push([kind, value])
    }
  }
  for (const need of filter.dietary) {
    // The quick text test first: most people have no needs at all, and opening their JSON to find that out costs
    // most of a dietary search at 100,000 people. The JSON test keeps the answer exact.
    both(`instr(p.dietary, ?) > 0 and exists (select 1 from json_each(p.dietary) d where d.value = ?)`)
    params.push(JSON.stringify(need), need)
  }
  const joined = (list: string[]) => (list.length ? list.join(' and ') : '1')
  return { where: joined(parts), params, perPerson: joined(perPerson), tags, trigrams }
}

/** Ids of the people matching a filter, sorted by last name then first name. */
export async function filterPeople(db: Db, filter: MemberFilter): Promise<number[]> {
  const { where, params } = memberCondition(filter)
  const result = await db.executeQuery<{ id: number }>(
    CompiledQuery.raw(`select p.id from people p where ${where} order by ${ORDER_BY.name}`, params),
  )
  return result.rows.map((r) => r.id)
}

interface MemberRowRaw {
  id: number
  first_name: string
  last_name: string
  preferred_name: string | null
  household_id: number | null
  household_name: string | null
  household_role: HouseholdRole | null
  phone: string | null
  email: string | null
  status: MemberStatus
  dietary: string
  archived_at: string | null
  tags: string
  skills: string
}

const sortedJson = (text: string): string[] => (JSON.parse(text) as string[]).sort((a, b) => a.localeCompare(b))

/** One page of the members list. Notes are never read here, so no note text can reach a list. */
export function searchMembers(sqlite: BetterSqlite3.Database, filter: MemberFilter, sort: MemberSort, offset: number, limit: number): MemberPage {
  const { ids, total, more } = memberPageIds(sqlite, { ...memberCondition(filter), sort, offset, limit })
  const rows = prepared(
    sqlite,
    `select p.id, p.first_name, p.last_name, p.preferred_name, p.household_id, h.display_name as household_name,
        p.household_role, coalesce(p.mobile_phone, p.other_phone, h.home_phone) as phone, p.email, p.status, p.dietary,
        p.archived_at,
        (select json_group_array(t.value) from person_tags t where t.person_id = p.id and t.kind = 'tag') as tags,
        (select json_group_array(t.value) from person_tags t where t.person_id = p.id and t.kind = 'skill') as skills
     from people p left join households h on h.id = p.household_id
     where p.id in (select value from json_each(?))`,
  ).all(JSON.stringify(ids)) as MemberRowRaw[]
  const byId = new Map(rows.map((r) => [r.id, r]))
  return {
    total,
    more,
    offset,
    rows: ids
      .map((id) => byId.get(id))
      .filter((r): r is MemberRowRaw => r !== undefined)
      .map((r) => ({
        id: r.id,
        name: displayName(r),
        firstName: r.first_name,
        lastName: r.last_name,
        householdId: r.household_id,
        householdName: r.household_name,
        householdRole: r.household_role,
        phone: r.phone,
        email: r.email,
        status: r.status,
        tags: sortedJson(r.tags),
        skills: sortedJson(r.skills),
        dietary: parseDietary(r.dietary),
        archived: r.archived_at !== null,
      })),
  }
}

function addressLine(a: { address_line1: string | null; address_line2: string | null; city: string | null; postal_code: string | null }): string | null {
  return [a.address_line1, a.address_line2, a.city, a.postal_code].filter(Boolean).join(', ') || null
}

const ROLE_ORDER = "case p.household_role when 'head' then 0 when 'spouse' then 1 when 'child' then 2 else 3 end"

/** One page of households that have at least one person matching the filter, with those people, head first. */
export function searchHouseholds(sqlite: BetterSqlite3.Database, filter: MemberFilter, offset: number, limit: number): HouseholdPage {
  const { where, params } = memberCondition(filter)
  const total = (
    prepared(sqlite, `select count(distinct p.household_id) as n from people p where p.household_id is not null and ${where}`).get(...params) as { n: number }
  ).n
  const ids = prepared(
    sqlite,
    `select h.id from households h
     where exists (select 1 from people p where p.household_id = h.id and ${where})
     order by h.display_name collate nocase, h.id limit ? offset ?`,
  )
    .pluck()
    .all(...params, limit, offset) as number[]
  const found = prepared(
    sqlite,
    `select h.id, h.display_name, h.address_line1, h.address_line2, h.city, h.postal_code, h.home_phone,
        (select json_group_array(json_array(m.id, m.first_name, m.last_name, m.preferred_name, m.household_role, m.archived_at))
           from (select p.* from people p where p.household_id = h.id and ${where}
                 order by ${ROLE_ORDER}, p.birthday, p.first_name collate nocase) m) as members
     from households h where h.id in (select value from json_each(?))`,
  ).all(...params, JSON.stringify(ids)) as {
    id: number
    display_name: string
    address_line1: string | null
    address_line2: string | null
    city: string | null
    postal_code: string | null
    home_phone: string | null
    members: string
  }[]
  const byId = new Map(found.map((r) => [r.id, r]))
  const rows = ids.map((id) => byId.get(id)).filter((r) => r !== undefined)
  return {
    total,
    offset,
    rows: rows.map((r) => ({
      id: r.id,
      displayName: r.display_name,
      address: addressLine(r),
      homePhone: r.home_phone,
      members: (JSON.parse(r.members) as [number, string, string, string | null, HouseholdRole | null, string | null][]).map(
        ([id, first_name, last_name, preferred_name, role, archived]) => ({
          id,
          name: displayName({ first_name, last_name, preferred_name }),
          role,
          archived: archived !== null,
        }),
      ),
    })),
  }
}

/** Every tag and skill in use, for the filter dropdowns and the form's suggestions. */
export async function memberChoices(db: Db): Promise<{ tags: string[]; skills: string[] }> {
  const rows = await db.selectFrom('person_tags').select(['kind', 'value']).distinct().orderBy('value').execute()
  const pick = (kind: string) => [...new Set(rows.filter((r) => r.kind === kind).map((r) => r.value))].sort((a, b) => a.localeCompare(b))
  return { tags: pick('tag'), skills: pick('skill') }
}

// ---------------------------------------------------------------------------------------------------------------
// Writing people.

function nowIso(): string {
  return new Date().toISOString()
}

function personColumns(f: PersonFields) {
  const a = f.address
  return {
    household_id: f.householdId,
    household_role: f.householdId === null ? null : f.householdRole,
    first_name: f.firstName,
    last_name: f.lastName,
    preferred_name: f.preferredName,
    mobile_phone: f.mobilePhone,
    other_phone: f.otherPhone,
    email: f.email,
    address_line1: a?.line1 ?? null,
    address_line2: a?.line2 ?? null,
    city: a?.city ?? null,
    region: a?.region ?? null,
    postal_code: a?.postalCode ?? null,
    country: a?.country ?? null,
    birthday: f.birthday,
    joined_on: f.joinedOn,
    status: f.status,
    preferred_contact: f.preferredContact,
    dietary: JSON.stringify(f.dietary),
    dietary_notes: f.dietaryNotes,
    search_text: personSearchText(
      { first_name: f.firstName, last_name: f.lastName, preferred_name: f.preferredName, email: f.email, mobile_phone: f.mobilePhone, other_phone: f.otherPhone },
      [...f.tags, ...f.skills],
    ),
    sort_key: personSortKey({ first_name: f.firstName, last_name: f.lastName }),
    updated_at: nowIso(),
  }
}

async function writeTags(trx: Db, personId: number, f: PersonFields): Promise<void> {
  await trx.deleteFrom('person_tags').where('person_id', '=', personId).execute()
  const rows = [
    ...f.tags.map((value) => ({ person_id: personId, kind: 'tag' as const, value })),
    ...f.skills.map((value) => ({ person_id: personId, kind: 'skill' as const, value })),
  ]
  if (rows.length) await trx.insertInto('person_tags').values(rows).execute()
}

/** Inserts a person with their tags and skills; run it inside a transaction. Returns the new id. */
export async function createPerson(trx: Db, fields: PersonFields): Promise<number> {
  const row = await trx.insertInto('people').values(personColumns(fields)).returning('id').executeTakeFirstOrThrow()
  await writeTags(trx, row.id, fields)
  return row.id
}

/** Replaces a person's editable fields, tags and skills; run it inside a transaction. False if there is no such person. */
export async function updatePerson(trx: Db, id: number, fields: PersonFields): Promise<boolean> {
  const result = await trx.updateTable('people').set(personColumns(fields)).where('id', '=', id).executeTakeFirst()
  if (Number(result.numUpdatedRows) === 0) return false
  await writeTags(trx, id, fields)
  return true
}

export async function setArchived(db: Db, id: number, archived: boolean): Promise<boolean> {
  const now = nowIso()
  const result = await db
    .updateTable('people')
    .set({ archived_at: archived ? now : null, updated_at: now })
    .where('id', '=', id)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

const toNote = (n: { id: number; body: string; confidential: number; created_at: string; updated_at: string }): PersonNote => ({
  id: n.id,
  body: n.body,
  confidential: n.confidential === 1,
  createdAt: n.created_at,
  updatedAt: n.updated_at,
})

function toAddress(a: AddressColumns): Address {
  return { line1: a.address_line1, line2: a.address_line2, city: a.city, region: a.region, postalCode: a.postal_code, country: a.country }
}

/** Everything about one person, including confidential notes (marked), for the coordinator's detail pane. */
export async function getPerson(db: Db, id: number): Promise<Omit<PersonDetail, 'commitments'> | null> {
  const p = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst()
  if (!p) return null
  const [household, tags, blackouts, notes] = await Promise.all([
    p.household_id === null ? undefined : db.selectFrom('households').selectAll().where('id', '=', p.household_id).executeTakeFirst(),
    db.selectFrom('person_tags').select(['kind', 'value']).where('person_id', '=', id).orderBy('value').execute(),
    db.selectFrom('person_blackouts').selectAll().where('person_id', '=', id).orderBy('starts_on').execute(),
    db.selectFrom('person_notes').selectAll().where('person_id', '=', id).orderBy('created_at', 'desc').orderBy('id', 'desc').execute(),
  ])
  const own = toAddress(p)
  return {
    id: p.id,
    name: displayName(p),
    firstName: p.first_name,
    lastName: p.last_name,
    preferredName: p.preferred_name,
    householdId: p.household_id,
    householdRole: p.household_role,
    mobilePhone: p.mobile_phone,
    otherPhone: p.other_phone,
    email: p.email,
    address: Object.values(own).some((v) => v !== null) ? own : null,
    birthday: p.birthday,
    joinedOn: p.joined_on,
    status: p.status,
    preferredContact: p.preferred_contact,
    dietary: parseDietary(p.dietary),
    dietaryNotes: p.dietary_notes,
    tags: tags.filter((t) => t.kind === 'tag').map((t) => t.value),
    skills: tags.filter((t) => t.kind === 'skill').map((t) => t.value),
    household: household ? { id: household.id, displayName: household.display_name, address: toAddress(household), homePhone: household.home_phone } : null,
    archivedAt: p.archived_at,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
    blackouts: blackouts.map((b) => ({ id: b.id, startsOn: b.starts_on, endsOn: b.ends_on, note: b.note })),
    notes: notes.map(toNote),
  }
}

export async function addNote(db: Db, personId: number, body: string, confidential: boolean): Promise<PersonNote> {
  const row = await db
    .insertInto('person_notes')
    .values({ person_id: personId, body, confidential: confidential ? 1 : 0, updated_at: nowIso() })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toNote(row)
}

export async function editNote(db: Db, id: number, body: string, confidential: boolean): Promise<PersonNote | null> {
  const row = await db
    .updateTable('person_notes')
    .set({ body, confidential: confidential ? 1 : 0, updated_at: nowIso() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
  return row ? toNote(row) : null
}

export async function deleteNote(db: Db, id: number): Promise<boolean> {
  const result = await db.deleteFrom('person_notes').where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

export async function addBlackout(db: Db, personId: number, b: Omit<Blackout, 'id'>): Promise<Blackout> {
  const row = await db
    .insertInto('person_blackouts')
    .values({ person_id: personId, starts_on: b.startsOn, ends_on: b.endsOn, note: b.note })
    .returningAll()
    .executeTakeFirstOrThrow()
  return { id: row.id, startsOn: row.starts_on, endsOn: row.ends_on, note: row.note }
}

export async function removeBlackout(db: Db, id: number): Promise<boolean> {
  const result = await db.deleteFrom('person_blackouts').where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

export async function personExists(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom('people').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
}

// ---------------------------------------------------------------------------------------------------------------
// Households.

function householdColumns(f: HouseholdFields) {
  return {
    display_name: f.displayName,
    address_line1: f.address.line1,
    address_line2: f.address.line2,
    city: f.address.city,
    region: f.address.region,
    postal_code: f.address.postalCode,
    country: f.address.country,
    home_phone: f.homePhone,
    anniversary: f.anniversary,
    updated_at: nowIso(),
  }
}

export async function createHousehold(trx: Db, fields: HouseholdFields, externalId: string | null = null): Promise<number> {
  const row = await trx
    .insertInto('households')
    .values({ ...householdColumns(fields), external_id: externalId })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updateHousehold(trx: Db, id: number, fields: HouseholdFields): Promise<boolean> {
  const result = await trx.updateTable('households').set(householdColumns(fields)).where('id', '=', id).executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

export async function allHouseholds(db: Db): Promise<{ id: number; displayName: string }[]> {
  const rows = await db.selectFrom('households').select(['id', 'display_name']).orderBy(sql`display_name collate nocase`).execute()
  return rows.map((r) => ({ id: r.id, displayName: r.display_name }))
}

interface NameParts {
  first_name: string
  last_name: string
  preferred_name: string | null
  household_role: HouseholdRole | null
}

/**
 * The name to print on an envelope: "John & Jane Smith" for a couple, "John Smith & Jane Doe" when their names
 * differ, "The Smith Family" when there are children or more people, "John Smith" for one person.
 */
export function suggestHouseholdName(people: NameParts[]): string {
  if (people.length === 0) return ''
  const rank = (r: HouseholdRole | null) => (r === 'head' ? 0 : r === 'spouse' ? 1 : r === 'child' ? 3 : 2)
  const sorted = [...people].sort((a, b) => rank(a.household_role) - rank(b.household_role))
  const first = (p: NameParts) => p.preferred_name || p.first_name
  const [a, b] = sorted
  if (!a) return ''
  if (!b) return `${first(a)} ${a.last_name}`
  const adults = sorted.filter((p) => p.household_role !== 'child')
  if (sorted.length === 2 && adults.length === 2) {
    return a.last_name === b.last_name ? `${first(a)} & ${first(b)} ${a.last_name}` : `${first(a)} ${a.last_name} & ${first(b)} ${b.last_name}`
  }
  return `The ${a.last_name} Family`
}

async function householdMembers(db: Db, householdId: number): Promise<(HouseholdMember & NameParts)[]> {
  const rows = await db
    .selectFrom('people as p')
    .select(['p.id', 'p.first_name', 'p.last_name', 'p.preferred_name', 'p.household_role', 'p.archived_at'])
    .where('p.household_id', '=', householdId)
    .orderBy(sql.raw(ROLE_ORDER))
    .orderBy('p.birthday')
    .orderBy('p.first_name')
    .execute()
  return rows.map((r) => ({ ...r, name: displayName(r), role: r.household_role, archived: r.archived_at !== null }))
}

export async function getHousehold(db: Db, id: number): Promise<HouseholdDetail | null> {
  const h = await db.selectFrom('households').selectAll().where('id', '=', id).executeTakeFirst()
  if (!h) return null
  const members = await householdMembers(db, id)
  return {
    id: h.id,
    displayName: h.display_name,
    suggestedName: suggestHouseholdName(members.filter((m) => !m.archived)),
    address: toAddress(h),
    homePhone: h.home_phone,
    anniversary: h.anniversary,
    members: members.map(({ id, name, role, archived }) => ({ id, name, role, archived })),
  }
}

/** Makes exactly these people the household's members with these roles; others are moved out. */
export async function setHouseholdMembers(trx: Db, id: number, members: { personId: number; role: HouseholdRole | null }[]): Promise<void> {
  const now = nowIso()
  const keep = members.map((m) => m.personId)
  let out = trx.updateTable('people').set({ household_id: null, household_role: null, updated_at: now }).where('household_id', '=', id)
  if (keep.length) out = out.where('id', 'not in', keep)
  await out.execute()
  for (const m of members) {
    await trx.updateTable('people').set({ household_id: id, household_role: m.role, updated_at: now }).where('id', '=', m.personId).execute()
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Delete. What points at a person is read from the database itself (every table's foreign keys), so sign-ups and
// prayer slots added by other areas are counted without this module knowing them. Undo is the change history's
// (db/history.ts): the delete and everything it took with it are one change there.

interface ForeignKey {
  table: string
  from: string[]
  to: string[]
  onDelete: string
}

function quoteId(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

function primaryKeyOf(sqlite: BetterSqlite3.Database, table: string): string[] {
  const cols = sqlite.prepare(`select name, pk from pragma_table_info(?) where pk > 0 order by pk`).all(table) as { name: string }[]
  return cols.length ? cols.map((c) => c.name) : ['rowid']
}

function foreignKeysTo(sqlite: BetterSqlite3.Database, target: string): ForeignKey[] {
  const tables = sqlite.prepare(`select name from sqlite_schema where type = 'table' and name not like 'sqlite_%'`).pluck().all() as string[]
  const out: ForeignKey[] = []
  for (const table of tables) {
    const rows = sqlite
      .prepare(`select id, seq, "table" as target, "from", "to", on_delete from pragma_foreign_key_list(?) order by id, seq`)
      .all(table) as { id: number; target: string; from: string; to: string | null; on_delete: string }[]
    const byId = new Map<number, ForeignKey>()
    for (const r of rows) {
      if (r.target !== target) continue
      const fk = byId.get(r.id) ?? { table, from: [], to: [], onDelete: r.on_delete.toUpperCase() }
      fk.from.push(r.from)
      fk.to.push(r.to ?? primaryKeyOf(sqlite, target)[fk.from.length - 1] ?? 'rowid')
      byId.set(r.id, fk)
    }
    out.push(...byId.values())
  }
  return out
}

type Row = Record<string, unknown>

function referencingRows(sqlite: BetterSqlite3.Database, fk: ForeignKey, parent: Row): Row[] {
  const where = fk.from.map((c) => `${quoteId(c)} = ?`).join(' and ')
  // A table without a declared key is found again by rowid when its link is put back.
  const columns = primaryKeyOf(sqlite, fk.table)[0] === 'rowid' ? 'rowid, *' : '*'
  return sqlite.prepare(`select ${columns} from ${quoteId(fk.table)} where ${where}`).all(...fk.to.map((c) => parent[c])) as Row[]
}

const TABLE_LABELS: Record<string, string> = {
  person_tags: 'tag or skill',
  person_notes: 'note',
  person_blackouts: 'time away',
  meal_signups: 'meal-train sign-up',
  meal_trains: 'meal train for them',
  prayer_circle_members: 'prayer circle membership',
  prayer_assignments: 'prayer slot',
  prayer_requests: 'prayer request',
}

function effectOf(onDelete: string): PersonReference['effect'] {
  if (onDelete === 'CASCADE') return 'removed'
  if (onDelete === 'SET NULL' || onDelete === 'SET DEFAULT') return 'unlinked'
  return 'blocks'
}

/** What refers to a person, and whether deleting them is possible. Null if there is no such person. */
export function deleteCheck(sqlite: BetterSqlite3.Database, id: number): DeleteCheck | null {
  const person = sqlite.prepare('select * from people where id = ?').get(id) as Row | undefined
  if (!person) return null
  const references: PersonReference[] = []
  for (const fk of foreignKeysTo(sqlite, 'people')) {
    const count = referencingRows(sqlite, fk, person).length
    if (count === 0) continue
    const effect = effectOf(fk.onDelete)
    const label = TABLE_LABELS[fk.table] ?? fk.table.replace(/_/g, ' ')
    const same = references.find((r) => r.table === fk.table && r.effect === effect)
    if (same) same.count += count
    else references.push({ table: fk.table, label, count, effect })
  }
  const head = sqlite
    .prepare(`select h.display_name from households h join people p on p.household_id = h.id where p.id = ? and p.household_role = 'head'`)
    .pluck()
    .get(id) as string | undefined
  return {
    id,
    name: displayName(person as unknown as NameParts),
    references,
    headOf: head ?? null,
    canDelete: references.every((r) => r.effect !== 'blocks'),
  }
}

/** Deletes a person; rows that point at them go or are unlinked as their foreign keys say. False if there is no such person. */
export function deletePerson(sqlite: BetterSqlite3.Database, id: number): boolean {
  return sqlite.prepare('delete from people where id = ?').run(id).changes > 0
}

export async function householdExists(db: Kysely<Database>, householdId: number): Promise<boolean> {
  return (await db.selectFrom('households').select('id').where('id', '=', householdId).executeTakeFirst()) !== undefined
}

/** How many of these people are still in Hearth. */
export async function countPeople(db: Kysely<Database>, ids: readonly number[]): Promise<number> {
  return (await db.selectFrom('people').select('id').where('id', 'in', [...ids]).execute()).length
}
