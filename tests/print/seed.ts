import type { Kysely } from 'kysely'
import type { Database, NewHousehold, NewPerson } from '../../db/schema'

const NOW = '2026-03-01T10:00:00.000Z'

export async function addHousehold(db: Kysely<Database>, values: Omit<NewHousehold, 'updated_at'>): Promise<number> {
  const row = await db.insertInto('households').values({ ...values, updated_at: NOW }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function addPerson(db: Kysely<Database>, values: Omit<NewPerson, 'updated_at' | 'status'> & Partial<Pick<NewPerson, 'status'>>): Promise<number> {
  const row = await db.insertInto('people').values({ status: 'member', ...values, updated_at: NOW }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function addNote(db: Kysely<Database>, personId: number, body: string, confidential: boolean): Promise<void> {
  await db.insertInto('person_notes').values({ person_id: personId, body, confidential: confidential ? 1 : 0, updated_at: NOW }).execute()
}

/** A small congregation with the awkward cases: Greek and Cyrillic names, markup in a name, someone archived. */
export async function seedCongregation(db: Kysely<Database>): Promise<{ okafor: number; ada: number }> {
  const okafor = await addHousehold(db, {
    display_name: 'The Okafor family',
    address_line1: '12 Elm Street',
    city: 'Leeds',
    postal_code: 'LS6 2AB',
    home_phone: '0113 496 0000',
  })
  const ada = await addPerson(db, {
    household_id: okafor,
    household_role: 'head',
    first_name: 'Adaeze',
    preferred_name: 'Ada',
    last_name: 'Okafor',
    mobile_phone: '07700 900123',
    email: 'ada@example.org',
    dietary: JSON.stringify(['peanut_allergy', 'halal']),
  })
  await addPerson(db, { household_id: okafor, household_role: 'spouse', first_name: 'Tunde', last_name: 'Okafor', mobile_phone: '07700 900456' })
  await addPerson(db, { household_id: okafor, household_role: 'child', first_name: 'Chidi', last_name: 'Okafor' })
  await addNote(db, ada, 'Prefers a call after six', false)
  await addNote(db, ada, 'Undergoing chemotherapy until May', true)

  const papa = await addHousehold(db, { display_name: 'Papadopoulos', address_line1: 'Οδός Ερμού 5', city: 'Αθήνα' })
  await addPerson(db, { household_id: papa, household_role: 'head', first_name: 'Ἀθηνᾶ', last_name: 'Παπαδοπούλου', mobile_phone: '+30 691 234 5678' })

  await addPerson(db, {
    first_name: 'Анна',
    last_name: 'Кузнецова',
    mobile_phone: '07700 900789',
    address_line1: 'Flat 3, 8 Birch Road',
    city: 'Leeds',
    dietary_notes: 'No mushrooms',
  })
  await addPerson(db, { first_name: '<img src=x onerror=alert(1)>', last_name: 'Tester', email: 'x@example.org' })
  await addPerson(db, { first_name: 'Gone', last_name: 'Away', archived_at: NOW })
  return { okafor, ada }
}
