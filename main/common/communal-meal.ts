import type { CommunalSignupView } from '../contract/communal-meals'
import { addDays } from '../contract/days'
import { dishClashes } from '../contract/dish-allergens'
import type { PersonNeeds } from '../contract/meal-trains'
import { type Allergen, ALLERGEN_NEED, type CommunalSeriesKind, type DietaryNeed, DIETARY_NEEDS, type DishLabel, LABEL_MEETS } from '../contract/values'

// The arithmetic of a shared meal, on values only: who is coming and what they need, whether the food goes round,
// and which dishes clash with whom. Words come from the caller (`Words`), so these rules never read a catalog.

export interface Coming {
  adults: number
  children: number
}

export interface NeedTally {
  need: DietaryNeed
  count: number
}

/** Everyone answered, and how many of those on record have each need, most first (then in the list's order). */
export function headcount(rsvps: readonly Coming[], people: readonly Pick<PersonNeeds, 'personId' | 'dietary'>[]): { adults: number; children: number; total: number; needs: NeedTally[] } {
  const adults = rsvps.reduce((n, r) => n + r.adults, 0)
  const children = rsvps.reduce((n, r) => n + r.children, 0)
  const counts = new Map<DietaryNeed, Set<number>>()
  for (const p of people) for (const need of p.dietary) (counts.get(need) ?? counts.set(need, new Set()).get(need)!).add(p.personId)
  const needs = [...counts]
    .map(([need, who]) => ({ need, count: who.size }))
    .sort((a, b) => b.count - a.count || DIETARY_NEEDS.indexOf(a.need) - DIETARY_NEEDS.indexOf(b.need))
  return { adults, children, total: adults + children, needs }
}

export interface DishNeed {
  kind: 'dish' | 'job'
  what: string
  serves: number | null
  wanted: number
  signups: Pick<CommunalSignupView, 'quantity'>[]
}

/** Taken against wanted: dishes count their quantity, jobs their people. Never below zero when over-subscribed. */
export function stillWanted(need: DishNeed): number {
  return Math.max(0, need.wanted - need.signups.reduce((n, s) => n + s.quantity, 0))
}

/**
 * How many the mains signed up serve, or null when no main says how many it serves (then Hearth cannot tell
 * whether the food goes round, and says nothing rather than guess).
 */
export function mainServings(needs: readonly DishNeed[]): number | null {
  const mains = needs.filter((n) => n.kind === 'dish' && n.what === 'main' && n.serves !== null)
  if (!mains.length) return null
  return mains.reduce((total, n) => total + n.serves! * n.signups.reduce((q, s) => q + s.quantity, 0), 0)
}

/** True when the mains signed up will not go round those coming. */
export function wontGoRound(servings: number | null, total: number): boolean {
  return servings !== null && total > 0 && servings < total
}

export interface Dish {
  signupId: number | null
  dish: string | null
  cook: string
  contains: readonly Allergen[]
  labels: readonly DishLabel[]
}

/** The needs a dish's own labels meet: a dish marked vegan is vegetarian and has no pork. */
export function needsMet(labels: readonly DishLabel[]): Set<DietaryNeed> {
  return new Set(labels.flatMap((l) => LABEL_MEETS[l]))
}

// Faith and diet needs are met only by a dish saying so; an allergy is met by a dish that neither ticks the
// allergen nor names something that holds it.
const LABEL_NEEDS: ReadonlySet<DietaryNeed> = new Set(Object.values(LABEL_MEETS).flat())
const ALLERGY_NEEDS: ReadonlySet<DietaryNeed> = new Set(Object.values(ALLERGEN_NEED))

/** A faith or diet need a dish's label meets (vegetarian, halal, no pork…), as against an allergy. */
export function isLabelNeed(need: DietaryNeed): boolean {
  return LABEL_NEEDS.has(need)
}

export interface Clash {
  signupId: number | null
  need: DietaryNeed
  who: string[]
  dish: string
  cook: string
  /** The allergens ticked that make the clash, or empty when only the dish's name suggests it. */
  allergens: Allergen[]
  /** The words of the dish's name that suggest it. */
  words: string[]
}

/**
 * Each dish against everyone coming: one clash a dish a need, naming who has it. A ticked allergen is certain;
 * a name that mentions something ("peanut satay") is a "may not suit", as meal trains warn, unless the dish's
 * own labels already meet the need ("halal chicken").
 */
export function dishClashesWithComing(dishes: readonly Dish[], people: readonly Pick<PersonNeeds, 'name' | 'dietary'>[]): Clash[] {
  const out: Clash[] = []
  for (const d of dishes) {
    const met = needsMet(d.labels)
    const byNeed = new Map<DietaryNeed, Clash>()
    const clash = (need: DietaryNeed, who: string) => {
      const c = byNeed.get(need) ?? { signupId: d.signupId, need, who: [], dish: d.dish?.trim() || '', cook: d.cook, allergens: [], words: [] }
      if (!c.who.includes(who)) c.who.push(who)
      byNeed.set(need, c)
      return c
    }
    for (const p of people) {
      for (const a of d.contains) {
        if (p.dietary.includes(ALLERGEN_NEED[a])) {
          const c = clash(ALLERGEN_NEED[a], p.name)
          if (!c.allergens.includes(a)) c.allergens.push(a)
        }
      }
      const named = dishClashes(d.dish, p.dietary.filter((n) => !met.has(n)))
      for (const n of named) {
        const c = clash(n.need, p.name)
        for (const w of n.words) if (!c.words.includes(w)) c.words.push(w)
      }
    }
    out.push(...byNeed.values())
  }
  return out
}

/**
 * The needs coming that no main suits: a faith or diet need no main's labels meet ("nothing vegetarian among the
 * mains yet", said even before any main is signed up), and an allergy every main signed up clashes with.
 */
export function nothingSuits(mains: readonly Dish[], people: readonly Pick<PersonNeeds, 'name' | 'dietary'>[], tally: readonly NeedTally[]): NeedTally[] {
  const out: NeedTally[] = []
  for (const t of tally) {
    if (LABEL_NEEDS.has(t.need)) {
      if (!mains.some((m) => needsMet(m.labels).has(t.need))) out.push(t)
    } else if (ALLERGY_NEEDS.has(t.need) && mains.length > 0) {
      const withNeed = people.filter((p) => p.dietary.includes(t.need))
      const safe = mains.some((m) => dishClashesWithComing([m], withNeed).length === 0)
      if (!safe) out.push(t)
    }
  }
  return out
}

/** The same day of the month `months` later, or that month's last day when it is shorter (31 January → 28 February). */
function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const first = new Date(Date.UTC(y, m - 1 + months, 1))
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate()
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10)
}

/**
 * The date of meal `number` (from 1) of a series: nightly, one a night from the first; monthly, the same day of
 * each month. The closing meal (number count + 1) is the day after the last night (Eid after Ramadan's last).
 */
export function seriesDate(kind: CommunalSeriesKind, startsOn: string, number: number): string {
  return kind === 'nightly' ? addDays(startsOn, number - 1) : addMonths(startsOn, number - 1)
}

/** Households that have hosted least first (never-hosted at the top), then by name: who to ask next. */
export function fairSuggestions<T extends { name: string; hosted: number }>(households: readonly T[], locale: string, limit = 8): T[] {
  const collator = new Intl.Collator(locale)
  return [...households].sort((a, b) => a.hosted - b.hosted || collator.compare(a.name, b.name)).slice(0, limit)
}
