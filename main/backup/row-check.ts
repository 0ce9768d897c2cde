import { z } from 'zod'
import type { BackupImage } from '../../db/backup'
import { SettingsSchema } from '../contract/app'
import { AskFieldsSchema, OfferFieldsSchema } from '../contract/care'
import type { Said } from '../contract/errors'
import { MealTrainFieldsSchema } from '../contract/meal-trains'
import { AddressSchema, HouseholdFieldsSchema, membersContract, PersonFieldsSchema } from '../contract/members'
import { isoDate, timeOfDay } from '../contract/validation'
import { issueWords } from '../i18n/issue-words'

// Every row a restore would bring in must pass the rules the contract holds for what a volunteer can type: the
// schema check proves the file has Hearth's tables, SQLite's own checks prove its NOT NULL and CHECK constraints,
// and these rules prove the values themselves — the JSON in a settings row or a dietary list, the dates, the
// names — so a crafted file cannot make later reads fail. Each column's rule is the contract's own field schema
// where the contract has one; columns named as dates, instants or times get the contract's rule for those.

/** One column's rule: the contract's schema for the stored value, read as JSON first when Hearth stores JSON. */
interface ColumnRule {
  schema: z.ZodType
  json?: boolean
}

const plain = (schema: z.ZodType): ColumnRule => ({ schema })
const json = (schema: z.ZodType): ColumnRule => ({ schema, json: true })

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/
/** A moment as Hearth stores it: ISO-8601, a real date and time. */
const instant = () => z.string().refine((v) => INSTANT.test(v) && !Number.isNaN(Date.parse(v)), 'errors.backup.row.instant')

const person = PersonFieldsSchema.shape
const address = AddressSchema.shape
const household = HouseholdFieldsSchema.shape
const train = MealTrainFieldsSchema.shape
const offer = OfferFieldsSchema.shape
const ask = AskFieldsSchema.shape

const ADDRESS: Record<string, ColumnRule> = {
  address_line1: plain(address.line1),
  address_line2: plain(address.line2),
  city: plain(address.city),
  region: plain(address.region),
  postal_code: plain(address.postalCode),
  country: plain(address.country),
}


const TABLES: Record<string, Record<string, ColumnRule>> = {
  people: {
    ...ADDRESS,
    first_name: plain(person.firstName),
    last_name: plain(person.lastName),
    preferred_name: plain(person.preferredName),
    household_role: plain(person.householdRole),
    mobile_phone: plain(person.mobilePhone),
    other_phone: plain(person.otherPhone),
    email: plain(person.email),
    birthday: plain(person.birthday),
    joined_on: plain(person.joinedOn),
    status: plain(person.status),
    preferred_contact: plain(person.preferredContact),
    dietary: json(person.dietary),
    dietary_notes: plain(person.dietaryNotes),
  },
  households: {
    ...ADDRESS,
    display_name: plain(household.displayName),
    home_phone: plain(household.homePhone),
    anniversary: plain(household.anniversary),
  },
  person_tags: { value: plain(z.string().min(1, 'validation.required').transform((v): string[] | undefined => [v]).pipe(person.tags)) },
  person_notes: { body: plain(membersContract['members.addNote'].input.shape.body) },
  person_blackouts: { note: plain(membersContract['members.addBlackout'].input.shape.note) },
  meal_trains: {
    recipient_name: plain(train.recipientName),
    reason: plain(train.reason),
    address: plain(train.address),
    instructions: plain(train.instructions),
    dietary: json(train.dietary),
    dietary_notes: plain(train.dietaryNotes),
    favourite_meals: plain(train.favouriteMeals),
    disliked_meals: plain(train.dislikedMeals),
    coordinator_name: plain(train.coordinatorName),
    coordinator_phone: plain(train.coordinatorPhone),
    kind: plain(train.kind),
    title: plain(train.title),
    care_what: plain(train.careWhat),
    care_where: plain(train.careWhere),
    care_when: plain(train.careWhen),
    ride_pickup: plain(train.ridePickup),
    ride_destination: plain(train.rideDestination),
    ride_appointment: plain(train.rideAppointment),
    day_one_label: plain(train.dayOneLabel),
    // Hearth writes the household's needs as it showed them: a list of people, each with a list of needs.
    household_needs_seen: json(z.array(z.looseObject({ dietary: z.array(z.string()).optional() })).nullable()),
  },
  care_offers: {
    title: plain(offer.title),
    kinds: json(offer.kinds),
    notes: plain(offer.notes),
  },
  care_asks: {
    recipient_name: plain(ask.recipientName),
    kind: plain(ask.kind),
  },
  history_changes: { channel: plain(z.string().regex(/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/, 'errors.backup.row.channel').max(100)) },
  history_rows: {
    row_key: json(z.array(z.unknown()).min(1)),
    new_key: json(z.array(z.unknown()).min(1).nullable()),
  },
}

/** Settings Hearth keeps beside the volunteer's: what a backup stamps on its copy, and the calendar's identity. */
const KEPT_SETTINGS: Record<string, z.ZodType> = {
  backupMadeAt: instant(),
  lastBackupAt: instant(),
  lastBackupEncrypted: z.boolean(),
  calendarId: z.string().min(1).max(100),
  messageTemplates: z.record(z.string(), z.string()),
}

/** Settings later reads count on, by the version whose migration made them (the calendar's identity: 0007). */
const REQUIRED_SETTINGS: Record<string, number> = { calendarId: 7 }

const DAY_COLUMNS = new Set(['date', 'local_date', 'from_date', 'until_date', 'on_date'])
const TIME_COLUMNS = new Set(['window_from', 'window_to', 'time_from', 'time_to', 'ride_appointment'])

/** The rule a column's name gives it where its table says nothing more: days, moments and times of day. */
function ruleByName(column: string): ColumnRule | null {
  if (column === 'at' || column.endsWith('_at')) return plain(instant().nullable())
  if (column.endsWith('_on') || DAY_COLUMNS.has(column)) return plain(isoDate().nullable())
  if (TIME_COLUMNS.has(column)) return plain(timeOfDay().nullable())
  return null
}

function ruleFor(table: string, column: string): ColumnRule | null {
  return TABLES[table]?.[column] ?? ruleByName(column)
}

/** What is wrong with one stored value, as catalog words; null when it passes. */
function problemWith(rule: ColumnRule, stored: unknown): Said | null {
  let value = stored
  if (rule.json) {
    if (stored === null) value = null
    else if (typeof stored !== 'string') return { id: 'errors.backup.row.notJson' }
    else {
      try {
        value = JSON.parse(stored)
      } catch {
        return { id: 'errors.backup.row.notJson' }
      }
    }
  }
  const checked = rule.schema.safeParse(value)
  return checked.success ? null : issueWords(checked.error.issues[0]!)
}

/** A value the history marks as erased for privacy: it stands for nothing, so no rule applies to it. */
const isErased = (value: unknown) => typeof value === 'object' && value !== null && '$erased' in value

function settingProblem(key: unknown, stored: unknown): { column: string; problem: Said } | null {
  let value: unknown
  try {
    value = JSON.parse(String(stored))
  } catch {
    return { column: 'value', problem: { id: 'errors.backup.row.notJson' } }
  }
  const schema = typeof key === 'string' ? (SettingsSchema.shape[key as keyof typeof SettingsSchema.shape] ?? KEPT_SETTINGS[key]) : undefined
  if (!schema) return null
  const checked = schema.safeParse(value)
  return checked.success ? null : { column: 'value', problem: issueWords(checked.error.issues[0]!) }
}

/**
 * A change in the history names a table of this file and only its columns, and the values it would put back pass
 * that table's rules: Undo writes them into the live data.
 */
function historyRowProblem(row: Record<string, unknown>, columnsOf: (table: string) => Set<string> | null): { column: string; problem: Said } | null {
  const table = String(row.tbl)
  const columns = columnsOf(table)
  if (!columns) return { column: 'tbl', problem: { id: 'errors.backup.row.unknownTable' } }
  for (const side of ['before', 'after'] as const) {
    const stored = row[side]
    if (stored === null || stored === undefined) continue
    let values: unknown
    try {
      values = JSON.parse(String(stored))
    } catch {
      return { column: side, problem: { id: 'errors.backup.row.notJson' } }
    }
    if (typeof values !== 'object' || values === null || Array.isArray(values)) return { column: side, problem: { id: 'errors.backup.row.notJson' } }
    for (const [column, value] of Object.entries(values)) {
      if (column !== 'rowid' && !columns.has(column)) return { column: side, problem: { id: 'errors.backup.row.unknownColumn', values: { column } } }
      const rule = ruleFor(table, column)
      if (!rule || isErased(value)) continue
      // A JSON column's value is kept in the history as the text the table holds; one already read counts as read.
      const asKept = rule.json && typeof value !== 'string' && value !== null ? { schema: rule.schema } : rule
      const problem = problemWith(asKept, value)
      if (problem) return { column: `${side}.${column}`, problem }
    }
  }
  return null
}

export interface BadRow {
  table: string
  /** The row's id (or a setting's key), else its place in the table counted from 1. */
  row: string
  column: string
  problem: Said
}

const HISTORY_ONLY = new Set(['history_changes', 'history_rows', 'history_subjects'])

/** The first row of the offered file that breaks the contract's rules, or null when every row passes. */
export function firstBadRow(image: BackupImage, version: number): BadRow | null {
  const tables = [...image.tables()].filter((t) => !t.startsWith('sqlite_')).sort()
  const columns = new Map<string, Set<string>>()
  for (const table of tables) columns.set(table, new Set(image.columns(table)))
  const recorded = (table: string) => (HISTORY_ONLY.has(table) ? null : (columns.get(table) ?? null))
  for (const table of tables) {
    const rules = [...columns.get(table)!].map((column) => [column, ruleFor(table, column)] as const).filter((r): r is [string, ColumnRule] => r[1] !== null)
    if (rules.length === 0 && table !== 'settings' && table !== 'history_rows') continue
    let place = 0
    const missing = new Set(table === 'settings' ? Object.keys(REQUIRED_SETTINGS).filter((key) => version >= REQUIRED_SETTINGS[key]!) : [])
    for (const row of image.rows(table)) {
      place++
      const label = () => String(row.id ?? row.key ?? place)
      if (table === 'settings') {
        const bad = settingProblem(row.key, row.value)
        if (bad) return { table, row: label(), ...bad }
        missing.delete(String(row.key))
        continue
      }
      for (const [column, rule] of rules) {
        const problem = problemWith(rule, row[column])
        if (problem) return { table, row: label(), column, problem }
      }
      if (table === 'history_rows') {
        const bad = historyRowProblem(row, recorded)
        if (bad) return { table, row: label(), ...bad }
      }
    }
    const absent = [...missing][0]
    if (absent !== undefined) return { table, row: absent, column: 'value', problem: { id: 'errors.backup.row.missingSetting' } }
  }
  return null
}
