import iconv from 'iconv-lite'
import Papa from 'papaparse'
import type { CsvEncoding } from '../contract/members-csv'
import { HearthError } from '../contract/errors'

/** Bigger than any congregation's member list (10,000 people with every column is about 3 MB). */
export const MAX_CSV_BYTES = 20 * 1024 * 1024


export interface ParsedCsv {
  headers: string[]
  /** Every row below the headings, each padded or trimmed to the headings' length when only blanks differ. */
  rows: string[][]
  /** For each row, how many non-blank cells lie beyond the last heading (they have nowhere to go). */
  overflow: number[]
  delimiter: string
}

// The Windows code page older spreadsheet programs save in, by the language of the computer: Central European
// for Polish, Czech, Hungarian…; Cyrillic, Greek, Turkish, Hebrew and Arabic for theirs; Western otherwise.
const CODE_PAGE_BY_LANGUAGE: Record<string, CsvEncoding> = {
  pl: 'windows-1250', cs: 'windows-1250', sk: 'windows-1250', hu: 'windows-1250', hr: 'windows-1250', sl: 'windows-1250', ro: 'windows-1250', bs: 'windows-1250', sq: 'windows-1250',
  ru: 'windows-1251', uk: 'windows-1251', bg: 'windows-1251', sr: 'windows-1251', mk: 'windows-1251', be: 'windows-1251',
  el: 'windows-1253', tr: 'windows-1254', az: 'windows-1254', he: 'windows-1255', yi: 'windows-1255', ar: 'windows-1256', fa: 'windows-1256', ur: 'windows-1256',
}

export function codePageForLocale(locale: string): CsvEncoding {
  return CODE_PAGE_BY_LANGUAGE[locale.split(/[-_]/)[0]?.toLowerCase() ?? ''] ?? 'windows-1252'
}

export interface DecodedCsv {
  text: string
  encoding: CsvEncoding
  /** The file is not UTF-8 and its code page is a guess. */
  guessed: boolean
}

/**
 * Text from a file's bytes: UTF-8 with or without a byte-order mark; a file that is not valid UTF-8 is read in
 * the code page asked for or, by default, the one the computer's language suggests — Windows-1252 (what older
 * Excel writes for "CSV (Comma delimited)") in Western Europe and the Americas. iconv-lite's tables are used:
 * Node's own windows-1252 decoder turns € “ ” – — into control characters.
 */
export function decodeCsvBytes(bytes: Uint8Array, locale = 'en', asked?: CsvEncoding): DecodedCsv {
  if (bytes.length === 0) throw new HearthError('invalid_input', 'errors.csv.empty')
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    throw new HearthError('invalid_input', 'errors.csv.workbook')
  }
  // A NUL anywhere (not only near the start) means binary data or UTF-16, never a spreadsheet's text.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes.includes(0)) {
    throw new HearthError('invalid_input', 'errors.csv.notText')
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', guessed: false }
  } catch {
    const encoding = asked && asked !== 'utf-8' ? asked : codePageForLocale(locale)
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding), encoding, guessed: true }
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
  if (body.trim() === '') throw new HearthError('invalid_input', 'errors.csv.empty')
  const delimiter = detectDelimiter(body)
  const parsed = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: 'greedy' })
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes')
  if (quoteError) {
    // Papa counts data rows from 0 and the headings are row 1 in a spreadsheet program.
    const row = (quoteError.row ?? 0) + 1
    throw new HearthError('invalid_input', 'errors.csv.openQuote', { row })
  }
  const [headerRow, ...data] = parsed.data
  // Blank lines are skipped, so the first row with anything in it holds the headings.
  if (!headerRow) throw new HearthError('invalid_input', 'errors.csv.empty')
  let width = headerRow.length
  while (width > 0 && isBlank(headerRow[width - 1])) width--
  const headers = headerRow.slice(0, width).map((h, i) => h.trim() || `Column ${i + 1}`)
  if (data.length === 0) throw new HearthError('invalid_input', 'errors.csv.noRows')
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
