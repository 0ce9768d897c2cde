import { createRequire } from 'node:module'
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces'
import { isRightToLeft } from '../../i18n/say'
import { piecesOf, visualOrder } from './fonts'

/**
 * A printout in a right-to-left language (Arabic) is the mirror image of its left-to-right self: text set from the
 * right margin, a table's first column at the right, the page frame's corners swapped. pdfmake has no right-to-left
 * mode, so documents are built left to right as always and the finished definition is mirrored here in one place;
 * a left-to-right printout is never mirrored.
 */

export type Direction = 'ltr' | 'rtl'

/** The direction a document's pages read in: its own when it fixes one (address labels), else its language's. */
export function pageDirection(doc: { direction?: Direction }, locale: string): Direction {
  return doc.direction ?? (isRightToLeft(locale) ? 'rtl' : 'ltr')
}

type Node = Record<string, unknown>
type Margin = [number, number, number, number]

const SWAPPED_ALIGNMENT: Record<string, string> = { left: 'right', right: 'left' }

/** [left, top, right, bottom] with left and right exchanged; a single number or [x, y] is the same both ways. */
function mirrorMargin(margin: unknown): unknown {
  if (!Array.isArray(margin) || margin.length !== 4) return margin
  const [left, top, right, bottom] = margin as Margin
  return [right, top, left, bottom]
}

/**
 * A table row read from the right: its cells in reverse order, a cell spanning columns kept ahead of the empty
 * cells it covers (pdfmake reads a span from the cell that starts it).
 */
export function mirrorRow(row: readonly unknown[]): unknown[] {
  const groups: unknown[][] = []
  for (let i = 0; i < row.length; ) {
    const cell = row[i]
    const span = cell && typeof cell === 'object' && !Array.isArray(cell) ? Math.max(1, Number((cell as Node).colSpan) || 1) : 1
    groups.push(row.slice(i, i + span).map((c, j) => (j === 0 ? mirrorContent(c as Content) : c)))
    i += span
  }
  return groups.reverse().flat()
}

/**
 * Mirrors a piece of document content: columns and table cells in reverse order (column widths with them), left
 * and right margins, alignments and cell borders exchanged. Table layouts are left as they are: every layout the
 * printouts use draws and pads both sides alike. Drawings and absolutely placed content are left alone; documents
 * that place things on the paper themselves (label sheets) keep their own direction.
 */
export function mirrorContent(content: Content): Content {
  if (Array.isArray(content)) return content.map((c) => mirrorContent(c as Content)) as Content
  if (!content || typeof content !== 'object') return content
  const node: Node = { ...(content as unknown as Node) }
  if (typeof node.alignment === 'string' && node.alignment in SWAPPED_ALIGNMENT) node.alignment = SWAPPED_ALIGNMENT[node.alignment]
  if ('margin' in node) node.margin = mirrorMargin(node.margin)
  if (Array.isArray(node.border) && node.border.length === 4) node.border = mirrorMargin(node.border)
  if (Array.isArray(node.stack)) node.stack = node.stack.map((c) => mirrorContent(c as Content))
  if (Array.isArray(node.columns)) node.columns = node.columns.map((c) => mirrorContent(c as Content)).reverse()
  if ('text' in node && node.text !== undefined) node.text = rightToLeftParagraph(node.text)
  const table = node.table as { body?: unknown[][]; widths?: unknown } | undefined
  if (table?.body) {
    node.table = {
      ...table,
      body: table.body.map(mirrorRow),
      ...(Array.isArray(table.widths) ? { widths: [...table.widths].reverse() } : {}),
    }
  }
  return node as unknown as Content
}

type PageFunction = (...args: unknown[]) => Content

/**
 * The coordinator watermark in the font of its words: it is drawn outside the text the printer splits by script,
 * and Arabic words in the base font would print as empty boxes. It is drawn a word at a time, each word shaped and
 * set right to left by fontkit, so the words are handed over in the order they are seen (the first at the right).
 */
export function watermarkFor(watermark: TDocumentDefinitions['watermark']): TDocumentDefinitions['watermark'] {
  if (!watermark || typeof watermark !== 'object' || typeof watermark.text !== 'string') return watermark
  const pieces = piecesOf(watermark.text) ?? []
  const fonts = new Set(pieces.map((p) => p.font))
  if (fonts.size !== 1) return watermark
  const seen = visualOrder(pieces.map((p) => ({ text: p.text.trim(), bidiLevel: p.level })))
  return { ...watermark, text: seen.map((p) => p.text).filter(Boolean).join(' '), font: [...fonts][0]! }
}

/**
 * The whole definition mirrored: the body, and the header and footer made for each page. Text that says nothing
 * of its alignment is set from the right margin.
 */
export function mirrorDefinition(definition: TDocumentDefinitions): TDocumentDefinitions {
  const page = (part: unknown) => (typeof part === 'function' ? (...args: unknown[]) => mirrorContent((part as PageFunction)(...args)) : part ? mirrorContent(part as Content) : part)
  return {
    ...definition,
    ...(definition.watermark ? { watermark: watermarkFor(definition.watermark) } : {}),
    defaultStyle: { ...definition.defaultStyle, alignment: 'right' },
    ...(Array.isArray(definition.pageMargins) && definition.pageMargins.length === 4 ? { pageMargins: mirrorMargin(definition.pageMargins) as Margin } : {}),
    content: mirrorContent(definition.content),
    header: page(definition.header) as TDocumentDefinitions['header'],
    footer: page(definition.footer) as TDocumentDefinitions['footer'],
  }
}

// ——— Paragraphs read from the right ———

type BidiApi = ReturnType<typeof import('bidi-js').default>
let bidi: BidiApi | null = null

const RTL_LETTER = /[\p{sc=Arabic}\p{sc=Hebrew}\p{sc=Syriac}\p{sc=Thaana}\p{sc=Nko}]/u

type Inline = { text: string } & Node
type TextValue = string | Node | (string | Node)[]

/** A paragraph's runs of text with the style each carries, nested inlines flattened as pdfmake reads them. */
function inlinesOf(value: unknown, style: Node = {}): Inline[] {
  if (typeof value === 'string') return [{ ...style, text: value }]
  if (Array.isArray(value)) return value.flatMap((v) => inlinesOf(v, style))
  if (value && typeof value === 'object' && 'text' in value) {
    const { text, ...own } = value as Node
    return inlinesOf(text, { ...style, ...own })
  }
  return []
}

/** Splits after each run of spaces, as pdfmake breaks a line: "a b " → ["a ", "b "]. */
function words(text: string): string[] {
  return text.match(/\S*\s*/gu)?.filter(Boolean) ?? []
}

// A phone number or similar: digit groups joined by spaces, dots, dashes or slashes ("+962 6 555 0101").
const NUMBER_GROUPS = /\+?\(?\d+\)?(?:[ ./-]\(?\d+\)?)+/gu
const HAS_NUMBER_GROUPS = new RegExp(NUMBER_GROUPS.source, 'u')

/**
 * The paragraph of an Arabic printout that holds right-to-left words is read from the right as a whole: a Latin
 * name or a number in it is placed as the Unicode bidirectional algorithm places it in a right-to-left paragraph
 * (in an Arabic label followed by a Latin value, the value comes last, at the left). The bidi levels are worked out
 * over the whole paragraph, not each styled part on its own, and handed to the line builder on each part. A phone
 * number is kept whole, left to right, as if isolated (its digit groups would otherwise be laid out from the right:
 * "0101 555 6 +962"). A paragraph without right-to-left letters (a Latin name, a phone number on its own) keeps its
 * own left-to-right order, set against the right margin.
 */
export function rightToLeftParagraph(value: unknown): unknown {
  const inlines = inlinesOf(value)
  const joined = inlines.map((i) => i.text).join('')
  // Text already laid out here (a directory line, ./flow) is not laid out twice.
  if (!RTL_LETTER.test(joined) || inlines.some((i) => 'bidiLevel' in i)) return value
  const numbers = [...joined.matchAll(NUMBER_GROUPS)]
  // A single string opening with a right-to-left letter, and no phone number in it, the printer reads right to left.
  if (typeof value === 'string' && !numbers.length && RTL_LETTER.test(/\p{L}/u.exec(value)?.[0] ?? '')) return value
  bidi ??= (createRequire(import.meta.url)('bidi-js') as typeof import('bidi-js').default)()
  const { levels } = bidi.getEmbeddingLevels(joined, 'rtl')
  for (const match of numbers) {
    const end = match.index + match[0].length
    if (levels.slice(match.index, end).every((level) => level <= 2)) levels.fill(2, match.index, end)
  }
  const mirrored = bidi.getMirroredCharactersMap(joined, levels)
  const out: Inline[] = []
  let at = 0
  for (const inline of inlines) {
    const { text, ...style } = inline
    let start = 0
    for (let i = 1; i <= text.length; i++) {
      if (i < text.length && levels[at + i] === levels[at + start]) continue
      out.push(...levelRun(text.slice(start, i), at + start, levels[at + start] ?? 1, style, mirrored))
      start = i
    }
    at += text.length
  }
  return out as TextValue
}

/**
 * A line that opens with a right-to-left letter is read right to left in any printout; a phone number in it ("أحمد
 * 079 555 2000" in an English directory) is kept whole, left to right. Any other line is returned as it is.
 */
export function withNumbersWhole(text: string): unknown {
  if (!RTL_LETTER.test(text) || !RTL_LETTER.test(/\p{L}/u.exec(text)?.[0] ?? '') || !HAS_NUMBER_GROUPS.test(text)) return text
  return rightToLeftParagraph(text)
}

/**
 * One run of text at one bidi level. The printer's own bidi pass reads each run again as a paragraph of its own;
 * a right-to-left run it would leave as it is (neutral signs, brackets) is mirrored and reversed here, a word at a
 * time, as the printer does for the runs it does handle.
 */
function levelRun(text: string, offset: number, level: number, style: Node, mirrored: Map<number, string>): Inline[] {
  if (!text) return []
  const odd = level % 2 === 1
  const handled = piecesOf(text)?.some((p) => p.level % 2 === 1) ?? false
  if (!odd || handled) return [{ ...style, text, bidiLevel: level }]
  let index = offset
  return words(text).map((word) => {
    const chars = [...word].map((ch) => {
      const shown = mirrored.get(index) ?? ch
      index += ch.length
      return shown
    })
    return { ...style, text: chars.reverse().join(''), bidiLevel: level }
  })
}
