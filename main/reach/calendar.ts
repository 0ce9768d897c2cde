import { calendarId, contactsOf, mealDuties, prayerDuties } from '../../db/reach'
import { getSchedule } from '../../db/prayer-circles'
import type { Context } from '../context'
import type { CalendarRequest } from '../contract/reach'
import type { CareKind } from '../contract/values'
import { HearthError } from '../contract/errors'
import { chosenLocale, say } from '../i18n/say'
import { careTitle } from '../words/care'
import { mealTrainDetail } from '../meal-trains/train'
import { congregationDay, getSettings } from '../settings/settings'
import { type Calendar, type CalendarEvent, wallClockInstant as instant } from './ical'
import { mealWhat } from '../meal-trains/words'
import { addDays } from './range'

// What goes into a calendar file, in the language chosen in Settings. Events say what, when and where; a train's
// reason, what help is needed, dietary notes and any pastoral note are never read here.

/** A person's own calendar reaches back a month (so recent cancellations still update) and a year ahead. */
const PAST_DAYS = 31
const FUTURE_DAYS = 400

export async function calendarFor(ctx: Context, request: CalendarRequest): Promise<Omit<Calendar, 'now'>> {
  const { timeZone, today } = await congregationDay(ctx)
  const fileId = await calendarId(ctx.db)
  const uid = (local: string) => `${local}.${fileId}@hearth`
  const locale = chosenLocale((await getSettings(ctx)).language, ctx.os.locale)
  switch (request.of) {
    case 'person': {
      const [person] = await contactsOf(ctx.db, [request.personId])
      if (!person) throw new HearthError('not_found', 'errors.gone.personShort')
      const from = addDays(today, -PAST_DAYS)
      const to = addDays(today, FUTURE_DAYS)
      // Everything the person ever held in the window, so an event that no longer stands shows as cancelled.
      const meals = await mealDuties(ctx.db, { from, to, states: ['taken', 'delivered', 'cancelled', 'needs_rescheduling'], personId: person.personId, includeArchivedTrains: true })
      const prayers = await prayerDuties(ctx.db, { from, to, includeSkipped: true, personId: person.personId })
      const events: CalendarEvent[] = [
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
      ]
      return { name: say(locale, 'calendar.file.person', { name: person.name }), timeZone, events: sortEvents(events) }
    }
    case 'mealTrain': {
      const train = await mealTrainDetail(ctx, request.trainId)
      if (!train) throw new HearthError('not_found', 'errors.trainGone')
      if (!train.dateKnown) throw new HearthError('refused', 'errors.reach.noDates')
      const archived = train.status === 'archived'
      const events: CalendarEvent[] = train.slots.map((s) => ({
        uid: uid(`train-${train.id}-${s.date}-${s.meal}`),
        summary: slotSummary(mealWhat('meal', s.meal, train.recipientName, locale, { kind: train.kind, title: train.title }), s.signup?.volunteerName ?? null, locale),
        // A driver needs where to collect the person; where the ride goes can say why, so it stays off the file.
        location: train.kind === 'rides' ? train.ridePickup : train.address,
        description: s.signup?.dish ? signupNote(train.kind, s.signup.dish, locale) : undefined,
        startsAt: instant(s.date, s.from, train.timeZone),
        endsAt: instant(s.date, s.to, train.timeZone),
        cancelled: archived,
      }))
      return { name: careTitle(train, train.recipientName, locale), timeZone: train.timeZone, events }
    }
    case 'schedule': {
      const schedule = await getSchedule(ctx.db, request.scheduleId)
      if (!schedule) throw new HearthError('not_found', 'errors.scheduleGone')
      const events: CalendarEvent[] = schedule.slots.map((s) => ({
        uid: uid(`prayer-slot-${s.id}`),
        summary: prayerSlotSummary(schedule.title, s.assignments.map((a) => a.name), s.missing, locale),
        description: schedule.circleName,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        cancelled: s.skipped,
      }))
      return { name: say(locale, 'calendar.file.schedule', { title: schedule.title, circle: schedule.circleName }), timeZone: schedule.timeZone, events }
    }
  }
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

/** The save dialog for a calendar file, in the language chosen in Settings. */
export async function calendarSaveOptions(ctx: Context, defaultName: string): Promise<{ title: string; defaultName: string; filters: { name: string; extensions: string[] }[] }> {
  const locale = chosenLocale((await getSettings(ctx)).language, ctx.os.locale)
  return { title: say(locale, 'calendar.file.save.title'), defaultName, filters: [{ name: say(locale, 'calendar.file.save.filter'), extensions: ['ics'] }] }
}

function sortEvents(events: CalendarEvent[]): CalendarEvent[] {
  const key = (e: CalendarEvent) => e.startsAt ?? `${e.allDay}T00:00:00Z`
  return events.sort((a, b) => key(a).localeCompare(key(b)) || a.uid.localeCompare(b.uid))
}
