import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import type { BodyFrame, PrintDocument } from '../main/print/engine/pdf'

const requireHere = createRequire(__filename)

type PdfKit = typeof import('pdfkit')
let raw: PdfKit | null = null

/**
 * pdfkit as a hand-written program gets it: its own copy of pdfkit and fontkit, loaded apart from Hearth's, so
 * none of the sharing Hearth installs on its copy (fonts parsed once, shaped words kept across documents) helps it.
 */
export function rawPdfkit(): PdfKit {
  if (raw) return raw
  const pdfkitPath = requireHere.resolve('pdfkit')
  const fontkitPath = requireHere.resolve('fontkit', { paths: [dirname(pdfkitPath)] })
  const saved = [pdfkitPath, fontkitPath].map((p) => [p, requireHere.cache[p]] as const)
  for (const [p] of saved) delete requireHere.cache[p]
  try {
    raw = requireHere('pdfkit') as PdfKit
  } finally {
    for (const [p, m] of saved) {
      if (m) requireHere.cache[p] = m
      else delete requireHere.cache[p]
    }
  }
  return raw
}
const FONT_FILES = {
  normal: '400Regular/NotoSans_400Regular.ttf',
  bold: '700Bold/NotoSans_700Bold.ttf',
  italics: '400Regular_Italic/NotoSans_400Regular_Italic.ttf',
  bolditalics: '700Bold_Italic/NotoSans_700Bold_Italic.ttf',
} as const

/** The same Noto Sans files Hearth embeds, read once per process as a hand-written pdfkit program would. */
export function noto(): Record<keyof typeof FONT_FILES, Buffer> {
  return Object.fromEntries(
    Object.entries(FONT_FILES).map(([k, f]) => [k, readFileSync(requireHere.resolve(`@expo-google-fonts/noto-sans/${f}`))]),
  ) as Record<keyof typeof FONT_FILES, Buffer>
}

interface PeerLine {
  text: string
  size: number
  font: keyof typeof FONT_FILES
  color: string
  indent: number
  gap: number
}

/** The directory's lines as Hearth prints them (its strings, styles, indents and spacing), in reading order. */
export function directoryLinesOf(doc: PrintDocument, frame: BodyFrame): { lines: PeerLine[]; columns: number } {
  const content = typeof doc.content === 'function' ? doc.content(frame) : doc.content
  const lines: PeerLine[] = []
  let columns = 1
  for (const page of content as { columns?: { stack: Record<string, unknown>[] }[] }[]) {
    columns = Math.max(columns, page.columns?.length ?? 1)
    for (const column of page.columns ?? []) {
      for (const l of column.stack) {
        const margin = (l.margin as number[] | undefined) ?? [0, 0]
        const font = l.bold ? (l.italics ? 'bolditalics' : 'bold') : l.italics ? 'italics' : 'normal'
        lines.push({ text: String(l.text), size: l.fontSize as number, font, color: (l.color as string | undefined) ?? '#000000', indent: margin[0]!, gap: margin[1]! })
      }
    }
  }
  return { lines, columns }
}

/**
 * The raw peer of the directory: pdfkit alone laying out the same lines in the same columns, fonts and sizes on
 * the same paper. Each line is set by pdfkit in its column (pdfkit measures and wraps it), a column ends when the
 * next line does not fit, and every page gets the same frame (congregation, title, date, copy, "Page n of m") and
 * the coordinator watermark. Returns the finished PDF's bytes.
 */
export function rawPdfkitColumns(
  title: { title: string; subtitle?: string },
  lines: PeerLine[],
  columns: number,
  frame: { congregation: string; printed: string; banner: string | null; watermark: string | null },
  fonts: Record<keyof typeof FONT_FILES, Buffer>,
): Promise<Buffer> {
  const PDFDocument = rawPdfkit()
  const margin = { left: 40, right: 40, top: 70, bottom: 46 }
  const doc = new PDFDocument({ size: 'A4', margins: margin, bufferPages: true, info: { Title: title.title } })
  for (const [name, bytes] of Object.entries(fonts)) doc.registerFont(name, bytes)
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
  const gapX = 16
  const width = (doc.page.width - margin.left - margin.right - gapX * (columns - 1)) / columns
  const bottom = doc.page.height - margin.bottom
  doc.font('bold').fontSize(18).text(title.title, margin.left, margin.top)
  if (title.subtitle) doc.font('normal').fontSize(11).text(title.subtitle)
  let top = doc.y + 10
  let column = 0
  let y = top
  for (const line of lines) {
    doc.font(line.font).fontSize(line.size)
    const h = doc.currentLineHeight()
    if (y + line.gap + h > bottom) {
      column++
      if (column === columns) {
        doc.addPage()
        column = 0
        top = margin.top
      }
      y = top
    } else y += line.gap
    doc.fillColor(line.color).text(line.text, margin.left + column * (width + gapX) + line.indent, y, { width: width - line.indent })
    y = doc.y
  }
  const range = doc.bufferedPageRange()
  const pageWidth = doc.page.width - margin.left - margin.right
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    // The frame is drawn in the margins, where pdfkit would otherwise start a new page.
    doc.page.margins.bottom = 0
    if (frame.watermark) {
      doc.save().rotate(-45, { origin: [doc.page.width / 2, doc.page.height / 2] }).opacity(0.08)
      doc.font('bold').fontSize(60).fillColor('#a30000').text(frame.watermark, 0, doc.page.height / 2 - 30, { width: doc.page.width, align: 'center', lineBreak: false })
      doc.restore()
    }
    doc.font('bold').fontSize(10).fillColor('#000000').text(frame.congregation, margin.left, 22, { width: pageWidth / 2, lineBreak: false })
    doc.font('normal').fontSize(9).fillColor('#444444').text(frame.printed, margin.left + pageWidth / 2, 22, { width: pageWidth / 2, align: 'right', lineBreak: false })
    doc.fontSize(11).text(title.title, margin.left, 36, { lineBreak: false })
    if (frame.banner) doc.font('bold').fontSize(12).fillColor('#a30000').text(frame.banner, margin.left, 36, { width: pageWidth, align: 'right', lineBreak: false })
    doc.moveTo(margin.left, 54).lineTo(margin.left + pageWidth, 54).lineWidth(0.5).strokeColor('#888888').stroke()
    if (frame.banner) doc.font('bold').fontSize(9).fillColor('#a30000').text(frame.banner, margin.left, doc.page.height - 32, { lineBreak: false })
    doc.font('normal').fontSize(9).fillColor('#000000').text(`Page ${i + 1} of ${range.count}`, margin.left, doc.page.height - 32, { width: pageWidth, align: 'right', lineBreak: false })
  }
  doc.end()
  return done
}
