import { z } from 'zod'
import { CARE_KINDS, type CareKind, DIETARY_NEEDS, type DietaryNeed, dietaryWords, type HouseholdRole, MEALS, type Meal, type MealTrainStatus, SIGNUP_KINDS, type SignupKind, type SignupState } from './values'
import { read, write } from './define'
import { followsTextRules, type TextKind } from './text'
import { id, isoDate, timeOfDay } from './validation'

const text = (max: number, kind: TextKind) => z.string().trim().max(max).check(followsTextRules(kind)).nullable().default(null)

export const MealWindowSchema = z.strictObject({
  meal: z.enum(MEALS),
  from: timeOfDay(),
  to: timeOfDay(),
})

/** Everything a coordinator fills in for a train; creating and editing share it. */
export const MealTrainFieldsSchema = z.strictObject({
  recipientPersonId: id().nullable().default(null),
  recipientHouseholdId: id().nullable().default(null),
  recipientName: z.string().trim().min(1, 'validation.mealTrains.recipient').max(120).check(followsTextRules('name')),
  reason: text(500, 'line'),
  startsOn: isoDate(),
  endsOn: isoDate(),
  weekdays: z.array(z.number().int().min(1).max(7)).min(1, 'validation.weekdays').max(7),
  meals: z.array(MealWindowSchema).min(1, 'validation.mealTrains.meals').max(3),
  adults: z.number().int().min(0).max(50).default(1),
  children: z.number().int().min(0).max(50).default(0),
  address: text(500, 'lines'),
  instructions: text(1000, 'lines'),
  dietary: z.array(z.enum(DIETARY_NEEDS)).max(DIETARY_NEEDS.length * 2).default([]),
  dietaryNotes: text(1000, 'lines'),
  favouriteMeals: text(1000, 'lines'),
  dislikedMeals: text(1000, 'line'),
  coordinatorName: text(120, 'name'),
  coordinatorPhone: text(40, 'line'),
  // Care calendars (issue 15). Every one has a default that makes an ordinary meal train.
  kind: z.enum(CARE_KINDS).default('meals'),
  /** The free title of an 'other' calendar ("Dog walking"). */
  title: text(120, 'line'),
  /** What is needed, where and when, in plain words (visits, childcare, errands, household, other). */
  careWhat: text(1000, 'lines'),
  careWhere: text(500, 'line'),
  careWhen: text(500, 'line'),
  ridePickup: text(500, 'lines'),
  rideDestination: text(500, 'lines'),
  /** 'HH:MM' local to Settings.timeZone. */
  rideAppointment: timeOfDay().nullable().default(null),
  rideReturn: z.boolean().default(false),
  rideWheelchair: z.boolean().default(false),
  rideChildSeat: z.boolean().default(false),
  /** 1 = every week, 2 = every other week …, counted from the week of the first day. */
  weekInterval: z.number().int().min(1).max(4).default(1),
  /** What Day 1 is, for a calendar planned before its date is known ("the birth"). */
  dayOneLabel: text(120, 'line'),
  /** False while Day 1's date is unknown: the days are then stored from RELATIVE_EPOCH and shown as Day 1, Day 2… */
  dateKnown: z.boolean().default(true),
})
export type MealTrainFields = z.infer<typeof MealTrainFieldsSchema>
export type MealTrainFieldsInput = z.input<typeof MealTrainFieldsSchema>

/** Where a train stands today: not started, running, past its last day, or put away. */
export type MealTrainPhase = 'upcoming' | 'active' | 'finished' | 'archived'

/**
 * The day an undated calendar's Day 1 is stored on until its real date is set (a Monday, far in the past, so it
 * never meets a real sign-up, blackout or rota).
 */
export const RELATIVE_EPOCH = '2001-01-01'

const DAY_MS = 86_400_000

/** Day 1, Day 2… of a calendar: how many days `date` is after `startsOn`, plus one. */
export function dayNumber(date: string, startsOn: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${startsOn}T00:00:00Z`)) / DAY_MS) + 1
}

/** For kinds other than meals the three meal keys of a slot stand for parts of the day. */
export const PART_OF_DAY_LABELS: Record<Meal, string> = { breakfast: 'Morning', lunch: 'Afternoon', dinner: 'Evening' }

/** What one slot of a calendar of this kind is called: "Dinner", or for a ride "Ride (morning)". */
export const CARE_SLOT_NOUNS: Record<Exclude<CareKind, 'meals' | 'other'>, string> = {
  rides: 'Ride',
  visits: 'Visit',
  childcare: 'Childcare',
  errands: 'Errand',
  household: 'Household job',
}

export interface MealTrainSummary {
  id: number
  kind: CareKind
  title: string | null
  dateKnown: boolean
  dayOneLabel: string | null
  recipientName: string
  reason: string | null
  startsOn: string
  endsOn: string
  status: MealTrainStatus
  phase: MealTrainPhase
  totalSlots: number
  openSlots: number
  needsRescheduling: number
}

export interface SignupView {
  id: number
  date: string
  meal: Meal
  personId: number | null
  volunteerName: string
  volunteerPhone: string | null
  kind: SignupKind
  dish: string | null
  notes: string | null
  state: SignupState
}

export interface SlotView {
  date: string
  meal: Meal
  from: string
  to: string
  /** The taken or delivered sign-up, or null when the slot is open. */
  signup: SignupView | null
}

/**
 * One person's needs as their member record has them now. A train for a member's household lists every member
 * of it, so a cook sees the husband's nut allergy as well as the wife's gluten-free diet.
 */
export interface PersonNeeds {
  personId: number
  name: string
  role: HouseholdRole | null
  dietary: DietaryNeed[]
  notes: string | null
}

/** For printed sheets: "nut allergy (severe — carries an EpiPen)", or null when the person has no needs on record. */
export function personNeedsText(
  p: Pick<PersonNeeds, 'dietary' | 'notes'>,
  words: (keys: readonly string[]) => string[] = (keys) => dietaryWords(keys).map((w) => w.toLowerCase()),
): string | null {
  const needs = words(p.dietary)
  const notes = p.notes?.trim()
  if (!needs.length && !notes) return null
  if (!needs.length) return notes!
  return notes ? `${needs.join(', ')} (${notes})` : needs.join(', ')
}

/** A dish already promised that clashes with someone's needs (flagged when an allergy is added later). */
export interface PlannedClash {
  signupId: number
  date: string
  meal: Meal
  dish: string
  volunteerName: string
  messages: string[]
}

export interface MealTrainDetail extends MealTrainFields {
  id: number
  status: MealTrainStatus
  phase: MealTrainPhase
  slots: SlotView[]
  openSlots: number
  /** Sign-ups whose day or meal is no longer on the train: the coordinator moves each to an open slot. */
  needsRescheduling: SignupView[]
  /** Cancelled sign-ups, kept so nobody wonders where a volunteer went. */
  cancelled: SignupView[]
  /** The household's members and their needs, read from the member records each time (empty for a non-member). */
  householdNeeds: PersonNeeds[]
  /** What changed in those needs since the coordinator last marked them as seen, in words. */
  needsChanges: string[]
  /** Planned dishes that clash with anyone's needs. */
  plannedClashes: PlannedClash[]
}

/**
 * What a new train for a member starts with: their household and address. Their household's needs are not copied
 * into the train's own list: the train reads them from the member records, so they stay current.
 */
export interface RecipientDefaults {
  recipientPersonId: number
  recipientHouseholdId: number | null
  recipientName: string
  address: string | null
  householdNeeds: PersonNeeds[]
  phone: string | null
}

/** A volunteer whose sign-up would no longer fit the train after a change. */
export interface AffectedSignup {
  signupId: number
  volunteerName: string
  date: string
  meal: Meal
  dish: string | null
}

export type SignupWarning =
  | { kind: 'blackout'; message: string }
  | { kind: 'busy'; message: string }
  | { kind: 'allergy'; message: string; need: DietaryNeed; words: string[]; who: string[] }
  | { kind: 'same_dish'; message: string }

export interface PlannedDish {
  date: string
  meal: Meal
  dish: string
  kind: SignupKind
  volunteerName: string
}

export interface SignupCheck {
  warnings: SignupWarning[]
  /** Every dish already planned on this train, in date order, so nobody brings lasagne five nights running. */
  planned: PlannedDish[]
}

const VolunteerSchema = z.union([
  z.strictObject({ personId: id() }),
  z.strictObject({
    name: z.string().trim().min(1, 'validation.mealTrains.volunteerName').max(120).check(followsTextRules('name')),
    phone: text(40, 'line'),
  }),
])

const SignupInputSchema = z.strictObject({
  trainId: id(),
  date: isoDate(),
  meal: z.enum(MEALS),
  volunteer: VolunteerSchema,
  kind: z.enum(SIGNUP_KINDS).default('meal'),
  dish: text(200, 'line'),
  notes: text(1000, 'lines'),
})
export type SignupInput = z.infer<typeof SignupInputSchema>

export const mealTrainsContract = {
  'mealTrains.list': read<MealTrainSummary[]>()(z.strictObject({ includeArchived: z.boolean().default(true) })),
  'mealTrains.get': read<MealTrainDetail>()(z.strictObject({ id: id() })),
  'mealTrains.recipientDefaults': read<RecipientDefaults>()(z.strictObject({ personId: id() })),
  'mealTrains.create': write<{ id: number }>()(MealTrainFieldsSchema),
  /** Which taken sign-ups a change would leave without a slot; nothing is written. */
  'mealTrains.previewUpdate': read<{ affected: AffectedSignup[] }>()(z.strictObject({ id: id(), fields: MealTrainFieldsSchema })),
  /** Refuses when sign-ups would be affected unless `confirmAffected` is set; then moves them to needs rescheduling. */
  'mealTrains.update': write<{ id: number; movedToRescheduling: number }>()(
    z.strictObject({ id: id(), fields: MealTrainFieldsSchema, confirmAffected: z.boolean().default(false) }),
  ),
  'mealTrains.checkSignup': read<SignupCheck>()(
    z.strictObject({
      trainId: id(),
      date: isoDate(),
      meal: z.enum(MEALS),
      personId: id().nullable().default(null),
      dish: text(200, 'line'),
    }),
  ),
  'mealTrains.signUp': write<{ id: number; warnings: SignupWarning[] }>()(SignupInputSchema),
  'mealTrains.setSignupState': write<{ id: number }>()(
    z.strictObject({ signupId: id(), state: z.enum(['taken', 'delivered', 'cancelled']) }),
  ),
  /** Moves a sign-up (usually one that needs rescheduling) to another open slot of its train. */
  'mealTrains.moveSignup': write<{ id: number; warnings: SignupWarning[] }>()(
    z.strictObject({ signupId: id(), date: isoDate(), meal: z.enum(MEALS) }),
  ),
  'mealTrains.copy': write<{ id: number }>()(z.strictObject({ id: id(), startsOn: isoDate(), endsOn: isoDate() })),
  /** Marks the household's needs as seen, so the train page stops listing what changed. */
  'mealTrains.acknowledgeNeeds': write<{ id: number }>()(z.strictObject({ id: id() })),
  /**
   * Sets (or moves) the date of Day 1. Every day and every sign-up moves with it, so each keeps its Day number;
   * a sign-up whose new day is not on the calendar's weekdays becomes "needs rescheduling".
   */
  'mealTrains.setDayOne': write<{ id: number; movedToRescheduling: number }>()(z.strictObject({ id: id(), date: isoDate() })),
  'mealTrains.archive': write<{ id: number }>()(z.strictObject({ id: id(), clearHealthDetails: z.boolean() })),
}
