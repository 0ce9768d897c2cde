import { type Kysely, sql } from 'kysely'
import type { PersonChoice } from '../main/contract/members'
import type { Database } from './schema'
import { foldForSearch } from './search-text'

/** The name a person goes by: "Bea Okafor" for Beatrice with preferred name Bea. */
export function displayName(p: { first_name: string; last_name: string; preferred_name: string | null }): string {
  return `${p.preferred_name || p.first_name} ${p.last_name}`.trim()
}

/** Current (not archived) people whose name, phone, email or tags match, for pickers. */
export async function pickPeople(db: Kysely<Database>, query: string, limit: number): Promise<PersonChoice[]> {
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
    const pattern = `%${word.replace(/[%_\\]/g, (c) => `\\${c}`)}%`
    q = q.where(sql<boolean>`people.search_text like ${pattern} escape '\\'`)
  }
  const rows = await q.orderBy('people.last_name').orderBy('people.first_name').limit(limit).execute()
  return rows.map((r) => ({
    id: r.id,
    name: displayName(r),
    householdName: r.household_name,
    phone: r.mobile_phone ?? r.home_phone,
  }))
}
