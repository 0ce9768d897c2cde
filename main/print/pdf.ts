import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces'
import type { Settings } from '../contract/app'
import type { Profile } from './profile'

/** What every printed document hands the engine: its title and body; the engine adds the page frame. */
export interface PrintDocument {
  title: string
  /** A line under the title on the first page, e.g. "For the Okafor family, 3 March – 30 May 2026". */
  subtitle?: string
  content: Content[]
  orientation?: 'portrait' | 'landscape'
  /** Only the coordinator copy changes the frame: it says it is confidential on every page. */
  profile?: Profile
}

export type PageSettings = Pick<Settings, 'congregationName' | 'paperSize' | 'timeZone'>

export const COORDINATOR_BANNER = 'COORDINATOR COPY — confidential'

type PdfMake = typeof import('pdfmake')

// Noto Sans, embedded in every PDF: it covers Latin, Greek (polytonic too — pdfmake's own Roboto does not) and
// Cyrillic, so a name prints the same on any printer.
const FONTS = {
  normal: '400Regular/NotoSans_400Regular.ttf',
  bold: '700Bold/NotoSans_700Bold.ttf',
  italics: '400Regular_Italic/NotoSans_400Regular_Italic.ttf',
  bolditalics: '700Bold_Italic/NotoSans_700Bold_Italic.ttf',
} as const
export const FONT_NAME = 'NotoSans'

let loading: Promise<PdfMake> | null = null

type Fontkit = { create(buffer: Uint8Array, postscriptName?: string): unknown }

/**
 * Makes pdfkit parse each font's tables once per run instead of once per document. pdfkit hands every new
 * document's font bytes to fontkit.create, and a fresh fontkit font reads Noto Sans's large layout tables (GSUB,
 * GPOS) on its first line of text: a few hundred milliseconds per font, on every print. Each document still gets
 * its own font object (its glyph cache records which characters a glyph stood for, which differs by document);
 * only the decoded tables, which nothing writes to, are shared. Must run before pdfkit is first loaded.
 */
function shareParsedFonts(requireHere: NodeJS.Require): void {
  const path = requireHere.resolve('fontkit', { paths: [dirname(requireHere.resolve('pdfkit'))] })
  const fontkit = requireHere(path) as Fontkit
  const cached = requireHere.cache[path]
  if (!cached || (fontkit as { sharedParsedFonts?: boolean }).sharedParsedFonts) return
  const tablesOf = new WeakMap<Uint8Array, Map<string, object>>()
  cached.exports = {
    ...fontkit,
    sharedParsedFonts: true,
    create(buffer: Uint8Array, postscriptName?: string) {
      const font = fontkit.create(buffer, postscriptName) as { _tables?: unknown }
      if (typeof font._tables !== 'object' || font._tables === null) return font
      let byName = tablesOf.get(buffer)
      if (!byName) tablesOf.set(buffer, (byName = new Map()))
      const tables = byName.get(postscriptName ?? '')
      if (tables) font._tables = tables
      else byName.set(postscriptName ?? '', font._tables)
      return font
    },
  }
}

// pdfmake and its fonts are a large cold require; they load on the first print, never at start-up.
function loadPdfMake(): Promise<PdfMake> {
  loading ??= (async () => {
    const requireHere = createRequire(import.meta.url)
    shareParsedFonts(requireHere)
    const mod = (await import('pdfmake')) as PdfMake & { default?: PdfMake }
    const pdfmake = mod.default ?? mod
    const virtualfs = (pdfmake as unknown as { virtualfs: { writeFileSync(name: string, content: Buffer): void } }).virtualfs
    for (const file of Object.values(FONTS)) {
      virtualfs.writeFileSync(file, await readFile(requireHere.resolve(`@expo-google-fonts/noto-sans/${file}`)))
    }
    pdfmake.setFonts({ [FONT_NAME]: { ...FONTS } })
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

/**
 * Loads pdfmake and lays out a line in each style a printout uses, so the fonts are parsed before the first print
 * (Hearth calls this a moment after start, when nothing else is running). A failure here is left for the real
 * print to report, with its message, when someone prints.
 */
export async function warmUpPrinting(): Promise<void> {
  const pdfmake = await loadPdfMake()
  await pdfmake
    .createPdf({
      defaultStyle: { font: FONT_NAME },
      // Every style, and a small table like the printouts' own, so their layout code is warm too.
      content: [
        { text: 'Hearth' },
        { text: 'Hearth', bold: true },
        { text: 'Hearth', italics: true },
        { text: 'Hearth', bold: true, italics: true },
        { table: { headerRows: 1, dontBreakRows: true, widths: ['*', '*'], body: [[headerCell('Hearth'), headerCell('Hearth')], ['Hearth', { text: [{ text: 'Hearth', bold: true }, '\nHearth'] }]] }, layout: ruledLayout },
      ],
    })
    .getBuffer()
}

/** "25 November 2026" in the person's language, on the congregation's calendar. */
export function formatPrintedDate(now: Date, locale: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(now)
  } catch {
    return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(now)
  }
}

export function pageLabel(page: number, count: number): string {
  return `Page ${page} of ${count}`
}

const MARGIN_X = 40
const HEADER_TOP = 22
const BODY_TOP = 70
const BODY_BOTTOM = 46

/** The full pdfmake definition: the standard frame (congregation, title, date printed, page n of m) around the body. */
export function buildDefinition(doc: PrintDocument, settings: PageSettings, locale: string, now: Date): TDocumentDefinitions {
  const printed = `Printed ${formatPrintedDate(now, locale, settings.timeZone)}`
  const congregation = settings.congregationName.trim()
  const coordinator = doc.profile === 'coordinator'
  return {
    info: { title: doc.title, creator: 'Hearth', producer: 'Hearth' },
    pageSize: settings.paperSize === 'Letter' ? 'LETTER' : 'A4',
    pageOrientation: doc.orientation ?? 'portrait',
    pageMargins: [MARGIN_X, BODY_TOP, MARGIN_X, BODY_BOTTOM],
    defaultStyle: { font: FONT_NAME, fontSize: 10, lineHeight: 1 },
    header: (_page, _count, pageSize) => ({
      margin: [MARGIN_X, HEADER_TOP, MARGIN_X, 0],
      stack: [
        {
          columns: [
            { text: congregation, bold: true, fontSize: 10, width: '*' },
            coordinator ? { text: COORDINATOR_BANNER, bold: true, fontSize: 10, color: '#a30000', alignment: 'center', width: 'auto' } : { text: '', width: 'auto' },
            { text: printed, fontSize: 9, color: '#444444', alignment: 'right', width: '*' },
          ],
          columnGap: 10,
        },
        { text: doc.title, fontSize: 11, color: '#444444', margin: [0, 2, 0, 0] },
        { canvas: [{ type: 'line', x1: 0, y1: 4, x2: pageSize.width - 2 * MARGIN_X, y2: 4, lineWidth: 0.5, lineColor: '#888888' }] },
      ],
    }),
    footer: (currentPage, pageCount) => ({
      margin: [MARGIN_X, 14, MARGIN_X, 0],
      columns: [
        { text: coordinator ? COORDINATOR_BANNER : '', fontSize: 8, color: '#a30000' },
        { text: pageLabel(currentPage, pageCount), fontSize: 9, alignment: 'right' },
      ],
    }),
    content: [
      { text: doc.title, fontSize: 18, bold: true, margin: [0, 0, 0, doc.subtitle ? 2 : 10] },
      ...(doc.subtitle ? [{ text: doc.subtitle, fontSize: 11, margin: [0, 0, 0, 10] } as Content] : []),
      ...doc.content,
    ],
  }
}

/** Makes the PDF. Every document goes through here, so every page carries the same frame and embedded fonts. */
export async function renderPdf(doc: PrintDocument, settings: PageSettings, locale: string, now: Date = new Date()): Promise<Uint8Array> {
  const pdfmake = await loadPdfMake()
  const buffer = await pdfmake.createPdf(buildDefinition(doc, settings, locale, now)).getBuffer()
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}

/** Thin grey rules between rows: readable when photocopied, and space to write on blank rows. */
export const ruledLayout = {
  hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === node.table.body.length ? 0.8 : 0.5),
  vLineWidth: () => 0.5,
  hLineColor: () => '#777777',
  vLineColor: () => '#aaaaaa',
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 3,
  paddingBottom: () => 3,
}

/** A table header cell: repeated at the top of every page the table runs onto. */
export function headerCell(text: string): Content {
  return { text, bold: true, fillColor: '#e8e8e8' }
}
