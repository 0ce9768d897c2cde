import BetterSqlite3 from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { membersToCsv } from '../../main/members-csv/export'
import { toErrorShape } from '../../main/errors'
import { peopleForExport } from '../../db/members-csv'
import { call, testSession } from '../helpers/session'
import { check, counts, open, writeCsv, type S } from '../members-csv/helpers'
import { contentsDigest } from '../helpers/contents'

let s: S
beforeAll(async () => {
  s = await testSession()
})
afterAll(() => s.close())

const contents = () => contentsDigest(s.context.sqlite)

async function refusedWith(channel: string, input: unknown) {
  const before = contents()
  const r = await s.registry.dispatch(channel, input)
  if (r.ok) throw new Error(`${channel} should have been refused`)
  expect(contents()).toBe(before)
  return r.error
}

describe('what a page sends is bounded and plain', () => {
  it('refuses a filter with a thousand tags as invalid input, not an internal error', async () => {
    const tags = Array.from({ length: 1001 }, (_, i) => `tag${i}`)
    for (const filter of [{ tags }, { skills: tags }]) {
      const error = await refusedWith('members.search', { filter })
      expect(error.code).toBe('invalid_input')
      expect(error.message).toMatch(/at most 50/)
    }
  })

  it('names at most three unknown fields, however many are sent', async () => {
    const input = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`field${i}`, i]))
    const error = await refusedWith('settings.update', input)
    expect(error.message).toBe('Hearth does not know "field0", "field1", "field2" and 9997 more.')
    // English and the catalog id with its values, for the summary and the field: still a few hundred characters.
    expect(JSON.stringify(error).length).toBeLessThan(600)
  })

  it('lists at most 20 fields when thousands of items are wrong', async () => {
    const error = await refusedWith('mealTrains.create', { recipientName: 'Ann', weekdays: Array.from({ length: 5000 }, () => 99) })
    expect(Object.keys(error.fields ?? {}).length).toBeLessThanOrEqual(20)
    expect(JSON.stringify(error).length).toBeLessThan(4000)
  })

  it('refuses NUL and other control characters in names with a plain message', async () => {
    for (const firstName of ['Ada\u0000', 'A\u0007da']) {
      const error = await refusedWith('members.create', { firstName, lastName: 'Lovelace' })
      expect(error).toMatchObject({ code: 'invalid_input', fields: { firstName: expect.stringMatching(/hidden control character in it \(such as a NUL\)/) } })
    }
    expect((await refusedWith('members.create', { firstName: 'Ada\nLovelace', lastName: 'Lovelace' })).fields).toEqual({ firstName: expect.stringMatching(/must fit on one line/) })
    expect((await refusedWith('households.create', { displayName: 'The\u0000 Smiths' })).message).toMatch(/hidden control character/)
    expect((await refusedWith('settings.update', { congregationName: 'St\u0000 Brigid' })).message).toMatch(/hidden control character/)
    // Line breaks stay allowed where text may run over several lines.
    const { id } = await call(s, 'members.create', { firstName: 'Ada', lastName: 'Lovelace', dietaryNotes: 'No nuts.\nNo shellfish.' })
    expect(id).toBeGreaterThan(0)
  })
})

describe('database refusals are described truthfully', () => {
  const db = new BetterSqlite3(':memory:')
  db.exec(`pragma foreign_keys = on;
    create table parent (id integer primary key);
    create table child (id integer primary key, parent_id integer references parent (id), n integer check (n > 0), name text not null unique)`)
  const failing = (sql: string) => {
    try {
      db.exec(sql)
    } catch (err) {
      return err
    }
    throw new Error(`${sql} did not fail`)
  }
  const silent = () => undefined

  it('tells a clash, a vanished reference, a refused value and a damaged file apart', () => {
    db.exec("insert into child (id, n, name) values (1, 1, 'a')")
    expect(toErrorShape(failing("insert into child (n, name) values (1, 'a')"), silent)).toMatchObject({ code: 'conflict', message: /clashes with something already saved/ })
    expect(toErrorShape(failing("insert into child (parent_id, n, name) values (9, 1, 'b')"), silent)).toMatchObject({ code: 'conflict', message: /no longer exists/ })
    expect(toErrorShape(failing("insert into child (n, name) values (0, 'c')"), silent)).toMatchObject({ code: 'invalid_input', message: /cannot save a value/ })
    expect(toErrorShape(failing('insert into child (n, name) values (1, null)'), silent)).toMatchObject({ code: 'invalid_input' })
    expect(toErrorShape(Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' }), silent)).toMatchObject({ code: 'io', message: /Restore your latest backup/ })
    expect(toErrorShape(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }), silent)).toMatchObject({ code: 'io', message: /busy/ })
  })
})

describe('spreadsheets in and out', () => {
  it('refuses a file with a NUL anywhere, not only in its first 4 KiB', async () => {
    const filler = Array.from({ length: 300 }, (_, i) => `Person${i},Family`).join('\n')
    const path = writeCsv(s, `First name,Last name\n${filler}\nAda\u0000,Lovelace\n`)
    s.os.openAnswers.push(path)
    const r = await s.registry.dispatch('membersCsv.openFile', {})
    expect(r).toMatchObject({ ok: false, error: { message: /not plain text/ } })
  })

  it('reports a row with a control character instead of importing it into a name', async () => {
    const before = counts(s).people
    const p = await open(s, writeCsv(s, 'First name,Last name,Notes\nAda\u0001,Lovelace,\nGrace,Hopper,"Two\nlines"\n'))
    const result = await check(s, p)
    expect(result).toMatchObject({ newCount: 1, invalidCount: 1 })
    expect(result.problems[0]).toMatchObject({ row: 2, message: expect.stringMatching(/hidden or broken character \(such as a NUL, .*\) in First Name/) })
    expect(counts(s).people).toBe(before)
  })

  it('reports rows whose names or notes hold a direction override or isolate, or whose names hold an invisible space, and imports the rest', async () => {
    const before = counts(s).people
    const rows = ['Ru\u202Eth,Olson,', 'Ruth,Ol\u200Bson,', 'Ruth,\u2066Olson,', 'محمد,العلي,"Two\nlines"', 'Zoë,Ωμέγα,\u2067note\u2069']
    const p = await open(s, writeCsv(s, `First name,Last name,Notes\n${rows.join('\n')}\n`))
    const result = await check(s, p)
    expect(result).toMatchObject({ newCount: 1, invalidCount: 4 })
    expect(result.problems.map((x) => [x.row, x.message.match(/ in ([^;]+);/)?.[1]])).toEqual([
      [2, 'First Name'],
      [3, 'Last Name'],
      [4, 'Last Name'],
      [6, 'Notes'],
    ])
    expect(counts(s).people).toBe(before)
  })

  it('says "the notes are" when notes are too long', async () => {
    const p = await open(s, writeCsv(s, `First name,Last name,Notes\nAda,Lovelace,${'x'.repeat(20_001)}\n`))
    expect((await check(s, p)).problems[0]!.message).toMatch(/the notes are longer than/)
  })

  it('cuts long cells in the preview, so a huge cell is never sent whole to the page', async () => {
    const p = await open(s, writeCsv(s, `First name,Last name,Notes\nAda,Lovelace,${'x'.repeat(1_000_000)}\n`))
    expect(p.sampleRows[0]![2]!.length).toBeLessThanOrEqual(200)
    expect(JSON.stringify(p).length).toBeLessThan(5000)
  })

  it('guards every cell a spreadsheet would work out as a formula', async () => {
    const risky = ['-2+3', '-1-1', '=1+1', '+44 20 7946 0018', '@SUM(A1)']
    const ids: number[] = []
    for (const [i, lastName] of risky.entries()) ids.push((await call(s, 'members.create', { firstName: `Guard${i}`, lastName, mobilePhone: '+44 7700 900123' })).id)
    const csv = membersToCsv(peopleForExport(s.context.sqlite, ids))
    for (const cell of risky) expect(csv).toContain(`'${cell}`)
    expect(csv).toContain("'+44 7700 900123")
    // Every cell of every data row: none starts with a character that makes a formula.
    const cells = csv
      .split('\r\n')
      .slice(1)
      .flatMap((row) => row.split(','))
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c.replace(/^"/, '')))).toEqual([])
  })
})
