import { z } from 'zod'
import { effect, read, write } from './define'
import { followsTextRules } from './text'
import { id, isoDate, timeOfDay } from './validation'
import {
  type Allergen,
  ALLERGENS,
  COMMUNAL_COURSES,
  COMMUNAL_JOBS,
  COMMUNAL_SERIES_KINDS,
  type CommunalCourse,
  type CommunalJob,
  type CommunalSeriesKind,
  type DietaryNeed,
  DISH_LABELS,
  type DishLabel,
} from './values'

// Communal meals (issue 30): a meal the whole community shares — a bring-and-share lunch, a church supper, a night
// of a Ramadan iftar rota — with what it needs, who brings what, and who is coming.

const text = (max: number) => z.string().trim().max(max).check(followsTextRules('lines')).nullable().default(null)
const line = (max: number) => z.string().trim().max(max).check(followsTextRules('line')).nullable().default(null)
const title = () => z.string().trim().min(1, 'validation.communal.title').max(120).check(followsTextRules('line'))

/** A dish by course with how many and how many each serves, or a job with how many people. */
export const NeedSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    /** An existing need keeps its id, so its sign-ups stay on it when the list is saved again. */
    id: id().optional(),
    kind: z.literal('dish'),
    course: z.enum(COMMUNAL_COURSES),
    label: line(120),
    wanted: z.number().int().min(1).max(500),
    serves: z.number().int().min(1).max(1000).nullable().default(null),
  }),
  z.strictObject({
    id: id().optional(),
    kind: z.literal('job'),
    job: z.enum(COMMUNAL_JOBS),
    label: line(120),
    wanted: z.number().int().min(1).max(500),
  }),
])
export type NeedInput = z.infer<typeof NeedSchema>

export const CommunalMealFieldsSchema = z.strictObject({
  title: title(),
  date: isoDate(),
  /** 'HH:MM' local to Settings.timeZone. */
  time: timeOfDay().nullable().default(null),
  place: line(200),
  purpose: text(500),
  needs: z.array(NeedSchema).max(60).default([]),
})
export type CommunalMealFields = z.infer<typeof CommunalMealFieldsSchema>
export type CommunalMealFieldsInput = z.input<typeof CommunalMealFieldsSchema>

/** Who signs up or answers: a member, a household, or a name written in. */
const WhoSchema = z.union([
  z.strictObject({ personId: id() }),
  z.strictObject({ householdId: id() }),
  z.strictObject({
    name: z.string().trim().min(1, 'validation.communal.name').max(120).check(followsTextRules('name')),
    phone: line(40),
  }),
])

const DishDetailsSchema = z.strictObject({
  dish: line(200),
  contains: z.array(z.enum(ALLERGENS)).max(ALLERGENS.length * 2).default([]),
  labels: z.array(z.enum(DISH_LABELS)).max(DISH_LABELS.length * 2).default([]),
})

export const CommunalSignupSchema = z.strictObject({
  needId: id(),
  who: WhoSchema,
  quantity: z.number().int().min(1).max(500).default(1),
  ...DishDetailsSchema.shape,
  notes: text(1000),
})
export type CommunalSignupInput = z.input<typeof CommunalSignupSchema>

export const RsvpSchema = z.strictObject({
  mealId: id(),
  who: WhoSchema,
  adults: z.number().int().min(0).max(100),
  children: z.number().int().min(0).max(100).default(0),
  notes: line(500),
})

export const SeriesSchema = z.strictObject({
  title: title(),
  kind: z.enum(COMMUNAL_SERIES_KINDS),
  /** The first meal: the first night of Ramadan, or the first monthly lunch (later ones fall on the same day of the month). */
  startsOn: isoDate(),
  /** Nights (29 or 30 for Ramadan) or months. */
  count: z.number().int().min(1).max(60),
  /** A closing meal the day after the last (the Eid meal), or null. */
  closingTitle: line(120),
  time: timeOfDay().nullable().default(null),
  place: line(200),
  purpose: text(500),
  /** What each meal of the series needs. */
  needs: z.array(NeedSchema).max(60).default([]),
})
export type SeriesInput = z.input<typeof SeriesSchema>

export type CommunalWarning =
  /** A dish holds, or by its name seems to hold, something a household coming has on record. */
  | { kind: 'allergen'; message: string; need: DietaryNeed; who: string[]; signupId: number | null }
  /** Mains × servings below the headcount. */
  | { kind: 'short'; message: string; servings: number; headcount: number }
  /** A need that is coming which no main signed up suits ("nothing vegetarian among the mains yet"). */
  | { kind: 'nothing_suits'; message: string; need: DietaryNeed }

export interface CommunalSignupView {
  id: number
  needId: number
  personId: number | null
  householdId: number | null
  name: string
  /** The first name alone, as the noticeboard and dish cards print it. */
  firstName: string
  phone: string | null
  quantity: number
  dish: string | null
  contains: Allergen[]
  labels: DishLabel[]
  notes: string | null
}

export interface NeedView {
  id: number
  kind: 'dish' | 'job'
  /** The course of a dish or the job. */
  what: CommunalCourse | CommunalJob
  label: string | null
  wanted: number
  serves: number | null
  /** How many are taken (dishes by quantity, jobs by people). */
  taken: number
  signups: CommunalSignupView[]
}

export interface RsvpView {
  id: number
  householdId: number | null
  personId: number | null
  name: string
  adults: number
  children: number
  notes: string | null
}

/** The headcount and the needs on record of those coming: "42 expected: 6 vegetarian, 2 nut allergy". */
export interface Headcount {
  adults: number
  children: number
  total: number
  /** How many people coming have each need on their record, most first. */
  needs: { need: DietaryNeed; count: number }[]
  /** The sentence, in the chosen language. */
  summary: string
}

export interface CommunalMealSummary {
  id: number
  title: string
  date: string
  time: string | null
  place: string | null
  seriesId: number | null
  seriesNumber: number | null
  closing: boolean
  status: 'active' | 'archived'
  /** Items and people still needed, all needs together. */
  stillNeeded: number
  headcount: number
}

export interface CommunalMealDetail extends CommunalMealSummary {
  purpose: string | null
  seriesTitle: string | null
  needs: NeedView[]
  rsvps: RsvpView[]
  headcountDetail: Headcount
  warnings: CommunalWarning[]
  /** "Still needed for Sunday's lunch: 2 desserts, 1 salad, 3 people to wash up", or null when nothing is. */
  stillNeededMessage: string | null
}

export interface SeriesNight {
  mealId: number
  number: number
  date: string
  closing: boolean
  title: string
  /** Sponsors (or cooks, for a series without sponsors) signed up, by first name. */
  hosts: string[]
  needsHost: boolean
  stillNeeded: number
}

export interface HostSuggestion {
  householdId: number
  name: string
  /** How many meals of this series the household has sponsored or cooked. */
  hosted: number
}

export interface SeriesDetail {
  id: number
  title: string
  kind: CommunalSeriesKind
  startsOn: string
  count: number
  closingTitle: string | null
  nights: SeriesNight[]
  /** Households that have hosted least, never-hosted first: who to ask next. */
  suggestions: HostSuggestion[]
}

export const communalMealsContract = {
  'communalMeals.list': read<CommunalMealSummary[]>()(z.strictObject({ includeArchived: z.boolean().default(false) })),
  'communalMeals.get': read<CommunalMealDetail>()(z.strictObject({ id: id() })),
  'communalMeals.create': write<{ id: number }>()(CommunalMealFieldsSchema),
  /** Saves the meal and its list of needs; a need that has sign-ups cannot be dropped. */
  'communalMeals.update': write<{ id: number }>()(z.strictObject({ id: id(), fields: CommunalMealFieldsSchema })),
  /** The warnings a dish would bring, before it is signed up; nothing is written. */
  'communalMeals.checkSignup': read<{ warnings: CommunalWarning[] }>()(z.strictObject({ needId: id(), ...DishDetailsSchema.shape })),
  'communalMeals.signUp': write<{ id: number; warnings: CommunalWarning[] }>()(CommunalSignupSchema),
  'communalMeals.cancelSignup': write<{ id: number }>()(z.strictObject({ signupId: id() })),
  /** A household's answer: a second answer from the same household replaces its first. */
  'communalMeals.rsvp': write<{ id: number }>()(RsvpSchema),
  'communalMeals.removeRsvp': write<{ id: number }>()(z.strictObject({ rsvpId: id() })),
  'communalMeals.archive': write<{ id: number }>()(z.strictObject({ id: id() })),
  'communalMeals.createSeries': write<{ id: number; mealIds: number[] }>()(SeriesSchema),
  'communalMeals.getSeries': read<SeriesDetail>()(z.strictObject({ id: id() })),
  /** Moves every meal of the series with its first date; each keeps its night, its sign-ups and its guests. */
  /** Puts "Still needed for …" on the clipboard, to paste into a group chat or an email; the text comes back to show. */
  'communalMeals.copyStillNeeded': effect<{ text: string }>()(z.strictObject({ id: id() })),
  'communalMeals.moveSeries': write<{ id: number; moved: number }>()(z.strictObject({ id: id(), startsOn: isoDate() })),
}
