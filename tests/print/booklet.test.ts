import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bookletOrder } from '../../main/print/engine/booklet'
import { call, testSession } from '../helpers/session'
import { generateCongregation } from './congregation'
import { pdfInfo, pdfPages, previewPdf } from './read-pdf'

let s: Awaited<ReturnType<typeof testSession>>
beforeAll(async () => {
  s = await testSession('en-GB')
  await call(s, 'settings.update', { congregationName: 'St Brigid’s', paperSize: 'A4' })
  await generateCongregation(s.context.db, 130)
})
afterAll(() => s.close())

/** The "Page n of m" printed on each half of each sheet side, read from the PDF. */
function halves(pdf: Uint8Array): (number | null)[][] {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-booklet-'))
  try {
    const path = join(dir, 'b.pdf')
    writeFileSync(path, pdf)
    const { pages, width, height } = pdfInfo(pdf)
    const out: (number | null)[][] = []
    for (let p = 1; p <= pages; p++) {
      out.push(
        [0, width / 2].map((x) => {
          const text = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), '-x', String(Math.round(x)), '-y', '0', '-W', String(Math.round(width / 2)), '-H', String(Math.round(height)), '-nodiag', path, '-'], { encoding: 'utf8' })
          const m = /Page (\d+) of \d+/.exec(text)
          return m ? Number(m[1]) : null
        }),
      )
    }
    return out
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('the folded booklet', () => {
  it('orders pages so folded sheets read in order, blanks making up a multiple of four', () => {
    expect(bookletOrder(8)).toEqual([[8, 1], [2, 7], [6, 3], [4, 5]])
    expect(bookletOrder(6)).toEqual([[null, 1], [2, null], [6, 3], [4, 5]])
    expect(bookletOrder(1)).toEqual([[null, 1], [null, null]])
  })

  it('imposes the directory two-up on landscape A4 and Letter in booklet order, starting with its cover', async () => {
    for (const paperSize of ['A4', 'Letter'] as const) {
      await call(s, 'settings.update', { paperSize })
      const pdf = await previewPdf(s, { document: 'directory', options: { booklet: true } }, 'volunteer')
      const info = pdfInfo(pdf)
      expect([Math.round(info.width), Math.round(info.height)]).toEqual(paperSize === 'A4' ? [842, 595] : [792, 612])
      const read = halves(pdf)
      const printedPages = Math.max(...read.flat().filter((n): n is number => n !== null))
      expect(printedPages).toBeGreaterThan(4)
      expect(read, JSON.stringify(read)).toEqual(bookletOrder(printedPages))
      expect(info.pages % 2).toBe(0)
      // The front of the fold is the cover.
      expect(pdfPages(pdf)[0]).toContain('For members only.')
    }
    await call(s, 'settings.update', { paperSize: 'A4' })
  })
})
