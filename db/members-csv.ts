import type BetterSqlite3 from 'better-sqlite3'
import type { AddressColumns } from './schema'
import { parseDietary } from './dietary'
import { suggestHouseholdName } from './members'
import { personSortKey } from './member-sort'
import type { ContactMethod, DietaryNeed, HouseholdRole, MemberStatus } from '../main/contract/values'
import { personSearchText } from './search-text'

// Reads and writes for CSV import and export. Import writes with prepared better-sqlite3 statements inside one
// transaction: 10,000 people must go in well under two seconds, and all of them or none.

export type CsvAddress = AddressColumns


/** One spreadsheet row, checked and in Hearth's terms. */
export interface CsvPerson {
  row: number
  first_name: string
  last_name: string
  preferred_name: string | null
  mobile_phone: string | null
  other_phone: string | null
  home_phone: string | null
  email: string | null
  address: CsvAddress
  birthday: string | null
  /** 'MM-DD' when the row gave a birthday without its year (then `birthday` is null). */
  birth_month_day: string | null
  joined_on: string | null
  status: MemberStatus
  preferred_contact: ContactMethod | null
  household_key: string | null
  household_name: string | null
  household_role: HouseholdRole | null
  tags: string[]
  skills: string[]
  dietary: DietaryNeed[]
  dietary_notes: string | null
  notes: string | null
}

export function hasAddress(a: CsvAddress): boolean {
  return Object.values(a).some((v) => v !== null)
}

export function sameAddress(a: CsvAddress, b: CsvAddress): boolean {
  return (Object.keys(a) as (keyof CsvAddress)[]).every((k) => (a[k] ?? '') === (b[k] ?? ''))
}

/** What duplicate detection needs of someone already in Hearth. */
export interface ExistingContact {
  first_name: string
  last_name: string
  preferred_name: string | null
  email: string | null
  mobile_phone: string | null
  other_phone: string | null
  birthday: string | null
  birth_month_day: string | null
  home_phone: string | null
  household_key: string | null
}

/** Everyone already in Hearth (archived people too), with the contacts that tell a repeated row. */
export function existingContacts(sqlite: BetterSqlite3.Database): ExistingContact[] {
  return sqlite
    .prepare(
      `select p.first_name, p.last_name, p.preferred_name, p.email, p.mobile_phone, p.other_phone, p.birthday, p.birth_month_day,
         h.home_phone, h.external_id as household_key
       from people p left join households h on h.id = p.household_id`,
    )
    .all() as ExistingContact[]
}

interface ExistingHousehold {
  id: number
  address: CsvAddress
}

function existingHouseholds(sqlite: BetterSqlite3.Database, keys: string[]): Map<string, ExistingHousehold> {
  const found = new Map<string, ExistingHousehold>()
  if (keys.length === 0) return found
  const rows = sqlite
    .prepare(
      `select id, external_id, address_line1, address_line2, city, region, postal_code, country
       from households where external_id in (select value from json_each(?))`,
    )
    .all(JSON.stringify(keys)) as ({ id: number; external_id: string } & CsvAddress)[]
  for (const { id, external_id, ...address } of rows) found.set(external_id, { id, address })
  return found
}

export interface HouseholdGroup {
  /** The spreadsheet's household id, or null for someone given a household of their own (a home phone, no id). */
  key: string | null
  people: CsvPerson[]
}

/** A family named but not numbered (Breeze's "Family" column): the same name at the same address is one home. */
function namedHomeKey(p: CsvPerson): string {
  const fold = (v: string | null) => (v ?? '').toLocaleLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
  return [p.household_name, p.address.address_line1, p.address.postal_code, p.address.city].map(fold).join('\u0000')
}

/**
 * Which households the people make: rows sharing a household id go together; rows with a household name but no
 * id go together when they also share the address; a row with a home phone but neither gets a household of its
 * own (a home phone belongs to a household); everyone else has none.
 */
export function groupHouseholds(people: CsvPerson[]): { groups: HouseholdGroup[]; alone: CsvPerson[] } {
  const byKey = new Map<string, HouseholdGroup>()
  const byName = new Map<string, HouseholdGroup>()
  const groups: HouseholdGroup[] = []
  const alone: CsvPerson[] = []
  for (const p of people) {
    if (p.household_key === null && p.household_name !== null) {
      const name = namedHomeKey(p)
      let group = byName.get(name)
      if (!group) {
        group = { key: null, people: [] }
        byName.set(name, group)
        groups.push(group)
      }
      group.people.push(p)
    } else if (p.household_key !== null) {
      let group = byKey.get(p.household_key)
      if (!group) {
        group = { key: p.household_key, people: [] }
        byKey.set(p.household_key, group)
        groups.push(group)
      }
      group.people.push(p)
    } else if (p.home_phone !== null) groups.push({ key: null, people: [p] })
    else alone.push(p)
  }
  return { groups, alone }
}

/** The address most of the household's rows give (the first one on a tie); blank when none gives one. */
function commonAddress(people: CsvPerson[]): CsvAddress {
  const counts: { address: CsvAddress; n: number }[] = []
  for (const p of people) {
    if (!hasAddress(p.address)) continue
    const seen = counts.find((c) => sameAddress(c.address, p.address))
    if (seen) seen.n++
    else counts.push({ address: p.address, n: 1 })
  }
  let best = counts[0]
  for (const c of counts) if (best && c.n > best.n) best = c
  return best?.address ?? { address_line1: null, address_line2: null, city: null, region: null, postal_code: null, country: null }
}

export interface ImportCounts {
  imported: number
  households: number
}

/** Writes the people, their households, tags, skills and notes in one transaction; on any error nothing stays. */
export function insertImportedPeople(sqlite: BetterSqlite3.Database, people: CsvPerson[], now: string): ImportCounts {
  const insertHousehold = sqlite.prepare(
    `insert into households (display_name, address_line1, address_line2, city, region, postal_code, country, home_phone, external_id, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  // People go in a hundred rows per statement: SQLite's work per row is the same, the calls and bindings are not.
  const personColumns = `insert into people (household_id, household_role, first_name, last_name, preferred_name, mobile_phone,
       other_phone, email, address_line1, address_line2, city, region, postal_code, country, birthday, birth_month_day, joined_on, status,
       preferred_contact, dietary, dietary_notes, search_text, sort_key, updated_at) values `
  const oneRow = `(${new Array(24).fill('?').join(', ')})`
  const insertPeople = new Map<number, BetterSqlite3.Statement>()
  const statementFor = (rows: number) => {
    let stmt = insertPeople.get(rows)
    if (!stmt) insertPeople.set(rows, (stmt = sqlite.prepare(personColumns + new Array(rows).fill(oneRow).join(', '))))
    return stmt
  }
  // Tags go in with one statement at the end: thousands of tiny inserts cost more in calls than in SQLite's work.
  const insertTags = sqlite.prepare(
    `insert or ignore into person_tags (person_id, kind, value)
     select json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') from json_each(?)`,
  )
  const tags: [number, 'tag' | 'skill', string][] = []
  const insertNote = sqlite.prepare(`insert into person_notes (person_id, body, confidential, updated_at) values (?, ?, 0, ?)`)

  const pending: CsvPerson[] = []
  const values: unknown[] = []
  const flush = () => {
    if (pending.length === 0) return
    const info = statementFor(pending.length).run(values)
    // One statement's rows take consecutive new ids (an INTEGER PRIMARY KEY grows by one from the largest), so the
    // last id gives every id of the batch.
    const first = Number(info.lastInsertRowid) - pending.length + 1
    pending.forEach((p, i) => {
      const id = first + i
      for (const t of p.tags) tags.push([id, 'tag', t])
      for (const t of p.skills) tags.push([id, 'skill', t])
      if (p.notes) insertNote.run(id, p.notes, now)
    })
    pending.length = 0
    values.length = 0
  }

  const addPerson = (p: CsvPerson, householdId: number | null, householdAddress: CsvAddress | null, otherPhone: string | null) => {
    const own = householdAddress === null || !sameAddress(p.address, householdAddress) ? p.address : null
    const a = own && hasAddress(own) ? own : null
    values.push(
      householdId,
      householdId === null ? null : p.household_role,
      p.first_name,
      p.last_name,
      p.preferred_name,
      p.mobile_phone,
      otherPhone,
      p.email,
      a?.address_line1 ?? null,
      a?.address_line2 ?? null,
      a?.city ?? null,
      a?.region ?? null,
      a?.postal_code ?? null,
      a?.country ?? null,
      p.birthday,
      p.birth_month_day,
      p.joined_on,
      p.status,
      p.preferred_contact,
      JSON.stringify(p.dietary),
      p.dietary_notes,
      personSearchText({ ...p, other_phone: otherPhone }, [...p.tags, ...p.skills]),
      personSortKey(p),
      now,
    )
    pending.push(p)
    if (pending.length === 100) flush()
  }

  const run = sqlite.transaction(() => {
    const { groups, alone } = groupHouseholds(people)
    const existing = existingHouseholds(
      sqlite,
      groups.flatMap((g) => (g.key === null ? [] : [g.key])),
    )
    for (const group of groups) {
      const found = group.key === null ? undefined : existing.get(group.key)
      let householdId: number
      let address: CsvAddress
      const homePhone = group.people.find((p) => p.home_phone !== null)?.home_phone ?? null
      if (found) {
        householdId = found.id
        address = found.address
      } else {
        address = commonAddress(group.people)
        const name = group.people.find((p) => p.household_name)?.household_name ?? suggestHouseholdName(group.people)
        const info = insertHousehold.run(
          name,
          address.address_line1,
          address.address_line2,
          address.city,
          address.region,
          address.postal_code,
          address.country,
          homePhone,
          group.key,
          now,
        )
        householdId = Number(info.lastInsertRowid)
      }
      for (const p of group.people) {
        // A home phone that differs from the household's is still this person's number: keep it as their other phone.
        const otherPhone = p.other_phone ?? (p.home_phone !== null && p.home_phone !== homePhone ? p.home_phone : null)
        addPerson(p, householdId, address, otherPhone)
      }
    }
    for (const p of alone) addPerson(p, null, null, p.other_phone)
    flush()
    if (tags.length > 0) insertTags.run(JSON.stringify(tags))
    return { imported: people.length, households: groups.length }
  })
  return run()
}

/** Households the import would make or join: one per household id, plus one per person given their own. */
export function countHouseholds(people: CsvPerson[]): number {
  return groupHouseholds(people).groups.length
}

/** A person as the export writes them: the address is the one that applies (their own, else the household's). */
export type ExportPerson = Omit<CsvPerson, 'row' | 'notes'> & {
  /** Only notes not marked confidential. */
  notes: string[]
}

/** The people with these ids, in this order, ready to write out. Confidential notes are never read. */
export function peopleForExport(sqlite: BetterSqlite3.Database, ids: number[]): ExportPerson[] {
  const idsJson = JSON.stringify(ids)
  const rows = sqlite
    .prepare(
      `select p.*, h.display_name as h_name, h.external_id as h_external, h.home_phone as h_phone,
         h.address_line1 as h_line1, h.address_line2 as h_line2, h.city as h_city, h.region as h_region,
         h.postal_code as h_postal, h.country as h_country
       from people p left join households h on h.id = p.household_id
       where p.id in (select value from json_each(?))`,
    )
    .all(idsJson) as Record<string, unknown>[]
  const tags = new Map<number, { tags: string[]; skills: string[] }>()
  for (const t of sqlite
    .prepare(`select person_id, kind, value from person_tags where person_id in (select value from json_each(?)) order by value collate nocase`)
    .all(idsJson) as { person_id: number; kind: 'tag' | 'skill'; value: string }[]) {
    let entry = tags.get(t.person_id)
    if (!entry) tags.set(t.person_id, (entry = { tags: [], skills: [] }))
    ;(t.kind === 'tag' ? entry.tags : entry.skills).push(t.value)
  }
  const notes = new Map<number, string[]>()
  for (const n of sqlite
    .prepare(`select person_id, body from person_notes where confidential = 0 and person_id in (select value from json_each(?)) order by created_at, id`)
    .all(idsJson) as { person_id: number; body: string }[]) {
    const list = notes.get(n.person_id)
    if (list) list.push(n.body)
    else notes.set(n.person_id, [n.body])
  }
  const byId = new Map(rows.map((r) => [r.id as number, r]))
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null)
  return ids.flatMap((id) => {
    const r = byId.get(id)
    if (!r) return []
    const own: CsvAddress = {
      address_line1: text(r.address_line1),
      address_line2: text(r.address_line2),
      city: text(r.city),
      region: text(r.region),
      postal_code: text(r.postal_code),
      country: text(r.country),
    }
    const household: CsvAddress = {
      address_line1: text(r.h_line1),
      address_line2: text(r.h_line2),
      city: text(r.h_city),
      region: text(r.h_region),
      postal_code: text(r.h_postal),
      country: text(r.h_country),
    }
    const householdId = r.household_id as number | null
    return [
      {
        first_name: r.first_name as string,
        last_name: r.last_name as string,
        preferred_name: text(r.preferred_name),
        mobile_phone: text(r.mobile_phone),
        home_phone: text(r.h_phone),
        other_phone: text(r.other_phone),
        email: text(r.email),
        address: hasAddress(own) ? own : household,
        birthday: text(r.birthday),
        birth_month_day: text(r.birth_month_day),
        joined_on: text(r.joined_on),
        status: r.status as MemberStatus,
        preferred_contact: text(r.preferred_contact) as ContactMethod | null,
        // A household made in Hearth has no spreadsheet id: its own number keeps its people together on re-import.
        household_key: householdId === null ? null : (text(r.h_external) ?? `hearth-${householdId}`),
        household_name: text(r.h_name),
        household_role: text(r.household_role) as HouseholdRole | null,
        tags: tags.get(id)?.tags ?? [],
        skills: tags.get(id)?.skills ?? [],
        dietary: parseDietary(r.dietary as string),
        dietary_notes: text(r.dietary_notes),
        notes: notes.get(id) ?? [],
      },
    ]
  })
}

/**
 * Changes whenever anyone writes to the database: this connection's own writes (total_changes) and any other
 * connection's (data_version), so a reused import classification never misses a person added since.
 */
export function databaseStamp(sqlite: BetterSqlite3.Database): string {
  return `${sqlite.pragma('data_version', { simple: true })}:${sqlite.prepare('select total_changes()').pluck().get()}`
}
