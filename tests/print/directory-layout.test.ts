import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DirectoryOptions, PrintProfile } from '../../main/contract/print'
import { getDirectory } from '../../db/print'
import { call, testSession } from '../helpers/session'
import { generateCongregation } from './congregation'
import { pdfInfo, pdfPages, pdfText, pdfWords, previewPdf, smallestTextSize } from './read-pdf'

// A generated congregation of 130 people: accents, Greek and Cyrillic, particles, long hyphenated names.
let s: Awaited<ReturnType<typeof testSession>>
beforeAll(async () => {
  s = await testSession('en-GB')
  await call(s, 'settings.update', { congregationName: 'St Brigid’s', paperSize: 'A4', timeZone: 'Europe/London' })
  await generateCongregation(s.context.db, 130)
})
afterAll(() => s.close())

const directory = (profile: PrintProfile, options?: DirectoryOptions) => previewPdf(s, { document: 'directory', ...(options ? { options } : {}) }, profile)
const paper = (paperSize: 'A4' | 'Letter') => call(s, 'settings.update', { paperSize })

describe('the directory laid out like a published directory', () => {
  it('fits the 130-person noticeboard copy on one page, in three columns, on A4 and Letter', async () => {
    for (const size of ['A4', 'Letter'] as const) {
      await paper(size)
      const pdf = await directory('noticeboard')
      expect(pdfInfo(pdf).pages).toBe(1)
      // Three columns: the A–Z headings (14 pt) stand at three distinct left edges.
      const headings = pdfWords(pdf).filter((w) => Math.abs((w.yMax - w.yMin) / 1.362 - 14) < 0.1)
      expect(headings.map((w) => w.text)).toContain('A')
      const lefts = new Set(headings.map((w) => Math.round(w.xMin)))
      expect(lefts.size).toBe(3)
    }
    await paper('A4')
  })

  it('never breaks a phone number or an email across lines, and keeps each household whole on one page', async () => {
    const households = await getDirectory(s.context.db, { notes: 'none', statuses: ['member', 'regular_attender'] })
    for (const size of ['A4', 'Letter'] as const) {
      await paper(size)
      const pdf = await directory('volunteer')
      const pages = pdfPages(pdf)
      expect(pages.length).toBeGreaterThan(1)
      const lines = pages.flatMap((p) => p.split('\n'))
      for (const h of households) {
        const tokens = [h.home_phone, ...h.people.flatMap((p) => [p.mobile_phone, p.email])].filter((t): t is string => Boolean(t))
        for (const token of tokens) expect(lines.some((l) => l.includes(token)), `${token} whole on a line`).toBe(true)
        // The page that has the household's first phone or email has all of them.
        if (tokens.length) {
          const page = pages.findIndex((p) => p.includes(tokens[0]!))
          for (const token of tokens) expect(pages[page], `${h.display_name} on one page`).toContain(token)
        }
      }
    }
    await paper('A4')
  })

  it('prints nothing smaller than 9 pt, on any copy', async () => {
    for (const profile of ['noticeboard', 'volunteer', 'coordinator'] as const) expect(smallestTextSize(await directory(profile))).toBeGreaterThanOrEqual(8.99)
  })

  it('lists the statuses chosen: members and regular attenders by default, visitors only when asked', async () => {
    const everyone = await getDirectory(s.context.db, { notes: 'none' })
    const named = (status: string) => everyone.flatMap((h) => h.people.filter((p) => p.status === status).map((p) => p.email)).filter((e): e is string => Boolean(e))
    const usual = pdfText(await directory('volunteer'))
    expect(usual).toContain('Members and regular attenders')
    for (const email of named('visitor')) expect(usual).not.toContain(email)
    for (const email of named('inactive')) expect(usual).not.toContain(email)
    for (const email of named('member')) expect(usual).toContain(email)
    const visitors = pdfText(await directory('volunteer', { statuses: ['visitor'] }))
    expect(visitors).toContain('Visitors ·')
    for (const email of named('visitor')) expect(visitors).toContain(email)
    for (const email of named('member')) expect(visitors).not.toContain(email)
    const refused = await s.registry.dispatch('print.preview', { request: { document: 'directory', options: { statuses: [] } }, profile: 'volunteer' })
    expect(refused).toMatchObject({ ok: false, error: { fields: { 'request.options.statuses': 'Choose at least one group of people to list.' } } })
  })

  it('prints only the fields chosen, and birthdays as day and month', async () => {
    const text = pdfText(await directory('volunteer', { fields: ['birthdays'] }))
    expect(text).toMatch(/Birthday: [^\n]*\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/)
    expect(text).not.toMatch(/07700|@example|Street|Diet/)
    expect(text).not.toMatch(/19[5-9]\d|20[01]\d/)
  })

  it('takes one, two or three columns as chosen', async () => {
    const pages = async (columns: 1 | 2 | 3) => pdfInfo(await directory('volunteer', { columns })).pages
    const [one, two] = [await pages(1), await pages(2)]
    expect(one).toBeGreaterThan(two)
    const lefts = (pdf: Uint8Array) => new Set(pdfWords(pdf).filter((w) => w.text === 'Home').map((w) => Math.round(w.xMin))).size
    expect(lefts(await directory('volunteer', { columns: 1 }))).toBe(1)
    expect(lefts(await directory('volunteer', { columns: 2 }))).toBe(2)
  })

  it('adds a cover page with the congregation, its address, the date and a members-only notice', async () => {
    await call(s, 'settings.update', { congregationAddress: '12 Church Lane, Leeds LS6 2AB' })
    const pages = pdfPages(await directory('volunteer', { cover: true }))
    await call(s, 'settings.update', { congregationAddress: '' })
    expect(pages[0]).toContain('St Brigid’s')
    expect(pages[0]).toContain('12 Church Lane, Leeds LS6 2AB')
    expect(pages[0]).toMatch(/\d{1,2} \w+ 20\d\d/)
    expect(pages[0]).toContain('For members only.')
    expect(pages[0]).not.toMatch(/07700|@example/)
    expect(pages[1]).toMatch(/07700/)
  })
})
