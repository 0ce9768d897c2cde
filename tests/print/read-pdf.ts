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
