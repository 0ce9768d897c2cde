import { searchTextOf } from '../../db/search-text'
import type { Session } from '../../main/session'

/** Inserts members straight into the table, so these tests do not depend on the members screens' channels. */
export async function addPeople(s: Session, names: readonly string[]): Promise<number[]> {
  const ids: number[] = []
  for (const full of names) {
    const [first, ...rest] = full.split(' ')
    const phone = `07700 900${String(ids.length).padStart(3, '0')}`
    const row = await s.context.db
      .insertInto('people')
      .values({ first_name: first!, last_name: rest.join(' '), mobile_phone: phone, search_text: searchTextOf([full], [phone]), status: 'member', updated_at: new Date().toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow()
    ids.push(row.id)
  }
  return ids
}

export async function addBlackout(s: Session, personId: number, startsOn: string, endsOn: string): Promise<void> {
  await s.context.db.insertInto('person_blackouts').values({ person_id: personId, starts_on: startsOn, ends_on: endsOn, note: null }).execute()
}

export { call } from '../helpers/session'
