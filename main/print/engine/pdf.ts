import { PDFDocument } from 'pdf-lib'
import type { Content, Table, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces'
import type { Settings } from '../../contract/app'
import type { PrintProfile } from '../../contract/print'
import { imposeBooklet } from './booklet'
import { coordinatorWatermark, copyLabel, copyShortLabel } from './copies'
import { type Direction, mirrorDefinition, pageDirection } from './direction'
import { say } from '../../i18n/say'
import { BASE_FONT, installFontSharing, loadFonts, prepareScripts } from './fonts'
import { loadMeasurer, type TextStyle } from './measure'

/** What every printed document hands the engine: its title and body; the engine adds the page frame. */
export interface PrintDocument {
  title: string
  /** A line under the title on the first page, e.g. "For the Okafor family, 3 March – 30 May 2026". */
  subtitle?: string
  /** The body, or a function laying it out for the page it will be printed on (columns, grids, labels). */
  content: Content[] | ((frame: BodyFrame) => Content[])
  orientation?: 'portrait' | 'landscape'
  /** Every page says which copy it is; the coordinator copy also carries a watermark. */
  profile?: PrintProfile
  /** Documents that place everything themselves (labels, imposed booklets) draw no frame at all. */
  frame?: 'standard' | 'none'
  /** Paper the document needs whatever Settings say (label sheets). */
  paper?: 'A4' | 'Letter'
  /** Laid out on half-size pages (A5 or half-letter) and imposed two-up as a folded booklet on the paper chosen. */
  booklet?: boolean
  /** Page margins when the frame is 'none': [left, top, right, bottom] in points. */
  margins?: [number, number, number, number]
  /**
   * The body already cut into pages (the directory plans every page itself), the cover's nodes being the first.
   * Such a document can be made a few pages at a time, so a huge one shows progress and can be stopped.
   */
  pages?: (frame: BodyFrame) => Content[][]
  /** Which way the pages read; by default the language's way (Arabic right to left, ./direction). */
  direction?: Direction
}

/** Part of a document made on its own: which pages, numbered within the whole. */
export interface PageRange {
  /** Pages before this part. */
  offset: number
  /** Pages in the whole document. */
  total: number
}

/** The printable body of a page, in points: what is left inside the frame's margins. */
export interface BodyFrame {
  paper: 'A4' | 'Letter' | 'A5' | 'HalfLetter'
  /** The whole sheet. */
  pageWidth: number
  pageHeight: number
  width: number
  height: number
  /** The first page also holds the title and subtitle, this much less. */
  titleHeight: number
}

export type PageSettings = Pick<Settings, 'congregationName' | 'paperSize' | 'timeZone'>

export const COORDINATOR_BANNER = copyLabel('coordinator', 'en')

type PdfMake = typeof import('pdfmake')

// Noto Sans, embedded in every PDF: it covers Latin, Greek (polytonic too — pdfmake's own Roboto does not) and
// Cyrillic, so a name prints the same on any printer. Other scripts get their own Noto font (./fonts).
export const FONT_NAME = BASE_FONT

let loading: Promise<PdfMake> | null = null

// pdfmake and its fonts are a large cold require; they load on the first print, never at start-up.
function loadPdfMake(): Promise<PdfMake> {
  loading ??= (async () => {
    installFontSharing()
    const mod = (await import('pdfmake')) as PdfMake & { default?: PdfMake }
    const pdfmake = mod.default ?? mod
    // Documents are built from the database only: nothing may be fetched from the network or the disk.
    pdfmake.setUrlAccessPolicy(() => false)
    pdfmake.setLocalAccessPolicy(() => false)
    return pdfmake
  })()
  loading.catch(() => {
    loading = null
  })
  return loading
}

// Every letter, digit and mark a Latin, Greek or Cyrillic name, address or note is likely to hold, with the
// punctuation printouts use. Shaping a letter decodes the parts of the font's kerning and substitution tables that
// start with it (fontkit decodes them lazily, glyph by glyph): done here, a first printout does not pay for it.
const SPECIMEN = [
  [0x21, 0x7e],
  [0xa1, 0x17f],
  [0x218, 0x21b],
  [0x386, 0x3ce],
  [0x401, 0x45f],
  [0x2013, 0x2014],
  [0x2018, 0x201e],
  [0x2022, 0x2022],
  [0x2026, 0x2026],
  [0x20ac, 0x20ac],
]
  .flatMap(([from, to]) => Array.from({ length: to! - from! + 1 }, (_, i) => String.fromCodePoint(from! + i)))
  .join('')

const STYLES: TextStyle[] = [{ size: 10 }, { size: 10, bold: true }, { size: 10, italics: true }, { size: 10, bold: true, italics: true }]
// Characters shaped in one step of the warm-up: each step is a few tens of milliseconds.
const SPECIMEN_STEP = 96
const WARM_UP_ROWS = 40
const WARM_UP_ROUNDS = 3

// The warm-up gives the event loop back between its steps, so Hearth keeps answering while it runs.
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Readies printing before the first print (the print worker runs it when main/print/warm-up.ts starts the worker a
 * moment after Hearth starts): loads pdfmake and the base font, shapes every likely character in each style, and makes
 * a two-page document in the printout's language with the standard frame (copy label, date printed, page numbers)
 * and a ruled table like the printouts' own, a few times, so the message catalog, the date formats, pdfmake's layout
 * code and the font embedding are warm too. A failure here is left for the real print to report when someone prints.
 */
export async function warmUpPrinting(settings: PageSettings = { congregationName: 'Hearth', paperSize: 'A4', timeZone: 'UTC' }, locale = 'en'): Promise<void> {
  const pdfmake = await loadPdfMake()
  await loadFonts(pdfmake as unknown as Parameters<typeof loadFonts>[0], [])
  const measurer = await loadMeasurer()
  const letters = [...SPECIMEN]
  for (const style of STYLES) {
    for (let from = 0; from < letters.length; from += SPECIMEN_STEP) {
      await breathe()
      measurer.width(letters.slice(from, from + SPECIMEN_STEP + 1).join(''), style)
    }
  }
  // Two pages of a ruled table, as most printouts are, made a few times over: pdfmake's table, page-break and frame
  // code and pdfkit's drawing run often enough for V8 to compile them fully (a first printout otherwise runs them
  // half-compiled, at twice the time), and a two-page document also tries the tighter layout (renderPdf).
  // Made afresh each round: pdfmake marks the nodes it lays out.
  const sample = (): PrintDocument => ({
    title: 'Hearth',
    subtitle: 'Hearth',
    profile: 'noticeboard',
    content: [
      { text: 'Hearth', italics: true },
      { text: 'Hearth', bold: true, italics: true },
      titledTable(
        { text: 'Hearth', bold: true },
        {
          headerRows: 1,
          dontBreakRows: true,
          widths: ['auto', '*', '*'],
          body: [
            [headerCell('Hearth'), headerCell('Hearth'), headerCell('Hearth')],
            ...Array.from({ length: WARM_UP_ROWS }, (_, i): TableCell[] => [String(i + 1), 'Hearth', { text: [{ text: 'Hearth', bold: true }, '\nHearth'] }]),
          ],
        },
      ),
    ],
  })
  for (let round = 0; round < WARM_UP_ROUNDS; round++) {
    await breathe()
    await renderPdf(sample(), settings, locale)
  }
}

/** "25 November 2026" in the person's language, on the congregation's calendar. */
export function formatPrintedDate(now: Date, locale: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(now)
  } catch {
    return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(now)
  }
}

export function pageLabel(page: number, count: number, locale = 'en'): string {
  return say(locale, 'printed.page', { page, count })
}

const MARGIN_X = 40
const HEADER_TOP = 22
const BODY_TOP = 70
const BODY_BOTTOM = 46
// A second try at a document whose last page holds a few rows: slimmer margins and row padding.
const TIGHT_BODY_TOP = 62
const TIGHT_BODY_BOTTOM = 38
// Noto Sans sets a line 1.362 times its point size (ascender plus descender); the title is 18 pt, the subtitle 11.
const LINE_RATIO = 1.362
export const TITLE_SIZE = 18
export const SUBTITLE_SIZE = 11

/** The smallest type on any printout: anything smaller cannot be read at arm's length or after photocopying. */
export const MIN_FONT_SIZE = 9

const PAPER = { A4: [595.28, 841.89], Letter: [612, 792], A5: [419.53, 595.28], HalfLetter: [396, 612] } as const
type Paper = keyof typeof PAPER

/** Where the body of a document goes on the chosen paper and orientation. */
export function bodyFrame(paper: Paper, orientation: 'portrait' | 'landscape', options: { tight?: boolean; subtitle?: boolean } = {}): BodyFrame {
  const [short, long] = PAPER[paper]
  const [pageWidth, pageHeight] = orientation === 'landscape' ? [long, short] : [short, long]
  const top = options.tight ? TIGHT_BODY_TOP : BODY_TOP
  const bottom = options.tight ? TIGHT_BODY_BOTTOM : BODY_BOTTOM
  return {
    paper,
    pageWidth,
    pageHeight,
    width: pageWidth - 2 * MARGIN_X,
    height: pageHeight - top - bottom,
    titleHeight: options.subtitle ? TITLE_SIZE * LINE_RATIO + 2 + SUBTITLE_SIZE * LINE_RATIO + 10 : TITLE_SIZE * LINE_RATIO + 10,
  }
}

const LABEL_COLORS: Record<PrintProfile, string> = { noticeboard: '#1f5e2a', volunteer: '#7a4a00', coordinator: '#a30000' }

// Room kept for the short copy label beside the title, and the widest an 11 pt character of a title runs.
const SHORT_LABEL_ROOM = 150
const TITLE_CHAR_WIDTH = 7

/** The title cut to what fits on one line of the header, with an ellipsis when it was cut. */
export function headerTitle(title: string, width: number): string {
  const chars = [...title]
  const most = Math.floor(width / TITLE_CHAR_WIDTH)
  return chars.length <= most ? title : `${chars.slice(0, most - 1).join('').trimEnd()}…`
}

/** The body frame a document is laid out in: its paper (half-size for a booklet), orientation and title. */
export function frameOf(doc: PrintDocument, settings: PageSettings, tight = false): BodyFrame {
  const sheet = doc.paper ?? (settings.paperSize === 'Letter' ? 'Letter' : 'A4')
  const paper: Paper = doc.booklet ? (sheet === 'Letter' ? 'HalfLetter' : 'A5') : sheet
  return bodyFrame(paper, doc.orientation ?? 'portrait', { tight, subtitle: Boolean(doc.subtitle) })
}

/** The full pdfmake definition: the standard frame (congregation, title, copy, date printed, page n of m) around the body. */
export function buildDefinition(
  doc: PrintDocument,
  settings: PageSettings,
  locale: string,
  now: Date,
  options: { tight?: boolean; range?: PageRange; body?: Content[] } = {},
): TDocumentDefinitions {
  if (pageDirection(doc, locale) === 'rtl') return mirrorDefinition(buildDefinition({ ...doc, direction: 'ltr' }, settings, locale, now, options))
  const orientation = doc.orientation ?? 'portrait'
  const frame = frameOf(doc, settings, options.tight)
  const paper = frame.paper
  const body = options.body ?? (typeof doc.content === 'function' ? doc.content(frame) : doc.content)
  const range = options.range ?? null
  const base: TDocumentDefinitions = {
    info: { title: doc.title, creator: 'Hearth', producer: 'Hearth' },
    pageSize: { width: PAPER[paper][0], height: PAPER[paper][1] },
    pageOrientation: orientation,
    defaultStyle: { font: FONT_NAME, fontSize: 10, lineHeight: 1 },
    content: [],
  }
  if (doc.frame === 'none') return { ...base, pageMargins: doc.margins ?? [0, 0, 0, 0], content: body }

  const printed = say(locale, 'printed.printedOn', { date: formatPrintedDate(now, locale, settings.timeZone) })
  const congregation = settings.congregationName.trim()
  const label = doc.profile ? copyLabel(doc.profile, locale) : ''
  const labelColor = doc.profile ? LABEL_COLORS[doc.profile] : '#000000'
  return {
    ...base,
    pageMargins: [MARGIN_X, options.tight ? TIGHT_BODY_TOP : BODY_TOP, MARGIN_X, options.tight ? TIGHT_BODY_BOTTOM : BODY_BOTTOM],
    ...(doc.profile === 'coordinator'
      ? { watermark: { text: coordinatorWatermark(locale), font: FONT_NAME, bold: true, color: '#a30000', opacity: 0.08, angle: orientation === 'landscape' ? -25 : -45 } }
      : {}),
    header: (_page, _count, pageSize) => ({
      margin: [MARGIN_X, HEADER_TOP, MARGIN_X, 0],
      stack: [
        {
          columns: [
            { text: congregation, bold: true, fontSize: 10, width: '*' },
            { text: printed, fontSize: 9, color: '#444444', alignment: 'right', width: 'auto' },
          ],
          columnGap: 10,
        },
        {
          columns: [
            // One line, whatever the title: a long one is cut short here (it is printed whole on the first page).
            { text: headerTitle(doc.title, frame.width - (doc.profile ? SHORT_LABEL_ROOM : 0)), fontSize: 11, color: '#444444', width: '*', noWrap: true },
            { text: doc.profile ? copyShortLabel(doc.profile, locale) : '', bold: true, fontSize: doc.profile === 'coordinator' ? 12 : 11, color: labelColor, alignment: 'right', width: 'auto' },
          ],
          columnGap: 10,
          margin: [0, 2, 0, 0],
        },
        { canvas: [{ type: 'line', x1: 0, y1: 4, x2: pageSize.width - 2 * MARGIN_X, y2: 4, lineWidth: 0.5, lineColor: '#888888' }] },
      ],
    }),
    footer: (currentPage, pageCount) => ({
      margin: [MARGIN_X, options.tight ? 10 : 14, MARGIN_X, 0],
      columns: [
        { text: label, bold: true, fontSize: MIN_FONT_SIZE, color: labelColor },
        { text: range ? pageLabel(range.offset + currentPage, range.total, locale) : pageLabel(currentPage, pageCount, locale), fontSize: MIN_FONT_SIZE, alignment: 'right', width: 'auto', noWrap: true },
      ],
    }),
    content: [
      // The title opens the document, not each part of it.
      ...(range && range.offset > 0
        ? []
        : [
            { text: doc.title, fontSize: TITLE_SIZE, bold: true, margin: [0, 0, 0, doc.subtitle ? 2 : 10] } as Content,
            ...(doc.subtitle ? [{ text: doc.subtitle, fontSize: SUBTITLE_SIZE, margin: [0, 0, 0, 10] } as Content] : []),
          ]),
      ...adjustTables(body, Boolean(options.tight)),
    ],
  }
}

/**
 * Every table keeps its header rows with the first row below them, so a heading or column titles never sit alone
 * at the foot of a page; a tight layout also slims the padding of ruled rows.
 */
function adjustTables(content: Content[], tight: boolean): Content[] {
  const adjust = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(adjust)
    if (!node || typeof node !== 'object') return node
    const copy: Record<string, unknown> = { ...(node as Record<string, unknown>) }
    if (tight && copy.layout === ruledLayout) copy.layout = tightRuledLayout
    const table = copy.table as { headerRows?: number; keepWithHeaderRows?: number } | undefined
    if (table?.headerRows && table.keepWithHeaderRows === undefined) copy.table = { ...table, keepWithHeaderRows: 1 }
    for (const key of ['stack', 'columns']) if (key in copy) copy[key] = adjust(copy[key])
    return copy
  }
  return adjust(content) as Content[]
}

/** The definition with its footer noting the page count pdfmake lays the document out to. */
function counting(definition: TDocumentDefinitions): { definition: TDocumentDefinitions; pages: () => number } {
  let pages = 0
  const footer = definition.footer
  return {
    definition: {
      ...definition,
      footer: (page, count, size) => {
        pages = count
        return typeof footer === 'function' ? footer(page, count, size) : (footer ?? null)
      },
    },
    pages: () => pages,
  }
}

async function produce(pdfmake: PdfMake, definition: TDocumentDefinitions): Promise<{ pdf: Uint8Array; pages: number }> {
  const counted = counting(definition)
  const buffer = await pdfmake.createPdf(counted.definition).getBuffer()
  return { pdf: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), pages: counted.pages() }
}

/**
 * How many pages the definition lays out to, without making the PDF: pdfmake lays every page out, draws none of
 * them (its maxPagesNumber) and the unfinished document is dropped, so no font is embedded.
 */
async function pageCount(pdfmake: PdfMake, definition: TDocumentDefinitions): Promise<number> {
  const counted = counting(definition)
  await pdfmake.createPdf({ ...counted.definition, maxPagesNumber: 0 } as TDocumentDefinitions).getStream()
  return counted.pages()
}

// Tightening is tried only on short documents: there, one page fewer matters (a vigil on one sheet), and a second
// layout costs little.
const TIGHTEN_UP_TO_PAGES = 8

// Arabic type stands half as tall again as Latin: a header in Arabic needs the whole top margin, and in the tighter
// one its second line (the document and the copy) was dropped from every page.
const TALL_SCRIPT = /\p{sc=Arabic}/u

function headerIsTall(doc: PrintDocument, settings: PageSettings, locale: string): boolean {
  return TALL_SCRIPT.test([settings.congregationName, doc.title, say(locale, 'printed.printedOn', { date: '' }), doc.profile ? copyShortLabel(doc.profile, locale) : ''].join(' '))
}

/**
 * Makes the PDF. Every document goes through here, so every page carries the same frame and embedded fonts. When
 * the last page would hold only the tail of a short document, a tighter layout that saves the page is used instead:
 * the tighter layout is first only laid out, to count its pages, and made only when it saves one.
 */
export async function renderPdf(
  doc: PrintDocument,
  settings: PageSettings,
  locale: string,
  now: Date = new Date(),
  options: { tighten?: boolean } = {},
): Promise<Uint8Array> {
  const pdfmake = await loadPdfMake()
  const definitionOf = async (tight: boolean) => {
    const definition = buildDefinition(doc, settings, locale, now, { tight })
    await loadFonts(pdfmake as unknown as Parameters<typeof loadFonts>[0], prepareScripts(definition))
    return definition
  }
  if (doc.booklet) return imposeBooklet((await produce(pdfmake, await definitionOf(false))).pdf, settings.paperSize === 'Letter' ? 'Letter' : 'A4', pageDirection(doc, locale))
  const first = await produce(pdfmake, await definitionOf(false))
  if (options.tighten === false || doc.frame === 'none' || first.pages < 2 || first.pages > TIGHTEN_UP_TO_PAGES || headerIsTall(doc, settings, locale)) return first.pdf
  // pdfmake lays a definition out again as it is (it does so itself when a page break moves).
  const tight = await definitionOf(true)
  if ((await pageCount(pdfmake, tight)) >= first.pages) return first.pdf
  return (await produce(pdfmake, tight)).pdf
}

/** How a table is drawn: rules and padding. */
export interface TableLayout {
  hLineWidth: (i: number, node: { table: { body: unknown[] } }) => number
  vLineWidth: () => number
  hLineColor: () => string
  vLineColor: () => string
  paddingLeft: () => number
  paddingRight: () => number
  paddingTop: () => number
  paddingBottom: () => number
}

/** Thin grey rules between rows: readable when photocopied, and space to write on blank rows. */
export const ruledLayout: TableLayout = {
  hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === node.table.body.length ? 0.8 : 0.5),
  vLineWidth: () => 0.5,
  hLineColor: () => '#777777',
  vLineColor: () => '#aaaaaa',
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 3,
  paddingBottom: () => 3,
}

/** A table drawn without rules, for lists that must page like tables (keeping their heading with them). */
export const plainLayout: TableLayout = {
  ...ruledLayout,
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 1.5,
  paddingBottom: () => 1.5,
}

const tightRuledLayout: TableLayout = { ...ruledLayout, paddingTop: () => 1.5, paddingBottom: () => 1.5 }

/**
 * A table under its own heading: the heading is the table's first header row, so it can never be stranded at the
 * foot of a page and it is repeated, with the column titles, on every page the table runs onto.
 */
export function titledTable(heading: Content, table: Table, layout: TableLayout = ruledLayout): Content {
  // The heading row is drawn without side rules: it reads as a heading above the table, not as its first row.
  const columns = table.body[0]?.length ?? 1
  const title: TableCell[] = [{ stack: [heading], colSpan: columns, border: [false, false, false, layout === ruledLayout] }, ...Array.from({ length: columns - 1 }, () => ({}))]
  return { table: { ...table, headerRows: (table.headerRows ?? 0) + 1, body: [title, ...table.body] }, layout }
}

/** A table header cell: repeated at the top of every page the table runs onto. */
export function headerCell(text: string): Content {
  return { text, bold: true, fillColor: '#e8e8e8' }
}

/** A document made in parts, with the first pages on their own for the preview. */
export interface RenderedDocument {
  pdf: Uint8Array
  pages: number
  /** The first pages alone, for a preview that stays quick to draw; the whole PDF when it is short. */
  preview: Uint8Array
  previewPages: number
}

export interface PartOptions {
  /** Pages made in one go, and shown in the preview: pdfmake's time grows faster than its page count. */
  partPages: number
  /** Called as parts are done: pages made so far, of the whole. */
  progress?: (done: number, total: number) => void
}

/**
 * Makes a document planned page by page (PrintDocument.pages) a part at a time, each part with its own page
 * numbers within the whole, and joins the parts. The first part is the preview. A short document, or one that is
 * not planned by pages, is made in one go.
 */
export async function renderInParts(doc: PrintDocument, settings: PageSettings, locale: string, now: Date, options: PartOptions): Promise<RenderedDocument> {
  const pages = doc.pages && !doc.booklet && doc.frame !== 'none' ? doc.pages(frameOf(doc, settings)) : null
  if (!pages || pages.length <= options.partPages) {
    const pdf = await renderPdf(doc, settings, locale, now)
    const count = (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount()
    options.progress?.(count, count)
    return { pdf, pages: count, preview: pdf, previewPages: count }
  }
  const pdfmake = await loadPdfMake()
  const total = pages.length
  const merged = await PDFDocument.create({ updateMetadata: false })
  merged.setTitle(doc.title)
  merged.setCreator('Hearth')
  merged.setProducer('Hearth')
  let preview: Uint8Array | null = null
  let previewPages = 0
  for (let offset = 0; offset < total; offset += options.partPages) {
    const part = pages.slice(offset, offset + options.partPages)
    // A part starts on its own first page: the page break that began it in the whole document is dropped.
    const body = part.flatMap((page, i) => (i === 0 && offset > 0 ? page.map((node, j) => (j === 0 ? withoutBreakBefore(node) : node)) : page))
    const definition = buildDefinition(doc, settings, locale, now, { range: { offset, total }, body })
    await loadFonts(pdfmake as unknown as Parameters<typeof loadFonts>[0], prepareScripts(definition))
    const made = await produce(pdfmake, definition)
    if (!preview) {
      preview = made.pdf
      previewPages = made.pages
    }
    const source = await PDFDocument.load(made.pdf, { updateMetadata: false })
    for (const page of await merged.copyPages(source, source.getPageIndices())) merged.addPage(page)
    options.progress?.(Math.min(total, offset + part.length), total)
  }
  const pdf = await merged.save()
  return { pdf, pages: merged.getPageCount(), preview: preview ?? pdf, previewPages }
}

function withoutBreakBefore(node: Content): Content {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return node
  const { pageBreak, ...rest } = node as { pageBreak?: string }
  return (pageBreak === 'before' ? rest : node) as Content
}
