import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { addHousehold, addPerson } from './seed'

// A congregation with the lengths a real file holds, not the example's: the longest names, hyphenated names, emails
// longer than a column, phone extensions and second numbers, postcodes of several countries, and names in Arabic,
// Greek, Cyrillic, Chinese, Japanese, Korean and Thai. The same call always gives the same people.

const FAMILIES: { surname: string; display: string; first: string[]; city: string; postcode: string; street: string }[] = [
  { surname: 'Chukwuemeka-Worthington-Ashby', display: 'The Chukwuemeka-Worthington-Ashby family', first: ['Maximilian-Alexander', 'Oluwaseun', 'Chiamaka'], city: 'Leeds', postcode: 'LS6 3AA', street: '147 Upper Woodhouse Lane North' },
  { surname: 'الحداد', display: 'عائلة الحداد', first: ['عبد الرحمن', 'فاطمة الزهراء'], city: 'عمّان', postcode: '11118', street: '12 شارع الملك فيصل بن عبد العزيز' },
  { surname: 'Παπαδοπούλου-Καραγιάννη', display: 'Παπαδοπούλου-Καραγιάννη', first: ['Ἀθηνᾶ', 'Κωνσταντίνος'], city: 'Αθήνα', postcode: '105 63', street: 'Οδός Ερμού 125' },
  { surname: 'Константинопольская', display: 'Константинопольская', first: ['Анастасия', 'Владимир'], city: 'Leeds', postcode: 'LS17 8QT', street: '8 Birch Road' },
  { surname: '欧阳', display: '欧阳家', first: ['娜娜', '建国'], city: 'London', postcode: 'SW1A 1AA', street: 'Flat 12, 221 Baker Street' },
  { surname: '山田', display: '山田', first: ['花子'], city: 'Leeds', postcode: 'LS2 9JT', street: '3 Church Lane' },
  { surname: '김', display: '김씨 가족', first: ['민준', '서연'], city: 'Leeds', postcode: 'LS8 1DE', street: '40 Roundhay Road' },
  { surname: 'ศรีสวัสดิ์วงศ์', display: 'ศรีสวัสดิ์วงศ์', first: ['สมชาย', 'มาลี'], city: 'Leeds', postcode: 'LS11 5AB', street: '9 Beeston Road' },
  { surname: 'Müller-Lüdenscheidt', display: 'Familie Müller-Lüdenscheidt', first: ['Hans-Joachim', 'Anneliese'], city: 'Berlin', postcode: '10115', street: 'Invalidenstraße 117' },
  { surname: 'Wiśniewska-Łukasiewicz', display: 'Wiśniewska-Łukasiewicz', first: ['Małgorzata', 'Krzysztof'], city: 'Warszawa', postcode: '00-950', street: 'ul. Marszałkowska 140' },
  { surname: 'García Márquez de la Cruz', display: 'The García Márquez de la Cruz family', first: ['María José', 'Juan Pablo'], city: 'Leeds', postcode: 'LS6 2AB', street: 'Flat 2, Rosewood Court, Long Meadow Close' },
  { surname: 'Okafor', display: 'The Okafor family', first: ['Ada', 'Tunde', 'Chidi'], city: 'Leeds', postcode: 'LS7 4QA', street: '12 Elm Street' },
]

const ascii = (s: string) => s.normalize('NFD').replace(/[^a-zA-Z-]/g, '').toLowerCase()

/** The longest email of the file: a hyphenated first and family name at a parish's own long domain. */
export const LONGEST_EMAIL = 'maximilian-alexander.chukwuemeka-worthington-ashby@st-brigids-parish-church-leeds.example.org'

export interface RealLengths {
  personIds: number[]
  emails: string[]
  phones: string[]
  postcodes: string[]
}

/** `rounds` copies of the families (each a household), with every person's phones and most people's emails. */
export async function addRealLengths(db: Kysely<Database>, rounds = 3): Promise<RealLengths> {
  const out: RealLengths = { personIds: [], emails: [], phones: [], postcodes: [] }
  let made = 0
  for (let round = 0; round < rounds; round++) {
    for (const [f, family] of FAMILIES.entries()) {
      const home = f % 2 === 0 ? `0113 496 ${String(1000 + round * 50 + f).slice(-4)}` : null
      const household = await addHousehold(db, {
        display_name: round ? `${family.display} (${round + 1})` : family.display,
        address_line1: family.street,
        city: family.city,
        postal_code: family.postcode,
        home_phone: home,
      })
      if (home) out.phones.push(home)
      out.postcodes.push(family.postcode)
      for (const [m, first] of family.first.entries()) {
        made++
        const mobile = f === 2 ? `+30 691 234 ${String(5600 + made).slice(-4)}` : `07700 900${String(made).padStart(3, '0')}`
        const other = m === 0 ? `0113 496 ${String(2000 + made).slice(-4)} ext. ${100 + made}` : null
        const local = ascii(first) || `member${made}`
        const email = f === 0 && m === 0 && round === 0 ? LONGEST_EMAIL : m < 2 ? `${local}.${ascii(family.surname) || 'family'}${made}@parish-of-saint-bartholomew.example.org` : null
        const id = await addPerson(db, {
          household_id: household,
          household_role: m === 0 ? 'head' : m === 1 ? 'spouse' : 'child',
          first_name: first,
          last_name: family.surname,
          mobile_phone: mobile,
          other_phone: other,
          email,
        })
        out.personIds.push(id)
        out.phones.push(mobile, ...(other ? [other] : []))
        if (email) out.emails.push(email)
      }
    }
  }
  return out
}
