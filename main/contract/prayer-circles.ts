import { z } from 'zod'
import { PRAYER_CONFIDENTIALITY } from './values'
import { read, write } from './define'
import { followsTextRules } from './text'
import { id, isoDate, timeOfDay } from './validation'

export interface PersonRef {
  personId: number
  name: string
  phone: string | null
}

export interface CircleSummary {
  id: number
  name: string
  leaderName: string | null
  memberCount: number
  scheduleCount: number
  /** Requests members can see: not coordinator-only, not expired, not answered. */
  openRequestCount: number
}

/** A member of a circle, in contact-chain order: each calls the next one in the list. */
export interface CircleMember extends PersonRef {
  chainPosition: number
}

export interface PrayerRequest {
  id: number
  body: string
  requestedBy: string | null
  confidentiality: 'circle' | 'coordinator'
  expiresOn: string | null
  expired: boolean
  answeredAt: string | null
  praiseNote: string | null
  createdAt: string
}

export interface ScheduleSummary {
  id: number
  kind: 'meeting' | 'vigil' | 'rotation'
  title: string
  firstStartsAt: string | null
  lastEndsAt: string | null
  slotCount: number
  /**
   * Vigil and rotation slots (not skipped) with fewer people than the schedule asks for. A meeting is for the whole
   * circle, so people put on its dates (a host, a leader) never leave a gap.
   */
  gapCount: number
  minPeople: number
}

export interface CircleDetail {
  id: number
  name: string
  leader: PersonRef | null
  members: CircleMember[]
  requests: PrayerRequest[]
  schedules: ScheduleSummary[]
}

export type SlotWarning = { kind: 'blackout' } | { kind: 'double_booked'; label: string }

export interface SlotAssignment {
  id: number
  personId: number | null
  name: string
  writeIn: boolean
  source: 'manual' | 'auto'
  needsSubstitute: boolean
  warnings: SlotWarning[]
}

export interface ScheduleSlot {
  id: number
  occursAt: string
  startsAt: string
  endsAt: string
  /** Labels in the schedule's zone. */
  localDate: string
  localStart: string
  localEnd: string
  skipped: boolean
  moved: boolean
  assignments: SlotAssignment[]
  /** Places still open (0 when skipped, full, or a meeting). */
  missing: number
}

export interface ScheduleDetail {
  id: number
  circleId: number
  circleName: string
  kind: 'meeting' | 'vigil' | 'rotation'
  title: string
  timeZone: string
  minPeople: number
  perPersonLimit: number | null
  rrule: string | null
  slots: ScheduleSlot[]
  /** Slots short of people, and the open places across them. */
  gapCount: number
  openPlaces: number
  /** Assignments per member of the circle (and anyone else assigned), most first. */
  counts: { personId: number; name: string; count: number }[]
}

export interface AutoFillResult {
  added: number
  /** Slots nobody could be found for, with how many places stay open. */
  unfilled: { slotId: number; localDate: string; localStart: string; missing: number }[]
}

export interface SubstituteChoice extends PersonRef {
  /** Prayer and meal-train commitments in the 30 days around the slot. */
  load: number
}

const name = () => z.string().trim().min(1, 'validation.giveName').max(120, 'validation.nameTooLong').check(followsTextRules('name'))
const title = () => z.string().trim().min(1, 'validation.giveTitle').max(120, 'validation.titleTooLong').check(followsTextRules('line'))
const isoWeekday = () => z.number().int().min(1).max(7)
const minPeople = () => z.number().int().min(1, 'validation.prayer.minPeople').max(50, 'validation.prayer.maxPeople').default(1)
const perPersonLimit = () => z.number().int().min(1, 'validation.prayer.perPerson').max(1000).nullable().default(null)

export const RecurrenceSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('weekly'),
    weekdays: z.array(isoWeekday()).min(1, 'validation.weekdays').max(7),
    interval: z.number().int().min(1, 'validation.prayer.intervalMin').max(8, 'validation.prayer.intervalMax').default(1),
  }),
  z.strictObject({
    kind: z.literal('monthly'),
    nth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)]),
    weekday: isoWeekday(),
  }),
])

export const prayerCirclesContract = {
  'prayerCircles.list': read<CircleSummary[]>()(z.strictObject({})),
  /** A circle as its members may see it; coordinator-only and expired requests only when asked for. */
  'prayerCircles.get': read<CircleDetail>()(
    z.strictObject({
      circleId: id(),
      includeCoordinatorOnly: z.boolean().default(false),
      includeExpired: z.boolean().default(false),
    }),
  ),
  'prayerCircles.create': write<{ id: number }>()(
    z.strictObject({ name: name(), leaderPersonId: id().nullable().default(null), memberIds: z.array(id()).max(500).default([]) }),
  ),
  'prayerCircles.update': write<null>()(z.strictObject({ circleId: id(), name: name(), leaderPersonId: id().nullable() })),
  'prayerCircles.delete': write<null>()(z.strictObject({ circleId: id() })),
  'prayerCircles.addMember': write<null>()(z.strictObject({ circleId: id(), personId: id() })),
  'prayerCircles.removeMember': write<null>()(z.strictObject({ circleId: id(), personId: id() })),
  /** Moves a member one place up or down the contact chain. */
  'prayerCircles.moveInChain': write<null>()(z.strictObject({ circleId: id(), personId: id(), direction: z.enum(['up', 'down']) })),

  'prayerCircles.createVigil': write<{ id: number; slotCount: number }>()(
    z.strictObject({
      circleId: id(),
      title: title(),
      startDate: isoDate(),
      startTime: timeOfDay(),
      hours: z.number().positive('validation.prayer.vigilHours').max(10_000),
      slotMinutes: z.number().int('validation.wholeMinutes').positive('validation.prayer.slotShort').max(24 * 60, 'validation.prayer.slotLong'),
      minPeople: minPeople(),
      perPersonLimit: perPersonLimit(),
    }),
  ),
  'prayerCircles.createRecurring': write<{ id: number; slotCount: number }>()(
    z.strictObject({
      circleId: id(),
      kind: z.enum(['meeting', 'rotation']),
      title: title(),
      recurrence: RecurrenceSchema,
      startDate: isoDate(),
      untilDate: isoDate(),
      time: timeOfDay(),
      durationMinutes: z.number().int('validation.wholeMinutes').positive('validation.prayer.meetingShort').max(24 * 60, 'validation.prayer.meetingLong'),
      minPeople: minPeople(),
      perPersonLimit: perPersonLimit(),
    }),
  ),
  'prayerCircles.schedule': read<ScheduleDetail>()(z.strictObject({ scheduleId: id() })),
  'prayerCircles.deleteSchedule': write<null>()(z.strictObject({ scheduleId: id() })),
  /** Skips one meeting (or brings it back). */
  'prayerCircles.skipSlot': write<null>()(z.strictObject({ slotId: id(), skipped: z.boolean() })),
  /** Moves one meeting to another date and time, keeping its length and its people. */
  'prayerCircles.moveSlot': write<null>()(z.strictObject({ slotId: id(), toDate: isoDate(), toTime: timeOfDay() })),

  /** Puts a member, or someone not in Hearth (a write-in), in a slot by hand. */
  'prayerCircles.assign': write<{ id: number; warnings: SlotWarning[] }>()(
    z
      .strictObject({
        slotId: id(),
        personId: id().nullable().default(null),
        writeInName: z.string().trim().max(120, 'validation.nameTooLong').check(followsTextRules('name')).nullable().default(null),
      })
      .refine((v) => (v.personId === null) !== (v.writeInName === null || v.writeInName === ''), {
        message: 'validation.prayer.memberOrName',
        path: ['personId'],
      }),
  ),
  'prayerCircles.unassign': write<null>()(z.strictObject({ assignmentId: id() })),
  'prayerCircles.markSubstitute': write<null>()(z.strictObject({ assignmentId: id(), needsSubstitute: z.boolean() })),
  /** Circle members free at that slot's time, least busy first. */
  'prayerCircles.substitutes': read<SubstituteChoice[]>()(z.strictObject({ assignmentId: id() })),
  /** Hands an assignment to a substitute (a manual assignment; the mark is cleared). */
  'prayerCircles.replace': write<{ id: number; warnings: SlotWarning[] }>()(z.strictObject({ assignmentId: id(), personId: id() })),
  /** Fills open places fairly from the circle's members; never changes what is already assigned. */
  'prayerCircles.autoFill': write<AutoFillResult>()(z.strictObject({ scheduleId: id() })),

  'prayerCircles.addRequest': write<{ id: number }>()(
    z.strictObject({
      circleId: id(),
      body: z.string().trim().min(1, 'validation.prayer.request').max(4000, 'validation.prayer.requestTooLong').check(followsTextRules('lines')),
      requestedBy: z.string().trim().max(120, 'validation.nameTooLong').check(followsTextRules('name')).nullable().default(null),
      confidentiality: z.enum(PRAYER_CONFIDENTIALITY).default('circle'),
      expiresOn: isoDate().nullable().default(null),
    }),
  ),
  /** Marks a request answered (with an optional praise note) or not answered. */
  'prayerCircles.answerRequest': write<null>()(
    z.strictObject({
      requestId: id(),
      answered: z.boolean(),
      praiseNote: z.string().trim().max(4000, 'validation.noteTooLong').check(followsTextRules('line')).nullable().default(null),
    }),
  ),
  'prayerCircles.deleteRequest': write<null>()(z.strictObject({ requestId: id() })),
}
