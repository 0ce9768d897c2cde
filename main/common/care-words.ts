import { type CareKind, type Meal, MEAL_LABELS } from '../contract/values'
import { say } from '../i18n/say'

// What a care calendar and its slots are called, in the catalog's words: shared by the printouts, messages, the
// call list, calendar files and History, so each says "Ride (morning)" the same way and none imports another's rules.

/** The calendar a slot belongs to, as much of it as its words need. */
export interface CareCalendar {
  kind: CareKind
  title: string | null
}

export function mealWord(meal: Meal, locale = 'en'): string {
  return meal in MEAL_LABELS ? say(locale, `mealTrains.meal.${meal}`) : meal
}

/** What one slot is called: "Dinner", "Ride (morning)", "Dog walking (evening)". */
export function careSlotWord(kind: CareKind, meal: Meal, title: string | null, locale: string): string {
  if (kind === 'meals') return mealWord(meal, locale)
  const noun = kind === 'other' ? title?.trim() || say(locale, 'printed.care.help') : say(locale, `care.noun.${kind}` as const)
  const part = say(locale, `care.part.${meal}` as const)
  // "Ride (morning)", but German keeps its nouns capitalised: "Fahrt (Vormittag)".
  return say(locale, 'printed.care.slot', { noun, part: /^de\b/i.test(locale) ? part : part.toLocaleLowerCase(locale) })
}

/** "Meals for the Okafor family", "Rides for Ann A.", "Dog walking for …". */
export function careTitle(calendar: CareCalendar, who: string, locale: string): string {
  if (calendar.kind === 'meals') return say(locale, 'printed.meals.title', { who })
  const what = calendar.kind === 'other' ? calendar.title?.trim() || say(locale, 'care.kind.other') : say(locale, `care.kind.${calendar.kind}`)
  return say(locale, 'printed.care.title', { what, who })
}
