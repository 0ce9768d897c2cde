import type { PersonNeeds, SignupWarning } from '../contract/meal-trains'
import { type DietaryNeed, DIETARY_LABELS, DIETARY_NEEDS } from '../contract/values'
import { ENGLISH_LOCALE } from '../contract/errors'
import { labelMidSentence } from '../i18n/case'
import { say } from '../i18n/say'
import { dishClashes } from '../contract/dish-allergens'

// The household as the unit of care: every member's needs, the train's own typed-in list beside them, and what
// a planned dish clashes with across all of them.

const word = (need: string) => (DIETARY_LABELS[need as DietaryNeed] ?? need).toLowerCase()

function list(items: string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

/** A need as a sentence says it: the catalog's label, in lower case in English ("added nut allergy"). */
function needWord(locale: string, need: string): string {
  if (!DIETARY_NEEDS.includes(need as DietaryNeed)) return need
  const label = say(locale, `members.dietary.${need as DietaryNeed}`)
  return labelMidSentence(label, locale)
}

/**
 * What changed between the needs the coordinator last saw and the member records now, one line a person, in the
 * locale's words: "Sam Okafor: added nut allergy; removed gluten-free". A train never marked as seen compares
 * with nothing, so every need on record shows once as new.
 */
export function needsChanges(seen: PersonNeeds[] | null, now: PersonNeeds[], locale = ENGLISH_LOCALE): string[] {
  const before = new Map((seen ?? []).map((p) => [p.personId, p]))
  const needs = (list: string[]) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(list.map((n) => needWord(locale, n)))
  const out: string[] = []
  for (const p of now) {
    const was = before.get(p.personId)
    before.delete(p.personId)
    const old = new Set(was?.dietary ?? [])
    const cur = new Set(p.dietary)
    const parts: string[] = []
    const added = p.dietary.filter((n) => !old.has(n))
    const removed = [...old].filter((n) => !cur.has(n))
    if (added.length) parts.push(say(locale, 'mealTrains.needsChanges.added', { needs: needs(added) }))
    if (removed.length) parts.push(say(locale, 'mealTrains.needsChanges.removed', { needs: needs(removed) }))
    if ((was?.notes ?? null) !== p.notes) {
      if (!p.notes) parts.push(say(locale, 'mealTrains.needsChanges.notesCleared'))
      else parts.push(say(locale, was?.notes ? 'mealTrains.needsChanges.notesNowSay' : 'mealTrains.needsChanges.notesSay', { notes: p.notes }))
    }
    if (parts.length) {
      const changes = parts.reduce((earlier, next) => say(locale, 'mealTrains.needsChanges.then', { before: earlier, after: next }))
      out.push(say(locale, 'mealTrains.needsChanges.line', { name: p.name, changes }))
    }
  }
  for (const gone of before.values()) if (gone.dietary.length || gone.notes) out.push(say(locale, 'mealTrains.needsChanges.gone', { name: gone.name }))
  return out
}

/**
 * Allergy warnings for a dish against everyone the meals are for: one per need, naming who has it
 * ("“Peanut satay noodles” may not suit Sam Okafor (nut allergy): it mentions “peanut”, “satay”.").
 */
export function dishWarnings(dish: string | null | undefined, household: PersonNeeds[], trainNeeds: readonly DietaryNeed[]): Extract<SignupWarning, { kind: 'allergy' }>[] {
  if (!dish?.trim()) return []
  const byNeed = new Map<DietaryNeed, { who: string[]; words: Set<string> }>()
  const check = (who: string, needs: readonly DietaryNeed[]) => {
    for (const clash of dishClashes(dish, needs)) {
      const entry = byNeed.get(clash.need) ?? { who: [], words: new Set<string>() }
      if (!entry.who.includes(who)) entry.who.push(who)
      for (const w of clash.words) entry.words.add(w)
      byNeed.set(clash.need, entry)
    }
  }
  for (const p of household) check(p.name, p.dietary)
  check('this family', trainNeeds.filter((n) => !household.some((p) => p.dietary.includes(n))))
  return [...byNeed].map(([need, { who, words }]) => ({
    kind: 'allergy',
    need,
    who,
    words: [...words],
    message: `“${dish.trim()}” may not suit ${list(who)} (${word(need)}): it mentions ${[...words].map((w) => `“${w}”`).join(', ')}.`,
  }))
}
