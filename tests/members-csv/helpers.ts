import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CsvCheck, CsvFilePreview, CsvImportResult } from '../../main/contract/members-csv'
import { call } from '../helpers/session'
import type { testSession } from '../helpers/session'

export type S = Awaited<ReturnType<typeof testSession>>

let n = 0
export function writeCsv(s: S, text: string | Uint8Array, name = `people-${++n}.csv`): string {
  const path = join(s.dir, name)
  writeFileSync(path, text)
  return path
}

/** Picks the file the way the volunteer does: the OS picker (answered by the test) and then Hearth reads it. */
export async function open(s: S, path: string): Promise<CsvFilePreview> {
  s.os.openAnswers.push(path)
  const preview = await call(s, 'membersCsv.openFile', {})
  if (!preview) throw new Error('the picker was cancelled')
  return preview
}

export async function check(s: S, p: CsvFilePreview, over: Record<string, unknown> = {}): Promise<CsvCheck> {
  return await call(s, 'membersCsv.check', { token: p.token, mapping: p.mapping, dateOrder: p.dateOrder, ...over })
}

export async function importFile(s: S, p: CsvFilePreview, over: Record<string, unknown> = {}): Promise<CsvImportResult> {
  return await call(s, 'membersCsv.import', { token: p.token, mapping: p.mapping, dateOrder: p.dateOrder, ...over })
}

export function counts(s: S): { people: number; households: number; tags: number; notes: number } {
  const one = (table: string) => s.context.sqlite.prepare(`select count(*) from ${table}`).pluck().get() as number
  return { people: one('people'), households: one('households'), tags: one('person_tags'), notes: one('person_notes') }
}

/**
 * Everyone in the database as a volunteer would describe them, without ids or timestamps: the address that
 * applies to them, their household's name, phone and other members, tags, skills and shareable notes.
 */
export function snapshot(s: S): Record<string, unknown>[] {
  const people = s.context.sqlite
    .prepare(
      `select p.id, p.first_name, p.last_name, p.preferred_name, p.mobile_phone, p.other_phone, p.email,
         case when coalesce(p.address_line1, p.address_line2, p.city, p.region, p.postal_code, p.country) is not null
           then json_array(p.address_line1, p.address_line2, p.city, p.region, p.postal_code, p.country)
           else json_array(h.address_line1, h.address_line2, h.city, h.region, h.postal_code, h.country) end as address,
         p.birthday, p.joined_on, p.status, p.preferred_contact, p.dietary, p.dietary_notes, p.household_id, p.household_role,
         h.display_name as household, h.home_phone,
         (select json_group_array(value) from (select value from person_tags where person_id = p.id and kind = 'tag' order by value)) as tags,
         (select json_group_array(value) from (select value from person_tags where person_id = p.id and kind = 'skill' order by value)) as skills,
         (select json_group_array(body) from (select body from person_notes where person_id = p.id and confidential = 0 order by id)) as notes,
         p.search_text
       from people p left join households h on h.id = p.household_id`,
    )
    .all() as Record<string, unknown>[]
  const name = (p: Record<string, unknown>) => `${p.first_name} ${p.last_name}`
  return people
    .map(({ id, household_id, ...p }) => ({
      ...p,
      housemates: household_id === null ? [] : people.filter((o) => o.household_id === household_id && o.id !== id).map(name).sort(),
    }))
    .sort((a, b) => name(a).localeCompare(name(b)))
}
