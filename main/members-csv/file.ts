import Papa from 'papaparse'

/** Bigger than any congregation's member list (10,000 people with every column is about 3 MB). */
export const MAX_CSV_BYTES = 20 * 1024 * 1024

/** A file that cannot be read as a spreadsheet at all; the message is for the volunteer. */
export class CsvFileError extends Error {
  override name = 'CsvFileError'
}

export interface ParsedCsv {
  headers: string[]
  /** Every row below the headings, each padded or trimmed to the headings' length when only blanks differ. */
  rows: string[][]
  /** For each row, how many non-blank cells lie beyond the last heading (they have nowhere to go). */
  overflow: number[]
  delimiter: string
}

/**
 * Text from a file's bytes: UTF-8 with or without a byte-order mark; a file that is not valid UTF-8 is read as
 * Windows-1252, which is what older Excel writes when it saves "CSV (Comma delimited)".
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new CsvFileError('This file is empty.')
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    throw new CsvFileError('This looks like an Excel workbook, not a CSV file. In your spreadsheet program choose Save As, pick "CSV UTF-8", then import that file.')
  }
  // A NUL anywhere (not only near the start) means binary data or UTF-16, never a spreadsheet's text.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes.includes(0)) {
    throw new CsvFileError('This file is not plain text. In your spreadsheet program choose Save As, pick "CSV UTF-8", then import that file.')
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('windows-1252').decode(bytes)
  }
}

/** Comma, semicolon (Excel in much of Europe) or tab: whichever the heading row uses most outside quotes. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ])
  let quoted = false
  for (const ch of text) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && (ch === '\n' || ch === '\r')) break
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1)
  }
  let best = ','
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d
  return best
}

function isBlank(cell: string | undefined): boolean {
  return cell === undefined || cell.trim() === ''
}

export function parseCsvText(text: string): ParsedCsv {
  const body = text.replace(/^\uFEFF/, '')
  if (body.trim() === '') throw new CsvFileError('This file is empty.')
  const delimiter = detectDelimiter(body)
  const parsed = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: 'greedy' })
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes')
  if (quoteError) {
    // Papa counts data rows from 0 and the headings are row 1 in a spreadsheet program.
    const row = (quoteError.row ?? 0) + 1
    throw new CsvFileError(
      `Hearth could not read this file: a quotation mark in row ${row} is never closed, so the rows after it run together. Open the file in your spreadsheet program, save it again as CSV, and try again.`,
    )
  }
  const [headerRow, ...data] = parsed.data
  // Blank lines are skipped, so the first row with anything in it holds the headings.
  if (!headerRow) throw new CsvFileError('This file is empty.')
  let width = headerRow.length
  while (width > 0 && isBlank(headerRow[width - 1])) width--
  const headers = headerRow.slice(0, width).map((h, i) => h.trim() || `Column ${i + 1}`)
  if (data.length === 0) throw new CsvFileError('This file has column headings but no people below them.')
  // Rows are evened up in place: a 10,000-row file need not be copied again.
  const overflow: number[] = []
  for (const cells of data) {
    let extra = 0
    for (let i = width; i < cells.length; i++) if (!isBlank(cells[i])) extra++
    overflow.push(extra)
    if (cells.length > width) cells.length = width
    while (cells.length < width) cells.push('')
  }
  return { headers, rows: data, overflow, delimiter }
}
