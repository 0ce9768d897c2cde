import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CsvExportResult } from '../../main/contract/members-csv'
import { parseCsvText } from '../../main/members-csv/file'
import { call, chosen, testSession } from '../helpers/session'
import { counts, importFile, open, type S, snapshot, writeCsv } from './helpers'

let s: S
let empty: S
beforeAll(async () => {
  s = await testSession()
  empty = await testSession()
})
afterAll(async () => {
  await s.close()
  await empty.close()
})

const SOURCE = [
  'Household ID,Household Role,First Name,Last Name,Preferred Name,Mobile Phone,Home Phone,Other Phone,Email,Address 1,Address 2,City,State,Zip,Country,Birthday,Joined,Status,Preferred Contact,Tags,Skills,Dietary Needs,Dietary Notes,Notes',
  'F1,Head,José,Núñez,Pepe,+34 600 000 001,+34 910 000 000,,jose@example.org,"Calle Mayor 1, 2ºB",,Madrid,,28013,Spain,1970-02-28,2001-09-01,Member,Phone,"Choir; Welcome team","Can drive; Speaks Spanish","Vegetarian; Nut allergy",No coriander,"Visits his mother on Sundays,\nso call after 6pm."',
  'F1,Spouse,Zoë,Núñez-Brontë,,+34 600 000 002,+34 910 000 000,+34 600 999 999,zoe@example.org,"Calle Mayor 1, 2ºB",,Madrid,,28013,Spain,1972-02-29,,Member,Email,"Choir, Alto;",Can cook,Gluten-free,,',
  'F1,Child,Łucja,Núñez,,,+34 910 000 000,,,"Residència Universitària, 4",,Barcelona,,08001,Spain,2005-12-31,,Regular attender,,Youth,,,,',
  ',,"=HYPERLINK(""http://x"")",O\'Brien,,-,,,,,,,,,,,,Visitor,None,,,,,',
  ',,Ama,Owusu,,0244 123 456,,,ama@example.org,12 Ring Rd,Flat 3,Accra,,,Ghana,,,Inactive,Post,Prayer chain,,"Halal; Dairy-free; Low salt","""No pork"", please",',
].join('\n')

describe('exporting the members list', () => {
  let exported: string
  let result: CsvExportResult

  beforeAll(async () => {
    await importFile(s, await open(s, writeCsv(s, SOURCE)), { dateOrder: 'dmy' })
    const jose = s.context.sqlite.prepare("select id from people where first_name = 'José'").pluck().get() as number
    await call(s, 'members.addNote', { personId: jose, body: 'CONFIDENTIAL: grieving, do not mention', confidential: true })
    const target = join(s.dir, 'export.csv')
    s.os.saveAnswers.push(target)
    result = chosen(await call(s, 'membersCsv.export', { filter: {} }))
    exported = readFileSync(target, 'utf8')
  })

  it('writes a UTF-8 file with a byte-order mark and the headings the importer knows', () => {
    expect(result).toEqual({ fileName: 'export.csv', count: 5 })
    expect(exported.startsWith('\uFEFFFirst Name,Last Name,Preferred Name,Mobile Phone,Home Phone,Other Phone,Email,Address 1,')).toBe(true)
    const csv = parseCsvText(exported)
    expect(csv.rows).toHaveLength(5)
    expect(csv.rows.map((r) => r[1])).toEqual(['Núñez', 'Núñez', 'Núñez-Brontë', "O'Brien", 'Owusu'])
    expect(s.os.asked.at(-1)).toMatchObject({ kind: 'save', filters: [{ extensions: ['csv', 'txt'] }] })
  })

  it('never exports confidential notes, and guards cells a spreadsheet would run as formulas', () => {
    expect(exported).not.toContain('CONFIDENTIAL')
    expect(exported).toContain('"Visits his mother on Sundays,\nso call after 6pm."')
    expect(exported).toContain(`"'=HYPERLINK(""http://x"")"`)
  })

  it('gives the same people when imported into an empty database', async () => {
    expect(counts(empty).people).toBe(0)
    const p = await open(empty, writeCsv(empty, exported))
    expect(p.mapping.every((f) => f !== null)).toBe(true)
    expect(await importFile(empty, p)).toEqual({ imported: 5, skippedDuplicates: 0, skippedInvalid: 0, households: 1 })
    const original = snapshot(s)
    expect(snapshot(empty)).toEqual(original)
    const zoe = original.find((p) => p.first_name === 'Zoë')!
    expect(zoe).toMatchObject({ tags: JSON.stringify(['Choir, Alto']), birthday: '1972-02-29', other_phone: '+34 600 999 999', household: 'The Núñez Family' })
    const lucja = original.find((p) => p.first_name === 'Łucja')!
    expect(JSON.parse(lucja.address as string)).toEqual(['Residència Universitària, 4', null, 'Barcelona', null, '08001', 'Spain'])
    expect(original.find((p) => p.last_name === "O'Brien")).toMatchObject({ first_name: '=HYPERLINK("http://x")', mobile_phone: null, status: 'visitor' })
  })

  it('exports only the people the list shows', async () => {
    const target = join(s.dir, 'visitors.csv')
    s.os.saveAnswers.push(target)
    expect((await call(s, 'membersCsv.export', { filter: { statuses: ['visitor', 'inactive'] } }))).toEqual({ fileName: 'visitors.csv', count: 2 })
    expect(parseCsvText(readFileSync(target, 'utf8')).rows.map((r) => r[0])).toEqual(['=HYPERLINK("http://x")'.replace(/^/, "'"), 'Ama'])
  })

  it('says so when the list is empty, and does nothing when the volunteer cancels', async () => {
    const none = await s.registry.dispatch('membersCsv.export', { filter: { query: 'nobody by this name' } })
    expect(none).toMatchObject({ ok: false, error: { message: 'There is no one in this list to export.' } })
    s.os.saveAnswers.push(null)
    expect((await call(s, 'membersCsv.export', { filter: {} }))).toBeNull()
  })
})
