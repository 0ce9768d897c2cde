import { DateTime } from 'luxon'
import { type Meal, MEAL_ORDER } from '../contract/values'
import { HearthError } from '../contract/errors'


export interface MealWindow {
  meal: Meal
  /** 'HH:MM' local time. */
  from: string
  to: string
}

export interface SlotPlan {
  startsOn: string
  endsOn: string
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: number[]
  meals: MealWindow[]
  /** 1 = every week (the default), 2 = every other week …, counted from the week of the first day. */
  weekInterval?: number
}

export interface Slot {
  date: string
  meal: Meal
  /** 'HH:MM' wall-clock times in the congregation's time zone; `slotInstants` turns them into instants. */
  from: string
  to: string
}

/** A train longer than this is almost certainly a typo in the year. */
export const MAX_TRAIN_DAYS = 366


/** Calendar days are counted in UTC so no zone's DST change can add or skip one. */
function day(iso: string): DateTime {
  return DateTime.fromISO(iso, { zone: 'utc' })
}

/** Throws a HearthError naming the field at fault when the plan cannot make any slots. */
export function checkSlotPlan(plan: SlotPlan): void {
  const start = day(plan.startsOn)
  const end = day(plan.endsOn)
  if (!start.isValid) throw new HearthError('invalid_input', 'errors.plan.firstNotDate', undefined, { startsOn: 'errors.field.realDate' })
  if (!end.isValid) throw new HearthError('invalid_input', 'errors.plan.lastNotDate', undefined, { endsOn: 'errors.field.realDate' })
  if (end < start) {
    throw new HearthError('invalid_input', 'errors.plan.lastBeforeFirst', undefined, { endsOn: 'errors.plan.lastOnOrAfter' })
  }
  if (end.diff(start, 'days').days + 1 > MAX_TRAIN_DAYS) {
    throw new HearthError('invalid_input', 'errors.plan.tooLong', { days: MAX_TRAIN_DAYS }, { endsOn: 'errors.plan.earlierLast' })
  }
  if (plan.weekdays.length === 0) throw new HearthError('invalid_input', 'errors.plan.oneWeekday', undefined, { weekdays: 'errors.plan.oneDay' })
  if (plan.weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
    throw new HearthError('invalid_input', 'errors.plan.unknownWeekday', undefined, { weekdays: 'errors.plan.mondayToSunday' })
  }
  const interval = plan.weekInterval ?? 1
  if (!Number.isInteger(interval) || interval < 1 || interval > 4) {
    throw new HearthError('invalid_input', 'errors.plan.interval', undefined, { weekInterval: 'errors.plan.howOften' })
  }
  if (plan.meals.length === 0) throw new HearthError('invalid_input', 'errors.plan.oneMeal', undefined, { meals: 'errors.plan.oneMeal' })
  const seen = new Set<Meal>()
  for (const m of plan.meals) {
    if (seen.has(m.meal)) throw new HearthError('invalid_input', 'errors.plan.mealTwice', { meal: m.meal }, { meals: 'errors.plan.eachMealOnce' })
    seen.add(m.meal)
    if (m.to <= m.from) {
      throw new HearthError('invalid_input', 'errors.plan.windowBackwards', { meal: m.meal }, { meals: 'errors.plan.windowEndAfter' })
    }
  }
  const days = eachDay(plan.startsOn, plan.endsOn).filter((d) => onPattern(plan, d))
  if (days.length === 0) {
    throw new HearthError('invalid_input', 'errors.plan.noWeekdayInDates', undefined, { weekdays: 'errors.plan.dayWithinDates' })
  }
}

// Day stepping runs on every read of a train, so it uses plain UTC Date arithmetic (no zone, so no DST) rather
// than building a luxon DateTime per day.
const DAY_MS = 86_400_000

/** Every calendar day from `startsOn` to `endsOn`, inclusive. */
export function eachDay(startsOn: string, endsOn: string): string[] {
  const out: string[] = []
  const end = Date.parse(`${endsOn}T00:00:00Z`)
  for (let t = Date.parse(`${startsOn}T00:00:00Z`); t <= end; t += DAY_MS) out.push(new Date(t).toISOString().slice(0, 10))
  return out
}

/** ISO weekday (1 = Monday) of a 'YYYY-MM-DD' day. */
export function weekdayOf(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1
}

/** Which week of the plan a day falls in: 0 for the week (Monday to Sunday) holding the first day, then 1, 2… */
export function weekOfPlan(startsOn: string, date: string): number {
  const monday = Date.parse(`${startsOn}T00:00:00Z`) - (weekdayOf(startsOn) - 1) * DAY_MS
  return Math.floor((Date.parse(`${date}T00:00:00Z`) - monday) / (7 * DAY_MS))
}

/** Whether a day is one the plan asks for: one of its weekdays, in one of its weeks. */
export function onPattern(plan: Pick<SlotPlan, 'startsOn' | 'weekdays' | 'weekInterval'>, date: string): boolean {
  return plan.weekdays.includes(weekdayOf(date)) && weekOfPlan(plan.startsOn, date) % (plan.weekInterval ?? 1) === 0
}

/** The (day, meal, delivery window) slots of a train, in date then meal order. */
export function generateSlots(plan: SlotPlan): Slot[] {
  checkSlotPlan(plan)
  const meals = [...plan.meals].sort((a, b) => MEAL_ORDER[a.meal] - MEAL_ORDER[b.meal])
  const slots: Slot[] = []
  for (const date of eachDay(plan.startsOn, plan.endsOn)) {
    if (!onPattern(plan, date)) continue
    for (const m of meals) slots.push({ date, meal: m.meal, from: m.from, to: m.to })
  }
  return slots
}

/**
 * A slot's delivery window as UTC instants, reading its wall-clock times in `timeZone`. On a day when the clocks
 * change the window keeps its wall-clock time; a time that does not exist (the skipped hour) moves forward.
 */
export function slotInstants(slot: Pick<Slot, 'date' | 'from' | 'to'>, timeZone: string): { startsAt: string; endsAt: string } {
  return { startsAt: instant(slot.date, slot.from, timeZone), endsAt: instant(slot.date, slot.to, timeZone) }
}

/** A local day and 'HH:MM' in a zone, as a UTC instant ('2026-03-29T17:00:00Z'). */
export function instant(date: string, time: string, timeZone: string): string {
  const t = DateTime.fromISO(`${date}T${time}`, { zone: timeZone })
  if (!t.isValid) throw new HearthError('invalid_input', 'errors.plan.unknownZone', { zone: timeZone })
  return t.toUTC().toISO({ suppressMilliseconds: true })!
}


