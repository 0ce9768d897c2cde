import ICAL from 'ical.js'
import { HearthError } from '../contract/errors'
import type { CsvField } from '../contract/members-csv'
import { EXPORT_HEADERS } from './columns'
import { type ParsedCsv, tableOf } from './file'

/** A file of contact cards, as phones, Google and Outlook export them: it starts with BEGIN:VCARD. */
export function isVCard(text: string): boolean {
  return /^\uFEFF?\s*BEGIN:VCARD\r?\n/i.test(text)
}

/** The columns a card becomes, named as Hearth's own export names them so the mapping is guessed at once. */
export const CARD_FIELDS = [
  'firstName', 'lastName', 'preferredName', 'mobilePhone', 'homePhone', 'otherPhone', 'email',
  'address1', 'address2', 'city', 'region', 'postalCode', 'country', 'birthday', 'tags', 'notes',
] as const satisfies readonly Exclude<CsvField, 'fullName'>[]
type CardField = (typeof CARD_FIELDS)[number]

/** [name, parameters, value type, value…] as ical.js gives each line of a card (jCard, RFC 7095). */
export type JCardProperty = [string, Record<string, string | string[]>, string, ...unknown[]]

/** Groups Google puts on every contact (in every language's export), which say nothing about the person. */
const NOT_GROUPS = new Set(['mycontacts', 'starred'])

function types(p: JCardProperty): string[] {
  const t = p[1].type
  const list = t === undefined ? [] : Array.isArray(t) ? t : [t]
  return list.flatMap((x) => x.split(',')).map((x) => x.trim().toLowerCase())
}

const preferred = (p: JCardProperty) => types(p).includes('pref') || p[1].pref !== undefined

function text(value: unknown): string {
  if (Array.isArray(value)) return value.map(text).filter(Boolean).join(', ')
  return typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value)
}

/** vCard 4.0 may write a number as a link ("tel:+1-555-0100;ext=2"). */
function phoneText(p: JCardProperty): string {
  return text(p[3]).replace(/^tel:/i, '').replace(/;ext=/i, ' ext. ')
}

function firstPreferred(list: JCardProperty[]): JCardProperty | undefined {
  return list.find(preferred) ?? list[0]
}

/** One card as a row of cells, in CARD_FIELDS order. Numbers and addresses beyond the first go to its notes. */
export function cardCells(properties: JCardProperty[]): Record<CardField, string> {
  const all = (name: string) => properties.filter((p) => p[0] === name)
  const cells = Object.fromEntries(CARD_FIELDS.map((f) => [f, ''])) as Record<CardField, string>
  const extra: string[] = []

  const n = all('n')[0]?.[3]
  const parts = Array.isArray(n) ? n.map(text) : [text(n)]
  cells.lastName = parts[0] ?? ''
  cells.firstName = [parts[1], parts[2]].filter(Boolean).join(' ')
  const full = text(all('fn')[0]?.[3])
  if (!cells.firstName && !cells.lastName && full) {
    const words = full.split(/\s+/)
    cells.lastName = words.length > 1 ? words.pop()! : ''
    cells.firstName = words.join(' ')
  }
  cells.preferredName = text(all('nickname')[0]?.[3]).split(',')[0]?.trim() ?? ''

  // Each number to its own field: a mobile, the home line, then the work or other number; the rest in the notes.
  const phones = all('tel')
  // A number with no kind (or only "voice") is most often a mobile today.
  const kind = (p: JCardProperty): CardField => {
    const t = types(p).filter((x) => x !== 'pref' && x !== 'voice')
    if (t.some((x) => x === 'cell' || x === 'mobile' || x === 'iphone' || x === 'text')) return 'mobilePhone'
    if (t.includes('home')) return 'homePhone'
    return t.length === 0 && !cells.mobilePhone ? 'mobilePhone' : 'otherPhone'
  }
  for (const p of [...phones.filter(preferred), ...phones.filter((p) => !preferred(p))]) {
    const number = phoneText(p)
    if (!number) continue
    const field = kind(p)
    if (!cells[field]) cells[field] = number
    else if (!cells.otherPhone) cells.otherPhone = number
    else extra.push(`Phone: ${number}`)
  }

  const emails = all('email')
  const email = firstPreferred(emails)
  cells.email = email ? text(email[3]) : ''
  for (const e of emails) if (e !== email && text(e[3])) extra.push(`Email: ${text(e[3])}`)

  const addresses = all('adr')
  const address = addresses.find((a) => types(a).includes('home')) ?? firstPreferred(addresses)
  if (address) {
    const [poBox = '', extended = '', street = '', city = '', region = '', postcode = '', country = ''] = (address.slice(3) as unknown[]).flatMap((v) =>
      Array.isArray(v) ? v.map(text) : [text(v)],
    )
    cells.address1 = street
    cells.address2 = [extended, poBox].filter(Boolean).join(', ')
    Object.assign(cells, { city, region, postalCode: postcode, country })
  }
  for (const a of addresses) if (a !== address) extra.push(`Address: ${text(a.slice(3))}`)

  // '--06-23' for a birthday without its year, '1980-03-14' or a date and time otherwise.
  cells.birthday = text(all('bday')[0]?.[3]).replace(/T.*$/, '')
  // ical.js has already split CATEGORIES on its unescaped commas: a group named "Choir, Tuesdays" stays whole.
  const groups = all('categories').flatMap((p) => p.slice(3).map(text))
  cells.tags = groups
    .map((g) => g.replace(/^\*\s*/, '').trim())
    .filter((g) => g && !NOT_GROUPS.has(g.toLowerCase()))
    .join('; ')
  cells.notes = [...all('note').map((p) => text(p[3])), ...extra].filter(Boolean).join('\n')
  return cells
}

/** Every card in a .vcf file (vCard 3.0 and 4.0, folded lines and escaped commas as ical.js reads them) as rows. */
export function vCardTable(source: string): ParsedCsv {
  let parsed: unknown
  try {
    parsed = ICAL.parse(source.replace(/^\uFEFF/, ''))
  } catch {
    throw new HearthError('invalid_input', 'errors.csv.vcardUnreadable')
  }
  const cards = (Array.isArray(parsed) && parsed[0] === 'vcard' ? [parsed] : (parsed as unknown[])) as [string, JCardProperty[]][]
  const rows = cards
    .filter((c) => Array.isArray(c) && c[0] === 'vcard' && Array.isArray(c[1]))
    .map((c) => {
      const cells = cardCells(c[1])
      return CARD_FIELDS.map((f) => cells[f])
    })
    .filter((cells) => cells.some((c) => c !== ''))
  return tableOf([CARD_FIELDS.map((f) => EXPORT_HEADERS[f]), ...rows], ',')
}
