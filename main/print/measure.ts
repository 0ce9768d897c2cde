import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'
import { FONTS } from './pdf'

// Documents that place text themselves (directory columns, labels, calendars) need to know how wide a line is
// before pdfmake lays it out. pdfmake measures with pdfkit and the same font files, so these figures are its own.

export interface TextStyle {
  size: number
  bold?: boolean
  italics?: boolean
}

export interface Measurer {
  width(text: string, style: TextStyle): number
  /** The height pdfmake gives one line of this style (lineHeight 1). */
  lineHeight(style: TextStyle): number
}

type Variant = keyof typeof FONTS

function variantOf(style: TextStyle): Variant {
  if (style.bold) return style.italics ? 'bolditalics' : 'bold'
  return style.italics ? 'italics' : 'normal'
}

let loading: Promise<Measurer> | null = null

export function loadMeasurer(): Promise<Measurer> {
  loading ??= (async () => {
    const requireHere = createRequire(import.meta.url)
    const doc = new PDFDocument({ autoFirstPage: false })
    for (const [variant, file] of Object.entries(FONTS)) {
      doc.registerFont(variant, await readFile(requireHere.resolve(`@expo-google-fonts/noto-sans/${file}`)))
    }
    const widths = new Map<string, number>()
    return {
      width(text, style) {
        const key = `${variantOf(style)}|${style.size}|${text}`
        let w = widths.get(key)
        if (w === undefined) {
          w = doc.font(variantOf(style)).fontSize(style.size).widthOfString(text)
          widths.set(key, w)
        }
        return w
      },
      lineHeight(style) {
        return doc.font(variantOf(style)).fontSize(style.size).currentLineHeight(false)
      },
    }
  })()
  loading.catch(() => {
    loading = null
  })
  return loading
}

const NBSP = /\u00a0/g

/**
 * Breaks text into lines no wider than `width`, only at ordinary spaces: a no-break space (U+00A0) holds words
 * together ("14 Mar", "Ó R.") and comes out as a plain space, for lines printed without wrapping. A single word
 * wider than the line (a long street name) is cut as a last resort so nothing runs past the column.
 */
export function wrapText(m: Measurer, text: string, style: TextStyle, width: number): string[] {
  return wrapWords(m, text, style, width).map((line) => line.replace(NBSP, ' '))
}

function wrapWords(m: Measurer, text: string, style: TextStyle, width: number): string[] {
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    let line = ''
    for (const word of paragraph.split(/ +/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word
      if (m.width(candidate, style) <= width) {
        line = candidate
        continue
      }
      if (line) lines.push(line)
      line = word
      while (m.width(line, style) > width && [...line].length > 1) {
        // Cut between characters, never inside one (an accent, a surrogate pair).
        const chars = [...line]
        let cut = chars.length - 1
        while (cut > 1 && m.width(chars.slice(0, cut).join(''), style) > width) cut--
        lines.push(chars.slice(0, cut).join(''))
        line = chars.slice(cut).join('')
      }
    }
    if (line) lines.push(line)
  }
  return lines
}
