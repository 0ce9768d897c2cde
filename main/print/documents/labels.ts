import type { Content } from 'pdfmake/interfaces'
import type { DirectoryHousehold } from '../../../db/print'
import type { LabelSheet } from '../../contract/print'
import type { Measurer, TextStyle } from '../engine/measure'
import { wrapText } from '../engine/measure'
import type { PrintDocument } from '../engine/pdf'
import { addressFor, type Profile } from './profile'
import { isRightToLeft, say } from '../../i18n/say'
import { rightToLeftParagraph } from '../engine/direction'

const MM = 72 / 25.4
const INCH = 72

export interface SheetGeometry {
  paper: 'A4' | 'Letter'
  columns: number
  rows: number
  /** Label size and the distance from one label's corner to the next, in points. */
  width: number
  height: number
  pitchX: number
  pitchY: number
  /** The first label's top-left corner from the sheet's top-left corner. */
  left: number
  top: number
  /** Corner radius of the die cut, for the test-print outline. */
  radius: number
}

/** The label sheets' published geometry (Avery's templates). */
export const SHEETS: Record<LabelSheet, SheetGeometry> = {
  '5160': { paper: 'Letter', columns: 3, rows: 10, width: 2.625 * INCH, height: 1 * INCH, pitchX: 2.75 * INCH, pitchY: 1 * INCH, left: 0.1875 * INCH, top: 0.5 * INCH, radius: 0.0625 * INCH },
  '5163': { paper: 'Letter', columns: 2, rows: 5, width: 4 * INCH, height: 2 * INCH, pitchX: 4.1875 * INCH, pitchY: 2 * INCH, left: 0.15625 * INCH, top: 0.5 * INCH, radius: 0.0625 * INCH },
  L7160: { paper: 'A4', columns: 3, rows: 7, width: 63.5 * MM, height: 38.1 * MM, pitchX: 66.04 * MM, pitchY: 38.1 * MM, left: 7.21 * MM, top: 15.15 * MM, radius: 1.5 * MM },
  L7163: { paper: 'A4', columns: 2, rows: 7, width: 99.1 * MM, height: 38.1 * MM, pitchX: 101.6 * MM, pitchY: 38.1 * MM, left: 4.65 * MM, top: 15.15 * MM, radius: 1.5 * MM },
}

/** Where the text of a label starts, inside its die cut. */
export const LABEL_PADDING = 7
const TEXT: TextStyle = { size: 10 }
const NAME: TextStyle = { size: 10, bold: true }

/** A label's corner: position `index` (0 = top left, across then down) on its sheet. */
export function labelCorner(sheet: SheetGeometry, index: number): { x: number; y: number } {
  const perSheet = sheet.columns * sheet.rows
  const onSheet = index % perSheet
  return { x: sheet.left + (onSheet % sheet.columns) * sheet.pitchX, y: sheet.top + Math.floor(onSheet / sheet.columns) * sheet.pitchY }
}

/** The envelope name: the household's name, or the person's own name for someone living alone. */
export function envelopeName(h: DirectoryHousehold): string {
  if (h.id !== null && h.display_name.trim()) return h.display_name.trim()
  const p = h.people[0]
  return p ? [(p.preferred_name || p.first_name).trim(), p.last_name.trim()].filter(Boolean).join(' ') : h.display_name
}

/** A label for each household with an address (or each person living alone with their own). */
export function labelAddresses(profile: Profile, households: DirectoryHousehold[]): { name: string; lines: string[] }[] {
  const out: { name: string; lines: string[] }[] = []
  for (const h of households) {
    const lines = h.id === null ? addressFor(profile, h.people[0] ?? null) : addressFor(profile, h)
    if (lines.length) out.push({ name: envelopeName(h), lines })
  }
  return out
}

export interface LabelInput {
  profile: Profile
  households: DirectoryHousehold[]
  sheet: LabelSheet
  /** 1-based: the first label still on a part-used sheet. */
  startAt: number
  outline: boolean
  measurer: Measurer
  /** The language the page speaks (only the title and the empty note have words). */
  locale?: string
}

/**
 * An address is written the way its own words run, whatever language Hearth speaks: an Arabic address from the
 * right edge of its label, a German one from the left, as the post office reads them. The street and town decide;
 * the name decides only when they have no letters.
 */
export function readsRightToLeft(address: { name: string; lines: string[] }): boolean {
  const firstLetter = (text: string) => /\p{L}/u.exec(text)?.[0]
  const letter = firstLetter(address.lines.join(' ')) ?? firstLetter(address.name) ?? ''
  return /[\p{sc=Arabic}\p{sc=Hebrew}\p{sc=Syriac}\p{sc=Thaana}\p{sc=Nko}]/u.test(letter)
}

type LabelLine = { text: string; bold: boolean }

/**
 * The lines that fit a label: `most` Latin lines, fewer when a script that prints taller (Arabic) fills the label
 * sooner; then `height` says how tall they print.
 */
function fitLabel(m: Measurer, lines: LabelLine[], room: number, most: number): LabelLine[] & { height?: number } {
  const styles = lines.map((l) => (l.bold ? NAME : TEXT))
  const heights = lines.map((l, i) => m.lineHeight(styles[i]!, l.text))
  if (heights.every((h, i) => h === m.lineHeight(styles[i]!))) return lines.slice(0, most)
  let height = 0
  let count = 0
  while (count < lines.length && height + heights[count]! <= room) height += heights[count++]!
  return Object.assign(lines.slice(0, count), { height })
}

/**
 * Address labels placed on the sheet's exact grid, starting at the first unused label of a part-used sheet. The
 * test-print outline draws each die cut, to hold a printed page against a label sheet before using one.
 */
export function labelsDocument(input: LabelInput): PrintDocument {
  const sheet = SHEETS[input.sheet]
  const m = input.measurer
  const addresses = labelAddresses(input.profile, input.households)
  const perSheet = sheet.columns * sheet.rows
  const skip = Math.min(Math.max(input.startAt, 1), perSheet) - 1
  const lineHeight = m.lineHeight(TEXT)
  // Left and right keep the full padding; top and bottom give way first, so a five-line address fits a 1-inch label.
  const most = Math.floor((sheet.height - 4) / lineHeight)
  const content: Content[] = []
  const pages = Math.max(1, Math.ceil((addresses.length + skip) / perSheet))
  for (let page = 0; page < pages; page++) {
    if (input.outline) {
      content.push({
        ...(page > 0 ? { pageBreak: 'before' as const } : {}),
        canvas: Array.from({ length: perSheet }, (_, i) => {
          const { x, y } = labelCorner(sheet, i)
          return { type: 'rect' as const, x, y, w: sheet.width, h: sheet.height, r: sheet.radius, lineWidth: 0.5, lineColor: '#999999' }
        }),
        absolutePosition: { x: 0, y: 0 },
      })
    } else if (page > 0) {
      content.push({ text: '', pageBreak: 'before' })
    }
    for (let slot = page === 0 ? skip : 0; slot < perSheet; slot++) {
      const address = addresses[page * perSheet + slot - skip]
      if (!address) break
      const width = sheet.width - 2 * LABEL_PADDING
      const lines = fitLabel(m, [
        ...wrapText(m, address.name, NAME, width).map((text) => ({ text, bold: true })),
        ...address.lines.flatMap((line) => wrapText(m, line, TEXT, width)).map((text) => ({ text, bold: false })),
      ], sheet.height - 4, most)
      const { x, y } = labelCorner(sheet, slot)
      // Centred top to bottom, as a person would write an envelope.
      const top = y + (sheet.height - (lines.height ?? lines.length * lineHeight)) / 2
      const stack = lines.map((l) => ({ text: l.text, bold: l.bold, fontSize: TEXT.size, noWrap: true, lineHeight: 1 }))
      content.push(
        readsRightToLeft(address)
          ? { columns: [{ width, stack: stack.map((l) => ({ ...l, text: rightToLeftParagraph(l.text) as string, alignment: 'right' as const })) }], absolutePosition: { x: x + LABEL_PADDING, y: top } }
          : { stack, absolutePosition: { x: x + LABEL_PADDING, y: top } },
      )
    }
  }
  const locale = input.locale ?? 'en'
  return {
    title: say(locale, 'printed.labels.title', { sheet: input.sheet }),
    profile: input.profile,
    frame: 'none',
    // The labels sit on the sheet's die cuts, numbered from the top left as the maker prints them, in any language.
    direction: 'ltr',
    paper: sheet.paper,
    content: addresses.length ? content : [{ text: say(locale, 'printed.labels.none'), margin: [40, 40, 40, 0], ...(isRightToLeft(locale) ? { alignment: 'right' as const } : {}) }],
  }
}
