import { z } from 'zod'
import { read, write } from './define'
import { id, isoDate, timeOfDay } from './validation'
import { followsTextRules } from './text'

// Standing hours: a weekly prayer schedule with no end (an adoration chapel, a prayer room), its holders, dates
// that differ, and the pool of substitutes. Weeks are worked out when read; nothing is stored per week.

export interface StandingSummary {
  id: number
  circleId: number
  title: string
  slotMinutes: number
  peoplePerSlot: number
  /** Slots in one week. */
  slotCount: number
  /** Slots of the week with fewer standing holders than places, as of today. */
  uncoveredCount: number
}

export type StandingClock = 'none' | 'skipped' | 'shorter' | 'longer'

export interface StandingPerson {
  personId: number
  name: string
  role: 'holder' | 'substitute' | 'extra'
  holderId: number | null
  exceptionId: number | null
}

/** One slot on one date, worked out from the weekly pattern, its holders and that date's exceptions. */
export interface StandingSlot {
  hourId: number
  date: string
  weekday: number
  localStart: string
  localEnd: string
  startsAt: string
  endsAt: string
  minutes: number
  clock: StandingClock
  /** The clock change in words, or null. */
  clockNote: string | null
  closed: boolean
  closedNote: string | null
  closedBy: number | null
  people: StandingPerson[]
  needsSubstitute: { holderId: number; personId: number; name: string; exceptionId: number }[]
  missing: number
}

export interface StandingWeek {
  id: number
  circleId: number
  circleName: string
  title: string
  timeZone: string
  slotMinutes: number
  peoplePerSlot: number
  /** Monday … Sunday of the week asked for. */
  dates: string[]
  /** The times of day that have a slot on some day, in order ('HH:MM' starts). */
  times: string[]
  slots: StandingSlot[]
  /** Slots that week still short of people, and holders away with nobody in their place. */
  openCount: number
  substituteCount: number
}

export interface StandingNeeds {
  title: string
  circleName: string
  from: string
  to: string
  /** Every slot in the stretch short of people or waiting for a substitute, in time order. */
  slots: StandingSlot[]
}

export interface PoolMember {
  personId: number
  name: string
  phone: string | null
  maxPerMonth: number | null
  times: { weekday: number; start: string; end: string }[]
}

export interface SubstituteOption {
  personId: number
  name: string
  phone: string | null
  /** Times they have stood in during the three months before the date and its own month. */
  asked: number
  maxPerMonth: number | null
  /** Times they stand in during the date's month already. */
  thisMonth: number
  /** The slot falls in a time of the week they prefer. */
  prefers: boolean
}

/** A stretch of the week a member prefers or can never do; '00:00' as the end means midnight at the end of the day. */
export interface WeekTimeStretch {
  kind: 'prefer' | 'impossible'
  weekday: number
  start: string
  end: string
}

/** What a member's pane shows of standing hours: the slots they keep, the pools they offer to, their times of the week. */
export interface PersonStanding {
  held: { holderId: number; scheduleId: number; title: string; circleName: string; weekday: number; start: string; end: string; fromDate: string; untilDate: string | null }[]
  pools: { scheduleId: number; title: string; circleName: string; maxPerMonth: number | null; times: { weekday: number; start: string; end: string }[] }[]
  weekTimes: WeekTimeStretch[]
}

const weekday = () => z.number().int().min(1).max(7)
const title = () => z.string().trim().min(1, 'validation.giveTitle').max(120, 'validation.titleTooLong').check(followsTextRules('line'))
const note = () => z.string().trim().max(200, 'validation.noteTooLong').check(followsTextRules('line')).nullable().default(null)
const month = () => z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'validation.monthLike')

export const standingHoursContract = {
  'standingHours.list': read<StandingSummary[]>()(z.strictObject({ circleId: id() })),
  /** A new weekly pattern: the chosen days, each from `fromTime` to `toTime` (00:00 as the end means midnight). */
  'standingHours.create': write<{ id: number; slotCount: number }>()(
    z.strictObject({
      circleId: id(),
      title: title(),
      slotMinutes: z.union([z.literal(30), z.literal(60)]).default(60),
      peoplePerSlot: z.number().int().min(1, 'validation.standing.peopleMin').max(10, 'validation.standing.peopleMax').default(1),
      weekdays: z.array(weekday()).min(1, 'validation.weekdays').max(7),
      fromTime: timeOfDay(),
      toTime: timeOfDay(),
    }),
  ),
  'standingHours.delete': write<null>()(z.strictObject({ scheduleId: id() })),
  /** The week (Monday to Sunday) containing `date`. */
  'standingHours.week': read<StandingWeek>()(z.strictObject({ scheduleId: id(), date: isoDate() })),
  /** Every slot of one month still short of people or waiting for a substitute. */
  'standingHours.needs': read<StandingNeeds>()(z.strictObject({ scheduleId: id(), month: month() })),

  /** A member takes a standing slot every week from a date (and until one, if they already know). */
  'standingHours.take': write<{ id: number }>()(
    z.strictObject({ hourId: id(), personId: id(), fromDate: isoDate(), untilDate: isoDate().nullable().default(null) }),
  ),
  /** A holder stops: `lastDate` is the last date they come. */
  'standingHours.release': write<null>()(z.strictObject({ holderId: id(), lastDate: isoDate() })),
  /** A holder cannot come on one date: the slot needs a substitute for that date only. */
  'standingHours.markAway': write<{ exceptionId: number }>()(z.strictObject({ holderId: id(), date: isoDate(), note: note() })),
  /** Closes the chapel for a whole date (hourId null) or one slot of it. */
  'standingHours.close': write<{ exceptionId: number }>()(z.strictObject({ scheduleId: id(), date: isoDate(), hourId: id().nullable().default(null), note: note() })),
  /** A one-off extra person for one slot on one date. */
  'standingHours.addExtra': write<{ exceptionId: number }>()(z.strictObject({ hourId: id(), date: isoDate(), personId: id() })),
  /** Undoes a date's exception: the holder is coming after all, the chapel opens, the extra is not. */
  'standingHours.clearException': write<null>()(z.strictObject({ exceptionId: id() })),

  'standingHours.pool': read<PoolMember[]>()(z.strictObject({ scheduleId: id() })),
  /** Adds a member to the substitute pool, or changes their times of the week and how often they can come. */
  'standingHours.offer': write<null>()(
    z.strictObject({
      scheduleId: id(),
      personId: id(),
      maxPerMonth: z.number().int().min(1).max(31).nullable().default(null),
      times: z
        .array(
          z
            .strictObject({ weekday: weekday(), start: timeOfDay(), end: timeOfDay() })
            .refine((t) => t.end === '00:00' || t.end > t.start, { message: 'validation.endAfterStart', path: ['end'] }),
        )
        .min(1, 'validation.standing.times')
        .max(100),
    }),
  ),
  'standingHours.withdraw': write<null>()(z.strictObject({ scheduleId: id(), personId: id() })),
  /** Pool members free for an away holder's slot, least asked first. */
  'standingHours.findSubstitute': read<SubstituteOption[]>()(z.strictObject({ exceptionId: id() })),
  'standingHours.chooseSubstitute': write<null>()(z.strictObject({ exceptionId: id(), personId: id() })),
  /** A member's standing slots (from today on), substitute pools and preferred or impossible times of the week. */
  'standingHours.ofPerson': read<PersonStanding>()(z.strictObject({ personId: id() })),
  /** Replaces a member's preferred and impossible times of the week; every automatic fill honours them. */
  'standingHours.setWeekTimes': write<null>()(
    z.strictObject({
      personId: id(),
      times: z
        .array(
          z
            .strictObject({ kind: z.enum(['prefer', 'impossible']), weekday: weekday(), start: timeOfDay(), end: timeOfDay() })
            .refine((t) => t.end === '00:00' || t.end > t.start, { message: 'validation.endAfterStart', path: ['end'] }),
        )
        .max(7 * 48, 'validation.standing.tooManyStretches'),
    }),
  ),
  /** Fills every slot of a month waiting for a substitute from the pool, coverage first. */
  'standingHours.fillMonth': write<{ added: number; stillOpen: number }>()(z.strictObject({ scheduleId: id(), month: month() })),
}
