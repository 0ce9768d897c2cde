import type { Content } from 'pdfmake/interfaces'
import type { DirectoryHousehold, DirectoryPerson } from '../../../db/print'
import {
  DEFAULT_DIRECTORY_FIELDS,
  DEFAULT_DIRECTORY_STATUSES,
  type DirectoryField,
  type DirectoryOptions,
  type DirectoryStatus,
} from '../../contract/print'
import { STATUS_LABELS } from '../../contract/values'
import { columnWidth, flowColumns, type Line, type Unit } from '../engine/flow'
import type { Measurer, TextStyle } from '../engine/measure'
import { wrapText } from '../engine/measure'
import { type BodyFrame, type PrintDocument, SUBTITLE_SIZE, TITLE_SIZE } from '../engine/pdf'
import { addressFor, dietaryFor, emailFor, joinNames, notesFor, phonesFor, type Profile, surnameInitial } from './profile'
import { dietWords, parseDietary } from './words'
import { say } from '../../i18n/say'

export interface ResolvedDirectoryOptions {
  columns: 1 | 2 | 3
  statuses: readonly DirectoryStatus[]
  fields: ReadonlySet<DirectoryField>
  cover: boolean
  booklet: boolean
}

/** The options as asked, with the defaults filled in: the noticeboard copy is compact, in three columns. */
export function resolveDirectoryOptions(profile: Profile, options: DirectoryOptions | undefined): ResolvedDirectoryOptions {
  return {
    columns: options?.columns ?? (options?.booklet ? 1 : profile === 'noticeboard' ? 3 : 2),
    statuses: options?.statuses ?? DEFAULT_DIRECTORY_STATUSES,
    fields: new Set(options?.fields ?? DEFAULT_DIRECTORY_FIELDS),
    // A booklet always has a cover: it is the front of the fold.
    cover: (options?.cover ?? false) || (options?.booklet ?? false),
    booklet: options?.booklet ?? false,
  }
}

const NAME: TextStyle = { size: 10.5, bold: true }
const TEXT: TextStyle = { size: 9.5 }
const DETAIL: TextStyle = { size: 9, italics: true }
const LETTER: TextStyle = { size: 14, bold: true }
const BOARD_NAME: TextStyle = { size: 10 }
const INDENT = 8
const CONFIDENTIAL = '#a30000'
const NBSP = '\u00a0'

const firstOf = (p: DirectoryPerson) => (p.preferred_name || p.first_name).trim()

// Made once: a segmenter is costly to create, and a 1,000-person directory files every household.
const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/** The letter a household files under: "Ó Riain" under O, "Álvarez" under A, "Παπαδοπούλου" under Π. */
export function filingLetter(lastName: string): string {
  const [first] = GRAPHEMES.segment(lastName.trim())
  if (!first) return '#'
  const base = first.segment.normalize('NFD').replace(/\p{M}+/gu, '')
  return /\p{L}/u.test(base) ? base.toLocaleUpperCase() : '#'
}

/** "14 Mar": the day and month only, a birth year is nobody's business. */
function birthdayWords(day: string, locale: string): string | null {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T00:00:00Z`) : null
  if (!date || Number.isNaN(date.getTime())) return null
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(date).replace(/\s/g, NBSP)
}

function ownAddress(p: DirectoryPerson): boolean {
  return [p.address_line1, p.address_line2, p.city, p.region, p.postal_code, p.country].some((v) => v?.trim())
}

/**
 * A phone number or email is printed after its owner's first name when both fit, or on the line below the name
 * when they do not. A phone number's groups stay together; an email too long for the column wraps only at its "@"
 * or a "." or hyphen, never inside a word, so the column keeps its width for every other entry.
 */
function tokenLines(m: Measurer, who: string, token: string, width: number): Line[] {
  const whole = token.replace(/ /g, NBSP)
  const combined = who ? `${who}  ${token}` : token
  if (m.width(combined, TEXT) <= width - INDENT) return [{ text: combined, style: TEXT, indent: INDENT }]
  return [...(who ? [{ text: who, style: TEXT, indent: INDENT }] : []), ...wrapText(m, whole, TEXT, width - INDENT * 2).map((text) => ({ text, style: TEXT, indent: INDENT * 2 }))]
}

function wrapped(m: Measurer, text: string, style: TextStyle, width: number, extra: Partial<Line> = {}): Line[] {
  const indent = extra.indent ?? INDENT
  return wrapText(m, text, style, width - indent).map((t, i) => ({ ...extra, text: t, style, indent: i === 0 ? indent : indent + INDENT }))
}

/** What a helper's copy shows of one household, as lines for a column `width` wide. */
function householdLines(profile: Profile, h: DirectoryHousehold, fields: ReadonlySet<DirectoryField>, m: Measurer, width: number, locale: string): Line[] {
  const single = h.people.length === 1
  const surname = h.people[0]?.last_name.trim() ?? ''
  // Names are given once: the household's name, then first names, with a family name only where it differs.
  const lines: Line[] = wrapped(m, h.id === null ? h.display_name : h.display_name.trim() || surname, NAME, width, { indent: 0 })
  if (!single || h.id !== null) {
    const names = h.people.map((p) => (p.last_name.trim() && p.last_name.trim() !== surname ? `${firstOf(p)} ${p.last_name.trim()}` : firstOf(p)))
    if (!single || names[0] !== h.display_name.trim()) lines.push(...wrapped(m, names.join(', '), TEXT, width))
  }
  const who = (p: DirectoryPerson) => (single ? '' : firstOf(p))

  if (fields.has('address')) {
    for (const line of addressFor(profile, h)) lines.push(...wrapped(m, line, TEXT, width))
    for (const p of h.people) {
      if (!ownAddress(p)) continue
      const own = addressFor(profile, p).join(', ')
      if (own) lines.push(...wrapped(m, single ? own : `${firstOf(p)}: ${own}`, TEXT, width))
    }
  }
  if (fields.has('phones')) {
    for (const phone of phonesFor(profile, [h.home_phone])) lines.push(...tokenLines(m, say(locale, 'printed.directory.home'), phone, width))
    for (const p of h.people) {
      for (const phone of phonesFor(profile, [p.mobile_phone, p.other_phone])) lines.push(...tokenLines(m, who(p), phone, width))
    }
  }
  if (fields.has('email')) {
    for (const p of h.people) {
      const email = emailFor(profile, p.email)
      if (email) lines.push(...tokenLines(m, who(p), email, width))
    }
  }
  if (fields.has('birthdays')) {
    const birthdays = h.people.flatMap((p) => {
      const day = p.birthday ? birthdayWords(p.birthday, locale) : null
      return day ? [single ? day : `${firstOf(p)}${NBSP}${day}`] : []
    })
    if (birthdays.length) lines.push(...wrapped(m, say(locale, 'printed.directory.birthday', { days: birthdays.join(', ') }), TEXT, width))
  }
  if (fields.has('diet')) {
    for (const p of h.people) {
      const diet = dietaryFor(profile, dietWords(parseDietary(p.dietary), locale), p.dietary_notes)
      if (diet.length) lines.push(...wrapped(m, say(locale, 'printed.label', { label: single ? say(locale, 'printed.directory.diet') : say(locale, 'printed.directory.dietOf', { name: firstOf(p) }), value: diet.join(', ') }), DETAIL, width))
    }
  }
  if (fields.has('notes')) {
    for (const p of h.people) {
      for (const note of notesFor(profile, p.notes)) {
        const label = note.confidential ? `${single ? say(locale, 'printed.directory.confidential') : say(locale, 'printed.directory.confidentialOf', { name: firstOf(p) })}: ` : single ? '' : `${firstOf(p)}: `
        lines.push(...wrapped(m, `${label}${note.body}`, DETAIL, width, note.confidential ? { color: CONFIDENTIAL } : {}))
      }
    }
  }
  return lines
}

/**
 * The noticeboard entry: first names and the family initial once — "Ada, Tunde and Chidi O.". No-break spaces keep
 * the last name and its initial ("Chidi Ó R.") on one line.
 */
export function noticeboardEntry(h: Pick<DirectoryHousehold, 'people'>): string {
  const hold = (text: string) => text.replace(/ /g, NBSP)
  const surnames = new Set(h.people.map((p) => p.last_name.trim()))
  if (surnames.size === 1) {
    const initial = surnameInitial([...surnames][0]!)
    const names = h.people.map(firstOf)
    const last = names.pop()!
    return joinNames([...names, hold([last, initial].filter(Boolean).join(' '))])
  }
  return joinNames(h.people.map((p) => hold([firstOf(p), surnameInitial(p.last_name)].filter(Boolean).join(' '))))
}

function statusWords(statuses: readonly DirectoryStatus[], locale: string): string {
  const list = statuses.map((s) => (s in STATUS_LABELS ? say(locale, `printed.directory.who.${s}`) : s))
  const text = joinNames(list, locale)
  return text.charAt(0).toUpperCase() + text.slice(1)
}

// Arabic type sets taller lines than Latin: on a booklet's half page the cover starts higher, so its notice stays on it.
const ARABIC = /\p{sc=Arabic}/u
const HALF_PAGE_ARABIC_COVER_TOP = 80

function coverPage(congregation: string, address: string, printedOn: string, profile: Profile, locale: string, frame: BodyFrame): Content[] {
  const notice = say(locale, profile === 'noticeboard' ? 'printed.directory.cover.noticeboard' : 'printed.directory.cover.private')
  const top = (frame.paper === 'A5' || frame.paper === 'HalfLetter') && ARABIC.test(notice) ? HALF_PAGE_ARABIC_COVER_TOP : 150
  return [
    { text: congregation || say(locale, 'printed.directory.cover.congregation'), fontSize: 30, bold: true, alignment: 'center', margin: [0, top, 0, 12] },
    ...(address ? [{ text: address, fontSize: 13, alignment: 'center', margin: [0, 0, 0, 24] } as Content] : []),
    { text: say(locale, 'printed.directory.cover.title'), fontSize: 22, alignment: 'center', margin: [0, 0, 0, 30] },
    { text: printedOn, fontSize: 12, alignment: 'center', margin: [0, 0, 0, 60] },
    profile === 'noticeboard'
      ? { text: notice, fontSize: 11, alignment: 'center' }
      : {
          text: notice,
          fontSize: 12,
          bold: true,
          alignment: 'center',
          margin: [60, 0, 60, 0],
        },
    { text: '', pageBreak: 'after' },
  ]
}

export interface DirectoryInput {
  profile: Profile
  households: DirectoryHousehold[]
  options: ResolvedDirectoryOptions
  measurer: Measurer
  locale: string
  congregation: string
  /** The congregation's address, for the cover. */
  address?: string
  printedOn: string
  /** Told how many households are laid out so far, of how many. */
  progress?: (done: number, total: number) => void
}

/** The directory's input without the people and the measurer: what the print worker is sent. */
export type DirectoryRequest = Omit<DirectoryInput, 'households' | 'measurer' | 'progress'>

// notesFor() decides what prints; reading no more than that keeps a slip in a document from leaking a note.
const NOTES_READ = { noticeboard: 'none', volunteer: 'ordinary', coordinator: 'all' } as const

/** Whom the directory reads from the database, and which of their notes: no note is read that will not print. */
export function directoryQuery(request: Pick<DirectoryRequest, 'profile' | 'options'>): { notes: 'none' | 'ordinary' | 'all'; statuses: readonly DirectoryStatus[] } {
  return { notes: request.options.fields.has('notes') ? NOTES_READ[request.profile] : 'none', statuses: request.options.statuses }
}

const PROGRESS_EVERY = 500

/**
 * How much taller the first page's title and subtitle print than the frame allows for Latin type: Arabic type
 * stands half as tall again, and the columns under an Arabic title start lower.
 */
function tallTitle(m: Measurer, title: string, subtitle: string): number {
  const heading: TextStyle = { size: TITLE_SIZE, bold: true }
  const under: TextStyle = { size: SUBTITLE_SIZE }
  return m.lineHeight(heading, title) - m.lineHeight(heading) + m.lineHeight(under, subtitle) - m.lineHeight(under)
}

/**
 * The member directory, laid out like a published church directory: households in A–Z order under letter
 * headings, in the one to three columns chosen, each household kept whole in one column, phone numbers never
 * broken, an email too long for its column wrapped only at its "@", "." or a hyphen, names given once.
 */
export function directoryDocument(input: DirectoryInput): PrintDocument {
  const { profile, households, options, measurer: m } = input
  const people = households.reduce((n, h) => n + h.people.length, 0)
  const subtitle = [
    statusWords(options.statuses, input.locale),
    say(input.locale, 'printed.directory.counts', { households: households.length, people }),
  ].join(' · ')

  const title = say(input.locale, 'printed.directory.title')
  const pages = (frame: BodyFrame): Content[][] => {
    const columns = options.columns
    const width = columnWidth(frame, columns)
    const units: Unit[] = []
    let letter = ''
    for (const [index, h] of households.entries()) {
      if (index % PROGRESS_EVERY === 0) input.progress?.(index, households.length)
      const lines =
        profile === 'noticeboard'
          ? wrapText(m, noticeboardEntry(h), BOARD_NAME, width).map((text, i): Line => ({ text, style: BOARD_NAME, indent: i ? INDENT : 0 }))
          : householdLines(profile, h, options.fields, m, width, input.locale)
      const own = filingLetter(h.people[0]?.last_name ?? h.display_name)
      if (own !== letter) {
        letter = own
        lines.unshift({ text: letter, style: LETTER, color: '#1f3d66', gap: 0 })
        lines[1] = { ...lines[1]!, gap: 2 }
        units.push({ lines, gap: 10 })
      } else {
        units.push({ lines, gap: profile === 'noticeboard' ? 3 : 7 })
      }
    }
    if (!units.length) return [[{ text: say(input.locale, 'printed.directory.nobody'), italics: true }]]
    const cover = options.cover ? coverPage(input.congregation, input.address ?? '', input.printedOn, profile, input.locale, frame) : []
    // With a cover, the title sits on the cover and the columns start on a fresh page.
    const flowed = flowColumns(m, frame, units, columns, options.cover ? 0 : frame.titleHeight + tallTitle(m, title, subtitle)).map((page) => [page])
    return cover.length ? [cover, ...flowed] : flowed
  }
  return { title, subtitle, profile, content: (frame) => pages(frame).flat(), pages, booklet: options.booklet }
}
