import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSession } from '../main/session'
import { TestOs } from '../tests/bridge/test-os'
import { laidOut } from '../tests/print/laid-out'
import { coordinatorWatermark } from '../main/print/engine/copies'
import { forgetInPrintWorker } from '../main/print/engine/jobs'
import { bodyFrame, COORDINATOR_BANNER, formatPrintedDate } from '../main/print/engine/pdf'
import { getSettings } from '../main/common/read-settings'
import { directoryLinesOf, noto, rawPdfkitColumns } from './print-peer'
import { sized } from './scale'
import { median, report, timeMs } from './report'

const NOW = '2026-01-01T00:00:00.000Z'

const PEOPLE = sized(1000, 60)

/** A 1,000-person directory and a 90-day meal-train sheet, generated into a temp file and printed. */
export async function benchPrint(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-print-'))
  const open = () => startSession(join(dir, 'hearth.sqlite'), new TestOs(dir, 'en-GB'), 'bench')
  let session = await open()
  try {
    const { sqlite } = session.context
    const addHousehold = sqlite.prepare('insert into households (display_name, address_line1, city, postal_code, home_phone, updated_at) values (?, ?, ?, ?, ?, ?)')
    const addPerson = sqlite.prepare(
      'insert into people (household_id, household_role, first_name, last_name, mobile_phone, email, dietary, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    const addNote = sqlite.prepare('insert into person_notes (person_id, body, confidential, updated_at) values (?, ?, ?, ?)')
    sqlite.transaction(() => {
      let people = 0
      for (let h = 0; people < PEOPLE; h++) {
        const last = `Family${h}`
        const household = Number(addHousehold.run(`The ${last} family`, `${h + 1} Long Road`, 'Leeds', 'LS6 2AB', `0113 496 ${String(h).padStart(4, '0')}`, NOW).lastInsertRowid)
        for (let m = 0; m < 1 + (h % 4) && people < PEOPLE; m++, people++) {
          const id = Number(addPerson.run(household, m === 0 ? 'head' : 'child', `Person${people}`, last, `07700 ${String(people).padStart(6, '0')}`, `p${people}@example.org`, m === 0 ? '["vegan"]' : '[]', NOW).lastInsertRowid)
          if (people % 5 === 0) addNote.run(id, 'Prefers a call after six', people % 10 === 0 ? 1 : 0, NOW)
        }
      }
    })()
    const dispatch = async (channel: string, input: unknown) => {
      const r = await session.registry.dispatch(channel, input)
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`)
      return r.value as { id: number }
    }
    const { id: trainId } = await dispatch('mealTrains.create', {
      recipientName: 'Maria Lopez',
      startsOn: '2026-01-01',
      endsOn: '2026-03-31',
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      meals: [{ meal: 'dinner', from: '18:00', to: '19:00' }],
      dietary: ['peanut_allergy'],
    })
    for (let d = 1; d <= 28; d += 2) {
      await dispatch('mealTrains.signUp', { trainId, date: `2026-02-${String(d).padStart(2, '0')}`, meal: 'dinner', volunteer: { name: `Helper ${d}`, phone: '07700 900000' }, dish: 'Soup' })
    }

    // The first printout in a fresh Hearth, after the font warm-up the app runs a moment after start. One Hearth owns
    // the file at a time (db/open.ts lockDatabaseFile), so this one lets go while the fresh one prints.
    await session.close()
    const first = spawnSync(process.execPath, [...process.execArgv, join(__dirname, 'print-first.ts'), join(dir, 'hearth.sqlite'), JSON.stringify({ request: { document: 'mealTrainSheet', trainId }, profile: 'noticeboard' })], { encoding: 'utf8' })
    if (first.status !== 0) throw new Error(`print-first failed: ${first.stderr}`)
    process.stdout.write(first.stdout)
    session = await open()
    // The first print of this process pays for loading pdfmake and the fonts; the figures below are for the prints after it.
    report('print.first_sheet_cold_ms', await timeMs(() => dispatch('print.preview', { request: { document: 'mealTrainSheet', trainId }, profile: 'noticeboard' })), 'ms')
    // Wall time on a busy machine includes waiting for the CPU, so the CPU time of the same runs is printed too.
    const measure = async (request: unknown, profile: string) => {
      const wall: number[] = []
      const cpu: number[] = []
      for (let i = 0; i < sized(3, 1); i++) {
        const before = process.cpuUsage()
        wall.push(await timeMs(() => dispatch('print.preview', { request, profile })))
        const used = process.cpuUsage(before)
        cpu.push((used.user + used.system) / 1000)
      }
      return { wall: Math.min(...wall), cpu: Math.min(...cpu) }
    }
    const directory = await measure({ document: 'directory' }, 'coordinator')

    // The raw peer: the directory's own lines (Hearth's strings, styles and columns, read from the same file) set by
    // a separate copy of pdfkit, interleaved with Hearth's print; CPU time of each, median of the per-round ratios.
    // Cold: the print worker, which makes every document, forgets every measured line and shaped word first, as for
    // a directory it has never printed (its fonts stay parsed, as they are a moment after start). Warm: the same
    // directory again, as when a volunteer changes an option.
    const fonts = noto()
    const settings = await getSettings(session.context)
    const cpuMs = async (run: () => Promise<unknown>) => {
      const before = process.cpuUsage()
      await run()
      const used = process.cpuUsage(before)
      return (used.user + used.system) / 1000
    }
    const doc = await laidOut(session.context, { document: 'directory' }, 'coordinator', 'en-GB')
    const { lines, columns } = directoryLinesOf(doc, bodyFrame('A4', 'portrait', { subtitle: true }))
    const printed = `Printed ${formatPrintedDate(new Date(), 'en-GB', settings.timeZone)}`
    const peerFrame = { congregation: settings.congregationName, printed, banner: COORDINATOR_BANNER, watermark: coordinatorWatermark('en') }
    const preview = () => dispatch('print.preview', { request: { document: 'directory' }, profile: 'coordinator' })
    const cold: number[] = []
    const warm: number[] = []
    const peer: number[] = []
    for (let round = 0; round < sized(7, 1); round++) {
      await forgetInPrintWorker()
      cold.push(await cpuMs(preview))
      peer.push(await cpuMs(() => rawPdfkitColumns({ title: doc.title, subtitle: doc.subtitle }, lines, columns, peerFrame, fonts)))
      warm.push(await cpuMs(preview))
    }
    const ratio = (ours: number[]) => Math.round(median(ours.map((o, i) => o / peer[i]!)) * 100) / 100
    report('print.directory_1000_cpu_ms', median(cold), 'ms')
    report('print.directory_pdfkit_1000_cpu_ms', median(peer), 'ms')
    report('print.directory_vs_pdfkit_ratio', ratio(cold), 'x')
    report('print.directory_warm_1000_cpu_ms', median(warm), 'ms')
    report('print.directory_warm_vs_pdfkit_ratio', ratio(warm), 'x')
    const sheet = await measure({ document: 'mealTrainSheet', trainId }, 'noticeboard')
    report('print.directory_1000_ms', directory.wall, 'ms')
    report('print.meal_train_90d_ms', sheet.wall, 'ms')
    report('print.meal_train_90d_cpu_ms', sheet.cpu, 'ms')
  } finally {
    await session.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
