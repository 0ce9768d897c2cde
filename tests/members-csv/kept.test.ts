import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { birthdaysIn } from '../../db/reach'
import { call, testSession } from '../helpers/session'
import { check, importFile, open, type S, snapshot, writeCsv } from './helpers'

let s: S
beforeAll(async () => {
  s = await testSession()
})
afterAll(() => s.close())

/** Tomorrow on this computer's calendar as 'MM-DD', so the home's week is sure to hold it. */
function tomorrowMonthDay(): string {
  const d = new Date()
  d.setDate(d.getDate() + 1)
  return d.toLocaleDateString('sv-SE').slice(5)
}

describe('nobody is dropped for what can be kept', () => {
  it('imports an Excel "CSV UTF-8" file with an Alt+Enter address, a year-less birthday, a church’s own status and a mangled phone', async () => {
    const md = tomorrowMonthDay()
    const file = [
      '\uFEFFFirst Name,Last Name,Mobile Phone,Email,Address,City,Birthday,Membership Status',
      `Małgorzata,Wiśniewska-Kowalczyk,+48 601 234 567,m.wisniewska@example.pl,"ul. Długa 12/4\r\nklatka B",Gdańsk,--${md},Participant`,
      'Θεόδωρος,Παπαδόπουλος,4.47701E+11,theo@example.gr,"Flat 2\n\n1 Acacia Avenue",London,14 March,In Progress',
      'Nomvula,Dlamini,07700 900321,,,,3-14,Member',
    ].join('\r\n')
    const p = await open(s, writeCsv(s, file))
    expect(p.mapping).toEqual(['firstName', 'lastName', 'mobilePhone', 'email', 'address1', 'city', 'birthday', 'status'])
    const c = await check(s, p)
    expect(c).toMatchObject({ total: 3, newCount: 3, invalidCount: 0, problems: [], warningCount: 2 })
    expect(c.warnings).toEqual([
      { row: 2, message: "the membership status 'Participant' is not one Hearth knows, so they come in as a member with the tag 'Participant'" },
      {
        row: 3,
        message:
          "the mobile phone '4.47701E+11' lost its last digits in a spreadsheet program (it was shown as a short number), so it is left out: type it in Hearth afterwards; the membership status 'In Progress' is not one Hearth knows, so they come in as a member with the tag 'In Progress'",
      },
    ])
    expect(await importFile(s, p)).toMatchObject({ imported: 3, skippedInvalid: 0 })

    const people = snapshot(s)
    expect(people.map((x) => [x.first_name, x.mobile_phone, x.address, x.birthday, x.status, x.tags])).toEqual([
      ['Małgorzata', '+48 601 234 567', '["ul. Długa 12/4","klatka B","Gdańsk",null,null,null]', null, 'member', '["Participant"]'],
      ['Nomvula', '07700 900321', '[null,null,null,null,null,null]', null, 'member', '[]'],
      ['Θεόδωρος', null, '["Flat 2","1 Acacia Avenue","London",null,null,null]', null, 'member', '["In Progress"]'],
    ])
    const monthDays = s.context.sqlite.prepare('select first_name, birth_month_day from people order by id').all()
    expect(monthDays).toEqual([
      { first_name: 'Małgorzata', birth_month_day: md },
      { first_name: 'Θεόδωρος', birth_month_day: '03-14' },
      { first_name: 'Nomvula', birth_month_day: '03-14' },
    ])

    // The birthday list and the home's week use a birthday without its year.
    const march = await birthdaysIn(s.context.db, 3)
    expect(march.map((b) => [b.name, b.date]).sort()).toEqual([
      ['Nomvula Dlamini', '--03-14'],
      ['Θεόδωρος Παπαδόπουλος', '--03-14'],
    ])
    const home = await call(s, 'home.view', { span: 7 })
    expect(home.birthdays.map((b) => b.name)).toContain('Małgorzata Wiśniewska-Kowalczyk')
    expect(home.birthdays.find((b) => b.name.startsWith('Małgorzata'))?.date.slice(5)).toBe(md)
  })

  it('recognises the same people when the file is imported again, by their year-less birthday too', async () => {
    const p = await open(s, writeCsv(s, 'First Name,Last Name,Birthday\nNomvula,Dlamini,14/3\n'))
    expect(await check(s, p)).toMatchObject({ newCount: 0, duplicateCount: 1 })
  })
})
