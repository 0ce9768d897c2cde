import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Content } from 'pdfmake/interfaces'
import { type BodyFrame, bodyFrame, type PrintDocument } from '../main/print/pdf'

interface Run {
  text: string
  bold: boolean
  italics: boolean
  fontSize: number
  color: string
}

type Block = { kind: 'table'; rows: Run[][][]; headerRows: number; widths: number[] } | { kind: 'paragraph'; runs: Run[] }

const requireHere = createRequire(__filename)
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

/** Every text run of a pdfmake node, in reading order, with the styles pdfkit needs to draw it. */
function runsOf(node: Content | undefined, inherited: Omit<Run, 'text'>): Run[] {
  if (node === undefined || node === null) return []
  if (typeof node === 'string' || typeof node === 'number') return [{ ...inherited, text: String(node) }]
  if (Array.isArray(node)) return node.flatMap((n) => runsOf(n as Content, inherited))
  const n = node as unknown as Record<string, unknown>
  const style: Omit<Run, 'text'> = {
    bold: (n.bold as boolean | undefined) ?? inherited.bold,
    italics: (n.italics as boolean | undefined) ?? inherited.italics,
    fontSize: (n.fontSize as number | undefined) ?? inherited.fontSize,
    color: (n.color as string | undefined) ?? inherited.color,
  }
  if ('text' in n) return runsOf(n.text as Content, style)
  for (const key of ['stack', 'columns', 'ul', 'ol'] as const) {
    if (Array.isArray(n[key])) {
      return (n[key] as Content[]).flatMap((c, i) => (i === 0 ? runsOf(c, style) : [{ ...style, text: '\n' }, ...runsOf(c, style)]))
    }
  }
  if (n.table) return (n.table as { body: Content[][] }).body.flatMap((row) => row.flatMap((c) => runsOf(c, style)))
  return []
}

const PLAIN: Omit<Run, 'text'> = { bold: false, italics: false, fontSize: 10, color: '#000000' }
const PLAIN_RUN: Run = { ...PLAIN, text: '' }

/** A printout's body as tables of cells and paragraphs of runs: the content the peer lays out. */
export function blocksOf(doc: PrintDocument, frame: BodyFrame = bodyFrame('A4', doc.orientation ?? 'portrait', { subtitle: Boolean(doc.subtitle) })): Block[] {
  const blocks: Block[] = [
    { kind: 'paragraph', runs: [{ ...PLAIN, text: doc.title, bold: true, fontSize: 18 }] },
    ...(doc.subtitle ? [{ kind: 'paragraph' as const, runs: [{ ...PLAIN, text: doc.subtitle, fontSize: 11 }] }] : []),
  ]
  for (const node of typeof doc.content === 'function' ? doc.content(frame) : doc.content) {
    const table = (node as { table?: { body: Content[][]; headerRows?: number; widths?: unknown[] } }).table
    if (table) {
      const columns = table.body[0]?.length ?? 1
      // Percentages as the document gives them; any other width ("*", "auto") shares the page equally.
      const widths = table.widths?.every((w) => typeof w === 'string' && w.endsWith('%'))
        ? table.widths.map((w) => parseFloat(w as string) / 100)
        : Array.from({ length: columns }, () => 1 / columns)
      blocks.push({ kind: 'table', headerRows: table.headerRows ?? 0, widths, rows: table.body.map((row) => row.map((cell) => runsOf(cell, PLAIN))) })
    }
    else blocks.push({ kind: 'paragraph', runs: runsOf(node, PLAIN) })
  }
  return blocks
}

/**
 * The raw peer of the directory: pdfkit alone laying out the same blocks in the same fonts on the same paper —
 * the page frame (congregation, title, date, rule; "Page n of m"), tables with their header row repeated on every
 * page, rows never split, thin rules between them — and returning the finished PDF's bytes.
 */
export function rawPdfkitDocument(blocks: Block[], frame: { congregation: string; title: string; printed: string; banner: string | null }, fonts: Record<keyof typeof FONT_FILES, Buffer>): Promise<Buffer> {
  // Loaded here, not at the top: like pdfmake's, it must load after Hearth's first print has set up font sharing.
  const PDFDocument = requireHere('pdfkit') as typeof import('pdfkit')
  const margin = { left: 40, right: 40, top: 70, bottom: 46 }
  const doc = new PDFDocument({ size: 'A4', margins: margin, bufferPages: true, autoFirstPage: true, info: { Title: frame.title } })
  for (const [name, bytes] of Object.entries(fonts)) doc.registerFont(name, bytes)
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
  const width = doc.page.width - margin.left - margin.right
  const bottom = doc.page.height - margin.bottom
  const fontOf = (r: Run) => (r.bold ? (r.italics ? 'bolditalics' : 'bold') : r.italics ? 'italics' : 'normal')

  // Cells are drawn line by line (a run after "\n" starts a line), runs of one line continuing one another.
  const linesOf = (runs: Run[]) => {
    const lines: Run[][] = [[]]
    for (const r of runs) {
      r.text.split('\n').forEach((part, i) => {
        if (i > 0) lines.push([])
        if (part) lines.at(-1)!.push({ ...r, text: part })
      })
    }
    return lines
  }
  const lineHeight = (line: Run[], w: number) => {
    const first = line[0] ?? PLAIN_RUN
    return doc.font(fontOf(first)).fontSize(first.fontSize).heightOfString(line.map((r) => r.text).join('') || ' ', { width: w })
  }
  const heightOf = (lines: Run[][], w: number) => lines.reduce((h, line) => h + lineHeight(line, w), 0)
  const draw = (lines: Run[][], x: number, y: number, w: number) => {
    for (const line of lines) {
      const h = lineHeight(line, w)
      line.forEach((r, i) => {
        doc.font(fontOf(r)).fontSize(r.fontSize).fillColor(r.color)
        doc.text(r.text, i === 0 ? x : undefined, i === 0 ? y : undefined, { width: w, continued: i < line.length - 1 })
      })
      y += h
    }
  }
  const pad = 4
  const drawRow = (cells: Run[][][], widths: number[], y: number, h: number, header: boolean) => {
    if (header) doc.rect(margin.left, y, width, h).fill('#e8e8e8')
    let x = margin.left
    cells.forEach((cell, i) => {
      const w = width * widths[i]!
      draw(cell, x + pad, y + 3, w - 2 * pad)
      x += w
    })
    doc.moveTo(margin.left, y + h).lineTo(margin.left + width, y + h).lineWidth(0.5).strokeColor('#777777').stroke()
  }

  let y = margin.top
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      const lines = linesOf(block.runs)
      const h = heightOf(lines, width) + 6
      if (y + h > bottom) {
        doc.addPage()
        y = margin.top
      }
      draw(lines, margin.left, y, width)
      y += h
      continue
    }
    const rows = block.rows.map((cells) => cells.map(linesOf))
    const header = rows.slice(0, block.headerRows)
    const rowHeight = (cells: Run[][][]) => Math.max(...cells.map((c, i) => heightOf(c, width * block.widths[i]! - 2 * pad))) + 6
    const drawHeader = () => {
      for (const cells of header) {
        const h = rowHeight(cells)
        drawRow(cells, block.widths, y, h, true)
        y += h
      }
    }
    drawHeader()
    for (const cells of rows.slice(block.headerRows)) {
      const h = rowHeight(cells)
      if (y + h > bottom) {
        doc.addPage()
        y = margin.top
        drawHeader()
      }
      drawRow(cells, block.widths, y, h, false)
      y += h
    }
  }

  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    // The frame is drawn in the margins, where pdfkit would otherwise start a new page.
    doc.page.margins.bottom = 0
    doc.font('bold').fontSize(10).fillColor('#000000').text(frame.congregation, margin.left, 22, { width: width / 2, lineBreak: false })
    doc.font('normal').fontSize(9).fillColor('#444444').text(frame.printed, margin.left + width / 2, 22, { width: width / 2, align: 'right', lineBreak: false })
    doc.fontSize(11).text(frame.title, margin.left, 36, { lineBreak: false })
    doc.moveTo(margin.left, 54).lineTo(margin.left + width, 54).lineWidth(0.5).strokeColor('#888888').stroke()
    if (frame.banner) {
      doc.font('bold').fontSize(10).fillColor('#a30000').text(frame.banner, margin.left, 22, { width, align: 'center', lineBreak: false })
      doc.font('normal').fontSize(8).text(frame.banner, margin.left, doc.page.height - 32, { lineBreak: false })
    }
    doc.fontSize(9).fillColor('#000000').text(`Page ${i + 1} of ${range.count}`, margin.left, doc.page.height - 32, { width, align: 'right', lineBreak: false })
  }
  doc.end()
  return done
}
