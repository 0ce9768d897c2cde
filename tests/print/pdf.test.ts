import { describe, expect, it } from 'vitest'
import { COORDINATOR_BANNER, renderPdf, ruledLayout, titledTable } from '../../main/print/engine/pdf'
import { pdfInfo, pdfPages, pdfRawText, pdfText } from './read-pdf'

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

  it('labels every page of each copy: its name at the top, the whole line at the foot', async () => {
    const content = Array.from({ length: 140 }, (_, i) => `Line ${i + 1}`)
    for (const [profile, label] of [
      ['noticeboard', 'Noticeboard copy — fine to pin up'],
      ['volunteer', 'Volunteer copy — contains phone numbers, do not display'],
      ['coordinator', 'COORDINATOR COPY — confidential'],
    ] as const) {
      const pages = pdfPages(await renderPdf({ title: 'A long list', content, profile }, settings, 'en-GB', NOW))
      expect(pages.length).toBeGreaterThan(1)
      for (const page of pages) {
        const lines = page.split('\n').filter((l) => l.trim())
        expect(lines[1]).toContain(label.split(' — ')[0])
        expect(lines.at(-1)).toContain(label)
      }
    }
  })

  it('puts a coordinator watermark across every coordinator page and none on other copies', async () => {
    const content = Array.from({ length: 140 }, (_, i) => `Line ${i + 1}`)
    const coordinator = await renderPdf({ title: 'T', content, profile: 'coordinator' }, settings, 'en-GB', NOW)
    const pages = pdfRawText(coordinator).split('\f').filter((p) => p.trim())
    expect(pages.length).toBe(pdfInfo(coordinator).pages)
    // The watermark is drawn a letter at a time; the banner lines are followed by "— confidential".
    for (const page of pages) expect(page.replace(/\s+/g, '')).toMatch(/COORDINATORCOPY(?!—)/)
    expect(pdfRawText(await renderPdf({ title: 'T', content, profile: 'volunteer' }, settings, 'en-GB', NOW))).not.toContain('COORDINATOR')
  })

  it('saves a page by tightening a short document whose last page would hold a few rows', async () => {
    const rows = (n: number) => ({ title: 'T', content: [{ table: { body: Array.from({ length: n }, (_, i) => [`Row ${i + 1}`]) }, layout: ruledLayout }] })
    // The most rows the standard frame holds on one page; one more would strand a row on a page of its own.
    let most = 20
    while (pdfInfo(await renderPdf(rows(most + 1), settings, 'en-GB', NOW, { tighten: false })).pages === 1) most++
    const spilled = rows(most + 2)
    expect(pdfInfo(await renderPdf(spilled, settings, 'en-GB', NOW, { tighten: false })).pages).toBe(2)
    const tightened = await renderPdf(spilled, settings, 'en-GB', NOW)
    expect(pdfInfo(tightened).pages).toBe(1)
    expect(pdfText(tightened)).toContain(`Row ${most + 2}`)
    // A long document keeps its ordinary spacing: tightening would save no page worth the crowding.
    const long = rows(400)
    expect(pdfInfo(await renderPdf(long, settings, 'en-GB', NOW)).pages).toBe(pdfInfo(await renderPdf(long, settings, 'en-GB', NOW, { tighten: false })).pages)
  })

  it('keeps a heading with its table rather than alone at the foot of a page', async () => {
    for (let filler = 40; filler <= 52; filler++) {
      const content = [
        ...Array.from({ length: filler }, (_, i) => `Filler ${i + 1}`),
        titledTable({ text: 'Easter vigil', bold: true, fontSize: 12 }, { headerRows: 1, body: [['Day'], ...Array.from({ length: 10 }, (_, i) => [`Slot ${i + 1}`])] }),
      ]
      const pages = pdfPages(await renderPdf({ title: 'T', content }, settings, 'en-GB', NOW, { tighten: false }))
      const headingPage = pages.findIndex((p) => p.includes('Easter vigil'))
      expect(pages[headingPage]).toMatch(/Easter vigil\s+Day\s+Slot 1\n/)
      // The heading and column titles come again at the top of the next page.
      if (pages.length > 1) expect(pages[1]).toMatch(/Easter vigil\s+Day\s+Slot \d+\n/)
    }
  })

  it('prints markup in names as plain text', async () => {
    const text = pdfText(await renderPdf({ title: 'T', content: ['<img src=x onerror=alert(1)>'] }, settings, 'en-GB', NOW))
    expect(text).toContain('<img src=x onerror=alert(1)>')
  })
})
