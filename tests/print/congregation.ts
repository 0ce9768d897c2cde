import type { Kysely } from 'kysely'
import type { MemberStatus } from '../../main/contract/values'
import type { Database } from '../../db/schema'
import { addHousehold, addNote, addPerson } from './seed'

// A made-up congregation with everything that makes printing hard: accents, Greek and Cyrillic, family names with
// particles ("Ó Riain", "de la Cruz"), long hyphenated names and emails, international phone numbers, households
// of one to six, and members, regular attenders, visitors and inactive people. The same size always gives the same
// people, so page counts can be tested.

const FAMILIES: [string, string][] = [
  ['Okafor', 'The Okafor family'],
  ['Παπαδοπούλου', 'Papadopoulos'],
  ['Кузнецова', 'Kuznetsova'],
  ['Ó Riain', 'The Ó Riain family'],
  ['de la Cruz', 'The de la Cruz family'],
  ['Müller-Lüdenscheidt', 'Müller-Lüdenscheidt'],
  ['Álvarez', 'The Álvarez family'],
  ['Nguyen', 'Nguyen'],
  ['Smith-Worthington-Blake', 'The Smith-Worthington-Blakes'],
  ['Ní Bhriain', 'Ní Bhriain'],
  ['van der Berg', 'The van der Bergs'],
  ['Østergård', 'Østergård'],
  ['Żak', 'The Żak family'],
  ['Mensah', 'The Mensah family'],
  ['Adeyemi', 'Adeyemi'],
  ['Łukasiewicz', 'The Łukasiewicz family'],
  ['Dubois', 'Dubois'],
  ['García Márquez', 'García Márquez'],
  ['Fitzgerald', 'The Fitzgeralds'],
  ["O'Brien", "The O'Briens"],
  ['Björklund', 'Björklund'],
  ['Yılmaz', 'The Yılmaz family'],
  ['Иванова', 'Ivanova'],
  ['Σταυρόπουλος', 'Stavropoulos'],
]

const FIRST = [
  'Ada',
  'Tunde',
  'Chidi',
  'Ἀθηνᾶ',
  'Анна',
  'Siobhán',
  'María José',
  'Zoë',
  'Björn',
  'Łucja',
  'Jean-Baptiste',
  'Grace',
  'Beatrice',
  'Tomás',
  'Αλέξανδρος',
  'Дмитрий',
  'Maximilian-Alexander',
  'Nnamdi',
  'Ingrid',
  'Ewa',
  'Théo',
  'Aoife',
  'Kwame',
  'Ruth',
]

const STREETS = ['Elm Street', 'Οδός Ερμού', 'Birch Road', 'Church Lane', 'Rue de la Paix', 'Ulica Długa', 'Long Meadow Close']

function statusFor(i: number): MemberStatus {
  if (i % 11 === 5) return 'visitor'
  if (i % 7 === 3) return 'regular_attender'
  if (i % 29 === 13) return 'inactive'
  return 'member'
}

export interface Congregation {
  people: number
  households: number
  /** People by status, as generated. */
  statuses: Record<MemberStatus, number>
  personIds: number[]
}

/** Adds `size` people (127 makes 44 households), deterministic for a given size. */
export async function generateCongregation(db: Kysely<Database>, size: number): Promise<Congregation> {
  const statuses: Record<MemberStatus, number> = { member: 0, regular_attender: 0, visitor: 0, inactive: 0 }
  const personIds: number[] = []
  let made = 0
  let households = 0
  for (let h = 0; made < size; h++) {
    const [surname, display] = FAMILIES[h % FAMILIES.length]!
    const round = Math.floor(h / FAMILIES.length)
    const label = round ? `${display} (${round + 1})` : display
    // Households of 1 to 6, mostly 2 to 4; every fifth person lives alone.
    const members = Math.min(size - made, [3, 1, 2, 4, 1, 6, 2, 3, 1, 4][h % 10]!)
    const alone = members === 1 && h % 3 === 0
    const household = alone
      ? null
      : await addHousehold(db, {
          display_name: label,
          address_line1: `${(h * 7) % 180 + 1} ${STREETS[h % STREETS.length]}`,
          address_line2: h % 4 === 0 ? 'Flat 2, Rosewood Court' : null,
          city: h % 5 === 1 ? 'Αθήνα' : 'Leeds',
          postal_code: h % 5 === 1 ? '105 63' : `LS${(h % 9) + 1} ${h % 10}AB`,
          home_phone: h % 3 === 0 ? `0113 496 ${String(1000 + h).slice(-4)}` : null,
        })
    households++
    for (let m = 0; m < members; m++, made++) {
      const first = FIRST[(h * 5 + m * 3) % FIRST.length]!
      const status = statusFor(made)
      statuses[status]++
      const id = await addPerson(db, {
        household_id: household,
        household_role: household === null ? null : m === 0 ? 'head' : m === 1 ? 'spouse' : 'child',
        first_name: first,
        last_name: m === 3 && members > 4 ? 'Chukwuemeka-Worthington' : surname,
        preferred_name: first === 'Beatrice' ? 'Bea' : null,
        mobile_phone: m < 2 ? (h % 5 === 1 ? `+30 691 234 ${String(5600 + made).slice(-4)}` : `07700 900${String(made).padStart(3, '0').slice(-3)}`) : null,
        email: m === 0 ? (first.startsWith('Maximilian') ? 'max.mueller-luedenscheidt@example.org' : `${first.toLowerCase().replace(/[^a-z]/g, '') || 'member'}${made}@example.org`) : null,
        address_line1: household === null ? `${made + 3} Long Meadow Close` : null,
        city: household === null ? 'Leeds' : null,
        birthday: `${1950 + (made % 60)}-${String((made % 12) + 1).padStart(2, '0')}-${String((made % 28) + 1).padStart(2, '0')}`,
        dietary: made % 6 === 0 ? JSON.stringify(['peanut_allergy', 'vegetarian']) : '[]',
        dietary_notes: made % 13 === 0 ? 'Carries an EpiPen' : null,
        status,
      })
      personIds.push(id)
      if (made % 9 === 0) await addNote(db, id, 'Prefers a call after six', false)
      if (made % 17 === 0) await addNote(db, id, 'In hospital until the end of the month', true)
    }
  }
  return { people: made, households, statuses, personIds }
}
