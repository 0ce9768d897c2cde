import { type Kysely, sql } from 'kysely'
import { personSortKey } from '../member-sort'
import { personSearchText } from '../search-text'

interface PersonRow {
  id: number
  first_name: string
  last_name: string
  preferred_name: string | null
  email: string | null
  mobile_phone: string | null
  other_phone: string | null
}

/**
 * Search, sorting and duplicate checks now fold every alphabet (ß→ss, ø→o, Arabic vowel marks and letter
 * variants, Hebrew niqqud, full-width forms). The stored search text and sort key of people already in the file
 * were folded the older way; they are refolded here so "weiss" finds a Weiß entered before this version.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const people = await sql<PersonRow>`
    select id, first_name, last_name, preferred_name, email, mobile_phone, other_phone from people`.execute(db)
  const tags = await sql<{ person_id: number; value: string }>`
    -- Tags before skills, as the app writes them.
    select person_id, value from person_tags order by person_id, kind desc, value`.execute(db)
  const tagsOf = new Map<number, string[]>()
  for (const t of tags.rows) tagsOf.set(t.person_id, [...(tagsOf.get(t.person_id) ?? []), t.value])
  for (const p of people.rows) {
    await sql`update people set search_text = ${personSearchText(p, tagsOf.get(p.id) ?? [])}, sort_key = ${personSortKey(p)}
              where id = ${p.id}`.execute(db)
  }
  // The members list pages through people in sort-key order (its default view); with the key indexed a page is
  // read in order instead of sorting every person for each page.
  await db.schema.createIndex('people_sort_key').on('people').columns(['sort_key', 'id']).execute()
}
