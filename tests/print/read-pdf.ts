import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PrintProfile, PrintRequest } from '../../main/contract/print'
import type { Session } from '../../main/session'
import { call } from '../helpers/session'

function withFile<T>(pdf: Uint8Array, run: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-pdf-'))
  try {
    const path = join(dir, 'doc.pdf')
    writeFileSync(path, pdf)
    return run(path)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * The text of a PDF as poppler reads it (`pdftotext -layout`), pages separated by form feeds. The coordinator
 * watermark runs diagonally across the page and is left out, or its letters would fall between the rows.
 */
export function pdfText(pdf: Uint8Array): string {
  return withFile(pdf, (path) => execFileSync('pdftotext', ['-layout', '-nodiag', path, '-'], { encoding: 'utf8' }))
}

/** Every string in the order it is drawn (`pdftotext -raw`), diagonal text included. */
export function pdfRawText(pdf: Uint8Array): string {
  return withFile(pdf, (path) => execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }))
}

/** Each page's text on its own. */
export function pdfPages(pdf: Uint8Array): string[] {
  const pages = pdfText(pdf).split('\f')
  if (pages[pages.length - 1]?.trim() === '') pages.pop()
  return pages
}

/** Page size in points, orientation and font embedding as poppler reports them. */
export function pdfInfo(pdf: Uint8Array): { pages: number; width: number; height: number; fonts: string } {
  return withFile(pdf, (path) => {
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' })
    const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)
    const pages = /Pages:\s+(\d+)/.exec(info)
    return {
      pages: Number(pages?.[1]),
      width: Number(size?.[1]),
      height: Number(size?.[2]),
      fonts: execFileSync('pdffonts', [path], { encoding: 'utf8' }),
    }
  })
}

/** The title the PDF carries in its information (the document's own title). */
export function pdfTitle(pdf: Uint8Array): string {
  return withFile(pdf, (path) => /^Title:\s+(.*)$/m.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1]?.trim() ?? '')
}

/** Makes the print preview of a document through the real handlers and returns the PDF bytes. */
export async function previewPdf(s: Pick<Session, 'registry'>, request: PrintRequest, profile: PrintProfile): Promise<Uint8Array> {
  const value = await call(s, 'print.preview', { request, profile })
  return new Uint8Array(Buffer.from(value.pdfBase64, 'base64'))
}

/** Every word poppler finds, with its page and box in points (`pdftotext -bbox`), the diagonal watermark left out. */
export function pdfWords(pdf: Uint8Array): { page: number; text: string; xMin: number; yMin: number; xMax: number; yMax: number }[] {
  const xml = withFile(pdf, (path) => execFileSync('pdftotext', ['-bbox', '-nodiag', path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }))
  const words: ReturnType<typeof pdfWords> = []
  let page = 0
  for (const line of xml.split('\n')) {
    if (line.includes('<page ')) page++
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line)
    if (m) words.push({ page, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: decodeXml(m[5]!) })
  }
  return words
}

function decodeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
}

// Noto Sans boxes a word 1.362 times its point size (ascender plus descender).
const NOTO_LINE = 1.362

/** The smallest type on any page, in points, from the height poppler gives each word. */
export function smallestTextSize(pdf: Uint8Array): number {
  return Math.min(...pdfWords(pdf).map((w) => (w.yMax - w.yMin) / NOTO_LINE))
}

type Word = ReturnType<typeof pdfWords>[number]

/** Where a phone number, postcode or email was found in the words, and on how many lines it stands. */
export interface Found {
  token: string
  lines: number
  /** The text at each break, "…@|example.org", for a token set on more than one line. */
  breaks: string[]
}

/** Lines a run of words stands on: a word starts a new line when it is on another page or below its neighbour's middle. */
function linesOf(run: Word[]): number {
  let lines = 1
  for (let i = 1; i < run.length; i++) {
    const [a, b] = [run[i - 1]!, run[i]!]
    if (a.page !== b.page || b.yMin > (a.yMin + a.yMax) / 2 || b.yMax < (a.yMin + a.yMax) / 2) lines++
  }
  return lines
}

/**
 * Every place `token` is printed: a token with spaces (a phone number, a postcode) as its groups in reading order,
 * one without (an email) as words that join up to it, on one line or continued on the next ones.
 */
export function findTokens(words: Word[], token: string): Found[] {
  const found: Found[] = []
  const groups = token.split(' ')
  for (let i = 0; i < words.length; i++) {
    if (groups.length > 1) {
      if (i + groups.length <= words.length && groups.every((g, j) => words[i + j]!.text === g)) {
        const run = words.slice(i, i + groups.length)
        found.push({ token, lines: linesOf(run), breaks: [] })
      }
      continue
    }
    if (!token.startsWith(words[i]!.text) || words[i]!.text.length === 0) continue
    let joined = words[i]!.text
    const run = [words[i]!]
    for (let j = i + 1; joined.length < token.length && j < words.length; j++) {
      if (!token.startsWith(joined + words[j]!.text)) break
      joined += words[j]!.text
      run.push(words[j]!)
    }
    if (joined !== token) continue
    found.push({ token, lines: linesOf(run), breaks: run.slice(1).map((w, k) => `${run[k]!.text.slice(-1)}|${w.text.slice(0, 1)}`) })
    i += run.length - 1
  }
  return found
}

/** Whether the cell behind a word is shaded (taken): the grey level just before the word, in its cell's padding. */
export function shadedBehind(pdf: Uint8Array, word: Word): boolean {
  return withFile(pdf, (path) => {
    // At 72 dpi a pixel is a point, so poppler's word box is in pixels too.
    const pgm = execFileSync('pdftoppm', ['-r', '72', '-gray', '-f', String(word.page), '-l', String(word.page), path], { maxBuffer: 64 * 1024 * 1024 })
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!
    const width = Number(header[1])
    const grey = pgm[header[0].length + Math.round((word.yMin + word.yMax) / 2) * width + Math.round(word.xMin - 2)]!
    return grey < 245 && grey > 200
  })
}
