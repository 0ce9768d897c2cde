import type { Content } from 'pdfmake/interfaces'
import { dayNumber } from '../../contract/meal-trains'
import { say } from '../../i18n/say'
import type { MealTrainForPrint } from '../../common/meal-train'
import { formatDay, formatDayRange, formatTimeRange } from '../engine/dates'
import type { Profile } from './profile'
import { careSlotWord } from '../../common/care-words'

// The words the sign-up sheet speaks for each kind of care calendar (issue 15). A ride sheet for drivers carries
// the pick-up address, the destination and the times; the noticeboard copy never shows an address or anything
// that hints at health (where a ride goes, a wheelchair, what help is needed).

type Calendar = Pick<MealTrainForPrint, 'kind' | 'title' | 'dateKnown' | 'startsOn' | 'endsOn'>

/** "Mon 2 Mar", or "Day 3" while the calendar's date is not known. */
export function careDay(train: Calendar, date: string, locale: string): string {
  return train.dateKnown ? formatDay(date, locale) : say(locale, 'printed.care.day', { n: dayNumber(date, train.startsOn) })
}

export function careDayRange(train: Calendar, locale: string): string {
  return train.dateKnown ? formatDayRange(train.startsOn, train.endsOn, locale) : say(locale, 'printed.care.dayRange', { n: dayNumber(train.endsOn, train.startsOn) })
}

/** "Dinner 17:30–18:30", "Ride (morning) 09:00–12:00": always one line. */
export function careSlotAndTime(train: Calendar, slot: Pick<MealTrainForPrint['slots'][number], 'meal' | 'from' | 'to'>, locale: string): string {
  return `${careSlotWord(train.kind, slot.meal, train.title, locale)} ${formatTimeRange(slot.from, slot.to, locale)}`
}

/** The sheet's column headings for the slot and for what the volunteer writes in, and how many are still open. */
export function careColumns(train: Calendar, locale: string): { slot: string; bring: string; open: (open: number, count: number) => string } {
  if (train.kind === 'meals') {
    return { slot: say(locale, 'printed.col.mealAndTime'), bring: say(locale, 'printed.meals.bring'), open: (open, count) => say(locale, 'printed.meals.open', { open, count }) }
  }
  const slot = say(locale, train.kind === 'rides' ? 'printed.care.col.ride' : 'printed.care.col.help')
  return { slot, bring: say(locale, 'printed.care.col.notes'), open: (open, count) => say(locale, train.kind === 'rides' ? 'printed.care.openRides' : 'printed.care.open', { open, count }) }
}

/**
 * A ride's line at the top of every page, where a meal sheet has its allergies: the addresses for drivers, and on
 * the noticeboard only that the coordinator has them.
 */
export function rideBanner(profile: Profile, train: Pick<MealTrainForPrint, 'ridePickup' | 'rideDestination' | 'rideAppointment'>, locale: string): string {
  if (profile === 'noticeboard') return say(locale, 'printed.care.ride.public')
  const route = say(locale, 'printed.care.ride.route', { pickup: train.ridePickup?.trim() ?? '', destination: train.rideDestination?.trim() ?? '' })
  return train.rideAppointment ? `${route} · ${say(locale, 'printed.care.ride.appointmentAt', { time: train.rideAppointment })}` : route
}

/** The ride or the help itself, for the top of the first page, as the profile allows. */
export function careFacts(profile: Profile, train: MealTrainForPrint, locale: string): Content[] {
  const publicCopy = profile === 'noticeboard'
  const facts: Content[] = []
  const line = (label: string, value: string | null | undefined) => {
    if (value?.trim()) facts.push({ text: [{ text: say(locale, 'printed.label', { label, value: '' }), bold: true }, value.trim()], margin: [0, 0, 0, 2] })
  }
  if (train.kind === 'rides') {
    if (publicCopy) {
      line(say(locale, 'printed.care.ride.label'), say(locale, 'printed.care.ride.publicFact'))
    } else {
      line(say(locale, 'printed.care.ride.pickup'), train.ridePickup)
      line(say(locale, 'printed.care.ride.destination'), train.rideDestination)
    }
    line(say(locale, 'printed.care.ride.appointment'), train.rideAppointment)
    const needs = [
      train.rideReturn && say(locale, 'printed.care.ride.return'),
      !publicCopy && train.rideWheelchair && say(locale, 'printed.care.ride.wheelchair'),
      train.rideChildSeat && say(locale, 'printed.care.ride.childSeat'),
    ].filter((n): n is string => typeof n === 'string')
    line(say(locale, 'printed.care.ride.alsoNeeded'), needs.join(', '))
  } else if (train.kind !== 'meals') {
    line(say(locale, 'printed.care.what'), publicCopy ? null : train.careWhat)
    line(say(locale, 'printed.care.where'), publicCopy ? null : train.careWhere)
    line(say(locale, 'printed.care.when'), train.careWhen)
  }
  if (!train.dateKnown) line(say(locale, 'printed.care.dayOneIs'), train.dayOneLabel ?? say(locale, 'printed.care.dayOneNotSet'))
  return facts
}
