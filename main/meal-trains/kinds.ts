import { type MealTrainFields, RELATIVE_EPOCH } from '../contract/meal-trains'
import type { CareKind } from '../contract/values'
import { HearthError } from '../contract/errors'
import { instant, type Slot } from '../common/meal-slots'

// What each kind of care calendar asks for. The stored record has every kind's columns; a calendar keeps only its
// own kind's, so a meal train copied or edited never carries a stray pick-up address onto a printout.

const RIDE_FIELDS = ['ridePickup', 'rideDestination', 'rideAppointment', 'rideReturn', 'rideWheelchair', 'rideChildSeat'] as const
const CARE_FIELDS = ['careWhat', 'careWhere', 'careWhen'] as const

const EMPTY: Pick<MealTrainFields, (typeof RIDE_FIELDS)[number] | (typeof CARE_FIELDS)[number] | 'title'> = {
  title: null,
  careWhat: null,
  careWhere: null,
  careWhen: null,
  ridePickup: null,
  rideDestination: null,
  rideAppointment: null,
  rideReturn: false,
  rideWheelchair: false,
  rideChildSeat: false,
}

function ownFields(kind: CareKind): readonly (keyof typeof EMPTY)[] {
  if (kind === 'meals') return []
  if (kind === 'rides') return RIDE_FIELDS
  if (kind === 'other') return ['title', ...CARE_FIELDS]
  return CARE_FIELDS
}

/** The fields with every other kind's emptied. */
export function keepOwnFields(f: MealTrainFields): MealTrainFields {
  const own = new Set<string>(ownFields(f.kind))
  const cleared = Object.fromEntries(Object.entries(EMPTY).filter(([k]) => !own.has(k)))
  return { ...f, ...cleared }
}

/**
 * Throws a HearthError naming the field at fault when a kind's own fields are missing, or when an undated
 * calendar (Day 1, Day 2…) asks for weekdays it cannot know yet.
 */
export function checkCareFields(f: MealTrainFields): void {
  if (f.kind === 'other' && !f.title?.trim()) throw new HearthError('invalid_input', 'errors.plan.title', undefined, { title: 'errors.plan.title.field' })
  if (f.kind === 'rides') {
    if (!f.ridePickup?.trim()) throw new HearthError('invalid_input', 'errors.plan.pickup', undefined, { ridePickup: 'errors.plan.pickup.field' })
    if (!f.rideDestination?.trim()) throw new HearthError('invalid_input', 'errors.plan.destination', undefined, { rideDestination: 'errors.plan.destination.field' })
  }
  if (!f.dateKnown) {
    if (f.startsOn !== RELATIVE_EPOCH) throw new HearthError('invalid_input', 'errors.plan.undatedFromDayOne', undefined, { startsOn: 'errors.plan.undatedFromDayOne.field' })
    if (f.weekdays.length !== 7 || f.weekInterval !== 1) {
      throw new HearthError('invalid_input', 'errors.plan.undatedEveryDay', undefined, { weekdays: 'errors.plan.undatedEveryDay.field' })
    }
  }
}

/** A calendar's own fields, checked. */
export function careFields(f: MealTrainFields): MealTrainFields {
  const own = keepOwnFields(f)
  checkCareFields(own)
  return own
}

export interface RideTimes {
  /** UTC instants; the pick-up window's start and end as the coordinator set them, in the congregation's zone. */
  pickUpAt: string
  homeBy: string
  appointmentAt: string | null
}

/**
 * A ride slot's times as instants. The wall-clock times hold on a day the clocks change (09:30 stays 09:30); one
 * in the skipped hour moves forward.
 */
export function rideTimes(train: Pick<MealTrainFields, 'rideAppointment'>, slot: Pick<Slot, 'date' | 'from' | 'to'>, timeZone: string): RideTimes {
  return {
    pickUpAt: instant(slot.date, slot.from, timeZone),
    homeBy: instant(slot.date, slot.to, timeZone),
    appointmentAt: train.rideAppointment ? instant(slot.date, train.rideAppointment, timeZone) : null,
  }
}
