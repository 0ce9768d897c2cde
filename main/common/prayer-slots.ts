import { DateTime } from 'luxon'
import { RRule, type Options as RRuleOptions } from 'rrule'
import type { MessageId } from '../contract/i18n/en'
import { HearthError, type MessageValues } from '../contract/errors'

/** One generated slot: real instants (UTC ISO) plus the congregation-local day and times it is labelled with. */
export interface GeneratedSlot {
  /** The instant the rule produced (for a vigil, the same as startsAt). */
  occursAt: string
  startsAt: string
  endsAt: string
  /** 'YYYY-MM-DD' in the congregation's zone. */
  localDate: string
  /** 'HH:MM' in the congregation's zone. */
  localStart: string
  localEnd: string
}

/** Why a schedule cannot be made, worded for the volunteer, beside the form input at fault (`field`). */
function slotRule(field: string, id: MessageId, values?: MessageValues): HearthError {
  return new HearthError('invalid_input', id, values, { [field]: values ? { id, values } : id })
}

// A vigil longer than a month, or with more slots than a person could ever fill in on a sheet, is almost
// certainly a typing mistake (7 days typed as 700 hours); refusing it early keeps the screens and printouts sane.
export const VIGIL_MAX_DAYS = 31
export const VIGIL_MAX_HOURS = VIGIL_MAX_DAYS * 24
export const VIGIL_MAX_SLOTS = 1500
export const SLOT_MIN_MINUTES = 5

// A recurring schedule is generated ahead for at most this long; a new one can be started after it.
export const RECURRING_MAX_DAYS = 731
export const RECURRING_MAX_OCCURRENCES = 400

function toSlot(start: DateTime, end: DateTime, occurs: DateTime = start): GeneratedSlot {
  return {
    occursAt: occurs.toUTC().toISO({ suppressMilliseconds: true })!,
    startsAt: start.toUTC().toISO({ suppressMilliseconds: true })!,
    endsAt: end.toUTC().toISO({ suppressMilliseconds: true })!,
    localDate: start.toISODate()!,
    localStart: start.toFormat('HH:mm'),
    localEnd: end.toFormat('HH:mm'),
  }
}

/** The instant a local wall-clock date and time names in `zone`, refusing a time the clocks skip that day. */
export function localInstant(date: string, time: string, zone: string): DateTime {
  const dt = DateTime.fromISO(`${date}T${time}`, { zone })
  if (!dt.isValid) throw slotRule('startDate', 'errors.slots.realDateTime')
  if (dt.toFormat('HH:mm') !== time) {
    throw slotRule('startTime', 'errors.slots.clocksForward', { time, date })
  }
  return dt
}

export interface VigilInput {
  startDate: string
  startTime: string
  /** Real elapsed hours, so a 24-hour vigil across a clock change still has 24 one-hour slots. */
  hours: number
  slotMinutes: number
  zone: string
}

/**
 * A continuous run of back-to-back slots. Stepping happens on the UTC timeline, so a clock change neither
 * repeats nor drops an hour; the labels are local and show the jump (00:00, 02:00) or the repeat (01:00 twice).
 */
export function vigilSlots(input: VigilInput): GeneratedSlot[] {
  if (!(input.slotMinutes > 0)) throw slotRule('slotMinutes', 'errors.slots.fewMinutes')
  if (input.slotMinutes < SLOT_MIN_MINUTES) throw slotRule('slotMinutes', 'errors.slots.minMinutes', { minutes: SLOT_MIN_MINUTES })
  if (!(input.hours > 0)) throw slotRule('hours', 'errors.slots.vigilHours')
  if (input.hours > VIGIL_MAX_HOURS) {
    throw slotRule('hours', 'errors.slots.vigilMax', { days: VIGIL_MAX_DAYS, hours: VIGIL_MAX_HOURS })
  }
  const totalMinutes = Math.round(input.hours * 60)
  if (totalMinutes % input.slotMinutes !== 0) {
    throw slotRule('slotMinutes', 'errors.slots.uneven', { hours: input.hours, minutes: input.slotMinutes })
  }
  const count = totalMinutes / input.slotMinutes
  if (count > VIGIL_MAX_SLOTS) {
    throw slotRule('slotMinutes', 'errors.slots.tooManySlots', { count, max: VIGIL_MAX_SLOTS })
  }
  const first = localInstant(input.startDate, input.startTime, input.zone).toUTC()
  const slots: GeneratedSlot[] = []
  for (let i = 0; i < count; i++) {
    const start = first.plus({ minutes: i * input.slotMinutes }).setZone(input.zone)
    const end = first.plus({ minutes: (i + 1) * input.slotMinutes }).setZone(input.zone)
    slots.push(toSlot(start, end))
  }
  return slots
}

/** ISO weekday: 1 = Monday … 7 = Sunday (luxon's numbering). */
export type IsoWeekday = number

export type Recurrence =
  | { kind: 'weekly'; weekdays: IsoWeekday[]; interval: number }
  /** The nth weekday of each month: nth 1–4, or -1 for the last. */
  | { kind: 'monthly'; nth: 1 | 2 | 3 | 4 | -1; weekday: IsoWeekday }

export interface RecurringInput {
  recurrence: Recurrence
  startDate: string
  untilDate: string
  time: string
  durationMinutes: number
  zone: string
}

const RRULE_DAYS = [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU]

function ruleOptions(input: RecurringInput): Partial<RRuleOptions> {
  const [y, m, d] = input.startDate.split('-').map(Number) as [number, number, number]
  const [hh, mm] = input.time.split(':').map(Number) as [number, number]
  const [uy, um, ud] = input.untilDate.split('-').map(Number) as [number, number, number]
  // rrule computes in "floating" wall-clock time carried in UTC fields; each result is then placed in the zone.
  const base = {
    dtstart: new Date(Date.UTC(y, m - 1, d, hh, mm)),
    until: new Date(Date.UTC(uy, um - 1, ud, 23, 59, 59)),
    count: RECURRING_MAX_OCCURRENCES + 1,
  }
  const r = input.recurrence
  if (r.kind === 'weekly') {
    return { ...base, freq: RRule.WEEKLY, interval: r.interval, byweekday: [...new Set(r.weekdays)].sort().map((w) => RRULE_DAYS[w - 1]!) }
  }
  return { ...base, freq: RRule.MONTHLY, byweekday: [RRULE_DAYS[r.weekday - 1]!.nth(r.nth)] }
}

/** The RFC 5545 text of a recurrence, kept with the schedule so it can be read back or exported. */
export function recurrenceRule(input: RecurringInput): string {
  const { count: _count, ...options } = ruleOptions(input)
  return new RRule({ ...options, tzid: input.zone }).toString()
}

/**
 * Occurrences of a recurring meeting or rotation between startDate and untilDate (inclusive), at the same local
 * time each time whatever the clocks do. A wall-clock time the clocks skip that day moves forward an hour.
 */
export function recurringSlots(input: RecurringInput): GeneratedSlot[] {
  if (!(input.durationMinutes > 0)) throw slotRule('durationMinutes', 'errors.slots.meetingMinutes')
  if (input.durationMinutes > 24 * 60) throw slotRule('durationMinutes', 'errors.slots.meetingMax')
  if (input.untilDate < input.startDate) throw slotRule('untilDate', 'errors.slots.lastBeforeFirst')
  const span = DateTime.fromISO(input.untilDate).diff(DateTime.fromISO(input.startDate), 'days').days
  if (span > RECURRING_MAX_DAYS) throw slotRule('untilDate', 'errors.slots.twoYears')
  if (input.recurrence.kind === 'weekly' && input.recurrence.weekdays.length === 0) {
    throw slotRule('weekdays', 'errors.plan.oneWeekday')
  }
  const dates = new RRule(ruleOptions(input)).all()
  if (dates.length > RECURRING_MAX_OCCURRENCES) {
    throw slotRule('untilDate', 'errors.slots.tooManyDates', { max: RECURRING_MAX_OCCURRENCES })
  }
  return dates.map((floating) => {
    const start = DateTime.fromObject(
      {
        year: floating.getUTCFullYear(),
        month: floating.getUTCMonth() + 1,
        day: floating.getUTCDate(),
        hour: floating.getUTCHours(),
        minute: floating.getUTCMinutes(),
      },
      { zone: input.zone },
    )
    return toSlot(start, start.plus({ minutes: input.durationMinutes }))
  })
}

/** A meeting moved to another local date and time, keeping its length; `occursAt` still names the original. */
export function movedSlot(original: GeneratedSlot, toDate: string, toTime: string, zone: string): GeneratedSlot {
  const minutes = (Date.parse(original.endsAt) - Date.parse(original.startsAt)) / 60_000
  const start = localInstant(toDate, toTime, zone)
  return toSlot(start, start.plus({ minutes }), DateTime.fromISO(original.occursAt))
}

/** Local labels for a stored slot, for screens and printouts. */
export function labelSlot(startsAt: string, endsAt: string, zone: string): { localDate: string; localStart: string; localEnd: string } {
  const s = DateTime.fromISO(startsAt, { zone })
  const e = DateTime.fromISO(endsAt, { zone })
  return { localDate: s.toISODate()!, localStart: s.toFormat('HH:mm'), localEnd: e.toFormat('HH:mm') }
}
