import { type ContactMethod, DIETARY_NEEDS, type DietaryNeed, type HouseholdRole, type MemberStatus } from '../contract/values'
import { foldForSearch } from '../../db/search-text'
import { compactHeading, EXPORT_HEADERS } from './columns'
import { parseMonthDay, parseSpreadsheetDate } from './dates'
import type { CsvField, DateOrder } from '../contract/members-csv'
import type { CsvAddress, CsvPerson } from '../../db/members-csv'
import { textProblem } from '../contract/text'

const fieldLabel = (f: CsvField) => (f === 'fullName' ? 'Full Name' : EXPORT_HEADERS[f])

/** A row Hearth can import, with what it changed on the way (said at the check step); or why it cannot. */
export type RowResult = { ok: true; person: CsvPerson; warnings: string[] } | { ok: false; problems: string[] }

// Each list: Hearth's value, then the words spreadsheets use for it, compared without case, spaces or punctuation.
const STATUS_WORDS: [MemberStatus, string[]][] = [
  ['member', ['member', 'members', 'active', 'activemember', 'fullmember', 'communicant', 'covenantmember']],
  ['regular_attender', ['regularattender', 'regular', 'attender', 'regularattendee', 'attendee', 'adherent', 'friend']],
  ['visitor', ['visitor', 'guest', 'firsttimeguest', 'firsttimevisitor', 'newcomer', 'prospect', 'firsttimer']],
  ['inactive', ['inactive', 'formermember', 'former', 'moved', 'movedaway', 'deceased', 'archived', 'left', 'lapsed', 'nonattender', 'nonattenderstaff']],
]

const ROLE_WORDS: [HouseholdRole, string[]][] = [
  ['head', ['head', 'headofhousehold', 'householdhead', 'primary', 'primarycontact', 'headofhouse', 'familyhead']],
  ['spouse', ['spouse', 'wife', 'husband', 'partner']],
  ['child', ['child', 'son', 'daughter', 'dependent', 'dependant', 'kid', 'minor', 'stepchild', 'grandchild']],
  ['other', ['other', 'adult', 'otheradult', 'relative', 'unassigned', 'parent', 'grandparent', 'member']],
]

const CONTACT_WORDS: [ContactMethod, string[]][] = [
  ['phone', ['phone', 'call', 'phonecall', 'telephone']],
  ['text', ['text', 'sms', 'textmessage', 'whatsapp']],
  ['email', ['email', 'mail']],
  ['post', ['post', 'letter', 'postal', 'postalmail']],
  ['none', ['none', 'donotcontact', 'nocontact', 'no']],
]

const DIETARY_WORDS: Record<DietaryNeed, string[]> = {
  vegetarian: ['vegetarian', 'veggie'],
  vegan: ['vegan'],
  halal: ['halal'],
  kosher: ['kosher'],
  gluten_free: ['glutenfree', 'coeliac', 'celiac', 'nogluten'],
  dairy_free: ['dairyfree', 'lactosefree', 'nodairy', 'lactoseintolerant'],
  nut_allergy: ['nutallergy', 'treenutallergy', 'nuts', 'nutfree', 'nonuts'],
  peanut_allergy: ['peanutallergy', 'peanuts', 'nopeanuts'],
  egg_allergy: ['eggallergy', 'eggs', 'noeggs'],
  shellfish_allergy: ['shellfishallergy', 'shellfish'],
  fish_allergy: ['fishallergy', 'fish'],
  soy_allergy: ['soyallergy', 'soy'],
  diabetic: ['diabetic', 'diabetes'],
  low_salt: ['lowsalt', 'lowsodium'],
  sesame_allergy: ['sesameallergy', 'sesame', 'nosesame'],
  celery_allergy: ['celeryallergy', 'celery', 'nocelery'],
  mustard_allergy: ['mustardallergy', 'mustard', 'nomustard'],
  sulphite_allergy: ['sulphiteallergy', 'sulfiteallergy', 'sulphites', 'sulfites', 'nosulphites', 'nosulfites'],
  lupin_allergy: ['lupinallergy', 'lupin', 'nolupin'],
  mollusc_allergy: ['molluscallergy', 'molluskallergy', 'molluscs', 'mollusks', 'nomolluscs'],
  no_pork: ['nopork', 'porkfree'],
  no_alcohol: ['noalcohol', 'alcoholfree', 'teetotal'],
}

// Statuses, roles and dietary words repeat on thousands of rows: fold each distinct spelling once.
const compacted = new Map<string, string>()
function compactValue(raw: string): string {
  let compact = compacted.get(raw)
  if (compact === undefined) {
    compact = compactHeading(raw)
    if (compacted.size > 5000) compacted.clear()
    compacted.set(raw, compact)
  }
  return compact
}

function lookup<T>(table: [T, string[]][], raw: string): T | null {
  const compact = compactValue(raw)
  return table.find(([, words]) => words.includes(compact))?.[0] ?? null
}

/** Tags as a cell holds them: "Choir; Youth" — or "Choir, Youth" when the cell has no semicolon. */
export function splitList(raw: string): string[] {
  if (raw === '') return []
  const parts = raw.includes(';') ? raw.split(';') : raw.split(',')
  const seen = new Set<string>()
  const out: string[] = []
  for (const part of parts) {
    const value = part.trim().replace(/\s+/g, ' ')
    if (value && !seen.has(value.toLowerCase())) {
      seen.add(value.toLowerCase())
      out.push(value)
    }
  }
  return out
}

/**
 * A cell's value: "-" and "n/a" mean blank, as people type them into spreadsheets, and the apostrophe Hearth's
 * export puts before a cell that a spreadsheet would otherwise run as a formula is taken off again.
 */
export function cleanCell(raw: string | undefined): string {
  const value = raw === undefined ? '' : raw.trim()
  if (value === '') return value
  const c = value[0]
  if ((c === '-' || c === '–' || c === '—' || c === 'n' || c === 'N') && /^(-+|–|—|n\/a)$/i.test(value)) return ''
  return c === "'" && /^'[=+\-@]/.test(value) ? value.slice(1) : value
}

/**
 * A number a spreadsheet program showed in scientific notation and saved that way ("4.47701E+11" for
 * 447701234567): the digits after the sixth are gone and no one can say what they were.
 */
const MANGLED_NUMBER = /^[+-]?\d(?:[.,]\d+)?E\+?\d+$/i
const LINE_BREAKS = /[\t ]*(?:\r\n|\r|\n)[\t ]*/g
/** Fields that are one line in Hearth: a line break typed into their cell (Alt+Enter in Excel) becomes a space. */
const MULTI_LINE = new Set<CsvField>(['notes', 'dietaryNotes'])

const EMAIL = /^[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[^\s@"'<>(),;:.]{2,}$/
const LIMITS = { name: 100, short: 200, long: 20_000 }

function quoted(value: string): string {
  return `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`
}

/** "Smith, John" or "John Smith" → first and last name (the last word is the surname). */
export function splitFullName(full: string): { first: string; last: string } {
  const comma = full.indexOf(',')
  if (comma >= 0) return { first: full.slice(comma + 1).trim(), last: full.slice(0, comma).trim() }
  const words = full.split(/\s+/).filter(Boolean)
  if (words.length <= 1) return { first: words[0] ?? '', last: '' }
  return { first: words.slice(0, -1).join(' '), last: words.at(-1)! }
}

// Which column holds each field, worked out once per mapping rather than once per row.
const columnCache = new WeakMap<(CsvField | null)[], Map<CsvField, number>>()
function columnsOf(mapping: (CsvField | null)[]): Map<CsvField, number> {
  let columns = columnCache.get(mapping)
  if (!columns) {
    columns = new Map()
    mapping.forEach((field, i) => {
      if (field && !columns!.has(field)) columns!.set(field, i)
    })
    columnCache.set(mapping, columns)
  }
  return columns
}

/** One row's values by field, and the problems found reading them. */
class RowValues {
  readonly problems: string[] = []

  readonly warnings: string[] = []

  constructor(
    private readonly cells: string[],
    private readonly columns: Map<CsvField, number>,
  ) {}

  raw(field: CsvField): string {
    const column = this.columns.get(field)
    if (column === undefined) return ''
    const value = cleanCell(this.cells[column])
    if (MULTI_LINE.has(field) || !/[\r\n\t]/.test(value)) return value
    return value.replace(LINE_BREAKS, ' ').replace(/\t/g, ' ')
  }

  /** The lines of a cell that may hold several (an address typed with Alt+Enter), blank lines dropped. */
  lines(field: CsvField): string[] {
    const column = this.columns.get(field)
    if (column === undefined) return []
    return cleanCell(this.cells[column])
      .split(/\r\n|\r|\n/)
      .map((l) => l.replace(/\t/g, ' ').trim())
      .filter(Boolean)
  }

  text(field: CsvField, label: string, max: number = LIMITS.short): string | null {
    const v = this.raw(field)
    if (!v) return null
    if (v.length > max) {
      this.problems.push(`the ${label} ${label.endsWith('notes') ? 'are' : 'is'} longer than ${max} characters`)
      return null
    }
    return v
  }

  phone(field: CsvField, label: string): string | null {
    const v = this.text(field, label, 40)
    if (v && !/\d/.test(v)) {
      this.problems.push(`the ${label} ${quoted(v)} has no digits in it`)
      return null
    }
    if (v && MANGLED_NUMBER.test(v)) {
      this.warnings.push(`the ${label} ${quoted(v)} lost its last digits in a spreadsheet program (it was shown as a short number), so it is left out: type it in Hearth afterwards`)
      return null
    }
    return v
  }

  date(field: CsvField, label: string, order: DateOrder, today: string, mayBeFuture: boolean): string | null {
    const v = this.raw(field)
    // Outlook writes "0/0/00" where no date was given.
    if (!v || /^0+[-/.]0+[-/.]0+$/.test(v)) return null
    const iso = parseSpreadsheetDate(v, order, today)
    if (!iso) {
      this.problems.push(`the ${label} ${quoted(v)} is not a date Hearth can read (use a date like 1980-03-14)`)
      return null
    }
    if (iso < '1900-01-01') {
      this.problems.push(`the ${label} ${quoted(v)} is before 1900`)
      return null
    }
    if (!mayBeFuture && iso > today) {
      this.problems.push(`the ${label} ${quoted(v)} is in the future`)
      return null
    }
    return iso
  }

  list(field: CsvField, label: string): string[] {
    const list = splitList(this.raw(field))
    const long = list.find((t) => t.length > 100)
    if (long) this.problems.push(`the ${label} ${quoted(long)} is longer than 100 characters`)
    if (list.length > 100) this.problems.push(`there are more than 100 ${label}s`)
    return long ? [] : list
  }
}

/**
 * Reads one row through the column mapping. Every problem in the row is reported, in plain words, so the
 * volunteer can fix them all in one pass.
 */
export function readRow(cells: string[], mapping: (CsvField | null)[], row: number, order: DateOrder, today: string): RowResult {
  const v = new RowValues(cells, columnsOf(mapping))
  const problems = v.problems
  // Line breaks and tabs are kept (folded where a field is one line); the one text rule judges the rest.
  const kindOf = (field: CsvField) => (field === 'notes' || field === 'dietaryNotes' ? 'lines' : /name/i.test(field) ? 'name' : 'line')
  const hidden = mapping.flatMap((field, i) => (field && textProblem((cells[i] ?? '').replace(/\r\n?|\n|\t/g, ' '), kindOf(field)) ? [field] : []))
  if (hidden.length > 0) {
    problems.push(`there is a hidden or broken character (such as a NUL, or a mark that turns the text round) in ${hidden.map(fieldLabel).join(', ')}; delete and retype that cell in your spreadsheet program`)
    return { ok: false, problems }
  }
  let first = v.text('firstName', 'first name', LIMITS.name) ?? ''
  let last = v.text('lastName', 'last name', LIMITS.name) ?? ''
  const full = v.text('fullName', 'name', LIMITS.name * 2)
  if (full && !first && !last) ({ first, last } = splitFullName(full))
  const preferred = v.text('preferredName', 'preferred name', LIMITS.name)
  if (!first && preferred) first = preferred
  if (!first) problems.push('there is no first name')
  if (!last) problems.push('there is no last name')

  const mobile = v.phone('mobilePhone', 'mobile phone')
  const home = v.phone('homePhone', 'home phone')
  const other = v.phone('otherPhone', 'other phone')

  const email = v.text('email', 'email', 200)
  if (email && !EMAIL.test(email)) problems.push(`the email ${quoted(email)} is not an email address`)

  const birthdayRaw = v.raw('birthday')
  const birthMonthDay = birthdayRaw ? parseMonthDay(birthdayRaw, order) : null
  const birthday = birthMonthDay ? null : v.date('birthday', 'birthday', order, today, false)
  const joined = v.date('joinedOn', 'joining date', order, today, true)

  // Churches name their own statuses ("Participant", "In Progress"): one Hearth does not know is kept as a tag.
  let status: MemberStatus = 'member'
  let statusTag: string | null = null
  const statusRaw = v.raw('status')
  if (statusRaw) {
    const found = lookup(STATUS_WORDS, statusRaw)
    if (found) status = found
    else if (statusRaw.length > 100) problems.push(`the membership status ${quoted(statusRaw)} is longer than 100 characters`)
    else {
      statusTag = statusRaw.replace(/\s+/g, ' ')
      v.warnings.push(`the membership status ${quoted(statusRaw)} is not one Hearth knows, so they come in as a member with the tag ${quoted(statusTag)}`)
    }
  }

  let contact: ContactMethod | null = null
  const contactRaw = v.raw('preferredContact')
  if (contactRaw) {
    contact = lookup(CONTACT_WORDS, contactRaw)
    if (!contact) problems.push(`the preferred contact ${quoted(contactRaw)} is not one Hearth knows (use phone, text, email, post or none)`)
  }

  // Roles Hearth does not know still keep the person in the household, as "other".
  const roleRaw = v.raw('householdRole')
  const role = roleRaw ? (lookup(ROLE_WORDS, roleRaw) ?? 'other') : null

  const dietary: DietaryNeed[] = []
  const unknownDiet: string[] = []
  for (const item of splitList(v.raw('dietary'))) {
    const compact = compactValue(item)
    const need = DIETARY_NEEDS.find((n) => DIETARY_WORDS[n].includes(compact))
    if (need) {
      if (!dietary.includes(need)) dietary.push(need)
    } else unknownDiet.push(item)
  }
  let dietNotes: string | null = [v.text('dietaryNotes', 'dietary notes', 1000), ...unknownDiet].filter(Boolean).join('; ') || null
  if (dietNotes && dietNotes.length > 1000) {
    problems.push('the dietary notes are longer than 1000 characters')
    dietNotes = null
  }

  const tags = v.list('tags', 'tag')
  if (statusTag && !tags.some((t) => t.toLowerCase() === statusTag.toLowerCase())) tags.push(statusTag)
  const skills = v.list('skills', 'skill')

  // An address typed over several lines in one cell: its first line is the street, the rest go on the second line.
  const [street = '', ...moreLines] = v.lines('address1')
  const secondLine = [...moreLines, ...v.lines('address2')].join(', ')
  if (street.length > 200) problems.push('the address is longer than 200 characters')
  if (secondLine.length > 200) problems.push('the second address line is longer than 200 characters')
  const address: CsvAddress = {
    address_line1: street && street.length <= 200 ? street : null,
    address_line2: secondLine && secondLine.length <= 200 ? secondLine : null,
    city: v.text('city', 'town or city', 100),
    region: v.text('region', 'state or county', 100),
    postal_code: v.text('postalCode', 'postcode', 20),
    country: v.text('country', 'country', 100),
  }
  // ChurchCRM writes Family ID 0 (or leaves it blank) for someone in no family.
  const householdKeyRaw = v.text('householdId', 'household ID', 100)
  const householdKey = householdKeyRaw !== null && /^0+$/.test(householdKeyRaw) ? null : householdKeyRaw
  const householdName = v.text('householdName', 'household name')
  const notes = v.text('notes', 'notes', LIMITS.long)

  if (problems.length > 0) return { ok: false, problems }
  return {
    ok: true,
    warnings: v.warnings,
    person: {
      row,
      first_name: first,
      last_name: last,
      preferred_name: preferred && preferred !== first ? preferred : null,
      mobile_phone: mobile,
      other_phone: other,
      home_phone: home,
      email,
      address,
      birthday,
      birth_month_day: birthMonthDay,
      joined_on: joined,
      status,
      preferred_contact: contact,
      household_key: householdKey,
      household_name: householdName,
      household_role: role,
      tags,
      skills,
      dietary,
      dietary_notes: dietNotes,
      notes,
    },
  }
}

/** The last nine digits of a phone, so "+44 7700 900123" and "07700 900123" count as the same number. */
function phoneKey(phone: string | null | undefined): string | null {
  if (!phone) return null
  const digits = phone.replace(/\D+/g, '')
  return digits.length < 6 ? null : digits.slice(-9)
}

// Names repeat (a family shares a surname; first names recur): fold each distinct one once per import.
const folded = new Map<string, string>()
function foldName(name: string): string {
  let f = folded.get(name)
  if (f === undefined) {
    f = foldForSearch(name)
    if (folded.size > 20_000) folded.clear()
    folded.set(name, f)
  }
  return f
}

function joinName(first: string, last: string): string {
  const f = foldName(first)
  const l = foldName(last)
  return f && l ? `${f} ${l}` : f || l
}

export interface DuplicateCandidate {
  first_name: string
  last_name: string
  preferred_name?: string | null
  email?: string | null
  phones: (string | null | undefined)[]
  birthday?: string | null
  /** The spreadsheet's family or household id, when the person is (or would be) in a household imported with one. */
  household_key?: string | null
}

/** What a person is recognised by: their name spellings, and their email, phones, birthday and household id. */
export interface DuplicateKeys {
  names: string[]
  contacts: string[]
}

/**
 * Finds people who look like someone already known: the same name (ignoring case and accents, or the same
 * preferred name) and the same email, phone, birthday or spreadsheet household id. A shared name alone is not
 * enough — congregations have two John Smiths.
 */
export class DuplicateIndex {
  /** Folded name → contact (email, phone, birthday, household id) → who it is: a lookup never scans namesakes. */
  private byName = new Map<string, Map<string, string>>()

  /** Work these out once per person and pass them to find and add. */
  static keys(p: DuplicateCandidate): DuplicateKeys {
    const contacts: string[] = []
    for (const phone of p.phones) {
      const key = phoneKey(phone)
      if (key !== null) contacts.push(key)
    }
    const email = p.email?.trim().toLowerCase()
    if (email) contacts.push(email)
    if (p.birthday) contacts.push(`born ${p.birthday}`)
    if (p.household_key) contacts.push(`household ${p.household_key}`)
    const names = [joinName(p.first_name, p.last_name)]
    if (p.preferred_name) names.push(joinName(p.preferred_name, p.last_name))
    return { names, contacts }
  }

  add(keys: DuplicateKeys, label: string): void {
    if (keys.contacts.length === 0) return
    for (const name of keys.names) {
      let byContact = this.byName.get(name)
      if (!byContact) this.byName.set(name, (byContact = new Map()))
      for (const c of keys.contacts) if (!byContact.has(c)) byContact.set(c, label)
    }
  }

  find(keys: DuplicateKeys): string | null {
    for (const name of keys.names) {
      const byContact = this.byName.get(name)
      if (!byContact) continue
      for (const c of keys.contacts) {
        const label = byContact.get(c)
        if (label !== undefined) return label
      }
    }
    return null
  }
}
