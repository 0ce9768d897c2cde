import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces'

/**
 * Every script printed: Noto Sans prints Latin, Greek and Cyrillic; any other script is printed in the Noto font
 * made for it, chosen per run of characters. Those fonts are loaded only when a document holds their script, so a
 * Latin-only document costs what it did before. pdfkit embeds only the glyphs a document uses (a subset), so a
 * Chinese name adds kilobytes, not the 10 MB font.
 */

interface FontFile {
  /** npm package under @expo-google-fonts. */
  pkg: string
  regular: string
  bold: string
}

const noto = (pkg: string, stem: string): FontFile => ({
  pkg,
  regular: `400Regular/${stem}_400Regular.ttf`,
  bold: `700Bold/${stem}_700Bold.ttf`,
})

export const BASE_FONT = 'NotoSans'

// The base font has real italics; the others are printed upright when italic is asked for (their scripts have no
// italic tradition, and Noto ships none for them).
export const BASE_FILES = {
  normal: '400Regular/NotoSans_400Regular.ttf',
  bold: '700Bold/NotoSans_700Bold.ttf',
  italics: '400Regular_Italic/NotoSans_400Regular_Italic.ttf',
  bolditalics: '700Bold_Italic/NotoSans_700Bold_Italic.ttf',
} as const

/** Fallback fonts by name. Adding a script is one line here and one in SCRIPT_FONTS. */
const FALLBACKS: Record<string, FontFile> = {
  NotoSansArabic: noto('noto-sans-arabic', 'NotoSansArabic'),
  NotoSansHebrew: noto('noto-sans-hebrew', 'NotoSansHebrew'),
  NotoSansSC: noto('noto-sans-sc', 'NotoSansSC'),
  NotoSansJP: noto('noto-sans-jp', 'NotoSansJP'),
  NotoSansKR: noto('noto-sans-kr', 'NotoSansKR'),
  NotoSansThai: noto('noto-sans-thai', 'NotoSansThai'),
  NotoSansLao: noto('noto-sans-lao', 'NotoSansLao'),
  NotoSansKhmer: noto('noto-sans-khmer', 'NotoSansKhmer'),
  NotoSansDevanagari: noto('noto-sans-devanagari', 'NotoSansDevanagari'),
  NotoSansBengali: noto('noto-sans-bengali', 'NotoSansBengali'),
  NotoSansGurmukhi: noto('noto-sans-gurmukhi', 'NotoSansGurmukhi'),
  NotoSansGujarati: noto('noto-sans-gujarati', 'NotoSansGujarati'),
  NotoSansTamil: noto('noto-sans-tamil', 'NotoSansTamil'),
  NotoSansTelugu: noto('noto-sans-telugu', 'NotoSansTelugu'),
  NotoSansKannada: noto('noto-sans-kannada', 'NotoSansKannada'),
  NotoSansMalayalam: noto('noto-sans-malayalam', 'NotoSansMalayalam'),
  NotoSansSinhala: noto('noto-sans-sinhala', 'NotoSansSinhala'),
  NotoSansArmenian: noto('noto-sans-armenian', 'NotoSansArmenian'),
  NotoSansGeorgian: noto('noto-sans-georgian', 'NotoSansGeorgian'),
  NotoSansEthiopic: noto('noto-sans-ethiopic', 'NotoSansEthiopic'),
  NotoEmoji: noto('noto-emoji', 'NotoEmoji'),
}

// Script_Extensions, so shared marks and punctuation (the Arabic comma, Devanagari danda) go with their script.
const SCRIPT_FONTS: [RegExp, string][] = [
  [/[\p{scx=Arabic}\p{scx=Syriac}]/u, 'NotoSansArabic'],
  [/\p{scx=Hebrew}/u, 'NotoSansHebrew'],
  [/\p{scx=Hangul}/u, 'NotoSansKR'],
  [/[\p{scx=Hiragana}\p{scx=Katakana}]/u, 'NotoSansJP'],
  [/[\p{scx=Han}\p{scx=Bopomofo}]/u, 'NotoSansSC'],
  [/\p{scx=Thai}/u, 'NotoSansThai'],
  [/\p{scx=Lao}/u, 'NotoSansLao'],
  [/\p{scx=Khmer}/u, 'NotoSansKhmer'],
  [/\p{scx=Devanagari}/u, 'NotoSansDevanagari'],
  [/\p{scx=Bengali}/u, 'NotoSansBengali'],
  [/\p{scx=Gurmukhi}/u, 'NotoSansGurmukhi'],
  [/\p{scx=Gujarati}/u, 'NotoSansGujarati'],
  [/\p{scx=Tamil}/u, 'NotoSansTamil'],
  [/\p{scx=Telugu}/u, 'NotoSansTelugu'],
  [/\p{scx=Kannada}/u, 'NotoSansKannada'],
  [/\p{scx=Malayalam}/u, 'NotoSansMalayalam'],
  [/\p{scx=Sinhala}/u, 'NotoSansSinhala'],
  [/\p{scx=Armenian}/u, 'NotoSansArmenian'],
  [/\p{scx=Georgian}/u, 'NotoSansGeorgian'],
  [/\p{scx=Ethiopic}/u, 'NotoSansEthiopic'],
]

/** Printed in place of a character no embedded font can draw, so a gap never hides that something was there. */
export const REPLACEMENT = '\ufffd'

// Strings made only of these are printed by the base font as they are: the fast path for Latin-only documents.
const BASE_ONLY = /^[\u0000-\u02ff\u0370-\u03ff\u0400-\u052f\u1e00-\u1fff\u2000-\u2064\u206a-\u206f\u20a0-\u20c0\u2100-\u214f]*$/
const BASE_SCRIPT = /[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}]/u
const FULL_WIDTH_OR_CJK_PUNCTUATION = /[\u3000-\u303f\uff00-\uffef]/u
const EMOJI = /\p{Extended_Pictographic}|[\u{1f1e6}-\u{1f1ff}]/u
// Marks, joiners and variation selectors belong to the character before them.
const ATTACHED = /[\p{M}\u200c\u200d\ufe00-\ufe0f\u{e0020}-\u{e007f}]/u
const VARIATION_SELECTOR = /[\ufe00-\ufe0f]/u
// Spaces, digits and ASCII punctuation: every Noto font has them, so they stay in the run they sit in.
const SHARED = /[\s\d!-/:-@[-`{-~\u00a0\u2010-\u2015\u2018-\u201f\u2026]/u
// The scripts fontkit lays out right to left on its own (it reverses their glyphs).
const RTL_SCRIPT = /[\p{sc=Arabic}\p{sc=Hebrew}\p{sc=Syriac}\p{sc=Thaana}\p{sc=Nko}]/u
const STRONG_SCRIPT = /[^\p{sc=Common}\p{sc=Inherited}\p{sc=Unknown}]/u

/** The font for one character, given the font of the character before it and the CJK font the text calls for. */
function fontFor(ch: string, previous: string | null, cjk: string): string | null {
  if (ATTACHED.test(ch)) return previous ?? BASE_FONT
  for (const [pattern, font] of SCRIPT_FONTS) if (pattern.test(ch)) return font === 'NotoSansSC' ? cjk : font
  if (FULL_WIDTH_OR_CJK_PUNCTUATION.test(ch)) return cjk
  if (SHARED.test(ch)) return previous && previous !== 'NotoEmoji' ? previous : BASE_FONT
  if (EMOJI.test(ch) && ch.codePointAt(0)! >= 0x2000) return 'NotoEmoji'
  if (BASE_SCRIPT.test(ch) || !STRONG_SCRIPT.test(ch)) return BASE_FONT
  return null
}

/** One piece of a line: a word (with its trailing spaces) in one font at one bidi embedding level. */
export interface Piece {
  text: string
  font: string
  level: number
}

type BidiFactory = typeof import('bidi-js').default

// bidi-js is loaded on the first text that needs it (Latin-only documents never do). It is a UMD module whose
// export is the factory itself, so it is required rather than imported: a bundled default import of it is undefined.
let bidi: ReturnType<BidiFactory> | null = null

/** Han characters are drawn the Japanese way when the text also holds kana, otherwise the Chinese way. */
function cjkFontOf(text: string): string {
  return /[\p{scx=Hiragana}\p{scx=Katakana}]/u.test(text) ? 'NotoSansJP' : 'NotoSansSC'
}

/** Whether fontkit will lay this piece out right to left: it looks at the first character with a script. */
function fontkitRtl(text: string): boolean {
  const strong = STRONG_SCRIPT.exec(text)
  return strong !== null && RTL_SCRIPT.test(strong[0])
}

const reversed = (text: string) => [...text].reverse().join('')

/**
 * Splits text into pieces by font and bidi level (Unicode bidirectional algorithm, bidi-js), in logical order.
 * Right-to-left pieces get mirrored brackets; a piece whose direction fontkit would guess wrongly (neutral
 * characters in a right-to-left run, Arabic-Indic digits in a left-to-right one) is handed over pre-reversed.
 * Returns null when the base font prints the text as it is.
 */
export function piecesOf(text: string): Piece[] | null {
  if (BASE_ONLY.test(text)) return null
  bidi ??= (createRequire(import.meta.url)('bidi-js') as BidiFactory)()
  const embedding = bidi.getEmbeddingLevels(text)
  const { levels } = embedding
  const mirrored = bidi.getMirroredCharactersMap(text, levels)
  const cjk = cjkFontOf(text)
  const pieces: Piece[] = []
  let current: Piece | null = null
  let afterSpace = false
  let replaced = false
  let index = 0
  for (const original of text) {
    const at = index
    index += original.length
    // Brackets in right-to-left text are drawn mirrored (rule L4): fontkit does not do it.
    let ch = mirrored.get(at) ?? original
    let font = fontFor(ch, current?.font ?? null, cjk)
    if (font === null) {
      ch = REPLACEMENT
      font = BASE_FONT
      replaced = true
    }
    if (VARIATION_SELECTOR.test(ch) && font !== 'NotoEmoji') continue
    const level = levels[at] ?? 0
    const isSpace = /\s/u.test(ch)
    if (current && current.font === font && current.level === level && !(afterSpace && !isSpace)) {
      current.text += ch
    } else {
      current = { text: ch, font, level }
      pieces.push(current)
    }
    afterSpace = isSpace
  }
  for (const p of pieces) if (p.level % 2 === 1 !== fontkitRtl(p.text)) p.text = reversed(p.text)
  return replaced || pieces.some((p) => p.font !== BASE_FONT || p.level > 0) ? pieces : null
}

type Node = Content | Content[] | string | undefined | null
type TextValue = string | Record<string, unknown> | (string | Record<string, unknown>)[]

/** Rewrites a document's text in place into font and bidi pieces, and notes the fonts it needs. */
export class ScriptPrinter {
  readonly fonts = new Set<string>()

  /** The pieces of one string as pdfmake inlines carrying the given style (nested text loses its parent's style). */
  private inlines(text: string, style: Record<string, unknown> = {}): TextValue {
    const pieces = piecesOf(text)
    if (!pieces) return Object.keys(style).length ? { ...style, text } : text
    return pieces.map((p) => {
      if (p.font !== BASE_FONT) this.fonts.add(p.font)
      return { ...style, text: p.text, ...(p.font === BASE_FONT ? {} : { font: p.font }), ...(p.level > 0 ? { bidiLevel: p.level } : {}) }
    })
  }

  private text(value: TextValue, style: Record<string, unknown> = {}): TextValue {
    if (typeof value === 'string') return this.inlines(value, style)
    if (Array.isArray(value)) {
      return value.flatMap((item) => {
        const out = this.text(item, style)
        return Array.isArray(out) ? out : [out]
      })
    }
    if (value && typeof value === 'object' && 'text' in value) {
      const { text, ...own } = value
      return this.text(text as TextValue, { ...style, ...own })
    }
    return value
  }

  node(node: Node): Node {
    if (typeof node === 'string') {
      const out = this.inlines(node)
      return typeof out === 'string' ? out : ({ text: out } as Content)
    }
    if (Array.isArray(node)) return node.map((n) => this.node(n) as Content)
    if (!node || typeof node !== 'object') return node
    const o = node as unknown as Record<string, unknown>
    if ('text' in o) o.text = this.text(o.text as TextValue)
    for (const key of ['stack', 'columns', 'ul', 'ol'] as const) if (Array.isArray(o[key])) o[key] = this.node(o[key] as Content[])
    const table = o.table as { body?: Content[][] } | undefined
    if (table?.body) table.body = table.body.map((row) => row.map((cell) => this.node(cell) as Content))
    return node
  }

  /** The header and footer are built per page; they go through the same rewriting. */
  pageFunction<A extends unknown[]>(fn: ((...args: A) => Content) | Content | undefined): ((...args: A) => Content) | Content | undefined {
    if (typeof fn !== 'function') return fn === undefined ? undefined : (this.node(fn) as Content)
    return (...args: A) => this.node(fn(...args)) as Content
  }
}

/**
 * Rewrites a definition for printing and returns the fallback fonts it needs. The header and footer of page 1
 * are built once here so the fonts their text needs are known before pdfmake lays the pages out.
 */
export function prepareScripts(def: TDocumentDefinitions): Set<string> {
  const printer = new ScriptPrinter()
  def.content = printer.node(def.content as Content) as Content
  const size = { width: 595, height: 842, orientation: 'portrait' as const }
  for (const key of ['header', 'footer'] as const) {
    const wrapped = printer.pageFunction(def[key] as never)
    if (typeof wrapped === 'function') (wrapped as (...a: unknown[]) => Content)(1, 1, size)
    def[key] = wrapped as never
  }
  return printer.fonts
}

interface PdfMakeLike {
  virtualfs: { writeFileSync(name: string, content: Buffer): void }
  setFonts(fonts: Record<string, Record<string, string>>): void
}

const loaded = new Map<string, Record<string, string>>()

/** Puts the base font, and any fallback fonts not yet loaded, into pdfmake's virtual file system. */
export async function loadFonts(pdfmake: PdfMakeLike, wanted: Iterable<string>): Promise<void> {
  const requireHere = createRequire(import.meta.url)
  const add = async (name: string, pkg: string, files: Record<string, string>) => {
    for (const file of new Set(Object.values(files))) {
      pdfmake.virtualfs.writeFileSync(file, await readFile(requireHere.resolve(`@expo-google-fonts/${pkg}/${file}`)))
    }
    loaded.set(name, files)
  }
  let changed = false
  if (!loaded.has(BASE_FONT)) {
    await add(BASE_FONT, 'noto-sans', { ...BASE_FILES })
    changed = true
  }
  for (const name of wanted) {
    const f = FALLBACKS[name]
    if (!f || loaded.has(name)) continue
    await add(name, f.pkg, { normal: f.regular, bold: f.bold, italics: f.regular, bolditalics: f.bold })
    changed = true
  }
  if (changed) pdfmake.setFonts(Object.fromEntries(loaded))
  installBidiLines(requireHere)
  installFontSharing()
}

/** Where a font's file is: the base font's variant, or a fallback's regular or bold (they have no italics). */
export function fontPath(name: string, variant: keyof typeof BASE_FILES): string {
  const requireHere = createRequire(import.meta.url)
  if (name === BASE_FONT) return requireHere.resolve(`@expo-google-fonts/noto-sans/${BASE_FILES[variant]}`)
  const f = FALLBACKS[name]
  if (!f) throw new Error(`No font called ${name}`)
  return requireHere.resolve(`@expo-google-fonts/${f.pkg}/${variant === 'bold' || variant === 'bolditalics' ? f.bold : f.regular}`)
}

let linesPatched = false

interface Inline {
  x: number
  width: number
  leadingCut?: number
  trailingCut?: number
  bidiLevel?: number
}

/**
 * Reorders one laid-out line from logical to visual order (rule L2 of the bidirectional algorithm): from the
 * highest level down to the lowest odd one, every run of pieces at that level or above is reversed. Done per
 * line, after pdfmake has broken the paragraph, so a right-to-left note that wraps reads down the page in order.
 */
export function visualOrder<T extends { bidiLevel?: number }>(inlines: T[]): T[] {
  const levels = inlines.map((i) => i.bidiLevel ?? 0)
  const highest = Math.max(0, ...levels)
  const lowestOdd = Math.min(...levels.filter((l) => l % 2 === 1), highest + 1)
  let order = inlines.map((_, i) => i)
  for (let level = highest; level >= lowestOdd; level--) {
    const next: number[] = []
    let i = 0
    while (i < order.length) {
      if (levels[order[i]!]! >= level) {
        let j = i
        while (j < order.length && levels[order[j]!]! >= level) j++
        next.push(...order.slice(i, j).reverse())
        i = j
      } else next.push(order[i++]!)
    }
    order = next
  }
  return order.map((i) => inlines[i]!)
}

// pdfmake does no bidi reordering (its issue #184); its line builder is wrapped so each finished line is put in
// visual order. Lines without right-to-left pieces are left exactly as pdfmake built them.
function installBidiLines(requireHere: NodeJS.Require): void {
  if (linesPatched) return
  const builder = requireHere('pdfmake/js/LayoutBuilder').default as { prototype: { buildNextLine(node: unknown): { inlines: Inline[]; leadingCut: number; trailingCut: number } | null } }
  const build = builder.prototype.buildNextLine
  builder.prototype.buildNextLine = function (this: unknown, node: unknown) {
    const line = build.call(this, node)
    if (!line || !line.inlines.some((i) => (i.bidiLevel ?? 0) > 0)) return line
    line.inlines = visualOrder(line.inlines)
    line.leadingCut = line.inlines[0]?.leadingCut ?? 0
    line.trailingCut = line.inlines.at(-1)?.trailingCut ?? 0
    let x = -line.leadingCut
    for (const inline of line.inlines) {
      inline.x = x
      x += inline.width
    }
    return line
  }
  linesPatched = true
}

interface FontGlyph {
  id: number
  codePoints: number[]
  advanceWidth: number
}

interface EmbeddedFontLike {
  subset: { glyphs: number[]; includeGlyph(id: number): number }
  unicode: number[][]
  widths: number[]
  scale: number
  layout(text: string, features?: unknown): { glyphs: FontGlyph[]; positions: unknown[] }
  hearthAliases?: Map<string, number>
}

let sharingInstalled = false

/**
 * Patches pdfkit once per run, before any font is used: the glyph aliases below, fonts parsed once per run, and
 * text shaped once per run. Both the directory's measurer and pdfmake go through it, so a word measured to plan a
 * column is not shaped again when pdfmake lays it out and draws it.
 */
export function installFontSharing(): void {
  if (sharingInstalled) return
  const requireHere = createRequire(import.meta.url)
  const documentClass = requireHere('pdfkit') as { prototype: { font(...args: unknown[]): unknown; _font?: object } }
  const font = documentClass.prototype.font
  documentClass.prototype.font = function (this: { _font?: object }, ...args: unknown[]) {
    const result = font.apply(this, args)
    const embedded = this._font ? (Object.getPrototypeOf(this._font) as EmbeddedFontPrototype) : null
    if (embedded && typeof embedded.encode === 'function' && !embedded.hearthPatched) {
      embedded.encode = encodeWithAliases
      embedded.layoutCached = sharedLayout
      embedded.hearthPatched = true
    }
    const parsed = (this._font as { font?: object } | undefined)?.font
    const fontClass = parsed ? (Object.getPrototypeOf(parsed) as FontClassPrototype) : null
    if (fontClass?.getGlyph && !fontClass.hearthPatched) {
      fontClass.getGlyph = glyphForText(fontClass.getGlyph)
      fontClass._getTable = sharedTable(fontClass._getTable)
      fontClass.hearthPatched = true
    }
    return result
  }
  sharingInstalled = true
}

interface ParsedFont {
  stream: { buffer: { length: number } }
  directory: { tables: Record<string, { checkSum: number; length: number }> }
  _tables: Record<string, unknown>
  hearthKey?: string
  hearthShared?: boolean
}

interface FontClassPrototype {
  getGlyph?: GetGlyph
  _getTable(this: ParsedFont, table: { tag: string }): unknown
  hearthPatched?: boolean
}

interface EmbeddedFontPrototype {
  encode?: unknown
  layoutCached?: unknown
  hearthPatched?: boolean
}

/** The same font file gives the same key, whichever copy of its bytes a document was handed. */
function fontKey(font: ParsedFont): string {
  font.hearthKey ??= `${font.stream.buffer.length}:${Object.entries(font.directory.tables).map(([tag, t]) => `${tag}${t.checkSum}`).join('')}`
  return font.hearthKey
}

const parsedTables = new Map<string, Record<string, unknown>>()

/**
 * pdfkit makes a fresh fontkit font for every document, which decodes Noto Sans's large layout tables (GSUB,
 * GPOS) again on its first line: a few hundred milliseconds per font, on every print. Every font of one file now
 * reads its tables from one store, decoded once per run. Tables are only ever read once decoded; each document
 * still has its own font object and glyph cache (a glyph records which characters it stood for in that document).
 */
function sharedTable(getTable: FontClassPrototype['_getTable']): FontClassPrototype['_getTable'] {
  return function (this: ParsedFont, table) {
    if (!this.hearthShared) {
      this.hearthShared = true
      const key = fontKey(this)
      const shared = parsedTables.get(key)
      if (!shared) parsedTables.set(key, this._tables)
      else {
        for (const [tag, decoded] of Object.entries(this._tables)) if (!(tag in shared)) shared[tag] = decoded
        this._tables = shared
      }
    }
    return getTable.call(this, table)
  }
}

interface Run {
  glyphs: FontGlyph[]
  positions: unknown[]
  advanceWidth: number
}

interface EmbeddedFontLayout {
  font: ParsedFont
  layoutRun(text: string): Run
}

// Shaped words by font file. pdfkit shapes text a word at a time and keeps the result for one document only; kept
// here, a word is shaped once per run. Each font's store is emptied when it grows past this many words, so a
// 200,000-person directory does not keep a million words alive.
const KEEP_SHAPED_WORDS = 50_000
const shapedWords = new Map<string, Map<string, Run>>()

function sharedLayout(this: EmbeddedFontLayout, text: string): Run {
  const key = fontKey(this.font)
  let words = shapedWords.get(key)
  if (!words) shapedWords.set(key, (words = new Map()))
  let run = words.get(text)
  if (!run) {
    if (words.size >= KEEP_SHAPED_WORDS) words.clear()
    run = this.layoutRun(text)
    words.set(text, run)
  }
  return run
}

/** Forgets every shaped word, as if no document had been printed yet in this run (for the bench's cold figures). */
export function forgetShapedWords(): void {
  shapedWords.clear()
}

type GetGlyph = (this: unknown, id: number, codePoints?: number[]) => FontGlyph

// fontkit keeps one glyph object per shape, carrying the letters of the first text that used it; the glyph handed
// out for other letters is a view of it that carries those letters instead.
function glyphForText(getGlyph: GetGlyph): GetGlyph {
  return function (this: unknown, id: number, codePoints: number[] = []) {
    const glyph = getGlyph.call(this, id, codePoints)
    if (codePoints.length === 0 || glyph.codePoints.join(',') === codePoints.join(',')) return glyph
    return Object.create(glyph, { codePoints: { value: codePoints } }) as FontGlyph
  }
}

/**
 * Copy-and-search of printed Arabic must give back the letters printed. Noto's Arabic fonts draw several letters
 * with one shared shape plus dots (ج and ح share a body), and pdfkit writes one Unicode value per glyph into the
 * PDF: whichever letter used that shape first. Each further letter drawn with the same shape gets its own copy of
 * the glyph in the subset, so every glyph maps back to exactly the text it was drawn for.
 */
function encodeWithAliases(this: EmbeddedFontLike, text: string, features?: unknown): [string[], unknown[]] {
  const { glyphs, positions } = this.layout(text, features)
  const codes: string[] = []
  for (const glyph of glyphs) {
    let gid = this.subset.includeGlyph(glyph.id)
    const known = this.unicode[gid]
    if (known != null && known.join(',') !== glyph.codePoints.join(',')) {
      this.hearthAliases ??= new Map()
      const key = `${glyph.id}:${glyph.codePoints.join(',')}`
      let alias = this.hearthAliases.get(key)
      if (alias === undefined) {
        this.subset.glyphs.push(glyph.id)
        alias = this.subset.glyphs.length - 1
        this.hearthAliases.set(key, alias)
      }
      gid = alias
    }
    codes.push(`0000${gid.toString(16)}`.slice(-4))
    this.widths[gid] ??= glyph.advanceWidth * this.scale
    this.unicode[gid] ??= glyph.codePoints
  }
  return [codes, positions]
}
