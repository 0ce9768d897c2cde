import { describe, expect, it } from 'vitest'
import { renderPdf, warmUpPrinting } from '../../main/print/engine/pdf'
import { pdfInfo, pdfText } from './read-pdf'

const settings = { congregationName: 'St Brigid’s', paperSize: 'A4' as const, timeZone: 'Europe/London' }
const NOW = new Date('2026-03-14T10:00:00Z')

describe('fonts parsed once per run', () => {
  it('prints every character of every document right when documents share the parsed fonts', async () => {
    await warmUpPrinting()
    const names = ['A long list: Zoë Ñúñez', 'Ἀθηνᾶ Παπαδοπούλου — Анна Кузнецова', 'Łukasz Øberg, Ærø ﬁne ligatures']
    const first = await Promise.all(names.map((n) => renderPdf({ title: n, content: [{ text: n, bold: true }, n, { text: n, italics: true }] }, settings, 'en-GB', NOW)))
    // Again, in the other order: each document's glyphs and their characters are its own.
    const again = await Promise.all([...names].reverse().map((n) => renderPdf({ title: n, content: [{ text: n, bold: true }, n, { text: n, italics: true }] }, settings, 'en-GB', NOW)))
    for (const [i, n] of names.entries()) {
      const text = pdfText(first[i]!)
      expect(text.split(n).length - 1).toBeGreaterThanOrEqual(4)
      expect(pdfText(again[names.length - 1 - i]!)).toBe(text)
      expect(pdfInfo(first[i]!).fonts).toMatch(/NotoSans/)
    }
  })
})
