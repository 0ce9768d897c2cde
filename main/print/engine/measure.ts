import { readFileSync } from 'node:fs'
import PDFDocument from 'pdfkit'
import { BASE_FILES, BASE_FONT, fontPath, forgetShapedWords, installFontSharing, piecesOf } from './fonts'

// Documents that place text themselves (directory columns, labels, calendars) need to know how wide a line is
// before pdfmake lays it out. pdfmake measures with pdfkit and the same font files, so these figures are its own;
// a word measured here is not shaped again when pdfmake prints it (./fonts shares shaped words).

export interface TextStyle {
  size: number
  bold?: boolean
  italics?: boolean
}

export interface Measurer {
  width(text: string, style: TextStyle): number
  /**
   * The height pdfmake gives one line of this style (lineHeight 1), or of this text: a line is as tall as the
   * tallest font it is printed in, and Arabic type stands half as tall again as Latin.
   */
  lineHeight(style: TextStyle, text?: string): number
}

type Variant = keyof typeof BASE_FILES

function variantOf(style: TextStyle): Variant {
  if (style.bold) return style.italics ? 'bolditalics' : 'bold'
  return style.italics ? 'italics' : 'normal'
}

let measurer: Measurer | null = null
// Lines measured, kept for the next print; emptied past this many so a huge directory does not hold them all.
const KEEP_WIDTHS = 100_000

/**
 * Text is measured run by run in the font it will be printed in: Noto Sans for Latin, Greek and Cyrillic (the
 * fast path, one lookup), the script's own Noto font for the runs of an Arabic, Chinese or Thai name. A fallback
 * font is read from disk the first time its script is measured.
 */
function makeMeasurer(): Measurer {
  installFontSharing()
  const doc = new PDFDocument({ autoFirstPage: false })
  const registered = new Set<string>()
  const use = (font: string, variant: Variant, size: number) => {
    const name = `${font}|${variant}`
    if (!registered.has(name)) {
      doc.registerFont(name, readFileSync(fontPath(font, variant)))
      registered.add(name)
    }
    return doc.font(name).fontSize(size)
  }
  const widths = new Map<string, number>()
  const lineHeights = new Map<string, number>()
  return {
    width(text, style) {
      const variant = variantOf(style)
      const key = `${variant}|${style.size}|${text}`
      let w = widths.get(key)
      if (w === undefined) {
        const pieces = piecesOf(text)
        w = pieces
          ? pieces.reduce((sum, p) => sum + use(p.font, variant, style.size).widthOfString(p.text), 0)
          : use(BASE_FONT, variant, style.size).widthOfString(text)
        if (widths.size >= KEEP_WIDTHS) widths.clear()
        widths.set(key, w)
      }
      return w
    },
    lineHeight(style, text) {
      const variant = variantOf(style)
      const pieces = text ? piecesOf(text) : null
      if (!pieces) {
        // Asked for every line of a directory, many times over while its columns are balanced.
        const key = `${variant}|${style.size}`
        let height = lineHeights.get(key)
        if (height === undefined) {
          height = use(BASE_FONT, variant, style.size).currentLineHeight(false)
          lineHeights.set(key, height)
        }
        return height
      }
      return Math.max(...pieces.map((p) => use(p.font, variant, style.size).currentLineHeight(false)))
    },
  }
}

/** Forgets every measured line and shaped word, as if nothing had been printed yet (the bench's cold figures). */
export function forgetMeasured(): void {
  forgetShapedWords()
  measurer = null
}

export function loadMeasurer(): Promise<Measurer> {
  measurer ??= makeMeasurer()
  return Promise.resolve(measurer)
}

const NBSP = /\u00a0/g

/**
 * Breaks text into lines no wider than `width`, only at ordinary spaces: a no-break space (U+00A0) holds words
 * together ("14 Mar", "Ó R.", a phone number's groups, a postcode) and comes out as a plain space, for lines printed
 * without wrapping. A single word wider than the line breaks where a reader expects it (after a hyphen or an "@",
 * before a "."): "Smith-Worthington-|Blake", "firstname.lastname@|example.org"; only a word with no such place left
 * (a long street name) is cut between letters, as a last resort, so nothing runs past the column.
 */
export function wrapText(m: Measurer, text: string, style: TextStyle, width: number): string[] {
  return wrapWords(m, text, style, width).map((line) => line.replace(NBSP, ' '))
}

/** Where a word too long for its line may break: after a hyphen or an "@", before a ".". */
export function wordPieces(word: string): string[] {
  return word.split(/(?<=[-@\u2010])|(?=\.)/).filter(Boolean)
}

function wrapWords(m: Measurer, text: string, style: TextStyle, width: number): string[] {
  const lines: string[] = []
  const fits = (t: string) => m.width(t, style) <= width
  for (const paragraph of text.split('\n')) {
    let line = ''
    for (const word of paragraph.split(/ +/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word
      if (fits(candidate)) {
        line = candidate
        continue
      }
      if (line) lines.push(line)
      line = ''
      for (const piece of fits(word) ? [word] : wordPieces(word)) {
        if (fits(line + piece)) {
          line += piece
          continue
        }
        if (line) lines.push(line)
        line = piece
        while (!fits(line) && [...line].length > 1) {
          // Cut between characters, never inside one (an accent, a surrogate pair).
          const chars = [...line]
          let cut = chars.length - 1
          while (cut > 1 && !fits(chars.slice(0, cut).join(''))) cut--
          lines.push(chars.slice(0, cut).join(''))
          line = chars.slice(cut).join('')
        }
      }
    }
    if (line) lines.push(line)
  }
  return lines
}
