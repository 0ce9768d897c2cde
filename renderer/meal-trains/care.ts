import { useIntl } from 'react-intl'
import { dayNumber, type MealTrainDetail } from '../../main/contract/meal-trains'
import type { Meal } from '../../main/contract/values'
import { useDayFormat } from './days'

type CareCalendar = Pick<MealTrainDetail, 'kind' | 'title' | 'dateKnown' | 'startsOn'>

/**
 * The words a care calendar speaks: a meal train's slots are "Dinner", a ride's "Ride (Morning)"; an undated
 * calendar's days are "Day 3" until its date is set.
 */
export function useCareWords(train: CareCalendar) {
  const intl = useIntl()
  const day = useDayFormat()
  const slot = (meal: Meal): string => {
    if (train.kind === 'meals') return intl.formatMessage({ id: `mealTrains.meal.${meal}` })
    const what = train.kind === 'other' ? (train.title ?? intl.formatMessage({ id: 'care.kind.other' })) : intl.formatMessage({ id: `care.noun.${train.kind}` })
    return intl.formatMessage({ id: 'care.slot' }, { what, part: intl.formatMessage({ id: `care.part.${meal}` }) })
  }
  const dayName = (date: string): string => (train.dateKnown ? day.long(date) : intl.formatMessage({ id: 'care.dayN' }, { n: dayNumber(date, train.startsOn) }))
  /** The name of one of the three times of day a calendar of this kind offers (Dinner, or Morning). */
  const part = (meal: Meal): string => intl.formatMessage({ id: train.kind === 'meals' ? `mealTrains.meal.${meal}` : `care.part.${meal}` })
  return { slot, day: dayName, part }
}
