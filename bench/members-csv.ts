import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import Papa from 'papaparse'
import type { Result } from '../main/contract'
import type { CsvFilePreview, CsvImportResult } from '../main/contract/members-csv'
import { EXPORT_HEADERS } from '../main/members-csv/columns'
import { type Session, startSession } from '../main/session'
import { TestOs } from '../tests/bridge/test-os'
import { sized } from './scale'
import { median, report, timeMs } from './report'

const FIRST = ['José', 'Zoë', 'Ana', 'Kwame', 'Abena', 'Łucja', 'John', 'Jane', 'Mo', 'Priya', 'Chen', 'Fatima', 'Liam', 'Sofia', 'Noah', 'Amara']
const LAST = ['Núñez', 'Smith', 'Okafor', 'Mensah', 'Brontë', 'García', 'Patel', 'Nowak', 'Lee', "O'Brien", 'Kowalski', 'Haddad']
const ROLES = ['Head', 'Spouse', 'Child', 'Child', 'Other']

/** 10,000 people in 4,000 households, every column filled the way Hearth's own export fills it. */
export function congregationCsv(people = 10_000, households = 4_000): string {
  const rows: string[][] = []
  let person = 0
  for (let h = 0; h < households; h++) {
    const size = Math.floor(people / households) + (h < people % households ? 1 : 0)
    const last = LAST[h % LAST.length]!
    for (let i = 0; i < size; i++, person++) {
      const first = FIRST[person % FIRST.length]!
      rows.push([
        first,
        last,
        '',
        `07700 ${String(100000 + person).slice(-6)}`,
        `01632 ${String(960000 + h).slice(-6)}`,
        '',
        `${first.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/\W/g, '')}.${person}@example.org`,
        `${h + 1} Church Lane`,
        '',
        'Leeds',
        'West Yorkshire',
        `LS${h % 30} 1AA`,
        'United Kingdom',
        new Date(Date.UTC(1940, 0, 1) + (person % 25_000) * 86_400_000).toISOString().slice(0, 10),
        '2015-09-01',
        person % 10 === 0 ? 'Visitor' : 'Member',
        'Phone',
        `F${h}`,
        '',
        ROLES[i] ?? 'Other',
        person % 3 === 0 ? 'Choir; Welcome team' : 'Prayer chain',
        person % 4 === 0 ? 'Can drive' : '',
        person % 7 === 0 ? 'Vegetarian; Nut allergy' : '',
        '',
        person % 5 === 0 ? 'Happy to help with meals,\nweekends only.' : '',
      ])
    }
  }
  return `\uFEFF${Papa.unparse({ fields: Object.values(EXPORT_HEADERS), data: rows })}\r\n`
}

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(r.error.message)
  return r.value as T
}

/**
 * The raw peer: papaparse and prepared better-sqlite3 inserts of the same columns into the same schema (a new
 * Hearth file, so the same tables, checks, indexes, WAL and synchronous FULL), in one transaction — one household
 * per household id, one person per row, their tags — with no checking, no duplicate search and no folding.
 */
export function rawPeerImport(sqlite: BetterSqlite3.Database, csvPath: string): number {
  const parsed = Papa.parse<string[]>(readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' })
  const [, ...rows] = parsed.data
  const now = new Date().toISOString()
  const addHousehold = sqlite.prepare('insert into households (display_name, home_phone, external_id, updated_at) values (?, ?, ?, ?)')
  const addPerson = sqlite.prepare(
    `insert into people (household_id, household_role, first_name, last_name, preferred_name, mobile_phone, other_phone, email,
       address_line1, address_line2, city, region, postal_code, country, birthday, joined_on, status, preferred_contact,
       dietary, dietary_notes, search_text, sort_key, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const addTag = sqlite.prepare('insert or ignore into person_tags (person_id, kind, value) values (?, ?, ?)')
  const addNote = sqlite.prepare('insert into person_notes (person_id, body, confidential, updated_at) values (?, ?, 0, ?)')
  const blank = (v: string | undefined) => (v ? v : null)
  sqlite.transaction(() => {
    const households = new Map<string, number>()
    for (const c of rows) {
      let household = households.get(c[17]!)
      if (household === undefined) {
        household = Number(addHousehold.run(`${c[1]} household`, blank(c[4]), c[17], now).lastInsertRowid)
        households.set(c[17]!, household)
      }
      const id = Number(
        addPerson.run(
          household, c[19]!.toLowerCase(), c[0], c[1], blank(c[2]), blank(c[3]), blank(c[5]), blank(c[6]),
          blank(c[7]), blank(c[8]), blank(c[9]), blank(c[10]), blank(c[11]), blank(c[12]), blank(c[13]), blank(c[14]),
          c[15]!.toLowerCase(), c[16]!.toLowerCase(), '[]', blank(c[22]), '', '', now,
        ).lastInsertRowid,
      )
      for (const t of c[20]!.split(';')) if (t.trim()) addTag.run(id, 'tag', t.trim())
      for (const t of c[21]!.split(';')) if (t.trim()) addTag.run(id, 'skill', t.trim())
      if (c[24]) addNote.run(id, c[24], now)
    }
  })()
  return rows.length
}

/** Removes this connection's history triggers (they are TEMP, so the file is untouched). For measuring only. */
function withoutHistory(sqlite: BetterSqlite3.Database): void {
  const names = sqlite.prepare("select name from sqlite_temp_master where type = 'trigger' and name like 'history\\_%' escape '\\'").pluck().all() as string[]
  for (const name of names) sqlite.exec(`drop trigger temp."${name}"`)
}

/** One import through the handlers as the screen makes it: open the file, check it, import it. */
export async function hearthImport(session: Session, os: TestOs, csvPath: string): Promise<CsvImportResult> {
  os.openAnswers.push(csvPath)
  const preview = value<CsvFilePreview>(await session.registry.dispatch('membersCsv.openFile', {}))
  const plan = { token: preview.token, mapping: preview.mapping, dateOrder: preview.dateOrder }
  value(await session.registry.dispatch('membersCsv.check', plan))
  return value<CsvImportResult>(await session.registry.dispatch('membersCsv.import', plan))
}

const [PEOPLE, HOUSEHOLDS, BIG] = [sized(10_000, 100), sized(4_000, 40), sized(50_000, 500)]

/**
 * CSV import (open + check + import, as the screen runs it) of a 10,000-row file, against the raw peer on the same
 * file into a new database of the same schema, interleaved round by round; then a 50,000-row import alone.
 */
export async function benchMembersCsv(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-csv-'))
  try {
    const path = join(dir, 'congregation.csv')
    writeFileSync(path, congregationCsv(PEOPLE, HOUSEHOLDS))
    const ours: number[] = []
    const oursCpu: number[] = []
    const theirs: number[] = []
    const unrecorded: number[] = []
    for (let round = 0; round < sized(5, 1); round++) {
      const os = new TestOs(dir)
      const session = await startSession(join(dir, `hearth-${round}.sqlite`), os, 'bench')
      const peer = await startSession(join(dir, `raw-${round}.sqlite`), new TestOs(dir), 'bench')
      const quietOs = new TestOs(dir)
      const quiet = await startSession(join(dir, `unrecorded-${round}.sqlite`), quietOs, 'bench')
      try {
        let result: CsvImportResult | undefined
        const cpu = process.cpuUsage()
        ours.push(await timeMs(async () => (result = await hearthImport(session, os, path))))
        const used = process.cpuUsage(cpu)
        oursCpu.push((used.user + used.system) / 1000)
        if (result?.imported !== PEOPLE || result.households !== HOUSEHOLDS) throw new Error(`imported ${JSON.stringify(result)}`)
        theirs.push(await timeMs(() => rawPeerImport(peer.context.sqlite, path)))
        // The same import with the history's recording triggers removed: what the history (and so Undo) costs.
        withoutHistory(quiet.context.sqlite)
        unrecorded.push(await timeMs(() => hearthImport(quiet, quietOs, path)))
      } finally {
        await session.close()
        await peer.close()
        await quiet.close()
      }
    }
    report('members.import_10k_ms', median(ours), 'ms')
    // Processor time alone: on a busy machine the wall-clock figure above also counts time spent waiting to run.
    report('members.import_10k_cpu_ms', median(oursCpu), 'ms')
    report('members.import_raw_10k_ms', median(theirs), 'ms')
    report('members.import_vs_raw_ratio', median(ours.map((t, i) => t / theirs[i]!)), 'x')
    report('members.import_10k_without_history_ms', median(unrecorded), 'ms')
    report('members.import_history_share', median(ours.map((t, i) => 1 - unrecorded[i]! / t)), 'of the import')

    const big = join(dir, 'congregation-50k.csv')
    writeFileSync(big, congregationCsv(BIG, BIG * 0.4))
    const os = new TestOs(dir)
    const session = await startSession(join(dir, 'hearth-50k.sqlite'), os, 'bench')
    try {
      let result: CsvImportResult | undefined
      report('members.import_50k_ms', await timeMs(async () => (result = await hearthImport(session, os, big))), 'ms')
      if (result?.imported !== BIG) throw new Error(`imported ${JSON.stringify(result)}`)
    } finally {
      await session.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
