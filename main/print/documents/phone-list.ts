import type { Content, TableCell } from 'pdfmake/interfaces'
import type { DirectoryHousehold } from '../../../db/print'
import type { Measurer, TextStyle } from '../engine/measure'
import { wrapText } from '../engine/measure'
import type { BodyFrame, PrintDocument } from '../engine/pdf'
import { headerCell, ruledLayout } from '../engine/pdf'
import { emailFor, listNameFor, phonesFor, type Profile } from './profile'
import { say } from '../../i18n/say'

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

const TEXT: TextStyle = { size: 10 }
const HEAD: TextStyle = { size: 10, bold: true }
const LABEL: TextStyle = { size: 9, italics: true }
// A ruled cell's padding (4 pt each side) and its rule, plus a point so pdfmake never finds the line a hair too long.
const CELL = 10
// However long the emails, the name keeps this share of what the phone numbers leave.
const NAME_SHARE = 0.4

interface Row {
  name: string
  mobile: string | null
  other: string | null
  home: string | null
  email: string | null
}

/**
 * The width each column needs for what it holds: a phone number is never broken, so its column is as wide as the
 * widest number; the name and the email share what is left, the email wrapped at its "@", "." or a hyphen only
 * when it is longer than its share.
 */
export function phoneColumns(m: Measurer, rows: Row[], heads: [string, string, string, string], other: string, width: number): [number, number, number, number] {
  const widest = (values: string[], style: TextStyle, head: string) => Math.ceil(Math.max(m.width(head, HEAD), ...values.map((v) => m.width(v, style)))) + CELL
  const mobile = widest(
    rows.flatMap((r) => [r.mobile ?? '', r.other ? `${other} ${r.other}` : '']),
    TEXT,
    heads[1],
  )
  const home = widest(rows.map((r) => r.home ?? ''), TEXT, heads[2])
  const rest = width - mobile - home
  const email = Math.min(widest(rows.map((r) => r.email ?? ''), TEXT, heads[3]), Math.floor(rest * (1 - NAME_SHARE)))
  return [rest - email, mobile, home, email]
}

/** One line a person, by family name: mobile (and a second number, labelled), home phone and (for helpers) email. */
export function phoneListDocument(profile: Profile, households: DirectoryHousehold[], locale: string, m: Measurer): PrintDocument {
  const rows: Row[] = households
    .flatMap((h) => h.people.map((p) => ({ p, home: h.home_phone })))
    .sort((a, b) => collator.compare(a.p.last_name, b.p.last_name) || collator.compare(a.p.preferred_name || a.p.first_name, b.p.preferred_name || b.p.first_name))
    .map(({ p, home }) => {
      const [mobile = null, other = null] = phonesFor(profile, [p.mobile_phone, p.other_phone])
      return { name: listNameFor(profile, p), mobile, other, home: phonesFor(profile, [home])[0] ?? null, email: emailFor(profile, p.email) }
    })
  const heads: [string, string, string, string] = [say(locale, 'printed.col.name'), say(locale, 'printed.phoneList.mobile'), say(locale, 'printed.phoneList.home'), say(locale, 'printed.phoneList.email')]
  const other = say(locale, 'printed.phoneList.other')
  const content = (frame: BodyFrame): Content[] => {
    const widths = phoneColumns(m, rows, heads, other, frame.width)
    const lines = (text: string | null, column: number) => (text ? wrapText(m, text, TEXT, widths[column]! - CELL).join('\n') : '')
    const body: TableCell[][] = [heads.map(headerCell)]
    for (const r of rows) {
      body.push([
        { text: lines(r.name, 0) },
        { stack: [{ text: r.mobile ?? '' }, ...(r.other ? [{ text: [{ text: `${other} `, fontSize: LABEL.size, italics: true }, r.other] }] : [])] },
        { text: r.home ?? '' },
        { text: lines(r.email, 3) },
      ])
    }
    return [{ table: { headerRows: 1, dontBreakRows: true, widths, body }, layout: ruledLayout }]
  }
  return { title: say(locale, 'printed.phoneList.title'), subtitle: say(locale, 'printed.people', { count: rows.length }), profile, content }
}
