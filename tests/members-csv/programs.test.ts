import iconv from 'iconv-lite'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { testSession } from '../helpers/session'
import { check, importFile, open, type S, snapshot, writeCsv } from './helpers'

let s: S
beforeEach(async () => {
  s?.close()
  s = await testSession('en-GB')
})
afterAll(() => s.close())

/** Who landed where: name → [mobile, home phone, other phone, email, birthday, status, tags, housemates]. */
function landed(): Record<string, unknown[]> {
  return Object.fromEntries(
    snapshot(s).map((p) => [`${p.first_name} ${p.last_name}`, [p.mobile_phone, p.home_phone, p.other_phone, p.email, p.birthday, p.status, JSON.parse(p.tags as string), p.housemates]]),
  )
}
const monthDays = () => Object.fromEntries((s.context.sqlite.prepare('select first_name, birth_month_day from people where birth_month_day is not null').all() as { first_name: string; birth_month_day: string }[]).map((r) => [r.first_name, r.birth_month_day]))

/** Opens, checks and imports with the guessed mapping, as a volunteer who accepts every guess. */
async function importAsGuessed(bytes: string | Uint8Array, name: string) {
  const p = await open(s, writeCsv(s, bytes, name))
  const c = await check(s, p)
  const r = await importFile(s, p)
  return { p, c, r }
}

describe('the exports of church programs, byte by byte', () => {
  it('ChurchCRM: every value in quotes, inner quotes not doubled, Classification as status, Family ID blank or 0 for no family', async () => {
    const line = (cells: string[]) => `"${cells.join('","')}"\n`
    const file =
      '\uFEFF' +
      line(['Family ID ', 'Person Id', 'Last Name', 'First Name', 'Address 1', 'Address 2', 'City', 'State', 'Zip', 'Home Phone', 'Cell Phone', 'Email', 'Birth Date', 'Classification', 'Family Role']) +
      line(['7', '21', 'O"Connor', 'Mary "Molly"', '4 Elm Row', 'Flat 2\nRear entrance', 'Cork', '', 'T12 X3Y4', '021 496 0001', '087 123 4567', 'molly@example.ie', '1961-3-14', 'Member', 'Head of Household']) +
      line(['7', '22', 'O"Connor', 'Seán', '4 Elm Row', 'Flat 2\nRear entrance', 'Cork', '', 'T12 X3Y4', '021 496 0001', '', '', '3-14', 'Regular Attender', 'Spouse']) +
      line(['7', '23', 'O"Connor', 'Aoife', '4 Elm Row', 'Flat 2\nRear entrance', 'Cork', '', 'T12 X3Y4', '021 496 0001', '', '', '2012-11-2', 'Guest', 'Child']) +
      line(['', '24', 'Kowalski', 'Piotr', '', '', '', '', '', '', '+48 601 234 567', 'piotr@example.pl', '', 'Non-Attender (staff)', '']) +
      line(['0', '25', 'Mensah', 'Kwame', '', '', '', '', '', '', '', '', '', 'Catechumen', ''])
    const { p, c, r } = await importAsGuessed(file, 'churchcrm-export-20261207.csv')
    expect(p.mapping).toEqual(['householdId', null, 'lastName', 'firstName', 'address1', 'address2', 'city', 'region', 'postalCode', 'homePhone', 'mobilePhone', 'email', 'birthday', 'status', 'householdRole'])
    expect(c).toMatchObject({ total: 5, invalidCount: 0, householdCount: 1, warningCount: 1 })
    expect(r).toMatchObject({ imported: 5, households: 1 })
    expect(landed()).toEqual({
      'Aoife O"Connor': [null, '021 496 0001', null, null, '2012-11-02', 'visitor', [], ['Mary "Molly" O"Connor', 'Seán O"Connor']],
      'Kwame Mensah': [null, null, null, null, null, 'member', ['Catechumen'], []],
      'Mary "Molly" O"Connor': ['087 123 4567', '021 496 0001', null, 'molly@example.ie', '1961-03-14', 'member', [], ['Aoife O"Connor', 'Seán O"Connor']],
      'Piotr Kowalski': ['+48 601 234 567', null, null, 'piotr@example.pl', null, 'inactive', [], []],
      'Seán O"Connor': [null, '021 496 0001', null, null, null, 'regular_attender', [], ['Aoife O"Connor', 'Mary "Molly" O"Connor']],
    })
    expect(monthDays()).toEqual({ Seán: '03-14' })
    const home = s.context.sqlite.prepare('select address_line1, address_line2, city, postal_code, external_id from households').all()
    expect(home).toEqual([{ address_line1: '4 Elm Row', address_line2: 'Flat 2, Rear entrance', city: 'Cork', postal_code: 'T12 X3Y4', external_id: '7' }])
  })

  it('Planning Center People: Membership words the church chose itself stay as tags, and the household stays whole', async () => {
    const file = [
      'Person ID,Name Prefix,Given Name,First Name,Nickname,Middle Name,Last Name,Birthdate,Gender,Child,Status,Membership,Household ID,Household Name,Home Address Street Line 1,Home Address City,Home Address State,Home Address Zip Code,Mobile Phone Number,Home Phone Number,Home Email',
      '1001,Mrs.,,Grace,,,Adeyemi,1979-05-30,F,false,active,Member,55,Adeyemi Household,12 Oak St,Springfield,IL,62701,(217) 555-0101,(217) 555-0199,grace@example.com',
      '1002,Mr.,,Tunde,,,Adeyemi,1977-01-09,M,false,active,Participant,55,Adeyemi Household,12 Oak St,Springfield,IL,62701,(217) 555-0102,(217) 555-0199,',
      '1003,,,Ife,,,Adeyemi,2015-08-21,F,true,active,In Progress,55,Adeyemi Household,12 Oak St,Springfield,IL,62701,,(217) 555-0199,',
      '1004,,,Daniel,Danny,,Kim,1990-02-14,M,false,active,Visitor,56,Kim Household,,,,,(217) 555-0133,,danny@example.com',
      '1005,,,Lucía,,,Fernández,1988-12-01,F,false,inactive,Attender,57,Fernández Household,,,,,,,',
    ].join('\r\n')
    const { p, c, r } = await importAsGuessed(file, 'pco-people.csv')
    expect(p.mapping[p.headers.indexOf('Membership')]).toBe('status')
    expect(p.mapping[p.headers.indexOf('Household ID')]).toBe('householdId')
    expect(c).toMatchObject({ total: 5, invalidCount: 0, warningCount: 2 })
    expect(r).toMatchObject({ imported: 5, households: 3 })
    const people = landed()
    expect(people['Ife Adeyemi']).toEqual([null, '(217) 555-0199', null, null, '2015-08-21', 'member', ['In Progress'], ['Grace Adeyemi', 'Tunde Adeyemi']])
    expect(people['Tunde Adeyemi']).toEqual(['(217) 555-0102', '(217) 555-0199', null, null, '1977-01-09', 'member', ['Participant'], ['Grace Adeyemi', 'Ife Adeyemi']])
    expect(people['Daniel Kim']).toEqual(['(217) 555-0133', null, null, 'danny@example.com', '1990-02-14', 'visitor', [], []])
    expect(people['Lucía Fernández']![5]).toBe('regular_attender')
  })

  it('Breeze: families named but not numbered become one household per name and address', async () => {
    const file = [
      'Breeze ID,First Name,Last Name,Nickname,Status,Birthdate,Family,Family Role,Mobile,Home,Work,Email,Street Address,City,State,Zip',
      '88001,John,Smith,,Member,3/14/1970,Smith,Head of Household,(555) 010-1001,(555) 010-1000,,john@example.com,1 Main St,Dayton,OH,45402',
      '88002,Jane,Smith,,Member,6/23/1972,Smith,Spouse,(555) 010-1002,(555) 010-1000,(555) 010-1999,jane@example.com,1 Main St,Dayton,OH,45402',
      '88003,Jim,Smith,,Attender,,Smith,Head of Household,(555) 010-2001,,,jim@example.com,99 Far Rd,Akron,OH,44301',
      '88004,Kateřina,Nováková,Katka,Visitor,,,,(555) 010-3001,,,,,,,',
    ].join('\n')
    const { p, c, r } = await importAsGuessed(file, 'breeze-people.csv')
    expect(p.dateOrder).toBe('mdy')
    expect(p.mapping[p.headers.indexOf('Family')]).toBe('householdName')
    expect(c).toMatchObject({ total: 4, invalidCount: 0, householdCount: 2 })
    expect(r).toMatchObject({ imported: 4, households: 2 })
    const people = landed()
    expect(people['John Smith']).toEqual(['(555) 010-1001', '(555) 010-1000', null, 'john@example.com', '1970-03-14', 'member', [], ['Jane Smith']])
    expect(people['Jane Smith']).toEqual(['(555) 010-1002', '(555) 010-1000', '(555) 010-1999', 'jane@example.com', '1972-06-23', 'member', [], ['John Smith']])
    // Same surname, another address: another family.
    expect(people['Jim Smith']![7]).toEqual([])
    expect(people['Kateřina Nováková']![5]).toBe('visitor')
  })
})

describe('contacts', () => {
  it('Google Contacts CSV: numbered columns, ":::" multi-values, each phone and email to its field, labels to tags', async () => {
    const file = [
      'First Name,Middle Name,Last Name,Nickname,Birthday,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value,Address 1 - Label,Address 1 - Formatted,Address 1 - Street,Address 1 - City,Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,Address 1 - Extended Address',
      'Amara,Chioma,Okafor,Ama,--06-23,Brings flowers,* myContacts ::: Choir ::: Meal rota,* Home,amara@example.org,Work,a.okafor@work.example,Mobile,+44 7700 900123 ::: +44 7700 900124,Home,020 7946 0001,Home,"1 Acacia Ave\nLondon","1 Acacia Ave\nTop bell",London,,,N1 1AA,United Kingdom,',
      '美咲,,佐藤,,1985-04-01,,* myContacts,,,,,Work,+81 3-1234-5678,,,,,,,,,,,',
    ].join('\r\n')
    const { p, c, r } = await importAsGuessed(file, 'contacts.csv')
    expect(p.kind).toBe('contacts')
    expect(c).toMatchObject({ total: 2, invalidCount: 0 })
    expect(r.imported).toBe(2)
    const amara = snapshot(s).find((x) => x.first_name === 'Amara Chioma')!
    expect(amara).toMatchObject({
      last_name: 'Okafor',
      preferred_name: 'Ama',
      mobile_phone: '+44 7700 900123',
      other_phone: '+44 7700 900124',
      email: 'amara@example.org',
      home_phone: '020 7946 0001',
      address: '["1 Acacia Ave","Top bell","London",null,"N1 1AA","United Kingdom"]',
      tags: '["Choir","Meal rota"]',
    })
    expect(JSON.parse(amara.notes as string)).toEqual(['Brings flowers\nEmail: a.okafor@work.example'])
    expect(monthDays()).toEqual({ 'Amara Chioma': '06-23' })
    expect(landed()['美咲 佐藤']).toEqual([null, null, '+81 3-1234-5678', null, '1985-04-01', 'member', [], []])
  })

  it('vCard 3.0 and 4.0: many cards in one file, folded lines, escaped commas, as phones and Outlook export them', async () => {
    const vcf = [
      'BEGIN:VCARD', 'VERSION:3.0', 'N:Παπαδόπουλος;Θεόδωρος;;;', 'FN:Θεόδωρος Παπαδόπουλος', 'NICKNAME:Theo',
      'TEL;TYPE=CELL:+30 691 234 5678', 'TEL;TYPE=HOME,VOICE:+30 21 0123 4567', 'TEL;TYPE=WORK:+30 21 0765 4321', 'TEL;TYPE=CELL:+30 691 000 0000',
      'EMAIL;TYPE=INTERNET,PREF:theo@example.gr', 'ADR;TYPE=HOME:;;Οδός Αθηνάς 12\\, 3ος όροφος;Αθήνα;;105 51;Ελλάδα',
      'BDAY:--0314', 'CATEGORIES:Choir,Meal rota\\, Tuesdays', 'NOTE:Allergic to nuts\\nprefers calls after 6', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:4.0', 'FN:Nomvula Dlamini', 'N:Dlamini;Nomvula;;;', 'TEL;VALUE=uri;TYPE="cell,text":tel:+27-82-555-0101',
      'EMAIL:nomvula@example.co.za', 'BDAY:19810623', 'NOTE:A very long note that a phone folds at seventy-five octets so it goes on', '  the next line', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:3.0', 'FN:สมชาย ใจดี', 'TEL:+66 81 234 5678', 'END:VCARD',
    ].join('\r\n')
    const { p, c, r } = await importAsGuessed(vcf, 'contacts.vcf')
    expect(p.kind).toBe('vcard')
    expect(c).toMatchObject({ total: 3, invalidCount: 0 })
    expect(r.imported).toBe(3)
    const theo = snapshot(s).find((x) => x.first_name === 'Θεόδωρος')!
    expect(theo).toMatchObject({
      preferred_name: 'Theo',
      mobile_phone: '+30 691 234 5678',
      home_phone: '+30 21 0123 4567',
      other_phone: '+30 21 0765 4321',
      email: 'theo@example.gr',
      address: '["Οδός Αθηνάς 12, 3ος όροφος",null,"Αθήνα",null,"105 51","Ελλάδα"]',
      tags: '["Choir","Meal rota, Tuesdays"]',
    })
    expect(JSON.parse(theo.notes as string)).toEqual(['Allergic to nuts\nprefers calls after 6\nPhone: +30 691 000 0000'])
    const people = landed()
    expect(people['Nomvula Dlamini']).toEqual(['+27-82-555-0101', null, null, 'nomvula@example.co.za', '1981-06-23', 'member', [], []])
    expect(people['สมชาย ใจดี']![0]).toBe('+66 81 234 5678')
    expect(monthDays()).toEqual({ Θεόδωρος: '03-14' })
  })
})

describe('text files as programs write them', () => {
  it('a Windows-1250 file from LibreOffice, opened on an English computer', async () => {
    const file = iconv.encode(['Imię;Nazwisko;Miasto;Telefon komórkowy', 'Łucja;Żółkiewska;Łódź;601 234 567', 'Stanisław;Wąs;Gdańsk;602 111 222', 'Grażyna;Szczęsna;Kraków;603 000 111'].join('\r\n'), 'windows-1250')
    const { p, r } = await importAsGuessed(file, 'parafia.csv')
    expect(p).toMatchObject({ encoding: 'windows-1250', mapping: ['firstName', 'lastName', 'city', 'mobilePhone'] })
    expect(r.imported).toBe(3)
    expect(Object.keys(landed())).toEqual(['Grażyna Szczęsna', 'Łucja Żółkiewska', 'Stanisław Wąs'])
    expect(snapshot(s).map((x) => JSON.parse(x.address as string)[2])).toEqual(['Kraków', 'Łódź', 'Gdańsk'])
  })

  it('Excel "Unicode Text": UTF-16 with tabs, an Alt+Enter address in quotes', async () => {
    const text = '\uFEFFFirst Name\tLast Name\tMobile\tAddress\r\nفاطمة\tالزهراء\t+971 50 123 4567\t"Villa 3\nJumeirah 1"\r\nSiddharth\tRamachandran-Iyer\t+91 98765 43210\t12 MG Road\r\n'
    const { p, c, r } = await importAsGuessed(Uint8Array.from(Buffer.from(text, 'utf16le')), 'members.txt')
    expect(p).toMatchObject({ encoding: 'utf-16le', kind: 'text', mapping: ['firstName', 'lastName', 'mobilePhone', 'address1'] })
    expect(c.invalidCount).toBe(0)
    expect(r.imported).toBe(2)
    expect(snapshot(s).find((x) => x.first_name === 'فاطمة')).toMatchObject({ mobile_phone: '+971 50 123 4567', address: '["Villa 3","Jumeirah 1",null,null,null,null]' })
  })
})
