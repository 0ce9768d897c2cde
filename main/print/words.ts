import { type Meal, MEAL_LABELS } from '../contract/values'

// The printed words for stored keys. Printouts are made in main, away from the renderer's message catalog.

/** The stored JSON array of dietary keys, tolerant of a damaged value. */
export function parseDietary(json: string | null | undefined): string[] {
  if (!json) return []
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
  } catch {
    return []
  }
}

export function mealWord(meal: Meal): string {
  return MEAL_LABELS[meal] ?? meal
}

/** "2 adults, 1 child". */
export function peopleCount(adults: number, children: number): string {
  const parts = [`${adults} ${adults === 1 ? 'adult' : 'adults'}`]
  if (children > 0) parts.push(`${children} ${children === 1 ? 'child' : 'children'}`)
  return parts.join(', ')
}
