import { describe, expect, it } from 'vitest'
import { COORDINATOR_BANNER, renderPdf } from '../../main/print/pdf'
import { pdfInfo, pdfPages, pdfText } from './read-pdf'

const settings = { congregationName: 'St Brigid’s', paperSize: 'A4' as const, timeZone: 'Europe/London' }
const NOW = new Date('2026-03-14T10:00:00Z')

describe('the PDF engine', () => {
  it('prints Greek and Cyrillic names with an embedded font', async () => {
    const pdf = await renderPdf({ title: 'Names', content: ['Ἀθηνᾶ Παπαδοπούλου', 'Анна Кузнецова', 'Zoë Ñúñez Łukasz'] }, settings, 'en-GB', NOW)
    const text = pdfText(pdf)
    expect(text).toContain('Ἀθηνᾶ Παπαδοπούλου')
    expect(text).toContain('Анна Кузнецова')
    expect(text).toContain('Zoë Ñúñez Łukasz')
    const { fonts } = pdfInfo(pdf)
    expect(fonts).toMatch(/NotoSans/)
    // pdffonts marks each font "emb yes": nothing depends on fonts installed where it is printed.
    for (const line of fonts.split('\n').filter((l) => l.includes("NotoSans"))) expect(line).toMatch(/\byes\b\s+yes\b/)
  })

  it('frames every page with the congregation, the title, the date printed and "Page n of m"', async () => {
    const content = Array.from({ length: 140 }, (_, i) => `Line ${i + 1}`)
    const pdf = await renderPdf({ title: 'A long list', content }, settings, 'en-GB', NOW)
    const pages = pdfPages(pdf)
    expect(pages.length).toBeGreaterThan(1)
    pages.forEach((page, i) => {
      expect(page).toContain('St Brigid’s')
      expect(page).toContain('A long list')
      expect(page).toContain('Printed 14 March 2026')
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`)
      expect(page).not.toContain(COORDINATOR_BANNER)
    })
    expect(pages[pages.length - 1]).toContain('Line 140')
  })

  it('formats the date printed in the person’s locale and the congregation’s time zone', async () => {
    const late = new Date('2026-03-14T23:30:00Z')
    const us = pdfText(await renderPdf({ title: 'T', content: ['x'] }, { ...settings, timeZone: 'America/New_York' }, 'en-US', late))
    expect(us).toContain('Printed March 14, 2026')
    const tokyo = pdfText(await renderPdf({ title: 'T', content: ['x'] }, { ...settings, timeZone: 'Asia/Tokyo' }, 'en-GB', late))
    expect(tokyo).toContain('Printed 15 March 2026')
  })

  it('uses the paper size from Settings and the document’s orientation', async () => {
    const a4 = pdfInfo(await renderPdf({ title: 'T', content: ['x'] }, settings, 'en-GB', NOW))
    expect([Math.round(a4.width), Math.round(a4.height)]).toEqual([595, 842])
    const letterLandscape = pdfInfo(await renderPdf({ title: 'T', content: ['x'], orientation: 'landscape' }, { ...settings, paperSize: 'Letter' }, 'en-US', NOW))
    expect([letterLandscape.width, letterLandscape.height]).toEqual([792, 612])
  })

  it('says "COORDINATOR COPY — confidential" on every page of a coordinator copy', async () => {
    const content = Array.from({ length: 80 }, (_, i) => `Line ${i + 1}`)
    const pages = pdfPages(await renderPdf({ title: 'Directory', content, profile: 'coordinator' }, settings, 'en-GB', NOW))
    expect(pages.length).toBeGreaterThan(1)
    for (const page of pages) expect(page).toContain(COORDINATOR_BANNER)
  })

  it('prints markup in names as plain text', async () => {
    const text = pdfText(await renderPdf({ title: 'T', content: ['<img src=x onerror=alert(1)>'] }, settings, 'en-GB', NOW))
    expect(text).toContain('<img src=x onerror=alert(1)>')
  })
})
