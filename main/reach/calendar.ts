import type { MealDutyRow, PrayerDutyRow } from '../../db/reach'
import type { ScheduleDetail } from '../contract/prayer-circles'
import type { CareKind } from '../contract/values'
import type { MealTrainForPrint } from '../common/meal-train'
import { mealWhat } from '../common/meal-words'
import { say } from '../i18n/say'
import { type CalendarEvent, wallClockInstant as instant } from './ical'

// What goes into a calendar file, in the language chosen in Settings. Events say what, when and where; a train's
// reason, what help is needed, dietary notes and any pastoral note are never read here.

/** Makes an event's uid, unique to this file's calendar so a calendar app updates rather than duplicates it. */
type Uid = (local: string) => string

/** Everything a person held in the window, so an event that no longer stands shows as cancelled. */
export function personEvents(meals: readonly MealDutyRow[], prayers: readonly PrayerDutyRow[], uid: Uid, timeZone: string, locale: string): CalendarEvent[] {
  return sortEvents([
    ...meals.map((m) => ({
      uid: uid(`meal-${m.signupId}`),
      summary: mealWhat(m.kind, m.meal, m.recipientName, locale, { kind: m.careKind, title: m.careTitle }),
      location: m.address,
      ...(m.windowFrom && m.windowTo ? { startsAt: instant(m.date, m.windowFrom, timeZone), endsAt: instant(m.date, m.windowTo, timeZone) } : { allDay: m.date }),
      cancelled: m.state === 'cancelled' || m.state === 'needs_rescheduling' || m.trainArchived,
    })),
    ...prayers.map((p) => ({
      uid: uid(`prayer-${p.assignmentId}`),
      summary: say(locale, 'calendar.file.schedule', { title: p.scheduleTitle, circle: p.circleName }),
      startsAt: p.startsAt,
      endsAt: p.endsAt,
      cancelled: p.skipped,
    })),
  ])
}

/** Every slot of a dated train, open or taken. */
export function trainEvents(train: MealTrainForPrint, uid: Uid, locale: string): CalendarEvent[] {
  const archived = train.status === 'archived'
  return train.slots.map((s) => ({
    uid: uid(`train-${train.id}-${s.date}-${s.meal}`),
    summary: slotSummary(mealWhat('meal', s.meal, train.recipientName, locale, { kind: train.kind, title: train.title }), s.signup?.volunteerName ?? null, locale),
    // A driver needs where to collect the person; where the ride goes can say why, so it stays off the file.
    location: train.kind === 'rides' ? train.ridePickup : train.address,
    description: s.signup?.dish ? signupNote(train.kind, s.signup.dish, locale) : undefined,
    startsAt: instant(s.date, s.from, train.timeZone),
    endsAt: instant(s.date, s.to, train.timeZone),
    cancelled: archived,
  }))
}

/** Every slot of a vigil or rotation, with who prays and how many places are open. */
export function scheduleEvents(schedule: ScheduleDetail, uid: Uid, locale: string): CalendarEvent[] {
  return schedule.slots.map((s) => ({
    uid: uid(`prayer-slot-${s.id}`),
    summary: prayerSlotSummary(schedule.title, s.assignments.map((a) => a.name), s.missing, locale),
    description: schedule.circleName,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    cancelled: s.skipped,
  }))
}

/** "Dinner for Maria Lopez: Ben Okafor", or "…: still open". */
export function slotSummary(what: string, volunteer: string | null, locale: string): string {
  return volunteer ? say(locale, 'calendar.file.slot.taken', { what, volunteer }) : say(locale, 'calendar.file.slot.open', { what })
}

/** What the volunteer wrote on their sign-up: the dish they bring, or for other help their note. */
export function signupNote(kind: CareKind, text: string, locale: string): string {
  return kind === 'meals' ? say(locale, 'calendar.file.bringing', { dish: text }) : say(locale, 'calendar.file.note', { note: text })
}

/** "All Saints vigil: Cara Cole and Dev Das (1 place open)": who prays, in the language's own list. */
export function prayerSlotSummary(title: string, names: readonly string[], missing: number, locale: string): string {
  const who = names.length ? say(locale, 'calendar.file.prayer.names', { title, names: new Intl.ListFormat(locale, { type: 'conjunction' }).format(names) }) : title
  return missing > 0 ? say(locale, 'calendar.file.prayer.open', { what: who, count: missing }) : who
}

export function sortEvents(events: CalendarEvent[]): CalendarEvent[] {
  const key = (e: CalendarEvent) => e.startsAt ?? `${e.allDay}T00:00:00Z`
  return events.sort((a, b) => key(a).localeCompare(key(b)) || a.uid.localeCompare(b.uid))
}
