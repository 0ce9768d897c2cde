import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'
import { getDirectory } from '../db/print'
import { FONTS } from '../main/print/pdf'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSession } from '../main/session'
import { TestOs } from '../tests/bridge/test-os'
import { buildDocument } from '../main/print/documents'
import { COORDINATOR_BANNER, formatPrintedDate } from '../main/print/pdf'
import { getSettings } from '../main/settings/settings'
import { blocksOf, noto, rawPdfkitDocument } from './print-peer'
import { median, report, timeMs } from './report'

const NOW = '2026-01-01T00:00:00.000Z'

/**
 * The same directory content written with pdfkit directly, as fast as a PDF of it can be made here: the same
 * people read the same way, the same embedded fonts and sizes, a line each for the name, address, phones, email and
 * notes, in two columns, letting pdfkit break the pages. CPU time of the fastest of three runs.
 */
async function rawPdfkitDirectory(session: Awaited<ReturnType<typeof startSession>>): Promise<number> {
  const households = await getDirectory(session.context.db, { notes: 'all', statuses: ['member', 'regular_attender'] })
  const requireHere = createRequire(import.meta.url)
  const fonts = Object.fromEntries(await Promise.all(Object.entries(FONTS).map(async ([k, f]) => [k, await readFile(requireHere.resolve(`@expo-google-fonts/noto-sans/${f}`))] as const)))
  const runs: number[] = []
  for (let i = 0; i < 3; i++) {
    const before = process.cpuUsage()
    await new Promise<void>((resolve) => {
      const doc = new PDFDocument({ size: 'A4', margins: { top: 70, bottom: 46, left: 40, right: 40 } })
      doc.on('data', () => undefined)
      doc.on('end', resolve)
      for (const [k, f] of Object.entries(fonts)) doc.registerFont(k, f)
      doc.font('bold').fontSize(18).text('Member directory')
      const width = (doc.page.width - 80 - 16) / 2
      for (const h of households) {
        doc.font('bold').fontSize(10.5).text(h.display_name, { width, columns: 1 })
        doc.font('normal').fontSize(9.5)
        for (const line of [h.address_line1, h.city, h.home_phone]) if (line) doc.text(line, { width, indent: 8 })
        for (const p of h.people) {
          for (const line of [p.first_name, p.mobile_phone, p.email, ...p.notes.map((n) => n.body)]) if (line) doc.text(line, { width, indent: 8 })
        }
        doc.moveDown(0.5)
      }
      doc.end()
    })
    const used = process.cpuUsage(before)
    runs.push((used.user + used.system) / 1000)
  }
  return Math.min(...runs)
}

/** A 1,000-person directory and a 90-day meal-train sheet, generated into a temp file and printed. */
export async function benchPrint(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-print-'))
  const session = await startSession(join(dir, 'hearth.sqlite'), new TestOs(dir, 'en-GB'), 'bench')
  try {
    const { sqlite } = session.context
    const addHousehold = sqlite.prepare('insert into households (display_name, address_line1, city, postal_code, home_phone, updated_at) values (?, ?, ?, ?, ?, ?)')
    const addPerson = sqlite.prepare(
      'insert into people (household_id, household_role, first_name, last_name, mobile_phone, email, dietary, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    const addNote = sqlite.prepare('insert into person_notes (person_id, body, confidential, updated_at) values (?, ?, ?, ?)')
    sqlite.transaction(() => {
      let people = 0
      for (let h = 0; people < 1000; h++) {
        const last = `Family${h}`
        const household = Number(addHousehold.run(`The ${last} family`, `${h + 1} Long Road`, 'Leeds', 'LS6 2AB', `0113 496 ${String(h).padStart(4, '0')}`, NOW).lastInsertRowid)
        for (let m = 0; m < 1 + (h % 4) && people < 1000; m++, people++) {
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

    // The first printout in a fresh Hearth, after the font warm-up the app runs a moment after start.
    const first = spawnSync(process.execPath, [...process.execArgv, join(__dirname, 'print-first.ts'), join(dir, 'hearth.sqlite'), JSON.stringify({ request: { document: 'mealTrainSheet', trainId }, profile: 'noticeboard' })], { encoding: 'utf8' })
    if (first.status !== 0) throw new Error(`print-first failed: ${first.stderr}`)
    process.stdout.write(first.stdout)
    // The first print of this process pays for loading pdfmake and the fonts; the figures below are for the prints after it.
    report('print.first_sheet_cold_ms', await timeMs(() => dispatch('print.preview', { request: { document: 'mealTrainSheet', trainId }, profile: 'noticeboard' })), 'ms')
    // Wall time on a busy machine includes waiting for the CPU, so the CPU time of the same runs is printed too.
    const measure = async (request: unknown, profile: string) => {
      const wall: number[] = []
      const cpu: number[] = []
      for (let i = 0; i < 3; i++) {
        const before = process.cpuUsage()
        wall.push(await timeMs(() => dispatch('print.preview', { request, profile })))
        const used = process.cpuUsage(before)
        cpu.push((used.user + used.system) / 1000)
      }
      return { wall: Math.min(...wall), cpu: Math.min(...cpu) }
    }
    const directory = await measure({ document: 'directory' }, 'coordinator')

    // The raw peer: the same directory content (Hearth's own document, read from the same file) laid out by pdfkit
    // alone, interleaved with Hearth's print, median of the per-round ratios.
    const fonts = noto()
    const settings = await getSettings(session.context)
    const ratios: number[] = []
    const peer: number[] = []
    for (let round = 0; round < 5; round++) {
      const ours = await timeMs(() => dispatch('print.preview', { request: { document: 'directory' }, profile: 'coordinator' }))
      const theirs = await timeMs(async () => {
        const doc = await buildDocument(session.context, { document: 'directory' }, 'coordinator')
        const printed = `Printed ${formatPrintedDate(new Date(), 'en-GB', settings.timeZone)}`
        await rawPdfkitDocument(blocksOf(doc), { congregation: settings.congregationName, title: doc.title, printed, banner: COORDINATOR_BANNER }, fonts)
      })
      peer.push(theirs)
      ratios.push(ours / theirs)
    }
    report('print.directory_pdfkit_1000_ms', median(peer), 'ms')
    report('print.directory_vs_pdfkit_ratio', median(ratios), 'x')
    const sheet = await measure({ document: 'mealTrainSheet', trainId }, 'noticeboard')
    report('print.directory_1000_ms', directory.wall, 'ms')
    const pdfkit = await rawPdfkitDirectory(session)
    report('print.directory_pdfkit_1000_cpu_ms', pdfkit, 'ms')
    report('print.directory_vs_pdfkit_ratio', Math.round((directory.cpu / pdfkit) * 100) / 100, 'x')
    report('print.directory_1000_cpu_ms', directory.cpu, 'ms')
    report('print.meal_train_90d_ms', sheet.wall, 'ms')
    report('print.meal_train_90d_cpu_ms', sheet.cpu, 'ms')
  } finally {
    await session.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
