import type { Content } from 'pdfmake/interfaces'
import { withNumbersWhole } from './direction'
import type { Measurer, TextStyle } from './measure'
import type { BodyFrame } from './pdf'

// Newspaper columns for documents made of entries that must stay whole (directory households). pdfmake cannot
// flow text from one column into the next, so the entries are measured here, packed into columns and pages, and
// handed to pdfmake as lines that never wrap: the pages come out exactly as planned.

export interface Line {
  text: string
  style: TextStyle
  color?: string
  indent?: number
  /** Space above this line, in points. */
  gap?: number
  /** How tall the line prints, when its script makes it taller than a Latin line of its style. */
  height?: number
}

/** Lines that move together: a household, with the A–Z heading above it when it is the first of its letter. */
export interface Unit {
  lines: Line[]
  /** Space above the unit, dropped when it starts a column. */
  gap: number
}

export const COLUMN_GAP = 16
// pdfmake adds up the same line heights; this little slack absorbs rounding so a full column never spills.
const SLACK = 2

export function columnWidth(frame: Pick<BodyFrame, 'width'>, columns: number): number {
  return (frame.width - COLUMN_GAP * (columns - 1)) / columns
}

function linesHeight(m: Measurer, lines: Line[]): number {
  return lines.reduce((h, l) => h + (l.height ?? m.lineHeight(l.style)) + (l.gap ?? 0), 0)
}

/** Notes the height of each line printed taller than Latin type (Arabic, Devanagari…), once, before packing. */
function noteTallLines(m: Measurer, units: Unit[]): void {
  for (const unit of units) {
    for (const line of unit.lines) {
      const height = m.lineHeight(line.style, line.text)
      if (height !== m.lineHeight(line.style)) line.height = height
    }
  }
}

function unitHeight(m: Measurer, unit: Unit, first: boolean): number {
  return linesHeight(m, unit.lines) + (first ? 0 : unit.gap)
}

type Column = Line[][]

/** Fills columns of `capacities(i)` points in order; a unit taller than a whole column goes line by line. */
function pack(m: Measurer, units: Unit[], capacities: (index: number) => number): Column[] {
  const columns: Column[] = []
  let column: Column = []
  let used = 0
  const close = () => {
    columns.push(column)
    column = []
    used = 0
  }
  const place = (unit: Unit) => {
    if (column.length && used + unitHeight(m, unit, false) > capacities(columns.length) - SLACK) close()
    const top = column.length === 0
    const [head, ...rest] = unit.lines
    column.push(top ? [{ ...head!, gap: 0 }, ...rest] : [{ ...head!, gap: (head!.gap ?? 0) + unit.gap }, ...rest])
    used += unitHeight(m, { ...unit, lines: [{ ...head!, gap: top ? 0 : head!.gap }, ...rest] }, top)
  }
  for (const unit of units) {
    if (!unit.lines.length) continue
    if (unitHeight(m, unit, true) <= capacities(columns.length) - SLACK) place(unit)
    else unit.lines.forEach((line, i) => place({ lines: [{ ...line, gap: 0 }], gap: i === 0 ? unit.gap : (line.gap ?? 0) }))
  }
  if (column.length) close()
  return columns
}

function lineContent(line: Line): Content {
  return {
    text: withNumbersWhole(line.text) as string,
    fontSize: line.style.size,
    bold: line.style.bold ?? false,
    italics: line.style.italics ?? false,
    ...(line.color ? { color: line.color } : {}),
    noWrap: true,
    lineHeight: 1,
    margin: [line.indent ?? 0, line.gap ?? 0, 0, 0],
  }
}

/**
 * Lays units out in `columns` newspaper columns, page after page. The first page is shorter by `firstPageUsed`
 * (the title, a cover). The last page's columns are balanced so it does not end in one long column.
 */
export function flowColumns(m: Measurer, frame: BodyFrame, units: Unit[], columns: number, firstPageUsed: number): Content[] {
  noteTallLines(m, units)
  const full = frame.height
  const capacities = (i: number) => (i < columns ? full - firstPageUsed : full)
  const packed = pack(m, units, capacities)
  const pageCount = Math.max(1, Math.ceil(packed.length / columns))

  // Balance the last page: the shortest column height that still packs its units into the same number of columns.
  const lastStart = (pageCount - 1) * columns
  const lastUnits = units.filter((u) => u.lines.length).slice(packed.slice(0, lastStart).reduce((n, c) => n + c.length, 0))
  const lastCapacity = capacities(lastStart)
  let balanced = packed.slice(lastStart)
  // A unit split across columns makes the count of groups differ from the count of units: no balancing then.
  const whole = packed.reduce((n, c) => n + c.length, 0) === units.filter((u) => u.lines.length).length
  if (whole && lastUnits.length && packed.length - lastStart > 1 && lastUnits.every((u) => unitHeight(m, u, true) <= lastCapacity - SLACK)) {
    let low = Math.max(...lastUnits.map((u) => unitHeight(m, u, true))) + SLACK
    let high = lastCapacity
    while (high - low > 1) {
      const mid = (low + high) / 2
      if (pack(m, lastUnits, () => mid).length <= columns) high = mid
      else low = mid
    }
    balanced = pack(m, lastUnits, () => high)
  }
  const all = [...packed.slice(0, lastStart), ...balanced]

  const width = columnWidth(frame, columns)
  const pages: Content[] = []
  for (let p = 0; p < pageCount; p++) {
    const cols = all.slice(p * columns, p * columns + columns)
    while (cols.length < columns) cols.push([])
    pages.push({
      columns: cols.map((col) => ({ width, stack: col.flat().map(lineContent) })),
      columnGap: COLUMN_GAP,
      ...(p > 0 ? { pageBreak: 'before' as const } : {}),
    })
  }
  return pages
}
