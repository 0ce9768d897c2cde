import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LabelSheet } from '../../main/contract/print'
import { getDirectory } from '../../db/print'
import { LABEL_PADDING, labelAddresses, labelCorner, SHEETS } from '../../main/print/documents/labels'
import { call, testSession } from '../helpers/session'
import { generateCongregation } from './congregation'
import { pdfInfo, pdfText, pdfWords, previewPdf } from './read-pdf'

let s: Awaited<ReturnType<typeof testSession>>
beforeAll(async () => {
  s = await testSession('en-GB')
  await call(s, 'settings.update', { congregationName: 'St Brigid’s', paperSize: 'A4' })
  await generateCongregation(s.context.db, 130)
})
afterAll(() => s.close())

const HALF_MM = 72 / 25.4 / 2

async function labelsOf(sheet: LabelSheet, startAt = 1, outline = false) {
  return previewPdf(s, { document: 'mailingLabels', options: { sheet, startAt, outline } }, 'volunteer')
}

describe('address labels', () => {
  for (const sheet of ['L7160', 'L7163', '5160', '5163'] as const) {
    it(`puts each household's address inside its label on an Avery ${sheet} sheet, within 0.5 mm`, async () => {
      const geometry = SHEETS[sheet]
      const households = await getDirectory(s.context.db, { notes: 'none', statuses: ['member', 'regular_attender'] })
      const addresses = labelAddresses('volunteer', households)
      const startAt = 4
      const pdf = await labelsOf(sheet, startAt)
      const info = pdfInfo(pdf)
      // The sheet decides the paper, whatever Settings say.
      expect([Math.round(info.width), Math.round(info.height)]).toEqual(geometry.paper === 'A4' ? [595, 842] : [612, 792])
      const perSheet = geometry.columns * geometry.rows
      expect(info.pages).toBe(Math.ceil((addresses.length + startAt - 1) / perSheet))
      const words = pdfWords(pdf)
      for (const [n, address] of addresses.entries()) {
        const index = n + startAt - 1
        const page = Math.floor(index / perSheet) + 1
        const corner = labelCorner(geometry, index)
        const firstWord = address.name.split(' ')[0]!
        const onLabel = words.filter((w) => w.page === page && w.xMin >= corner.x - HALF_MM && w.xMax <= corner.x + geometry.width + HALF_MM && w.yMin >= corner.y - HALF_MM && w.yMax <= corner.y + geometry.height + HALF_MM)
        const name = onLabel.find((w) => w.text === firstWord)
        expect(name, `${address.name} on label ${index + 1}`).toBeDefined()
        expect(Math.abs(name!.xMin - (corner.x + LABEL_PADDING))).toBeLessThan(HALF_MM)
        // Every word of the address is on this label, not spilling onto the next.
        for (const word of address.lines.join(' ').split(/\s+/)) expect(onLabel.map((w) => w.text), `${word} of ${address.name}`).toContain(word)
      }
      // The labels before the start position are left empty for a part-used sheet.
      const first = labelCorner(geometry, 0)
      expect(words.filter((w) => w.page === 1 && w.yMin < first.y + geometry.height && w.xMax < first.x + geometry.width)).toEqual([])
    })
  }

  it('prints addresses only: no phones, emails, diet or notes, and no page frame on the labels', async () => {
    const text = pdfText(await labelsOf('L7160'))
    expect(text).not.toMatch(/07700|@example|Diet|Prefers|Page 1 of/)
    expect(text).toContain('The Okafor family')
    const refused = await s.registry.dispatch('print.preview', { request: { document: 'mailingLabels', options: { sheet: 'L7160' } }, profile: 'noticeboard' })
    expect(refused.ok).toBe(false)
    const badStart = await s.registry.dispatch('print.preview', { request: { document: 'mailingLabels', options: { sheet: 'L7160', startAt: 0 } }, profile: 'volunteer' })
    expect(badStart).toMatchObject({ ok: false, error: { fields: { 'request.options.startAt': 'Labels are counted from 1.' } } })
  })

  it('draws the label outlines for a test print, which the plain labels do not', async () => {
    const plain = await labelsOf('L7160')
    const outlined = await labelsOf('L7160', 1, true)
    expect(pdfText(outlined)).toBe(pdfText(plain))
    expect(outlined.byteLength).toBeGreaterThan(plain.byteLength)
  })
})
