import iconv from 'iconv-lite'
import Papa from 'papaparse'
import chardet from 'chardet'
import { CODE_PAGES, type CodePage, type CsvEncoding } from '../contract/members-csv'
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
// for Polish, Czech, Hungarian…; Cyrillic, Greek, Turkish, Hebrew and Arabic for theirs; Western otherwise. Only a
// tie-breaker now: the bytes say more than the computer does (a Polish file is often opened on an English PC).
const CODE_PAGE_BY_LANGUAGE: Record<string, CodePage> = {
  pl: 'windows-1250', cs: 'windows-1250', sk: 'windows-1250', hu: 'windows-1250', hr: 'windows-1250', sl: 'windows-1250', ro: 'windows-1250', bs: 'windows-1250', sq: 'windows-1250',
  ru: 'windows-1251', uk: 'windows-1251', bg: 'windows-1251', sr: 'windows-1251', mk: 'windows-1251', be: 'windows-1251',
  el: 'windows-1253', tr: 'windows-1254', az: 'windows-1254', he: 'windows-1255', yi: 'windows-1255', ar: 'windows-1256', fa: 'windows-1256', ur: 'windows-1256',
}

export function codePageForLocale(locale: string): CodePage {
  return CODE_PAGE_BY_LANGUAGE[locale.split(/[-_]/)[0]?.toLowerCase() ?? ''] ?? 'windows-1252'
}

// What chardet names a guess, as the Windows code page that holds the same letters (the ISO pages are near twins).
const CODE_PAGE_BY_DETECTED: Record<string, CodePage> = {
  'windows-1252': 'windows-1252', 'ISO-8859-1': 'windows-1252', 'ISO-8859-15': 'windows-1252',
  'windows-1250': 'windows-1250', 'ISO-8859-2': 'windows-1250',
  'windows-1251': 'windows-1251', 'ISO-8859-5': 'windows-1251',
  'windows-1253': 'windows-1253', 'ISO-8859-7': 'windows-1253',
  'windows-1254': 'windows-1254', 'ISO-8859-9': 'windows-1254',
  'windows-1255': 'windows-1255', 'ISO-8859-8': 'windows-1255',
  'windows-1256': 'windows-1256', 'ISO-8859-6': 'windows-1256',
}

/** chardet reads this much of a file: a member list's letters repeat, and 20 MB would take seconds. */
const DETECT_BYTES = 256 * 1024

/**
 * A sign of the wrong code page: a Latin-1 symbol (superscripts, ¯ ¹ ³ £ ¿ …) touching a letter, as "Stanis³aw"
 * and "£ucja" are Polish read as Western. Names and addresses almost never hold one.
 */
const MISREAD = /\p{L}[\u00A1-\u00BF\u00D7\u00F7]|[\u00A1-\u00BF\u00D7\u00F7]\p{L}/gu

function misreadCount(sample: Buffer, page: CodePage): number {
  return iconv.decode(sample, page).match(MISREAD)?.length ?? 0
}

/**
 * The code page a file that is not UTF-8 was most likely saved in, judged from its bytes: chardet's statistics of
 * each language's letters name the candidates; the one that reads with the fewest symbols stuck to letters wins
 * (chardet alone takes a short Polish list for Western), then the surer of chardet's, then the computer's
 * language. With no candidate at all, the computer's language alone.
 */
export function detectCodePage(bytes: Uint8Array, locale: string): CodePage {
  const sample = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, DETECT_BYTES))
  const own = codePageForLocale(locale)
  const seen = new Set<CodePage>()
  const candidates: { page: CodePage; confidence: number; misread: number }[] = []
  for (const m of chardet.analyse(sample)) {
    const page = CODE_PAGE_BY_DETECTED[m.name]
    if (!page || seen.has(page) || m.confidence <= 0) continue
    seen.add(page)
    candidates.push({ page, confidence: m.confidence, misread: misreadCount(sample, page) })
  }
  candidates.sort((a, b) => a.misread - b.misread || b.confidence - a.confidence || Number(b.page === own) - Number(a.page === own))
  return candidates[0]?.page ?? own
}

export interface DecodedCsv {
  text: string
  encoding: CsvEncoding
  /** The file is in a one-byte code page, which is a guess the volunteer may change. */
  guessed: boolean
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedCsv {
  let text: string
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(2))
  } catch {
    throw new HearthError('invalid_input', 'errors.csv.notText')
  }
  if (text.includes('\0')) throw new HearthError('invalid_input', 'errors.csv.notText')
  return { text, encoding, guessed: false }
}

/**
 * Text from a file's bytes: UTF-16 little- or big-endian with its byte-order mark (Excel's "Unicode Text"); UTF-8
 * with or without a mark; anything else in the code page asked for or, by default, the one its bytes suggest.
 * iconv-lite's tables are used: Node's own windows-1252 decoder turns € “ ” – — into control characters.
 */
export function decodeCsvBytes(bytes: Uint8Array, locale = 'en', asked?: CsvEncoding): DecodedCsv {
  if (bytes.length === 0) throw new HearthError('invalid_input', 'errors.csv.empty')
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    throw new HearthError('invalid_input', 'errors.csv.workbook')
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'utf-16le')
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'utf-16be')
  // A NUL anywhere (not only near the start) means binary data, never a spreadsheet's text.
  if (bytes.includes(0)) throw new HearthError('invalid_input', 'errors.csv.notText')
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', guessed: false }
  } catch {
    const chosen = CODE_PAGES.find((p) => p === asked)
    const encoding = chosen ?? detectCodePage(bytes, locale)
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

const ends = (ch: string | undefined, delimiter: string) => ch === undefined || ch === delimiter || ch === '\n' || ch === '\r'

/**
 * The file as the program meant it, for programs that put quotation marks round every value without doubling
 * the ones inside (ChurchCRM writes `"John "Jack" Smith"`): inside quotes, a mark that does not end the value
 * (followed by the delimiter, a line end or the end of the file) is a character of the value and is doubled.
 * Used only when the file does not read as standard CSV, so a well-formed file is never second-guessed.
 */
export function escapeStrayQuotes(text: string, delimiter: string): string {
  let out = ''
  let quoted = false
  let fieldStart = true
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (!quoted) {
      if (ch === '"' && fieldStart) quoted = true
      fieldStart = ch === delimiter || ch === '\n' || ch === '\r'
      out += ch
      continue
    }
    if (ch !== '"') out += ch
    else if (ends(text[i + 1], delimiter)) {
      out += ch
      quoted = false
    } else if (text[i + 1] === '"' && !ends(text[i + 2], delimiter)) {
      out += '""'
      i++
    } else if (text[i + 1] === '"') {
      // A doubled mark just before the end of the value: the value ends in a mark, then the closing one.
      out += '"""'
      i++
      quoted = false
    } else out += '""'
  }
  return out
}

export function parseCsvText(text: string): ParsedCsv {
  const body = text.replace(/^\uFEFF/, '')
  if (body.trim() === '') throw new HearthError('invalid_input', 'errors.csv.empty')
  const delimiter = detectDelimiter(body)
  let parsed = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: 'greedy' })
  if (parsed.errors.some((e) => e.type === 'Quotes')) parsed = Papa.parse<string[]>(escapeStrayQuotes(body, delimiter), { delimiter, skipEmptyLines: 'greedy' })
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes')
  if (quoteError) {
    // Papa counts data rows from 0 and the headings are row 1 in a spreadsheet program.
    const row = (quoteError.row ?? 0) + 1
    throw new HearthError('invalid_input', 'errors.csv.openQuote', { row })
  }
  return tableOf(parsed.data, delimiter)
}

/**
 * Headings and people from a file's rows, blank rows already left out (the first row with anything in it holds
 * the headings), whether they came from a CSV file, a workbook's sheet or a file of contact cards.
 */
export function tableOf(rows: string[][], delimiter: string): ParsedCsv {
  const [headerRow, ...data] = rows
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
