import * as XLSX from '@e965/xlsx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cellText } from '../../main/members-csv/workbook'
import { call, testSession } from '../helpers/session'
import { check, importFile, open, type S, snapshot, writeCsv } from './helpers'

let s: S
beforeAll(async () => {
  s = await testSession('en-GB')
})
afterAll(() => s.close())

/** A number cell shown with a format, as a secretary's workbook keeps phones and dates. */
const num = (v: number, z: string): XLSX.CellObject => ({ t: 'n', v, z })
const str = (v: string): XLSX.CellObject => ({ t: 's', v })

/** Days since 1899-12-30, as Excel stores a date. */
const serial = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000 + 25_569

function sheet(rows: (XLSX.CellObject | null)[][]): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {}
  rows.forEach((cells, r) =>
    cells.forEach((cell, c) => {
      if (cell) ws[XLSX.utils.encode_cell({ r, c })] = cell
    }),
  )
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: Math.max(...rows.map((r) => r.length)) - 1 } })
  return ws
}

const HEADINGS = ['First Name', 'Last Name', 'Mobile', 'Home Phone', 'Email', 'Date of Birth', 'Member Since', 'Membership Status', 'Address'].map(str)

/** The list as a secretary keeps it: an instructions sheet first, then the people, with phones stored as numbers. */
function congregationBook(): XLSX.WorkBook {
  const book = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(book, sheet([[str('Keep this list up to date. Phones are numbers formatted to show their 0.')]]), 'Read me')
  XLSX.utils.book_append_sheet(
    book,
    sheet([
      HEADINGS,
      [str('Siobhán'), str('Ní Bhriain-Ó Súilleabháin'), num(7700900123, '00000000000'), num(1632960001, '00000000000'), str('siobhan@example.ie'), num(serial('1980-03-14'), 'dd/mm/yyyy'), num(serial('2010-09-01'), 'mmmm d, yyyy'), str('Member'), str('12 Church Lane\nBallymore')],
      [str('Thanh'), str('Nguyễn'), num(447700900456, 'General'), null, str('thanh@example.vn'), num(serial('1975-12-25'), 'yyyy-mm-dd'), null, str('Visitor'), null],
      [str('Ahmed'), str('الأحمد'), str('4.47701E+11'), null, null, str('--06-23'), null, str('Catechumen'), null],
    ]),
    'People',
  )
  XLSX.utils.book_append_sheet(book, sheet([[str('First Name'), str('Last Name')], [str('Only'), str('Volunteers')]]), 'Volunteers')
  return book
}

const expected = [
  ['Ahmed', 'الأحمد', null, null, null, 'member', '["Catechumen"]'],
  ['Siobhán', 'Ní Bhriain-Ó Súilleabháin', '07700900123', '1980-03-14', '2010-09-01', 'member', '[]'],
  ['Thanh', 'Nguyễn', '447700900456', '1975-12-25', null, 'visitor', '[]'],
]

describe('workbooks', () => {
  for (const [bookType, name] of [
    ['xlsx', 'members.xlsx'],
    ['ods', 'members.ods'],
    ['biff8', 'members.xls'],
  ] as const) {
    it(`imports the people sheet of an .${name.split('.')[1]} workbook with phones, dates and statuses as the workbook holds them`, async () => {
      s.context.sqlite.exec('delete from person_tags; delete from people; delete from households')
      const bytes = XLSX.write(congregationBook(), { type: 'buffer', bookType }) as Buffer
      const p = await open(s, writeCsv(s, bytes, name))
      // The first sheet is the instructions, so Hearth opens the people; the volunteer may look at another and come back.
      expect(p).toMatchObject({ kind: 'workbook', sheets: ['Read me', 'People', 'Volunteers'], sheet: 'People', rowCount: 3 })
      expect(await call(s, 'membersCsv.readAs', { token: p.token, sheet: 'Volunteers' })).toMatchObject({ sheet: 'Volunteers', rowCount: 1, sampleRows: [['Only', 'Volunteers']] })
      const people = await call(s, 'membersCsv.readAs', { token: p.token, sheet: 'People' })
      expect(people).toMatchObject({ kind: 'workbook', sheet: 'People', rowCount: 3, encodingGuessed: false })
      expect(people.mapping).toEqual(['firstName', 'lastName', 'mobilePhone', 'homePhone', 'email', 'birthday', 'joinedOn', 'status', 'address1'])
      expect(people.sampleRows[0]!.slice(2, 7)).toEqual(['07700900123', '01632960001', 'siobhan@example.ie', '1980-03-14', '2010-09-01'])
      const c = await check(s, people, { sheet: 'People' })
      expect(c).toMatchObject({ total: 3, newCount: 3, invalidCount: 0, warningCount: 1 })
      expect(c.warnings[0]!.message).toContain("'4.47701E+11' lost its last digits")
      expect(await importFile(s, people, { sheet: 'People' })).toMatchObject({ imported: 3, skippedInvalid: 0 })
      const rows = snapshot(s)
      expect(rows.map((x) => [x.first_name, x.last_name, x.mobile_phone, x.birthday, x.joined_on, x.status, x.tags])).toEqual(expected)
      expect(rows.find((x) => x.first_name === 'Siobhán')).toMatchObject({ home_phone: '01632960001', address: '["12 Church Lane","Ballymore",null,null,null,null]' })
      expect(s.context.sqlite.prepare("select birth_month_day from people where first_name = 'Ahmed'").pluck().get()).toBe('06-23')
    })
  }

  it('opens the first sheet with anything on it when the first is empty, and refuses a damaged workbook in plain words', async () => {
    const book = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(book, {}, 'Blank')
    XLSX.utils.book_append_sheet(book, sheet([[str('Name'), str('Email')], [str('Ana Lee'), str('ana@example.org')]]), 'Sheet2')
    const p = await open(s, writeCsv(s, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer, 'two.xlsx'))
    expect(p).toMatchObject({ sheet: 'Sheet2', rowCount: 1, mapping: ['fullName', 'email'] })
    const damaged = (XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer).subarray(0, 300)
    s.os.openAnswers.push(writeCsv(s, damaged, 'damaged.xlsx'))
    expect(await s.registry.dispatch('membersCsv.openFile', {})).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('could not read this workbook') } })
    expect(await s.registry.dispatch('membersCsv.readAs', { token: p.token, sheet: 'Gone' })).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('no sheet called "Gone"') } })
  })
})

describe('a workbook cell as the volunteer sees it', () => {
  it('keeps a phone’s digits and the leading zero its format shows, and a date whatever its display', () => {
    expect(cellText(num(1632960001, '0#### ######'), false)).toBe('01632 960001')
    expect(cellText(num(7700900123, '00000000000'), false)).toBe('07700900123')
    expect(cellText(num(447700900456, 'General'), false)).toBe('447700900456')
    expect(cellText(num(447700900456, '0.00E+00'), false)).toBe('447700900456')
    expect(cellText(num(12.5, '0.0'), false)).toBe('12.5')
    expect(cellText(num(serial('1980-03-14'), 'd mmmm yyyy'), false)).toBe('1980-03-14')
    expect(cellText(num(serial('1980-03-14') - 1462, 'm/d/yy'), true)).toBe('1980-03-14')
    expect(cellText(num(0.5, 'hh:mm'), false)).toBe('12:00')
    expect(cellText({ t: 'b', v: true }, false)).toBe('TRUE')
    expect(cellText({ t: 'e', v: 7 }, false)).toBe('')
    expect(cellText(undefined, false)).toBe('')
  })
})
