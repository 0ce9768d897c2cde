import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { piecesOf, REPLACEMENT, visualOrder } from '../../main/print/engine/fonts'
import { renderPdf } from '../../main/print/engine/pdf'
import { testSession } from '../helpers/session'
import { tempDir } from '../helpers/temp'
import { pdfInfo, pdfText, previewPdf } from './read-pdf'
import { addHousehold, addPerson } from './seed'

const settings = { congregationName: 'مسجد النور', paperSize: 'A4' as const, timeZone: 'Europe/London' }
const NOW = new Date('2026-03-14T10:00:00Z')

// One household per script, with the name as it would be typed. Poppler gives back the letters of each name;
// for Thai, Devanagari and Tamil it moves vowel signs that are drawn before or above their consonant, so those
// are checked by a word without such signs plus the embedded font.
const PEOPLE = [
  { first: 'محمد', last: 'الأحمد', font: 'NotoSansArabic', expect: ['محمد', 'الأحمد'] },
  { first: 'שרה', last: 'כהן', font: 'NotoSansHebrew', expect: ['שרה', 'כהן'] },
  { first: '小龍', last: '李', font: 'NotoSansSC', expect: ['小龍', '李'] },
  { first: 'はなこ', last: '田中', font: 'NotoSansJP', expect: ['はなこ', '田中'] },
  { first: '민준', last: '김', font: 'NotoSansKR', expect: ['민준', '김'] },
  { first: 'สมชาย', last: 'ใจดี', font: 'NotoSansThai', expect: ['สมชาย'] },
  { first: 'राम', last: 'शर्मा', font: 'NotoSansDevanagari', expect: ['राम'] },
  { first: 'அருண்', last: 'குமார்', font: 'NotoSansTamil', expect: ['அர'] },
  { first: 'Ana 😀', last: 'Silva', font: 'NotoEmoji', expect: ['Ana', 'Silva'] },
]

describe('every script printed in the member directory', () => {
  let s: Awaited<ReturnType<typeof testSession>>
  let pdf: Uint8Array
  beforeAll(async () => {
    s = await testSession()
    await s.registry.dispatch('settings.update', { congregationName: 'مسجد النور', paperSize: 'A4' })
    for (const p of PEOPLE) {
      const household = await addHousehold(s.context.db, { display_name: `${p.first} ${p.last}`, address_line1: 'شارع 12 / 12 Main St' })
      await addPerson(s.context.db, { household_id: household, first_name: p.first, last_name: p.last, mobile_phone: '07700 900123' })
    }
    pdf = await previewPdf(s, { document: 'directory' }, 'volunteer')
  }, 60_000)
  afterAll(() => s.close())

  it('reads every name back with pdftotext', () => {
    const text = pdfText(pdf)
    for (const p of PEOPLE) for (const word of p.expect) expect(text, p.font).toContain(word)
    expect(text).toContain('مسجد النور')
    expect(text).not.toContain(REPLACEMENT)
  })

  it('embeds a subset of the font of each script, and nothing else', () => {
    const { fonts } = pdfInfo(pdf)
    const rows = fonts.split('\n').filter((l) => /\+Noto/.test(l))
    for (const p of PEOPLE) expect(rows.some((r) => r.includes(`+${p.font}-`)), p.font).toBe(true)
    // "emb yes, sub yes": embedded, as a subset (the six-letter tag before "+" names a subset).
    for (const row of rows) expect(row).toMatch(/^[A-Z]{6}\+\S+\s.*\byes\s+yes\s+yes\b/)
    expect(rows.some((r) => /NotoSansGeorgian|NotoSansBengali/.test(r))).toBe(false)
  })

  it('stays small: every script together adds tens of kilobytes, not the megabytes of the fonts', () => {
    expect(pdf.byteLength).toBeLessThan(250_000)
  })
})

describe('a Latin-only document', () => {
  it('embeds Noto Sans only, so no other font is read from disk', async () => {
    const pdf = await renderPdf({ title: 'Names', content: ['Zoë Ñúñez Łukasz', 'Ἀθηνᾶ', 'Анна — “quoted” €5'] }, { ...settings, congregationName: 'St Brigid’s' }, 'en-GB', NOW)
    const rows = pdfInfo(pdf).fonts.split('\n').filter((l) => l.includes('+'))
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) expect(row).toMatch(/\+NotoSans-/)
  })
})

/** Grey levels of the page rendered by poppler at 150 dpi, as rows of numbers (0 black, 255 white). */
function renderGray(pdf: Uint8Array): { width: number; height: number; pixel(x: number, y: number): number } {
  const dir = tempDir('hearth-bidi-')
  const path = join(dir, 'page.pdf')
  writeFileSync(path, pdf)
  const pgm = execFileSync('pdftoppm', ['-r', '150', '-gray', '-f', '1', '-l', '1', path], { maxBuffer: 64 * 1024 * 1024 })
  // P5 header: "P5\n<w> <h>\n255\n" then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!
  const width = Number(header[1])
  const height = Number(header[2])
  const start = header[0].length
  return { width, height, pixel: (x, y) => pgm[start + y * width + x]! }
}

/** The horizontal extents of the ink between two heights: one entry per stretch of columns with ink. */
function inkBlobs(page: ReturnType<typeof renderGray>, top: number, bottom: number): [number, number][] {
  const blobs: [number, number][] = []
  let from = -1
  for (let x = 0; x < page.width; x++) {
    let ink = false
    for (let y = top; y < bottom && !ink; y++) ink = page.pixel(x, y) < 128
    if (ink && from < 0) from = x
    if (!ink && from >= 0) {
      blobs.push([from, x])
      from = -1
    }
  }
  return blobs
}

describe('Arabic on the rendered page', () => {
  // "أحمد" printed large: alef never joins the letter after it, while hah, meem and dal join into one shape, so
  // the word is two shapes. Read right to left, the narrow alef comes first (on the right) and the wide joined
  // "حمد" after it (on the left). Unjoined letters would be four shapes; left-to-right order would put the alef
  // on the left.
  async function wordInk(word: string) {
    const pdf = await renderPdf({ title: 'T', content: [{ text: word, fontSize: 40 }] }, { ...settings, congregationName: '' }, 'en-GB', NOW)
    const page = renderGray(pdf)
    // The word sits under the 18 pt title: from about 100 pt (210 px at 150 dpi) down, 40 pt tall.
    return inkBlobs(page, 215, 215 + 130)
  }

  it('joins the letters and orders them right to left', async () => {
    const joined = await wordInk('أحمد')
    expect(joined).toHaveLength(2)
    const [left, right] = joined as [[number, number], [number, number]]
    expect(left[1] - left[0]).toBeGreaterThan(3 * (right[1] - right[0]))
    const apart = await wordInk('أ ح م د')
    expect(apart).toHaveLength(4)
  }, 30_000)

  it('keeps a Latin word and a number in their places inside Arabic text', async () => {
    // "Ahmed 2026" after "علي" in an Arabic sentence sits to the left of it and reads left to right.
    const pieces = piecesOf('علي Ahmed 2026')!
    const visual = visualOrder(pieces.map((p) => ({ ...p, bidiLevel: p.level }))).map((p) => p.text.trim())
    expect(visual).toEqual(['Ahmed', '2026', 'علي'])
  })
})

describe('pieces of mixed text', () => {
  it('leaves text the base font prints alone (the fast path)', () => {
    expect(piecesOf('Zoë Łukasz — “Ἀθηνᾶ” Анна €5')).toBeNull()
  })

  it('splits by font and bidi level, words of a right-to-left run reversed into visual order by line', () => {
    const pieces = piecesOf('Ahmed محمد علي 555')!
    // A number right after Arabic letters is an Arabic number (rule W2): it joins the right-to-left run.
    expect(pieces.map((p) => [p.text, p.font, p.level])).toEqual([
      ['Ahmed ', 'NotoSans', 0],
      ['محمد ', 'NotoSansArabic', 1],
      ['علي ', 'NotoSansArabic', 1],
      ['555', 'NotoSansArabic', 2],
    ])
    const visual = visualOrder(pieces.map((p) => ({ ...p, bidiLevel: p.level }))).map((p) => p.text)
    expect(visual).toEqual(['Ahmed ', '555', 'علي ', 'محمد '])
  })

  it('mirrors brackets in right-to-left text and draws Han the Japanese way only next to kana', () => {
    expect(piecesOf('(علي)')!.map((p) => p.text).join('')).toBe(')علي(')
    expect(piecesOf('李小龍')![0]!.font).toBe('NotoSansSC')
    expect(piecesOf('田中はなこ')![0]!.font).toBe('NotoSansJP')
  })

  it('prints a clear replacement for a character no embedded font has', () => {
    expect(piecesOf('\u{10400}x')!.map((p) => p.text).join('')).toBe(`${REPLACEMENT}x`)
  })
})
