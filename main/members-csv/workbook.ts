import * as XLSX from '@e965/xlsx'
import { HearthError } from '../contract/errors'
import { isoIfReal } from './dates'
import { type ParsedCsv, tableOf } from './file'

/** A workbook's sheets by name, and the one read. */
export interface ReadWorkbook extends ParsedCsv {
  sheets: string[]
  sheet: string
}

/** .xlsx and .ods are zip files; old .xls is an OLE compound file. */
export function isWorkbook(bytes: Uint8Array): boolean {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0
  return zip || ole
}

/**
 * A cell as the volunteer sees it in their spreadsheet program, in a form the import reads: a date as
 * 'YYYY-MM-DD' (whatever the workbook's display format, so no day-month guess is needed); a number as its
 * formatted text when the format says how to show it ("00000000000" keeps a phone's leading zero), otherwise
 * its whole digits (Excel's "General" shows 447700900123 as 4.477E+11, which loses them); text as it is.
 */
export function cellText(cell: XLSX.CellObject | undefined, date1904: boolean): string {
  if (!cell || cell.v === undefined || cell.v === null) return ''
  if (cell.t === 's') return String(cell.v)
  if (cell.t === 'b') return cell.v ? 'TRUE' : 'FALSE'
  if (cell.t === 'e') return ''
  if (cell.t === 'd' && cell.v instanceof Date) {
    const d = cell.v
    return isoIfReal(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) ?? ''
  }
  if (cell.t !== 'n' || typeof cell.v !== 'number') return cell.w ?? String(cell.v)
  const format = typeof cell.z === 'string' ? cell.z : 'General'
  if (XLSX.SSF.is_date(format)) {
    const parts = XLSX.SSF.parse_date_code(cell.v, { date1904 })
    const day = parts ? isoIfReal(parts.y, parts.m, parts.d) : null
    // A time of day alone (no date part) is not a date a person has.
    return day && cell.v >= 1 ? day : XLSX.SSF.format(format, cell.v)
  }
  const plain = Number.isInteger(cell.v) ? cell.v.toFixed(0) : String(cell.v)
  if (format === 'General') return plain
  // Formatted here rather than taken from the file's own text, which some writers leave unformatted.
  let shown: string
  try {
    shown = XLSX.SSF.format(format, cell.v)
  } catch {
    shown = cell.w ?? plain
  }
  return /E[+-]?\d/i.test(shown) || !/\d/.test(shown) ? plain : shown
}

/** Rows of the sheet as text, blank rows left out, up to its last used column. */
function sheetRows(sheet: XLSX.WorkSheet, date1904: boolean): string[][] {
  const ref = sheet['!ref']
  if (!ref) return []
  const range = XLSX.utils.decode_range(ref)
  const dense = (sheet as { '!data'?: XLSX.CellObject[][] })['!data']
  const rows: string[][] = []
  for (let r = range.s.r; r <= range.e.r; r++) {
    const cells: string[] = []
    let any = false
    for (let c = range.s.c; c <= range.e.c; c++) {
      const cell = dense ? dense[r]?.[c] : (sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined)
      const text = cellText(cell, date1904)
      if (text.trim() !== '') any = true
      cells.push(text)
    }
    if (any) rows.push(cells)
  }
  return rows
}

function openWorkbook(bytes: Uint8Array): XLSX.WorkBook {
  try {
    return XLSX.read(bytes, { type: 'buffer', dense: true, cellNF: true, cellText: true, cellDates: false })
  } catch (err) {
    const said = err instanceof Error ? err.message : ''
    if (/password|encrypt/i.test(said)) throw new HearthError('invalid_input', 'errors.csv.workbookLocked')
    throw new HearthError('invalid_input', 'errors.csv.workbookUnreadable')
  }
}

/**
 * The people on one sheet of an .xlsx, .ods or .xls workbook: the sheet asked for, or else the first with
 * headings and someone below them (an empty or instructions sheet first is passed over). Every sheet is offered,
 * hidden ones too.
 */
export function readWorkbook(bytes: Uint8Array, asked?: string): ReadWorkbook {
  const book = openWorkbook(bytes)
  const sheets = book.SheetNames
  if (sheets.length === 0) throw new HearthError('invalid_input', 'errors.csv.empty')
  const date1904 = Boolean(book.Workbook?.WBProps?.date1904)
  if (asked !== undefined && !sheets.includes(asked)) throw new HearthError('not_found', 'errors.csv.noSheet', { sheet: asked })
  if (asked !== undefined) return { ...tableOf(sheetRows(book.Sheets[asked]!, date1904), '\t'), sheets, sheet: asked }
  let fallback: { rows: string[][]; name: string } | null = null
  for (const name of sheets) {
    const rows = sheetRows(book.Sheets[name]!, date1904)
    if (rows.length >= 2) return { ...tableOf(rows, '\t'), sheets, sheet: name }
    if (!fallback && rows.length > 0) fallback = { rows, name }
  }
  // No sheet has people: the first with anything on it says why in the usual words (headings but nobody below).
  if (fallback) return { ...tableOf(fallback.rows, '\t'), sheets, sheet: fallback.name }
  throw new HearthError('invalid_input', 'errors.csv.empty')
}
