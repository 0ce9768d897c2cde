import { readFileSync } from 'node:fs'
import type BetterSqlite3 from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, testSession } from '../helpers/session'
import { pdfInfo, pdfPages } from './read-pdf'

let s: Awaited<ReturnType<typeof testSession>>
beforeAll(async () => {
  s = await testSession('en-GB')
  await call(s, 'settings.update', { congregationName: 'St Brigid’s', paperSize: 'A4', timeZone: 'Europe/London' })
})
afterAll(() => s.close())

const NOW = '2026-01-01T00:00:00.000Z'

/** People in households of one to four, every one with a phone and an email, straight into the file. */
function addPeople(sqlite: BetterSqlite3.Database, count: number, from = 0): void {
  const household = sqlite.prepare('insert into households (display_name, address_line1, city, postal_code, home_phone, updated_at) values (?, ?, ?, ?, ?, ?)')
  const person = sqlite.prepare('insert into people (household_id, household_role, first_name, last_name, mobile_phone, email, updated_at) values (?, ?, ?, ?, ?, ?, ?)')
  sqlite.transaction(() => {
    let made = 0
    for (let h = from; made < count; h++) {
      const last = `Family${h}`
      const id = Number(household.run(`The ${last} family`, `${h + 1} Long Road`, 'Leeds', 'LS6 2AB', `0113 496 ${String(h % 10000).padStart(4, '0')}`, NOW).lastInsertRowid)
      for (let m = 0; m < 1 + (h % 4) && made < count; m++, made++) {
        person.run(id, m === 0 ? 'head' : 'child', `Person${from + made}`, last, `07700 ${String(from + made).padStart(6, '0')}`, `p${from + made}@example.org`, NOW)
      }
    }
  })()
}

const fromBase64 = (b: string) => new Uint8Array(Buffer.from(b, 'base64'))

describe('a long directory, made on the print worker', () => {
  it('previews the first 40 pages and prints and saves every page, numbered within the whole', async () => {
    addPeople(s.context.sqlite, 1000)
    const preview = await call(s, 'print.preview', { request: { document: 'directory', options: { columns: 1 } }, profile: 'coordinator' })
    expect(preview.previewPages).toBe(40)
    expect(preview.pages).toBeGreaterThan(40)
    const shown = fromBase64(preview.pdfBase64)
    expect(pdfInfo(shown).pages).toBe(40)
    expect(pdfPages(shown)[0]).toContain(`Page 1 of ${preview.pages}`)
    // Print and Save get the whole directory: every page, none blank, each numbered once.
    s.os.saveAnswers.push(`${s.dir}/directory.pdf`)
    const saved = await call(s, 'print.save', { token: preview.token })
    const whole = new Uint8Array(readFileSync(saved!.path))
    const pages = pdfPages(whole)
    expect(pages).toHaveLength(preview.pages!)
    pages.forEach((text, i) => {
      expect(text).toContain(`Page ${i + 1} of ${preview.pages}`)
      expect(text).toMatch(/Family\d+/)
    })
    expect(pages[0]).toContain('Member directory')
    expect(pages.join('\n')).toContain('Person999')
  }, 120_000)

  it('stops a 200,000-person directory at once when cancelled, answering other calls while it is made', async () => {
    addPeople(s.context.sqlite, 199_000, 100_000)
    const jobId = 'huge-directory'
    const started = Date.now()
    const made = s.registry.dispatch('print.preview', { request: { document: 'directory' }, profile: 'volunteer', jobId })
    // The worker reads the people itself, then reports laying out the households: 80,000 of them.
    let progress = await call(s, 'print.progress', { jobId })
    while (progress?.stage !== 'layout') {
      // Hearth keeps answering the whole time: every other call comes back at once.
      const asked = performance.now()
      await call(s, 'settings.get', {})
      expect(performance.now() - asked).toBeLessThan(250)
      await new Promise((r) => setTimeout(r, 100))
      progress = await call(s, 'print.progress', { jobId })
      expect(Date.now() - started).toBeLessThan(120_000)
    }
    expect(progress.total).toBeGreaterThan(70_000)
    const cancelledAt = performance.now()
    expect(await call(s, 'print.cancel', { jobId })).toEqual({ stopped: true })
    const result = await made
    expect(performance.now() - cancelledAt).toBeLessThan(500)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.message).toBe('Stopped: the printout was cancelled.')
    expect(await call(s, 'print.progress', { jobId })).toBeNull()
  }, 240_000)
})
