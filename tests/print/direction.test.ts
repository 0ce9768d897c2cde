import { describe, expect, it } from 'vitest'
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces'
import { mirrorContent, mirrorDefinition, mirrorRow, pageDirection, rightToLeftParagraph, watermarkFor, withNumbersWhole } from '../../main/print/engine/direction'
import { readsRightToLeft } from '../../main/print/documents/labels'
import { buildDefinition } from '../../main/print/engine/pdf'

const settings = { congregationName: 'St Brigid’s', paperSize: 'A4', timeZone: 'Europe/London' } as const
const now = new Date('2026-03-14T10:00:00Z')

describe('which way a printout reads', () => {
  it('follows the language unless the document fixes it', () => {
    expect(pageDirection({}, 'ar')).toBe('rtl')
    expect(pageDirection({}, 'ar-EG')).toBe('rtl')
    expect(pageDirection({}, 'de-CH')).toBe('ltr')
    expect(pageDirection({}, 'en-GB')).toBe('ltr')
    expect(pageDirection({ direction: 'ltr' }, 'ar')).toBe('ltr')
  })
})

describe('a mirrored table row', () => {
  it('puts the first cell last', () => {
    expect(mirrorRow(['a', 'b', 'c'])).toEqual(['c', 'b', 'a'])
  })

  it('keeps a spanning cell ahead of the cells it covers', () => {
    const span = { text: 'cancelled', colSpan: 2 }
    expect(mirrorRow(['day', 'time', span, {}])).toEqual([{ text: 'cancelled', colSpan: 2 }, {}, 'time', 'day'])
    const whole = { text: 'heading', colSpan: 3 }
    expect(mirrorRow([whole, {}, {}])).toEqual([{ text: 'heading', colSpan: 3 }, {}, {}])
  })
})

describe('mirrored content', () => {
  it('reverses columns, table cells and widths, and swaps margins, borders and alignments', () => {
    const table = mirrorContent({
      margin: [1, 2, 3, 4],
      table: { headerRows: 1, widths: [18, '*', 'auto'], body: [['#', 'Name', { text: 'Phone', alignment: 'right', border: [true, false, false, true] }]] },
    } as Content) as unknown as { margin: number[]; table: { widths: unknown[]; body: unknown[][]; headerRows: number } }
    expect(table.margin).toEqual([3, 2, 1, 4])
    expect(table.table.widths).toEqual(['auto', '*', 18])
    expect(table.table.headerRows).toBe(1)
    expect(table.table.body[0]).toEqual([{ text: 'Phone', alignment: 'left', border: [false, false, true, true] }, 'Name', '#'])

    const columns = mirrorContent({ columns: [{ text: 'left', width: '*' }, { text: 'right', width: 'auto', alignment: 'right' }], columnGap: 10 }) as unknown as { columns: unknown[] }
    expect(columns.columns).toEqual([{ text: 'right', width: 'auto', alignment: 'left' }, { text: 'left', width: '*' }])
    expect(mirrorContent({ text: 'centred', alignment: 'center', margin: [0, 150] } as Content)).toEqual({ text: 'centred', alignment: 'center', margin: [0, 150] })
  })

  it('leaves what it is given untouched', () => {
    const original = { stack: [{ text: 'a', margin: [8, 0, 0, 0] }] } as Content
    const copy = JSON.parse(JSON.stringify(original)) as unknown
    mirrorContent(original)
    expect(original).toEqual(copy)
  })
})

describe('a paragraph that holds Arabic, in an Arabic printout', () => {
  it('gives an Arabic label and the Latin value after it the levels of one right-to-left paragraph', () => {
    const out = rightToLeftParagraph([{ text: 'السبب: ', bold: true }, 'Hip surgery']) as { text: string; bidiLevel: number; bold?: boolean }[]
    const label = out.filter((p) => /\p{sc=Arabic}/u.test(p.text))
    expect(label.every((p) => p.bidiLevel === 1 && p.bold === true)).toBe(true)
    // The Latin value sits one level up: it keeps its own order and comes last, at the left of the line.
    expect(out.filter((p) => /Hip|surgery/.test(p.text)).map((p) => [p.text, p.bidiLevel])).toEqual([['Hip surgery', 2]])
  })

  it('mirrors and reverses brackets the printer would leave alone', () => {
    const out = rightToLeftParagraph(['النظام الغذائي (', 'Ada)']) as { text: string; bidiLevel: number }[]
    expect(out.find((p) => p.text === 'Ada')).toEqual({ text: 'Ada', bidiLevel: 2 })
    // The closing bracket stands alone at the paragraph's level: mirrored, it prints as an opening one.
    expect(out.at(-1)).toEqual({ text: '(', bidiLevel: 1 })
  })

  it('keeps a phone number whole and left to right after Arabic words', () => {
    const out = rightToLeftParagraph('المنزل +962 6 555 0101') as { text: string; bidiLevel: number }[]
    expect(out).toContainEqual({ text: '+962 6 555 0101', bidiLevel: 2 })
    expect(out.filter((p) => /\d/.test(p.text))).toHaveLength(1)
  })

  it('leaves alone text without Arabic, and Arabic text the printer reads right to left already', () => {
    for (const text of ['Smith, John', '+49 30 1234567', '12:00–13:00', 'عائلة الحداد']) expect(rightToLeftParagraph(text)).toBe(text)
    const latin = [{ text: 'Why: ', bold: true }, 'Hip surgery']
    expect(rightToLeftParagraph(latin)).toBe(latin)
  })
})

describe('a directory line, in any printout', () => {
  it('keeps a phone number whole after an Arabic name, and is laid out once', () => {
    const line = withNumbersWhole('أحمد  079 555 2000')
    expect(line).toContainEqual({ text: '079 555 2000', bidiLevel: 2 })
    expect(rightToLeftParagraph(line)).toBe(line)
  })

  it('is left as it is when it opens with a Latin letter or holds no phone number', () => {
    for (const text of ['Tunde  07700 900011', 'عائلة الحداد', 'Ada: عائلة 12']) expect(withNumbersWhole(text)).toBe(text)
  })
})

describe('the page frame of an Arabic printout', () => {
  const doc = { title: 'دليل الأعضاء', profile: 'volunteer' as const, content: [{ text: 'x' }] }

  it('is the English frame mirrored, its text set from the right', () => {
    const arabic = buildDefinition(doc, settings, 'ar', now, {}) as TDocumentDefinitions
    const unmirrored = buildDefinition({ ...doc, direction: 'ltr' }, settings, 'ar', now)
    expect(arabic.defaultStyle?.alignment).toBe('right')
    expect(unmirrored.defaultStyle?.alignment).toBeUndefined()
    const header = (d: TDocumentDefinitions) => JSON.parse(JSON.stringify((d.header as (...a: unknown[]) => Content)(1, 2, { width: 595.28, height: 841.89 }))) as unknown
    expect(header(arabic)).toEqual(JSON.parse(JSON.stringify(mirrorContent(header(unmirrored) as Content))))
    const footer = (d: TDocumentDefinitions) => (d.footer as (...a: unknown[]) => { columns: { text: string }[] })(1, 2, { width: 595.28, height: 841.89 })
    // The page number goes to the left corner, the copy to the right.
    expect(footer(arabic).columns[0]!.text).toMatch(/1/)
    expect(footer(unmirrored).columns[1]!.text).toMatch(/1/)
  })

  it('is not touched for a left-to-right language', () => {
    const definition = buildDefinition(doc, settings, 'en-GB', now)
    expect(definition.defaultStyle?.alignment).toBeUndefined()
    expect(mirrorDefinition(definition).defaultStyle?.alignment).toBe('right')
  })
})

describe('the coordinator watermark of an Arabic printout', () => {
  it('is drawn in the Arabic font, its first word at the right', () => {
    expect(watermarkFor({ text: 'نسخة المنسّق', bold: true, opacity: 0.08 })).toEqual({ text: 'المنسّق نسخة', font: 'NotoSansArabic', bold: true, opacity: 0.08 })
  })

  it('is left alone in Latin letters', () => {
    expect(watermarkFor({ text: 'COORDINATOR COPY', font: 'NotoSans' })).toEqual({ text: 'COORDINATOR COPY', font: 'NotoSans' })
  })
})

describe('address labels', () => {
  it('read the way the address is written', () => {
    expect(readsRightToLeft({ name: 'عائلة الحداد', lines: ['12 شارع الملك فيصل', 'عمّان'] })).toBe(true)
    expect(readsRightToLeft({ name: '', lines: ['12 שדרות רוטשילד'] })).toBe(true)
    expect(readsRightToLeft({ name: 'The Okafor family', lines: ['12 Elm Street', 'Leeds'] })).toBe(false)
    // An Arabic name on a British address: the post office reads the address.
    expect(readsRightToLeft({ name: 'مريم أبو علي', lines: ['8 Birch Road', 'Leeds'] })).toBe(false)
    expect(readsRightToLeft({ name: 'مريم أبو علي', lines: ['12'] })).toBe(true)
  })
})
