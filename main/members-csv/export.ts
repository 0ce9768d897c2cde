import Papa from 'papaparse'
import type { ExportPerson } from '../../db/members-csv'
import { EXPORT_HEADERS } from './columns'
import { CONTACT_LABELS, DIETARY_LABELS, ROLE_LABELS, STATUS_LABELS } from '../contract/values'

/**
 * A cell a spreadsheet program could run as a formula gets an apostrophe in front, which Excel hides and Hearth's
 * importer removes: anything starting with =, +, -, @, a tab or a carriage return. That includes phone numbers
 * such as "+44 20 7946 0018" (Excel would otherwise read them as a sum, or drop the +) and "-2+3", which Excel
 * works out as 1. A lone "-" (a blank in many lists) is not a formula and stays as it is.
 */
export function guardFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) && cell !== '-' ? `'${cell}` : cell
}

/** Tags joined with semicolons; a lone tag with a comma gets a trailing semicolon so it is not split on re-import. */
function joinList(list: string[]): string {
  const joined = list.join('; ')
  return joined.includes(',') && !joined.includes(';') ? `${joined};` : joined
}

const COLUMNS = Object.keys(EXPORT_HEADERS) as (keyof typeof EXPORT_HEADERS)[]

function cells(p: ExportPerson): Record<keyof typeof EXPORT_HEADERS, string> {
  return {
    firstName: p.first_name,
    lastName: p.last_name,
    preferredName: p.preferred_name ?? '',
    mobilePhone: p.mobile_phone ?? '',
    homePhone: p.home_phone ?? '',
    otherPhone: p.other_phone ?? '',
    email: p.email ?? '',
    address1: p.address.address_line1 ?? '',
    address2: p.address.address_line2 ?? '',
    city: p.address.city ?? '',
    region: p.address.region ?? '',
    postalCode: p.address.postal_code ?? '',
    country: p.address.country ?? '',
    // A birthday without its year goes out as vCard and Google write one, and comes back in the same way.
    birthday: p.birthday ?? (p.birth_month_day ? `--${p.birth_month_day}` : ''),
    joinedOn: p.joined_on ?? '',
    status: STATUS_LABELS[p.status],
    preferredContact: p.preferred_contact ? CONTACT_LABELS[p.preferred_contact] : '',
    householdId: p.household_key ?? '',
    householdName: p.household_name ?? '',
    householdRole: p.household_role ? ROLE_LABELS[p.household_role] : '',
    tags: joinList(p.tags),
    skills: joinList(p.skills),
    dietary: p.dietary.map((d) => DIETARY_LABELS[d]).join('; '),
    dietaryNotes: p.dietary_notes ?? '',
    notes: p.notes.join('\n\n'),
  }
}

/** The CSV text, with a byte-order mark so Excel opens accents and other scripts correctly. */
export function membersToCsv(people: ExportPerson[]): string {
  const rows = people.map((p) => {
    const c = cells(p)
    return COLUMNS.map((k) => guardFormula(c[k]))
  })
  return `\uFEFF${Papa.unparse({ fields: COLUMNS.map((k) => EXPORT_HEADERS[k]), data: rows }, { newline: '\r\n', quotes: false })}\r\n`
}
