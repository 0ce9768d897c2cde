import { z } from 'zod'
import { CARE_KINDS, type CareKind, MEALS } from './values'
import { read, write } from './define'
import { followsTextRules } from './text'
import { id, isoDate, timeOfDay } from './validation'

const text = (max: number) => z.string().trim().max(max).check(followsTextRules('lines')).nullable().default(null)
const title = (message: string) =>
  z.string().trim().min(1, message).max(200).check(followsTextRules('line'))

/** A member's standing offer of help, as the asks-and-offers screen lists it. */
export interface CareOffer {
  id: number
  personId: number
  personName: string
  phone: string | null
  title: string
  kinds: CareKind[]
  /** ISO weekdays (Monday = 1) the offer holds for. */
  weekdays: number[]
  from: string | null
  to: string | null
  notes: string | null
  closed: boolean
}

/**
 * An ask for help. Its title and details may name an illness, so they are null once the ask is closed (and
 * forgotten by the history); they never go on a printout, message or calendar file.
 */
export interface CareAsk {
  id: number
  personId: number | null
  householdId: number | null
  recipientName: string
  kind: CareKind
  title: string | null
  details: string | null
  /** The care calendar made from this ask, if any. */
  trainId: number | null
  closedAt: string | null
  createdAt: string
}

export const OfferFieldsSchema = z
  .strictObject({
    personId: id(),
    title: title('validation.care.offerTitle'),
    kinds: z.array(z.enum(CARE_KINDS)).min(1, 'validation.care.kinds').max(CARE_KINDS.length),
    weekdays: z.array(z.number().int().min(1).max(7)).min(1, 'validation.weekdays').max(7).default([1, 2, 3, 4, 5, 6, 7]),
    from: timeOfDay().nullable().default(null),
    to: timeOfDay().nullable().default(null),
    notes: text(1000),
  })
  .superRefine((o, ctx) => {
    if ((o.from === null) !== (o.to === null)) ctx.addIssue({ code: 'custom', path: [o.from === null ? 'from' : 'to'], message: 'validation.care.bothTimes' })
    else if (o.from !== null && o.to !== null && o.from >= o.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.endAfterStart' })
  })
export type OfferFields = z.output<typeof OfferFieldsSchema>
export type OfferFieldsInput = z.input<typeof OfferFieldsSchema>

export const AskFieldsSchema = z.strictObject({
  personId: id().nullable().default(null),
  householdId: id().nullable().default(null),
  recipientName: z.string().trim().min(1, 'validation.care.recipient').max(120).check(followsTextRules('name')),
  kind: z.enum(CARE_KINDS),
  title: title('validation.care.askTitle'),
  details: text(2000),
})
export type AskFields = z.output<typeof AskFieldsSchema>
export type AskFieldsInput = z.input<typeof AskFieldsSchema>

/** Why a member fits a kind of help: a skill on their record, or one of their offers. */
export type HelperFit = { via: 'skill'; skill: string } | { via: 'offer'; title: string }

/** Someone who could take an open slot: fits the kind, free that day. Listed least asked lately first. */
export interface HelperSuggestion {
  personId: number
  name: string
  phone: string | null
  fits: HelperFit[]
  /** Meals, care and prayer duties they hold in the weeks around the slot. */
  recentDuties: number
  /** Days between their last duty (on or before today) and today; null when none in the period looked at. */
  lastHelpedDaysAgo: number | null
}

export interface HelperSuggestions {
  kind: CareKind
  date: string
  suggestions: HelperSuggestion[]
  /** How many people fit the kind but are away or busy that day, so the volunteer knows why they are missing. */
  unavailable: number
}

/** One person's share of the work in a period: each kind of care, prayer duties, and when they last helped. */
export interface HelpedLatelyRow {
  personId: number
  name: string
  phone: string | null
  care: { kind: CareKind; count: number }[]
  prayer: number
  total: number
  lastDate: string | null
  /** Carrying far more than the others: three or more duties and at least twice the others' average. */
  heavy: boolean
}

const PeriodSchema = z
  .strictObject({ from: isoDate(), to: isoDate() })
  .refine((p) => p.from <= p.to, { path: ['to'], message: 'validation.endOnOrAfterStart' })

export const careContract = {
  'care.listOffers': read<CareOffer[]>()(z.strictObject({ query: z.string().max(200).default(''), includeClosed: z.boolean().default(false) })),
  'care.createOffer': write<{ id: number }>()(OfferFieldsSchema),
  'care.updateOffer': write<{ id: number }>()(z.strictObject({ id: id(), fields: OfferFieldsSchema })),
  'care.closeOffer': write<{ id: number }>()(z.strictObject({ id: id() })),
  'care.listAsks': read<CareAsk[]>()(z.strictObject({ query: z.string().max(200).default(''), includeClosed: z.boolean().default(false) })),
  'care.createAsk': write<{ id: number }>()(AskFieldsSchema),
  'care.updateAsk': write<{ id: number }>()(z.strictObject({ id: id(), fields: AskFieldsSchema })),
  /** Closes the ask and clears its title and details from the file and the history. Cannot be undone. */
  'care.closeAsk': write<{ id: number }>()(z.strictObject({ id: id() })),
  /** Records the care calendar made from an ask, so the ask links to it. */
  'care.linkAsk': write<{ id: number }>()(z.strictObject({ id: id(), trainId: id() })),
  'care.suggestHelpers': read<HelperSuggestions>()(z.strictObject({ trainId: id(), date: isoDate(), meal: z.enum(MEALS) })),
  'care.helpedLately': read<HelpedLatelyRow[]>()(PeriodSchema),
}
