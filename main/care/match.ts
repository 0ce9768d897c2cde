import { DateTime } from 'luxon'
import type { Commitment } from '../../db/commitments'
import { foldForSearch } from '../../db/search-text'
import type { HelperFit, HelperSuggestion } from '../contract/care'
import type { CareKind } from '../contract/values'
import { type Blackout, type Busy, clashes, onBlackout } from '../common/conflicts'

/**
 * The skills (person tags of kind 'skill', compared folded: "Driver", "driver" and "DRIVER" are one) that make
 * someone a likely helper for each kind of care. The one place to add a word a congregation uses.
 */
export const KIND_SKILLS: Record<CareKind, readonly string[]> = {
  meals: ['can cook', 'cook', 'cooking', 'baker', 'baking', 'meals'],
  rides: ['driver', 'drives', 'can drive', 'driving', 'rides', 'transport'],
  visits: ['visitor', 'visiting', 'visits', 'pastoral care', 'listener', 'befriending'],
  childcare: ['childcare', 'babysitter', 'babysitting', 'nanny', 'child care', 'kids'],
  errands: ['errands', 'shopping', 'groceries', 'driver', 'can drive'],
  household: ['handyman', 'handy', 'diy', 'gardening', 'gardener', 'yard work', 'cleaning', 'household', 'repairs'],
  other: [],
}

/** A standing offer as matching needs it. */
export interface MatchOffer {
  personId: number
  title: string
  kinds: readonly CareKind[]
  weekdays: readonly number[]
  from: string | null
  to: string | null
}

export interface MatchPerson {
  personId: number
  name: string
  phone: string | null
  skills: readonly string[]
}

/** An open slot: its kind, its day and, when known, its local times and the instants they fall on. */
export interface MatchSlot extends Busy {
  kind: CareKind
  from: string | null
  to: string | null
}

/** How much someone has done lately: duties in the period looked at, and the day of their last one. */
export interface Helped {
  count: number
  lastDate: string | null
}

export interface MatchInput {
  slot: MatchSlot
  today: string
  people: readonly MatchPerson[]
  offers: readonly MatchOffer[]
  blackouts: readonly Blackout[]
  /** Everyone's commitments on the slot's day (meals, care, prayer): a clash rules a person out. */
  busy: readonly Commitment[]
  helped: ReadonlyMap<number, Helped>
}

/** Whether an offer covers the slot: the kind, the day of the week and, when both have times, the time. */
export function offerCovers(offer: MatchOffer, slot: MatchSlot): boolean {
  if (!offer.kinds.includes(slot.kind)) return false
  if (!offer.weekdays.includes(DateTime.fromISO(slot.date, { zone: 'utc' }).weekday)) return false
  if (offer.from === null || offer.to === null || slot.from === null || slot.to === null) return true
  return offer.from <= slot.from && slot.to <= offer.to
}

/** The reasons a person fits the slot's kind: matching skills first, then covering offers. Empty when none. */
export function fitsFor(person: MatchPerson, offers: readonly MatchOffer[], slot: MatchSlot): HelperFit[] {
  const words = new Set(KIND_SKILLS[slot.kind].map(foldForSearch))
  const fits: HelperFit[] = person.skills.filter((s) => words.has(foldForSearch(s))).map((skill) => ({ via: 'skill', skill }))
  for (const o of offers) if (o.personId === person.personId && offerCovers(o, slot)) fits.push({ via: 'offer', title: o.title })
  return fits
}

function daysBetween(earlier: string, later: string): number {
  return Math.round(DateTime.fromISO(later, { zone: 'utc' }).diff(DateTime.fromISO(earlier, { zone: 'utc' }), 'days').days)
}

/**
 * Who could take an open slot: people whose skills or offers fit its kind, who are not away that day and hold no
 * commitment that overlaps it. Least asked first: fewest recent duties, then longest since they last helped
 * (never before anyone), then name. `unavailable` counts those who fit but are away or busy.
 */
export function suggestHelpers(input: MatchInput): { suggestions: HelperSuggestion[]; unavailable: number } {
  const { slot, today } = input
  const suggestions: HelperSuggestion[] = []
  let unavailable = 0
  for (const person of input.people) {
    const fits = fitsFor(person, input.offers, slot)
    if (fits.length === 0) continue
    const away = onBlackout(person.personId, slot.date, input.blackouts)
    const clash = input.busy.some((c) => c.personId === person.personId && clashes(slot, c))
    if (away || clash) {
      unavailable += 1
      continue
    }
    const helped = input.helped.get(person.personId) ?? { count: 0, lastDate: null }
    suggestions.push({
      personId: person.personId,
      name: person.name,
      phone: person.phone,
      fits,
      recentDuties: helped.count,
      lastHelpedDaysAgo: helped.lastDate === null ? null : daysBetween(helped.lastDate, today),
    })
  }
  suggestions.sort(
    (a, b) =>
      a.recentDuties - b.recentDuties ||
      (b.lastHelpedDaysAgo ?? Number.POSITIVE_INFINITY) - (a.lastHelpedDaysAgo ?? Number.POSITIVE_INFINITY) ||
      a.name.localeCompare(b.name) ||
      a.personId - b.personId,
  )
  return { suggestions, unavailable }
}

/** Duties per person among `commitments`, and each one's last day on or before `today`. */
export function helpedSoFar(commitments: readonly Commitment[], today: string): Map<number, Helped> {
  const out = new Map<number, Helped>()
  for (const c of commitments) {
    const h = out.get(c.personId) ?? { count: 0, lastDate: null }
    h.count += 1
    if (c.date <= today && (h.lastDate === null || c.date > h.lastDate)) h.lastDate = c.date
    out.set(c.personId, h)
  }
  return out
}
