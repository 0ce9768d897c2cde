import type { Kysely } from 'kysely'
import { personSearchText } from '../../db/search-text'
import type { Database } from '../../db/schema'
import type { DietaryNeed, HouseholdRole } from '../../main/contract/values'

const now = '2026-01-01T00:00:00.000Z'

export interface Member {
  first: string
  last: string
  role?: HouseholdRole
  dietary?: DietaryNeed[]
  notes?: string
  archived?: boolean
}

/** A household and its people written straight to the tables, so these tests don't lean on the members screen. */
export async function addHousehold(db: Kysely<Database>, name: string, people: Member[]): Promise<{ householdId: number; personIds: number[] }> {
  const { id: householdId } = await db.insertInto('households').values({ display_name: name, home_phone: '0113 496 0000', updated_at: now }).returning('id').executeTakeFirstOrThrow()
  const personIds: number[] = []
  for (const p of people) {
    const { id } = await db
      .insertInto('people')
      .values({
        household_id: householdId,
        household_role: p.role ?? null,
        first_name: p.first,
        last_name: p.last,
        dietary: JSON.stringify(p.dietary ?? []),
        dietary_notes: p.notes ?? null,
        archived_at: p.archived ? now : null,
        status: 'member',
        search_text: personSearchText({ first_name: p.first, last_name: p.last, mobile_phone: null }),
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    personIds.push(id)
  }
  return { householdId, personIds }
}

/** The congregation of these tests: names in every script, the longest a real list holds, and needs of every kind. */
export async function congregation(db: Kysely<Database>) {
  const haddad = await addHousehold(db, 'The Haddad family', [
    { first: 'Amira', last: 'Haddad', role: 'head', dietary: ['halal', 'sesame_allergy'], notes: 'Carries an EpiPen' },
    { first: 'Yusuf', last: 'Haddad', role: 'spouse', dietary: ['halal'] },
    { first: 'Layla', last: 'Haddad', role: 'child', dietary: ['halal', 'nut_allergy'] },
  ])
  const okafor = await addHousehold(db, 'The Okafor family', [
    { first: 'Ada', last: 'Okafor', role: 'head', dietary: ['vegetarian'] },
    { first: 'Chidi', last: 'Okafor', role: 'spouse' },
  ])
  const long = await addHousehold(db, 'Wolfeschlegelsteinhausenbergerdorff-Kowalska-Wiśniewska household', [
    { first: 'Maximilian-Alexander', last: 'Wolfeschlegelsteinhausenbergerdorff-Kowalska-Wiśniewska', role: 'head', dietary: ['gluten_free'], notes: 'Coeliac: even crumbs' },
  ])
  const zhang = await addHousehold(db, '张家', [{ first: '伟', last: '张', role: 'head', dietary: ['vegan'] }])
  const greek = await addHousehold(db, 'Οικογένεια Παπαδοπούλου', [{ first: 'Ξανθή', last: 'Παπαδοπούλου', role: 'head' }])
  const thai = await addHousehold(db, 'ครอบครัวศรีสุข', [
    { first: 'สมชาย', last: 'ศรีสุข', role: 'head' },
    { first: 'Gone', last: 'Away', archived: true, dietary: ['mustard_allergy'] },
  ])
  const russian = await addHousehold(db, 'Семья Иванов', [{ first: 'Ольга', last: 'Иванова', role: 'head', dietary: ['no_pork', 'no_alcohol'] }])
  return { haddad, okafor, long, zhang, greek, thai, russian }
}
