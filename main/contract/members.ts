import { z } from 'zod'
import { CONTACT_METHODS, DIETARY_NEEDS, HOUSEHOLD_ROLES, MEMBER_STATUSES } from './values'
import type { CareKind, DietaryNeed, HouseholdRole, MemberStatus } from './values'
import { read, write } from './define'
import { followsTextRules, type TextKind } from './text'
import { id, isoDate } from './validation'

/** A person as offered in a picker: enough to tell two Marias apart. */
export interface PersonChoice {
  id: number
  name: string
  householdName: string | null
  phone: string | null
}

/**
 * Which people a list shows: the members screen, CSV export and printed rosters all take this same filter.
 * Empty arrays mean "any". A person matches when their status is one of `statuses` and they have every one of the
 * chosen tags, skills and dietary needs.
 */
export const MemberFilterSchema = z.strictObject({
  query: z.string().max(200).default(''),
  statuses: z.array(z.enum(MEMBER_STATUSES)).max(MEMBER_STATUSES.length * 2).default([]),
  // Bounded so a filter can never build a query too large for SQLite ("Expression tree is too large").
  tags: z.array(z.string().max(100)).max(50, 'validation.members.tooManyTags').default([]),
  skills: z.array(z.string().max(100)).max(50, 'validation.members.tooManySkills').default([]),
  dietary: z.array(z.enum(DIETARY_NEEDS)).max(DIETARY_NEEDS.length * 2).default([]),
  includeArchived: z.boolean().default(false),
})
export type MemberFilter = z.infer<typeof MemberFilterSchema>

export const MEMBER_SORTS = ['name', 'first_name', 'household', 'status', 'joined', 'recent'] as const
export type MemberSort = (typeof MEMBER_SORTS)[number]

// Optional text: blank means "not given", stored as null.
const optionalText = (max: number, kind: TextKind) =>
  z
    .string()
    .trim()
    .max(max)
    .check(followsTextRules(kind))
    .nullish()
    .transform((v) => (v ? v : null))

const optionalDate = (message: string) =>
  z
    .union([z.literal(''), isoDate()])
    .nullish()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || v >= '1900-01-01', message)

function today(): string {
  const now = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

const tagList = z
  .array(z.string().trim().max(100, 'validation.members.tagTooLong').check(followsTextRules('line')))
  .max(100)
  .default([])
  .transform((list) => {
    const seen = new Set<string>()
    const out: string[] = []
    for (const raw of list) {
      const value = raw.replace(/\s+/g, ' ')
      const key = value.toLocaleLowerCase()
      if (!value || seen.has(key)) continue
      seen.add(key)
      out.push(value)
    }
    return out
  })

export const AddressSchema = z.strictObject({
  line1: optionalText(200, 'line'),
  line2: optionalText(200, 'line'),
  city: optionalText(100, 'line'),
  region: optionalText(100, 'line'),
  postalCode: optionalText(20, 'line'),
  country: optionalText(100, 'line'),
})
export type Address = z.output<typeof AddressSchema>

/** Everything a volunteer can type about a person. The CSV importer builds the same shape. */
export const PersonFieldsSchema = z.strictObject({
  firstName: z.string().trim().min(1, 'validation.members.firstName').max(100).check(followsTextRules('name')),
  lastName: z.string().trim().min(1, 'validation.members.lastName').max(100).check(followsTextRules('name')),
  preferredName: optionalText(100, 'name'),
  householdId: id().nullish().transform((v) => v ?? null),
  householdRole: z.enum(HOUSEHOLD_ROLES).nullish().transform((v) => v ?? null),
  mobilePhone: optionalText(40, 'line'),
  otherPhone: optionalText(40, 'line'),
  email: z
    .union([z.literal(''), z.email('validation.email').max(200)])
    .nullish()
    .transform((v) => (v ? v.trim() : null)),
  /** Null means "use the household's address". */
  address: AddressSchema.nullish().transform((a) => (a && Object.values(a).some((v) => v !== null) ? a : null)),
  birthday: optionalDate('validation.members.birthdayOld').refine((v) => v === null || v <= today(), 'validation.members.birthdayFuture'),
  joinedOn: optionalDate('validation.members.dateOld'),
  status: z.enum(MEMBER_STATUSES).default('member'),
  preferredContact: z.enum(CONTACT_METHODS).nullish().transform((v) => v ?? null),
  dietary: z
    .array(z.enum(DIETARY_NEEDS))
    .max(DIETARY_NEEDS.length)
    .default([])
    .transform((list) => [...new Set(list)]),
  dietaryNotes: optionalText(1000, 'lines'),
  tags: tagList,
  skills: tagList,
})
export type PersonFields = z.output<typeof PersonFieldsSchema>
export type PersonFieldsInput = z.input<typeof PersonFieldsSchema>

/** Something a person has promised to do at a time (a meal to bring, a prayer slot), as the detail pane lists it. */
export interface PersonCommitment {
  kind: 'meal' | 'prayer'
  /** For a care calendar's sign-up ('meal'), the kind of help: meals, rides, visits… */
  careKind?: CareKind
  /** Plain words for a person: "Dinner for the Okafor family", "Vigil for Lent, 02:00–03:00". */
  label: string
  /** The day it falls on, 'YYYY-MM-DD' (local to the congregation). */
  date: string
  /** Start and end as ISO-8601 instants when a time is known; null for all-day commitments. */
  startsAt: string | null
  endsAt: string | null
  /** Which record it comes from, so a screen can link to it. */
  ref: { area: 'meal-trains' | 'prayer-circles' | 'standing-hours'; id: number }
}

/** One line of the members list. Never carries notes. */
export interface MemberRow {
  id: number
  name: string
  firstName: string
  lastName: string
  householdId: number | null
  householdName: string | null
  householdRole: HouseholdRole | null
  phone: string | null
  email: string | null
  status: MemberStatus
  tags: string[]
  skills: string[]
  dietary: DietaryNeed[]
  archived: boolean
}

/**
 * How many matches a members search counts before it stops: beyond it the list says "more than 1,000" instead of
 * an exact number, because counting every one of 100,000 matches costs more than finding the page.
 */
export const MEMBER_COUNT_CAP = 1000

export interface MemberPage {
  /**
   * The number of matches, exact when `more` is false. When `more` is true, more than this many match: counting
   * stopped at the cap (MEMBER_COUNT_CAP) or, for a page further down, at the end of that page.
   */
  total: number
  more: boolean
  offset: number
  rows: MemberRow[]
}

export interface HouseholdMember {
  id: number
  name: string
  role: HouseholdRole | null
  archived: boolean
}

export interface HouseholdRow {
  id: number
  displayName: string
  address: string | null
  homePhone: string | null
  /** The household's people that match the filter, head first. */
  members: HouseholdMember[]
}

export interface HouseholdPage {
  total: number
  offset: number
  rows: HouseholdRow[]
}

export interface PersonNote {
  id: number
  body: string
  confidential: boolean
  createdAt: string
  updatedAt: string
}

export interface Blackout {
  id: number
  startsOn: string
  endsOn: string
  note: string | null
}

export interface PersonDetail extends PersonFields {
  id: number
  name: string
  household: {
    id: number
    displayName: string
    address: Address
    homePhone: string | null
  } | null
  archivedAt: string | null
  createdAt: string
  updatedAt: string
  blackouts: Blackout[]
  /** Includes confidential notes, each marked: this is the coordinator's own view of one person. */
  notes: PersonNote[]
  /** Meal-train sign-ups and prayer slots from today on, once those areas report them. */
  commitments: PersonCommitment[]
}

/** A table whose rows point at a person, as told before a delete. */
export interface PersonReference {
  table: string
  /** Plain words: "meal-train sign-up", "note". */
  label: string
  count: number
  /** What the delete does to them: removes them with the person, clears the link, or is refused. */
  effect: 'removed' | 'unlinked' | 'blocks'
}

export interface DeleteCheck {
  id: number
  name: string
  references: PersonReference[]
  headOf: string | null
  canDelete: boolean
}

export interface HouseholdDetail {
  id: number
  displayName: string
  suggestedName: string
  address: Address
  homePhone: string | null
  /** Wedding anniversary, 'YYYY-MM-DD'. */
  anniversary: string | null
  members: HouseholdMember[]
}

export const HouseholdFieldsSchema = z.strictObject({
  displayName: z.string().trim().min(1, 'validation.members.householdName').max(200).check(followsTextRules('name')),
  address: AddressSchema.default({ line1: null, line2: null, city: null, region: null, postalCode: null, country: null }),
  homePhone: optionalText(40, 'line'),
  anniversary: optionalDate('validation.members.anniversaryOld').refine((v) => v === null || v <= today(), 'validation.members.anniversaryFuture'),
})
export type HouseholdFields = z.output<typeof HouseholdFieldsSchema>

const paging = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
}

const noteBody = z
  .string()
  .trim()
  .min(1, 'validation.members.note')
  .max(20000, 'validation.members.noteTooLong')
  .check(followsTextRules('lines'))

const blackoutSchema = z
  .strictObject({
    personId: id(),
    startsOn: isoDate(),
    endsOn: isoDate(),
    note: optionalText(200, 'line'),
  })
  .refine((b) => b.endsOn >= b.startsOn, { message: 'validation.members.awayEnd', path: ['endsOn'] })

export const membersContract = {
  'members.pick': read<PersonChoice[]>()(
    z.strictObject({
      query: z.string().max(100),
      limit: z.number().int().min(1).max(50).default(20),
    }),
  ),
  'members.search': read<MemberPage>()(
    z.strictObject({ filter: MemberFilterSchema.default(MemberFilterSchema.parse({})), sort: z.enum(MEMBER_SORTS).default('name'), ...paging }),
  ),
  'members.get': read<PersonDetail>()(z.strictObject({ id: id() })),
  'members.choices': read<{ tags: string[]; skills: string[] }>()(z.strictObject({})),
  'members.create': write<{ id: number }>()(PersonFieldsSchema),
  'members.update': write<{ id: number }>()(PersonFieldsSchema.extend({ id: id() })),
  'members.archive': write<{ id: number }>()(z.strictObject({ id: id() })),
  'members.unarchive': write<{ id: number }>()(z.strictObject({ id: id() })),
  'members.deleteCheck': read<DeleteCheck>()(z.strictObject({ id: id() })),
  /** Undo is the history's: the result carries the change, which history.undo reverses. */
  'members.delete': write<{ name: string }>()(z.strictObject({ id: id() })),
  'members.addNote': write<PersonNote>()(z.strictObject({ personId: id(), body: noteBody, confidential: z.boolean().default(false) })),
  'members.editNote': write<PersonNote>()(z.strictObject({ id: id(), body: noteBody, confidential: z.boolean() })),
  'members.deleteNote': write<{ id: number }>()(z.strictObject({ id: id() })),
  'members.addBlackout': write<Blackout>()(blackoutSchema),
  'members.removeBlackout': write<{ id: number }>()(z.strictObject({ id: id() })),
  'households.search': read<HouseholdPage>()(z.strictObject({ filter: MemberFilterSchema.default(MemberFilterSchema.parse({})), ...paging })),
  'households.all': read<{ id: number; displayName: string }[]>()(z.strictObject({})),
  'households.get': read<HouseholdDetail>()(z.strictObject({ id: id() })),
  'households.create': write<{ id: number }>()(HouseholdFieldsSchema),
  'households.update': write<{ id: number }>()(HouseholdFieldsSchema.extend({ id: id() })),
  'households.setMembers': write<HouseholdDetail>()(
    z.strictObject({
      id: id(),
      members: z.array(z.strictObject({ personId: id(), role: z.enum(HOUSEHOLD_ROLES).nullable() })).max(100),
    }),
  ),
}
