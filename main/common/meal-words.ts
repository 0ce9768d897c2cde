import type { MealDutyRow } from '../../db/reach'
import { type CareKind, MEAL_LABELS } from '../contract/values'
import { say } from '../i18n/say'
import { careSlotWord } from './care-words'

/**
 * A care calendar's sign-up in the locale's words, wherever it is named outside the calendar itself (the call
 * list, a calendar file, a member's commitments): "Dinner for the Okafor family"; for another kind of care
 * calendar "Ride (morning) for Ann Abbott".
 */
export function mealWhat(kind: MealDutyRow['kind'], meal: MealDutyRow['meal'], recipientName: string, locale = 'en', care: { kind: CareKind; title: string | null } = { kind: 'meals', title: null }): string {
  if (!(meal in MEAL_LABELS)) return recipientName
  if (care.kind !== 'meals') return say(locale, 'messages.duty.meal', { meal: careSlotWord(care.kind, meal, care.title, locale), name: recipientName })
  const word = say(locale, `mealTrains.meal.${meal}`)
  return kind === 'gift_card' ? say(locale, 'messages.duty.giftCard', { meal: word, name: recipientName }) : say(locale, 'messages.duty.meal', { meal: word, name: recipientName })
}
