import { EXPORT_HEADERS } from './columns'
import { type ParsedCsv, tableOf } from './file'
import { CARD_FIELDS, cardCells, type JCardProperty } from './vcard'

// Google Contacts (and Outlook.com, which writes the same file) number each kind of value — "Phone 1 - Label",
// "Phone 1 - Value", "E-mail 2 - Value", "Address 1 - City" — and put several in one cell as "a ::: b".
const NUMBERED = /^(e-?mail|phone|address|website|relation|event|im|custom field|organization) (\d+) - (.+)$/i
const MULTI = ' ::: '

/** A contacts file from Google or Outlook.com: its values sit in numbered columns no other program writes. */
export function isContactsCsv(headers: string[]): boolean {
  return headers.some((h) => /^(e-?mail|phone) 1 - value$/i.test(h.trim()))
}

const split = (cell: string | undefined) =>
  (cell ?? '')
    .split(MULTI)
    .map((v) => v.trim())
    .filter(Boolean)

/**
 * One contact as the lines of a contact card, so it is read by the same rules as a .vcf file: each phone by its
 * label (Mobile, Home, Work…) to its field, the first email and home address, groups ("Labels" or the older
 * "Group Membership") as tags.
 */
function contactProperties(headers: string[], cells: string[]): JCardProperty[] {
  const plain = new Map<string, string>()
  const numbered = new Map<string, Map<string, string>>()
  headers.forEach((h, i) => {
    const value = cells[i] ?? ''
    const m = NUMBERED.exec(h.trim())
    if (!m) {
      plain.set(h.trim().toLowerCase(), value)
      return
    }
    const key = `${m[1]!.toLowerCase().replace('-', '')} ${m[2]}`
    let fields = numbered.get(key)
    if (!fields) numbered.set(key, (fields = new Map()))
    fields.set(m[3]!.trim().toLowerCase(), value)
  })
  const get = (...names: string[]) => names.map((n) => plain.get(n)?.trim() ?? '').find(Boolean) ?? ''
  const props: JCardProperty[] = [
    ['n', {}, 'text', [get('last name', 'family name'), get('first name', 'given name'), get('middle name', 'additional name')]],
    ['fn', {}, 'text', get('name', 'file as')],
  ]
  const nickname = get('nickname')
  if (nickname) props.push(['nickname', {}, 'text', nickname])
  const birthday = get('birthday')
  if (birthday) props.push(['bday', {}, 'text', birthday])
  const notes = get('notes')
  if (notes) props.push(['note', {}, 'text', notes])
  const groups = [...split(plain.get('labels')), ...split(plain.get('group membership'))]
  if (groups.length) props.push(['categories', {}, 'text', ...groups])

  for (const [key, fields] of numbered) {
    const kind = key.split(' ')[0]
    const label = (fields.get('label') ?? fields.get('type') ?? '').replace(/^\*\s*/, '')
    const params: Record<string, string> = label ? { type: label } : {}
    if (kind === 'phone' || kind === 'email') {
      for (const value of split(fields.get('value'))) props.push([kind === 'phone' ? 'tel' : 'email', params, 'text', value])
    } else if (kind === 'address') {
      const part = (name: string) => split(fields.get(name)).join(', ')
      const street = fields.get('street') ?? ''
      const formatted = fields.get('formatted') ?? ''
      // Only the formatted address may be given: its first line is the street, as a card's would be.
      const parts = [part('po box'), part('extended address'), street.trim() || formatted.trim(), part('city'), part('region'), part('postal code'), part('country')]
      if (parts.some(Boolean)) props.push(['adr', params, 'text', parts])
    }
  }
  return props
}

/** A Google or Outlook.com contacts file as rows in Hearth's own columns, one per contact. */
export function contactsTable(csv: ParsedCsv): ParsedCsv {
  const rows = csv.rows.map((cells) => {
    const card = cardCells(contactProperties(csv.headers, cells))
    return CARD_FIELDS.map((f) => card[f])
  })
  return tableOf([CARD_FIELDS.map((f) => EXPORT_HEADERS[f]), ...rows.filter((r) => r.some((c) => c !== ''))], csv.delimiter)
}
