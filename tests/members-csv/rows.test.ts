import { describe, expect, it } from 'vitest'
import type { CsvField } from '../../main/contract/members-csv'
import { cleanCell, DuplicateIndex, readRow, splitFullName, splitList } from '../../main/members-csv/rows'
import { guardFormula } from '../../main/members-csv/export'

const TODAY = '2026-11-25'

function row(values: Partial<Record<CsvField, string>>, order: 'dmy' | 'mdy' = 'dmy') {
  const fields = Object.keys(values) as CsvField[]
  return readRow(
    fields.map((f) => values[f]!),
    fields,
    14,
    order,
    TODAY,
  )
}

describe('reading one row', () => {
  it('turns a full row into a person in Hearth terms', () => {
    const result = row({
      firstName: ' Beatrice ',
      lastName: 'Okafor',
      preferredName: 'Bea',
      mobilePhone: '+44 7700 900123',
      email: 'bea@example.org',
      birthday: '14/03/1980',
      joinedOn: 'March 1, 2010',
      status: 'Regular Attender',
      preferredContact: 'SMS',
      householdId: 'F-12',
      householdRole: 'Head of Household',
      tags: 'Choir; Youth leaders; choir',
      skills: 'Can drive, Speaks Spanish',
      dietary: 'Vegetarian; gluten free; no mushrooms',
      dietaryNotes: 'Mild spice only',
    })
    expect(result).toEqual({
      ok: true,
      warnings: [],
      person: expect.objectContaining({
        row: 14,
        first_name: 'Beatrice',
        last_name: 'Okafor',
        preferred_name: 'Bea',
        mobile_phone: '+44 7700 900123',
        email: 'bea@example.org',
        birthday: '1980-03-14',
        joined_on: '2010-03-01',
        status: 'regular_attender',
        preferred_contact: 'text',
        household_key: 'F-12',
        household_role: 'head',
        tags: ['Choir', 'Youth leaders'],
        skills: ['Can drive', 'Speaks Spanish'],
        dietary: ['vegetarian', 'gluten_free'],
        dietary_notes: 'Mild spice only; no mushrooms',
      }),
    })
  })

  it('says every problem in the row in plain words', () => {
    const result = row({ firstName: 'Bob', lastName: '', email: 'bob@', birthday: '31/02/1990', mobilePhone: 'unknown', status: 'Angel', preferredContact: 'pigeon' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems).toEqual([
      'there is no last name',
      "the mobile phone 'unknown' has no digits in it",
      "the email 'bob@' is not an email address",
      "the birthday '31/02/1990' is not a date Hearth can read (use a date like 1980-03-14)",
      "the preferred contact 'pigeon' is not one Hearth knows (use phone, text, email, post or none)",
    ])
  })

  it('refuses a birthday in the future or before 1900, and a missing first name', () => {
    const result = row({ firstName: '', lastName: 'Li', birthday: '2027-01-01', joinedOn: '1850-01-01' })
    expect(result).toEqual({
      ok: false,
      problems: ['there is no first name', "the birthday '2027-01-01' is in the future", "the joining date '1850-01-01' is before 1900"],
    })
  })

  it('splits a single name column, and uses a preferred name when the first name is blank', () => {
    expect(row({ fullName: 'Smith, John Paul' })).toMatchObject({ ok: true, person: { first_name: 'John Paul', last_name: 'Smith' } })
    expect(row({ fullName: 'Ana María de la Cruz' })).toMatchObject({ ok: true, person: { first_name: 'Ana María de la', last_name: 'Cruz' } })
    expect(row({ firstName: '', preferredName: 'Bea', lastName: 'Okafor' })).toMatchObject({ ok: true, person: { first_name: 'Bea', preferred_name: null } })
    expect(splitFullName('Cher')).toEqual({ first: 'Cher', last: '' })
  })

  it('keeps unknown household roles as "other" and defaults the status to member', () => {
    expect(row({ firstName: 'A', lastName: 'B', householdRole: 'Grand-nephew' })).toMatchObject({ ok: true, person: { household_role: 'other', status: 'member' } })
    expect(row({ firstName: 'A', lastName: 'B', householdRole: 'Daughter', status: 'Guest' })).toMatchObject({ ok: true, person: { household_role: 'child', status: 'visitor' } })
  })

  it('splits lists on semicolons, or on commas when there are none', () => {
    expect(splitList('a; b;;  c  ')).toEqual(['a', 'b', 'c'])
    expect(splitList('a, b,c')).toEqual(['a', 'b', 'c'])
    expect(splitList('Choir, Alto;')).toEqual(['Choir, Alto'])
    expect(splitList('')).toEqual([])
  })

  it("removes the export's formula guard and nothing else", () => {
    expect(cleanCell("'=HYPERLINK(1)")).toBe('=HYPERLINK(1)')
    expect(cleanCell("'tis")).toBe("'tis")
    expect(cleanCell(' N/A ')).toBe('')
    expect(cleanCell('-')).toBe('')
    expect(cleanCell('-1')).toBe('-1')
    expect(guardFormula('=HYPERLINK(1)')).toBe("'=HYPERLINK(1)")
    expect(guardFormula('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(guardFormula('+cmd|calc')).toBe("'+cmd|calc")
    expect(guardFormula('+44 20 7946 0018')).toBe("'+44 20 7946 0018")
    expect(guardFormula('-2+3')).toBe("'-2+3")
    expect(guardFormula('-1-1')).toBe("'-1-1")
    expect(guardFormula('\tcmd')).toBe("'\tcmd")
    expect(guardFormula('\r=1')).toBe("'\r=1")
    expect(guardFormula('Ada')).toBe('Ada')
    expect(guardFormula('-')).toBe('-')
  })
})

describe('spotting duplicates', () => {
  const index = new DuplicateIndex()
  const find = (p: Parameters<typeof DuplicateIndex.keys>[0]) => index.find(DuplicateIndex.keys(p))
  index.add(DuplicateIndex.keys({ first_name: 'José', last_name: 'Núñez', preferred_name: 'Pepe', email: 'Jose@Example.org', phones: ['+44 7700 900123', null] }), 'José Núñez')

  it('needs the same name (ignoring case and accents) and the same email or phone', () => {
    expect(find({ first_name: 'jose', last_name: 'NUNEZ', email: 'jose@example.org ', phones: [] })).toBe('José Núñez')
    expect(find({ first_name: 'Jose', last_name: 'Nunez', email: null, phones: ['07700 900123'] })).toBe('José Núñez')
    expect(find({ first_name: 'Pepe', last_name: 'Núñez', email: null, phones: ['(0)7700-900-123'] })).toBe('José Núñez')
  })

  it('also counts the same birthday, or the same spreadsheet household id, as the same person', () => {
    index.add(DuplicateIndex.keys({ first_name: 'Ada', last_name: 'Obi', phones: [], birthday: '1990-01-31', household_key: 'F9' }), 'Ada Obi')
    expect(find({ first_name: 'ADA', last_name: 'obi', phones: [], birthday: '1990-01-31' })).toBe('Ada Obi')
    expect(find({ first_name: 'Ada', last_name: 'Obi', phones: [], household_key: 'F9' })).toBe('Ada Obi')
    expect(find({ first_name: 'Ada', last_name: 'Obi', phones: [], birthday: '1991-01-31', household_key: 'F8' })).toBeNull()
  })

  it('does not call two people with the same name duplicates without a shared contact', () => {
    expect(find({ first_name: 'José', last_name: 'Núñez', email: 'other@example.org', phones: ['01632 960001'] })).toBeNull()
    expect(find({ first_name: 'Maria', last_name: 'Núñez', email: 'jose@example.org', phones: [] })).toBeNull()
    expect(find({ first_name: 'José', last_name: 'Núñez', email: null, phones: ['123'] })).toBeNull()
  })
})

describe('keeping everyone a file holds', () => {
  it('folds an address typed over several lines into the address lines, and a stray break elsewhere into a space', () => {
    const result = row({ firstName: 'Zofia', lastName: 'Łukasiewicz-\nNowak', address1: 'Flat 3\r\nSt. Anne’s Court\n\n12 Długa', address2: 'Śródmieście', city: 'Gdańsk' })
    expect(result).toMatchObject({
      ok: true,
      warnings: [],
      person: { last_name: 'Łukasiewicz- Nowak', address: { address_line1: 'Flat 3', address_line2: 'St. Anne’s Court, 12 Długa, Śródmieście', city: 'Gdańsk' } },
    })
    expect(row({ firstName: 'Ana', lastName: 'Ruiz', address2: 'Piso 2\nPuerta B' })).toMatchObject({ ok: true, person: { address: { address_line1: null, address_line2: 'Piso 2, Puerta B' } } })
  })

  it('still refuses a real control character, and says which cell', () => {
    expect(row({ firstName: 'Ana', lastName: 'Ruiz', address1: '12 High St\u0000' })).toEqual({
      ok: false,
      problems: ['there is a hidden or broken character (such as a NUL, or a mark that turns the text round) in Address 1; delete and retype that cell in your spreadsheet program'],
    })
  })

  it('keeps a birthday without a year as day and month, never inventing one', () => {
    for (const [written, order, monthDay] of [
      ['3-14', 'dmy', '03-14'],
      ['3-14', 'mdy', '03-14'],
      ['--06-23', 'dmy', '06-23'],
      ['14 March', 'dmy', '03-14'],
      ['March 14th', 'mdy', '03-14'],
      ['29.02.', 'dmy', '02-29'],
      ['14 marca', 'dmy', '03-14'],
    ] as const) {
      expect(row({ firstName: 'A', lastName: 'B', birthday: written }, order), written).toMatchObject({ ok: true, person: { birthday: null, birth_month_day: monthDay } })
    }
    expect(row({ firstName: 'A', lastName: 'B', birthday: '4/5' }, 'mdy')).toMatchObject({ ok: true, person: { birth_month_day: '04-05' } })
    expect(row({ firstName: 'A', lastName: 'B', birthday: '4/5' }, 'dmy')).toMatchObject({ ok: true, person: { birth_month_day: '05-04' } })
    expect(row({ firstName: 'A', lastName: 'B', birthday: '14/03/1980' })).toMatchObject({ ok: true, person: { birthday: '1980-03-14', birth_month_day: null } })
    expect(row({ firstName: 'A', lastName: 'B', birthday: '31-02' })).toMatchObject({ ok: false, problems: ["the birthday '31-02' is not a date Hearth can read (use a date like 1980-03-14)"] })
  })

  it('keeps an unknown membership status as a tag, with a warning, and a known one as the status', () => {
    expect(row({ firstName: 'Kofi', lastName: 'Mensah', status: 'In Progress', tags: 'Choir' })).toEqual({
      ok: true,
      warnings: ["the membership status 'In Progress' is not one Hearth knows, so they come in as a member with the tag 'In Progress'"],
      person: expect.objectContaining({ status: 'member', tags: ['Choir', 'In Progress'] }),
    })
    expect(row({ firstName: 'Kofi', lastName: 'Mensah', status: 'participant', tags: 'Participant' })).toMatchObject({ ok: true, person: { tags: ['Participant'] } })
    expect(row({ firstName: 'Kofi', lastName: 'Mensah', status: 'Non-Attender' })).toMatchObject({ ok: true, warnings: [], person: { status: 'inactive' } })
  })

  it('leaves out a phone a spreadsheet turned into a short number, and says so', () => {
    expect(row({ firstName: 'Ana', lastName: 'Ruiz', mobilePhone: '4.47701E+11', homePhone: '01632 960001' })).toEqual({
      ok: true,
      warnings: ["the mobile phone '4.47701E+11' lost its last digits in a spreadsheet program (it was shown as a short number), so it is left out: type it in Hearth afterwards"],
      person: expect.objectContaining({ mobile_phone: null, home_phone: '01632 960001' }),
    })
    expect(row({ firstName: 'Ana', lastName: 'Ruiz', otherPhone: '7,7009E+09' })).toMatchObject({ ok: true, person: { other_phone: null }, warnings: [expect.stringContaining("'7,7009E+09'")] })
  })
})
