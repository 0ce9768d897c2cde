import type BetterSqlite3 from 'better-sqlite3'
import { personSortKey } from '../db/member-sort'
import { personSearchText } from '../db/search-text'

export const FIRST = ['José', 'Maria', 'John', 'Jane', 'Beatrice', 'Zoë', 'Ahmed', 'Fatima', 'Chloé', 'Liam', 'Olivia', 'Noah', 'Amélie', 'Kwame', 'Ngozi', 'Søren', 'Ines', 'Mateo', 'Grace', 'Tomasz']
export const LAST = ['Smith', 'Álvarez', 'Okafor', 'Nguyen', 'Brown', 'Müller', 'García', 'Kowalski', 'Johnson', 'Mensah', 'O’Brien', 'Dubois', 'Rossi', 'Haddad', 'Kim', 'Lee', 'Patel', 'Walker', 'Núñez', 'Evans']
export const TAGS = ['Choir', 'Youth team', 'Ushers', 'Flowers', 'Welcome desk', 'Bible study', 'Food bank']
export const SKILLS = ['Can drive', 'Can cook', 'Speaks Spanish', 'Has a truck', 'First aid', 'Childcare']
export const STATUSES = ['member', 'regular_attender', 'visitor', 'inactive'] as const
export const DIETARY = ['vegetarian', 'vegan', 'halal', 'gluten_free', 'nut_allergy'] as const
const ROLES = ['spouse', 'child', 'child', 'other'] as const

/** A deterministic random number source, so every run and every peer sees the same congregation. */
export function seeded(seed = 42): () => number {
  let s = seed
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648
}

/**
 * Fills Hearth's own tables with `people` people in `households` households, straight through prepared statements
 * with the same stored search text and sort key Hearth's writers store (100,000 people through the form's code
 * path would take minutes and measure nothing the search figures are about).
 */
export function generateMembersFast(sqlite: BetterSqlite3.Database, people: number, households: number): void {
  const rand = seeded()
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T
  const now = '2026-01-01T00:00:00.000Z'
  const addHousehold = sqlite.prepare(
    'insert into households (display_name, address_line1, city, postal_code, home_phone, updated_at) values (?, ?, ?, ?, ?, ?)',
  )
  const addPerson = sqlite.prepare(
    `insert into people (household_id, household_role, first_name, last_name, mobile_phone, email, status, dietary, joined_on,
       search_text, sort_key, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const addTag = sqlite.prepare('insert or ignore into person_tags (person_id, kind, value) values (?, ?, ?)')
  sqlite.transaction(() => {
    const householdIds: { id: number; last: string }[] = []
    for (let i = 0; i < households; i++) {
      const last = pick(LAST)
      const id = Number(
        addHousehold.run(
          `The ${last} Family`,
          `${i + 1} ${pick(['Mill Lane', 'High Street', 'Church Road', 'Station Road'])}`,
          pick(['York', 'Leeds', 'Hull']),
          `YO${i % 90} ${i % 9}AB`,
          `01904 ${String(100000 + i).slice(-6)}`,
          now,
        ).lastInsertRowid,
      )
      householdIds.push({ id, last })
    }
    for (let i = 0; i < people; i++) {
      const household = i < households ? householdIds[i] : rand() < 0.9 ? pick(householdIds) : undefined
      const first = pick(FIRST)
      const last = household?.last ?? pick(LAST)
      const mobile = `07700 ${String(900000 + i).slice(-6)}`
      const email = rand() < 0.7 ? `person${i}@example.org` : null
      const status = pick(STATUSES)
      const tags = rand() < 0.5 ? [pick(TAGS)] : []
      const skills = rand() < 0.3 ? [pick(SKILLS)] : []
      const dietary = rand() < 0.2 ? [pick(DIETARY)] : []
      const joined = rand() < 0.6 ? `20${String(10 + (i % 16)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}` : null
      const id = Number(
        addPerson.run(
          household?.id ?? null,
          household ? (i < households ? 'head' : pick(ROLES)) : null,
          first,
          last,
          mobile,
          email,
          status,
          JSON.stringify(dietary),
          joined,
          personSearchText({ first_name: first, last_name: last, email, mobile_phone: mobile }, [...tags, ...skills]),
          personSortKey({ first_name: first, last_name: last }),
          now,
        ).lastInsertRowid,
      )
      for (const t of tags) addTag.run(id, 'tag', t)
      for (const s of skills) addTag.run(id, 'skill', s)
    }
  })()
}
