import type { Content } from 'pdfmake/interfaces'
import { careSlotLabel, dayNumber } from '../contract/meal-trains'
import { CARE_KIND_LABELS } from '../contract/values'
import type { MealTrainForPrint } from '../meal-trains/train'
import { formatDay, formatDayRange, formatTimeRange } from './dates'
import type { Profile } from './profile'

// The words the sign-up sheet speaks for each kind of care calendar (issue 15). A ride sheet for drivers carries
// the pick-up address, the destination and the times; the noticeboard copy never shows an address or anything
// that hints at health (where a ride goes, a wheelchair, what help is needed).

type Calendar = Pick<MealTrainForPrint, 'kind' | 'title' | 'dateKnown' | 'startsOn' | 'endsOn'>

/** "Mon 2 Mar", or "Day 3" while the calendar's date is not known. */
export function careDay(train: Calendar, date: string, locale: string): string {
  return train.dateKnown ? formatDay(date, locale) : `Day ${dayNumber(date, train.startsOn)}`
}

export function careDayRange(train: Calendar, locale: string): string {
  return train.dateKnown ? formatDayRange(train.startsOn, train.endsOn, locale) : `Day 1 to Day ${dayNumber(train.endsOn, train.startsOn)}`
}

/** "Dinner 17:30–18:30", "Ride (morning) 09:00–12:00": always one line. */
export function careSlotAndTime(train: Calendar, slot: Pick<MealTrainForPrint['slots'][number], 'meal' | 'from' | 'to'>, locale: string): string {
  return `${careSlotLabel(train.kind, slot.meal, train.title)} ${formatTimeRange(slot.from, slot.to, locale)}`
}

/** "Meals for the Okafor family", "Rides for Ann A.", "Dog walking for …". */
export function careTitle(train: Calendar, who: string): string {
  const what = train.kind === 'other' ? train.title?.trim() || CARE_KIND_LABELS.other : CARE_KIND_LABELS[train.kind]
  return `${what} for ${who}`
}

/** The sheet's column headings for the slot and for what the volunteer writes in. */
export function careColumns(train: Calendar): { slot: string; bring: string; open: string } {
  if (train.kind === 'meals') return { slot: 'Meal and time', bring: 'What you will bring', open: 'meals still open' }
  if (train.kind === 'rides') return { slot: 'Ride and pick-up time', bring: 'Notes', open: 'rides still open' }
  return { slot: 'Help and time', bring: 'Notes', open: 'times still open' }
}

/**
 * A ride's line at the top of every page, where a meal sheet has its allergies: the addresses for drivers, and on
 * the noticeboard only that the coordinator has them.
 */
export function rideBanner(profile: Profile, train: Pick<MealTrainForPrint, 'ridePickup' | 'rideDestination' | 'rideAppointment'>): string {
  if (profile === 'noticeboard') return 'Drivers: the coordinator gives you the addresses and times.'
  const appointment = train.rideAppointment ? ` · appointment at ${train.rideAppointment}` : ''
  return `Pick up at ${train.ridePickup?.trim() ?? ''} · going to ${train.rideDestination?.trim() ?? ''}${appointment}`
}

/** The ride or the help itself, for the top of the first page, as the profile allows. */
export function careFacts(profile: Profile, train: MealTrainForPrint): Content[] {
  const publicCopy = profile === 'noticeboard'
  const facts: Content[] = []
  const line = (label: string, value: string | null | undefined) => {
    if (value?.trim()) facts.push({ text: [{ text: `${label}: `, bold: true }, value.trim()], margin: [0, 0, 0, 2] })
  }
  if (train.kind === 'rides') {
    if (publicCopy) {
      line('The ride', 'the coordinator gives the driver the addresses and times.')
    } else {
      line('Pick up at', train.ridePickup)
      line('Going to', train.rideDestination)
    }
    line('Appointment at', train.rideAppointment)
    const needs = [train.rideReturn && 'a return trip', !publicCopy && train.rideWheelchair && 'room for a wheelchair', train.rideChildSeat && 'a child seat'].filter(Boolean)
    line('Also needed', needs.join(', '))
  } else if (train.kind !== 'meals') {
    line('What is needed', publicCopy ? null : train.careWhat)
    line('Where', publicCopy ? null : train.careWhere)
    line('When', train.careWhen)
  }
  if (!train.dateKnown) line('Day 1 is', train.dayOneLabel ?? 'not set yet')
  return facts
}
