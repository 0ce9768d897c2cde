import type { PersonNeeds, SignupWarning } from '../contract/meal-trains'
import { type DietaryNeed, DIETARY_LABELS } from '../contract/values'
import { dishClashes } from './dish-allergens'

// The household as the unit of care: every member's needs, the train's own typed-in list beside them, and what
// a planned dish clashes with across all of them.

const word = (need: string) => (DIETARY_LABELS[need as DietaryNeed] ?? need).toLowerCase()

function list(items: string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

/**
 * What changed between the needs the coordinator last saw and the member records now, one line a person:
 * "Sam Okafor: added nut allergy; removed gluten-free". A train never marked as seen compares with nothing, so
 * every need on record shows once as new.
 */
export function needsChanges(seen: PersonNeeds[] | null, now: PersonNeeds[]): string[] {
  const before = new Map((seen ?? []).map((p) => [p.personId, p]))
  const out: string[] = []
  for (const p of now) {
    const was = before.get(p.personId)
    before.delete(p.personId)
    const old = new Set(was?.dietary ?? [])
    const cur = new Set(p.dietary)
    const parts: string[] = []
    const added = p.dietary.filter((n) => !old.has(n)).map(word)
    const removed = [...old].filter((n) => !cur.has(n)).map(word)
    if (added.length) parts.push(`added ${list(added)}`)
    if (removed.length) parts.push(`removed ${list(removed)}`)
    if ((was?.notes ?? null) !== p.notes) parts.push(p.notes ? (was?.notes ? `notes now say “${p.notes}”` : `notes say “${p.notes}”`) : 'notes cleared')
    if (parts.length) out.push(`${p.name}: ${parts.join('; ')}`)
  }
  for (const gone of before.values()) if (gone.dietary.length || gone.notes) out.push(`${gone.name} is no longer listed in the household`)
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
