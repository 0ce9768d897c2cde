import { statSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, testSession } from '../helpers/session'
import { check, counts, importFile, open, type S, writeCsv } from './helpers'

let s: S
beforeAll(async () => {
  s = await testSession()
  await call(s, 'members.create', {
      firstName: 'José',
      lastName: 'Núñez',
      mobilePhone: '+44 7700 900123',
      email: 'jose@example.org',
    })
})
afterAll(() => s.close())

const MIXED = [
  'First Name,Last Name,Mobile Phone,Email,Birthdate,Membership Status',
  'jose,NUNEZ,07700 900123,,14/03/1980,Member',
  'Ana,Lee,07700 900456,ana@example.org,1985-06-01,Visitor',
  'Bob,Stone,,bob@,31/02/1990,Member',
  'Cara,Diaz,07700 900789,,,Angel',
  'Ana,Lee,+44 7700 900456,,,',
  'Dev,Patel,,dev@example.org,,Regular attender',
  ',,,,,',
].join('\n')

describe('checking a spreadsheet before importing it', () => {
  it('previews the first rows with guessed columns and writes nothing', async () => {
    const before = counts(s)
    const p = await open(s, writeCsv(s, MIXED))
    expect(p.fileName).toMatch(/^people-\d+\.csv$/)
    expect(p.rowCount).toBe(6)
    expect(p.headers).toEqual(['First Name', 'Last Name', 'Mobile Phone', 'Email', 'Birthdate', 'Membership Status'])
    expect(p.sampleRows[0]).toEqual(['jose', 'NUNEZ', '07700 900123', '', '14/03/1980', 'Member'])
    expect(p.sampleRows).toHaveLength(5)
    expect(p.mapping).toEqual(['firstName', 'lastName', 'mobilePhone', 'email', 'birthday', 'status'])
    expect(p.dateOrder).toBe('dmy')
    expect(p.dateOrderFromData).toBe(true)
    expect(JSON.stringify(p)).not.toContain(s.dir)
    expect(counts(s)).toEqual(before)
  })

  it('sorts rows into new, duplicates (of members and of earlier rows) and invalid, saying why', async () => {
    const before = counts(s)
    const p = await open(s, writeCsv(s, MIXED))
    const c = await check(s, p)
    expect(c).toEqual({
      total: 6,
      newCount: 3,
      duplicateCount: 2,
      invalidCount: 1,
      householdCount: 0,
      problems: [
        {
          row: 4,
          message: "the email 'bob@' is not an email address; the birthday '31/02/1990' is not a date Hearth can read (use a date like 1980-03-14)",
        },
      ],
      warningCount: 1,
      warnings: [{ row: 5, message: "the membership status 'Angel' is not one Hearth knows, so they come in as a member with the tag 'Angel'" }],
      duplicates: [
        { row: 2, name: 'jose NUNEZ', matches: 'José Núñez, already in Hearth' },
        { row: 6, name: 'Ana Lee', matches: 'row 3 of this file' },
      ],
    })
    expect(counts(s)).toEqual(before)
  })

  it('lists a row with more cells than headings (an unquoted comma) as a problem, not the whole file', async () => {
    const p = await open(s, writeCsv(s, 'First Name,Last Name,Notes\nAmy,Ng,likes tea, and cake\nBen,Ode,\n'))
    const c = await check(s, p)
    expect(c).toMatchObject({ newCount: 1, invalidCount: 1 })
    expect(c.problems).toEqual([
      { row: 2, message: 'this row has more cells than there are column headings (a value with a comma in it may be missing its quotation marks)' },
    ])
  })

  it('refuses a mapping without names, or with one field on two columns', async () => {
    const p = await open(s, writeCsv(s, MIXED))
    const noFirst = await s.registry.dispatch('membersCsv.check', { token: p.token, mapping: [null, 'lastName', null, null, null, null], dateOrder: 'dmy' })
    expect(noFirst).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Choose the column that holds first names (or full names).' } })
    const twice = await s.registry.dispatch('membersCsv.check', { token: p.token, mapping: ['firstName', 'lastName', 'email', 'email', null, null], dateOrder: 'dmy' })
    expect(twice).toMatchObject({ ok: false, error: { message: 'Two columns are both set to "Email". Choose it for one column only.' } })
    const short = await s.registry.dispatch('membersCsv.check', { token: p.token, mapping: ['firstName', 'lastName'], dateOrder: 'dmy' })
    expect(short).toMatchObject({ ok: false, error: { message: 'The column choices do not match this file. Please choose the file again.' } })
    const unknown = await s.registry.dispatch('membersCsv.check', { token: 'made-up', mapping: [], dateOrder: 'dmy' })
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('returns null, asking nothing more, when the volunteer cancels the picker', async () => {
    s.os.openAnswers.push(null)
    expect((await call(s, 'membersCsv.openFile', {}))).toBeNull()
  })
})

describe('importing', () => {
  it('imports the valid new rows in one go, skipping duplicates and invalid rows', async () => {
    const before = counts(s)
    const p = await open(s, writeCsv(s, MIXED))
    expect(await importFile(s, p)).toEqual({ imported: 3, skippedDuplicates: 2, skippedInvalid: 1, households: 0 })
    expect(counts(s).people).toBe(before.people + 3)
    const cara = s.context.sqlite.prepare("select p.status, t.value from people p join person_tags t on t.person_id = p.id where p.first_name = 'Cara'").get()
    expect(cara).toEqual({ status: 'member', value: 'Angel' })
    const ana = s.context.sqlite.prepare("select * from people where first_name = 'Ana'").get() as Record<string, unknown>
    expect(ana).toMatchObject({ last_name: 'Lee', email: 'ana@example.org', birthday: '1985-06-01', status: 'visitor', household_id: null })
    expect(ana.search_text).toContain('ana@example.org')
    expect(ana.search_text).toContain('07700900456')
    expect(ana.updated_at).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    // Searching finds imported people the same way as people typed in.
    const found = await call(s, 'members.pick', { query: 'lee 900456' })
    expect(found.map((f) => f.name)).toEqual(['Ana Lee'])
  })

  it('imports duplicates too when asked', async () => {
    const before = counts(s)
    const p = await open(s, writeCsv(s, 'First Name,Last Name,Email\nJosé,Núñez,JOSE@example.org\nNew,Person,\n'))
    expect(await importFile(s, p, { skipDuplicates: false })).toMatchObject({ imported: 2, skippedDuplicates: 0 })
    expect(counts(s).people).toBe(before.people + 2)
  })

  it('says so, and writes nothing, when no row can be imported', async () => {
    const before = counts(s)
    const p = await open(s, writeCsv(s, 'First Name,Last Name,Email\nBob,Stone,bob@\n'))
    const r = await s.registry.dispatch('membersCsv.import', { token: p.token, mapping: p.mapping, dateOrder: p.dateOrder })
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('There is no one to import') } })
    expect(counts(s)).toEqual(before)
  })

  it('reads the dates the way the volunteer says', async () => {
    const csv = 'First Name,Last Name,Birthday,Joined\nMo,Day,03/04/1980,05/06/2001\n'
    const p = await open(s, writeCsv(s, csv))
    expect(p.dateOrderFromData).toBe(false)
    expect(p.dateOrder).toBe('dmy')
    await importFile(s, p, { dateOrder: 'mdy' })
    expect(s.context.sqlite.prepare("select birthday, joined_on from people where last_name = 'Day'").get()).toEqual({ birthday: '1980-03-04', joined_on: '2001-05-06' })
  })

  it('reads UTF-8 with a byte-order mark, semicolons and a note with a newline in it', async () => {
    const csv = '\uFEFFFirst Name;Last Name;Tags;Notes\r\nZoë;Brontë;"Choir; Flowers";"Prefers mornings.\r\nHas a cat."\r\n'
    await importFile(s, await open(s, writeCsv(s, csv)))
    const zoe = s.context.sqlite.prepare("select id, first_name, search_text from people where last_name = 'Brontë'").get() as { id: number; first_name: string; search_text: string }
    expect(zoe.first_name).toBe('Zoë')
    expect(zoe.search_text).toContain('zoe bronte')
    // Sorted with the accents folded, exactly as if typed into Hearth: "Brontë" sorts as "bronte".
    expect(s.context.sqlite.prepare('select sort_key from people where id = ?').pluck().get(zoe.id)).toBe('bronte\u001fzoe')
    expect(s.context.sqlite.prepare('select value from person_tags where person_id = ? order by value').pluck().all(zoe.id)).toEqual(['Choir', 'Flowers'])
    expect(s.context.sqlite.prepare('select body, confidential from person_notes where person_id = ?').get(zoe.id)).toEqual({ body: 'Prefers mornings.\r\nHas a cat.', confidential: 0 })
  })
})

describe('households', () => {
  const FAMILIES = [
    'Family ID,Family Role,First Name,Last Name,Mobile,Home Phone,Address,City,Zip,Household Name',
    '101,Head of Household,John,Smith,07700 900001,01632 960000,1 High St,Leeds,LS1 1AA,',
    '101,Wife,Jane,Smith,07700 900002,01632 960000,1 High St,Leeds,LS1 1AA,',
    '102,Primary Contact,Rosa,Garcia,07700 900003,,5 Low Rd,York,YO1 1AA,',
    '101,Son,Tim,Smith,,01632 960000,1 High St,Leeds,LS1 1AA,',
    '102,Daughter,Lu,Garcia,,,,,,',
    '102,Son,Max,Garcia,,,9 College Rd,Durham,DH1 1AA,',
    '103,Head,Ola,Berg,,,,,,The Berg-Lind Household',
    ',,Sam,Solo,07700 900004,01632 960111,3 Side St,Hull,HU1 1AA,',
    ',,Nia,Alone,07700 900005,,4 Side St,Hull,HU1 1AB,',
  ].join('\n')

  it('makes one household per family id, with roles, a display name, the shared address and home phone', async () => {
    const p = await open(s, writeCsv(s, FAMILIES))
    expect((await check(s, p)).householdCount).toBe(4)
    expect(await importFile(s, p)).toMatchObject({ imported: 9, households: 4 })

    const households = s.context.sqlite
      .prepare("select id, display_name, address_line1, city, postal_code, home_phone, external_id from households where external_id in ('101','102','103') or display_name = 'Sam Solo' order by id")
      .all() as Record<string, unknown>[]
    expect(households.map(({ id, ...h }) => h)).toEqual([
      { display_name: 'The Smith Family', address_line1: '1 High St', city: 'Leeds', postal_code: 'LS1 1AA', home_phone: '01632 960000', external_id: '101' },
      { display_name: 'The Garcia Family', address_line1: '5 Low Rd', city: 'York', postal_code: 'YO1 1AA', home_phone: null, external_id: '102' },
      { display_name: 'The Berg-Lind Household', address_line1: null, city: null, postal_code: null, home_phone: null, external_id: '103' },
      { display_name: 'Sam Solo', address_line1: '3 Side St', city: 'Hull', postal_code: 'HU1 1AA', home_phone: '01632 960111', external_id: null },
    ])
    const person = (first: string) =>
      s.context.sqlite.prepare('select household_id, household_role, address_line1, city from people where first_name = ?').get(first) as Record<string, unknown>
    const smiths = households[0]!.id
    expect(person('John')).toEqual({ household_id: smiths, household_role: 'head', address_line1: null, city: null })
    expect(person('Jane')).toEqual({ household_id: smiths, household_role: 'spouse', address_line1: null, city: null })
    expect(person('Tim')).toEqual({ household_id: smiths, household_role: 'child', address_line1: null, city: null })
    // Max lives away at college: his own address overrides the household's.
    expect(person('Max')).toMatchObject({ household_role: 'child', address_line1: '9 College Rd', city: 'Durham' })
    expect(person('Lu')).toMatchObject({ household_role: 'child', address_line1: null })
    expect(person('Nia')).toEqual({ household_id: null, household_role: null, address_line1: '4 Side St', city: 'Hull' })
  })

  it('recognises everyone when the same file is imported again, even people with no phone or email', async () => {
    const before = counts(s)
    const c = await check(s, await open(s, writeCsv(s, FAMILIES)))
    expect(c).toMatchObject({ newCount: 0, duplicateCount: 9, invalidCount: 0 })
    expect(c.duplicates.find((d) => d.name === 'Lu Garcia')).toEqual({ row: 6, name: 'Lu Garcia', matches: 'Lu Garcia, already in Hearth' })
    expect(counts(s)).toEqual(before)
  })

  it('names a couple "John & Jane Smith", and adds later rows to a household imported before', async () => {
    const csv = ['Household ID,Household Role,First Name,Last Name', 'H7,Head,Kwame,Mensah', 'H7,Spouse,Abena,Mensah', '101,Child,Baby,Smith'].join('\n')
    await importFile(s, await open(s, writeCsv(s, csv)))
    expect(s.context.sqlite.prepare("select display_name from households where external_id = 'H7'").pluck().get()).toBe('Kwame & Abena Mensah')
    const smithIds = s.context.sqlite.prepare("select distinct household_id from people where last_name = 'Smith'").pluck().all()
    expect(smithIds).toHaveLength(1)
    expect(s.context.sqlite.prepare("select count(*) from households where external_id = '101'").pluck().get()).toBe(1)
  })
})

describe('nothing is half-imported', () => {
  it('refuses a malformed file with a clear message and writes nothing', async () => {
    const before = counts(s)
    s.os.openAnswers.push(writeCsv(s, 'First Name,Last Name,Notes\nAmy,Ng,"fine"\nBen,Ode,"never closed\nCal,Pry,ok\n'))
    const r = await s.registry.dispatch('membersCsv.openFile', {})
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/^Hearth could not read this file: a quotation mark in row 3 is never closed/) } })
    expect(counts(s)).toEqual(before)
  })

  it('refuses a file that became malformed between the check and the import', async () => {
    const before = counts(s)
    const path = writeCsv(s, 'First Name,Last Name\nAmy,Ng\n')
    const p = await open(s, path)
    writeCsv(s, 'First Name,Last Name\nAmy,"Ng\n', path.split('/').at(-1))
    const r = await s.registry.dispatch('membersCsv.import', { token: p.token, mapping: p.mapping, dateOrder: p.dateOrder })
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(counts(s)).toEqual(before)
  })

  it('rolls everything back when the database refuses one row part-way through', async () => {
    // A real SQLite failure on the fourth person, after three people, two households, tags and notes were written.
    s.context.sqlite.exec("create temp trigger refuse_boom before insert on people when new.last_name = 'Boom' begin select raise(abort, 'refused'); end")
    try {
      const before = counts(s)
      const csv = ['Family ID,First Name,Last Name,Tags,Notes', 'X1,Ann,Able,Choir,hello', 'X1,Ben,Able,,', 'X2,Cy,Cole,Flowers,note', 'X3,Di,Boom,,'].join('\n')
      const p = await open(s, writeCsv(s, csv))
      expect((await check(s, p)).newCount).toBe(4)
      const r = await s.registry.dispatch('membersCsv.import', { token: p.token, mapping: p.mapping, dateOrder: p.dateOrder })
      expect(r).toMatchObject({ ok: false, error: { message: expect.stringContaining('nothing was') } })
      expect(counts(s)).toEqual(before)
      expect(s.context.sqlite.prepare("select count(*) from households where external_id in ('X1','X2','X3')").pluck().get()).toBe(0)
    } finally {
      s.context.sqlite.exec('drop trigger temp.refuse_boom')
    }
  })

  it('refuses files over 20 MB before reading them', async () => {
    const before = counts(s)
    const path = writeCsv(s, `First Name,Last Name\n${'Amy,Ng\n'.repeat(3_100_000)}`)
    expect(statSync(path).size).toBeGreaterThan(20 * 1024 * 1024)
    s.os.openAnswers.push(path)
    const r = await s.registry.dispatch('membersCsv.openFile', {})
    expect(r).toMatchObject({ ok: false, error: { message: 'This file is 21 MB, and Hearth imports spreadsheets of up to 20 MB. Split it into smaller files and import each one.' } })
    expect(counts(s)).toEqual(before)
  })
})
