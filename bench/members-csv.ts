import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Papa from 'papaparse'
import type { Result } from '../main/contract'
import type { CsvFilePreview, CsvImportResult } from '../main/contract/members-csv'
import { EXPORT_HEADERS } from '../main/members-csv/columns'
import { startSession } from '../main/session'
import { TestOs } from '../tests/bridge/test-os'
import { report, timeMs } from './report'

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
        new Date(Date.UTC(1940, 0, 1) + person * 86_400_000).toISOString().slice(0, 10),
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

/** Importing a 10,000-row CSV at the handler: read, parse, check every row and write it all in one transaction. */
export async function benchMembersCsv(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-csv-'))
  try {
    const path = join(dir, 'congregation.csv')
    writeFileSync(path, congregationCsv())
    const os = new TestOs(dir)
    const session = await startSession(join(dir, 'hearth.sqlite'), os, 'bench')
    try {
      os.openAnswers.push(path)
      const preview = value<CsvFilePreview>(await session.registry.dispatch('membersCsv.openFile', {}))
      const plan = { token: preview.token, mapping: preview.mapping, dateOrder: preview.dateOrder }
      report('members.import_check_10k_ms', await timeMs(async () => value(await session.registry.dispatch('membersCsv.check', plan))), 'ms')
      let result: CsvImportResult | undefined
      const cpu = process.cpuUsage()
      report('members.import_10k_ms', await timeMs(async () => (result = value<CsvImportResult>(await session.registry.dispatch('membersCsv.import', plan)))), 'ms')
      // Processor time alone: on a busy machine the wall-clock figure above also counts time spent waiting to run.
      const used = process.cpuUsage(cpu)
      report('members.import_10k_cpu_ms', (used.user + used.system) / 1000, 'ms')
      if (result?.imported !== 10_000 || result.households !== 4_000) throw new Error(`imported ${JSON.stringify(result)}`)
    } finally {
      await session.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

