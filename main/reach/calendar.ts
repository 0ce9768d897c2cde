import { calendarId, contactsOf, mealDuties, prayerDuties } from '../../db/reach'
import { getSchedule } from '../../db/prayer-circles'
import type { Context } from '../context'
import type { CalendarRequest } from '../contract/reach'
import { careSlotLabel } from '../contract/meal-trains'
import { HearthError } from '../errors'
import { mealTrainDetail } from '../meal-trains/train'
import { congregationDay } from '../settings/settings'
import { type Calendar, type CalendarEvent, wallClockInstant as instant } from './ical'
import { mealWhat, prayerWhat } from './call-list'
import { addDays } from './range'

// What goes into a calendar file. Events say what, when and where; a train's reason, dietary notes and any
// pastoral note are never read here.

/** A person's own calendar reaches back a month (so recent cancellations still update) and a year ahead. */
const PAST_DAYS = 31
const FUTURE_DAYS = 400

export async function calendarFor(ctx: Context, request: CalendarRequest): Promise<Omit<Calendar, 'now'>> {
  const { timeZone, today } = await congregationDay(ctx)
  const fileId = await calendarId(ctx.db)
  const uid = (local: string) => `${local}.${fileId}@hearth`
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
          summary: mealWhat(m.kind, m.meal, m.recipientName, 'en', { kind: m.careKind, title: m.careTitle }),
          location: m.address,
          ...(m.windowFrom && m.windowTo ? { startsAt: instant(m.date, m.windowFrom, timeZone), endsAt: instant(m.date, m.windowTo, timeZone) } : { allDay: m.date }),
          cancelled: m.state === 'cancelled' || m.state === 'needs_rescheduling' || m.trainArchived,
        })),
        ...prayers.map((p) => ({
          uid: uid(`prayer-${p.assignmentId}`),
          summary: prayerWhat(p),
          startsAt: p.startsAt,
          endsAt: p.endsAt,
          cancelled: p.skipped,
        })),
      ]
      return { name: `${person.name}'s commitments`, timeZone, events: sortEvents(events) }
    }
    case 'mealTrain': {
      const train = await mealTrainDetail(ctx, request.trainId)
      if (!train) throw new HearthError('not_found', 'errors.trainGone')
      if (!train.dateKnown) throw new HearthError('refused', 'errors.reach.noDates')
      const archived = train.status === 'archived'
      const events: CalendarEvent[] = train.slots.map((s) => ({
        uid: uid(`train-${train.id}-${s.date}-${s.meal}`),
        summary: `${careSlotLabel(train.kind, s.meal, train.title)} for ${train.recipientName}: ${s.signup ? s.signup.volunteerName : 'still open'}`,
        // A driver needs where to collect the person; where the ride goes can say why, so it stays off the file.
        location: train.kind === 'rides' ? train.ridePickup : train.address,
        description: s.signup?.dish ? `Bringing: ${s.signup.dish}` : undefined,
        startsAt: instant(s.date, s.from, train.timeZone),
        endsAt: instant(s.date, s.to, train.timeZone),
        cancelled: archived,
      }))
      return { name: `Meals for ${train.recipientName}`, timeZone: train.timeZone, events }
    }
    case 'schedule': {
      const schedule = await getSchedule(ctx.db, request.scheduleId)
      if (!schedule) throw new HearthError('not_found', 'errors.scheduleGone')
      const events: CalendarEvent[] = schedule.slots.map((s) => {
        const names = s.assignments.map((a) => a.name).join(', ')
        return {
          uid: uid(`prayer-slot-${s.id}`),
          summary: `${schedule.title}${names ? `: ${names}` : ''}${s.missing > 0 ? ` (${s.missing} ${s.missing === 1 ? 'place' : 'places'} open)` : ''}`,
          description: schedule.circleName,
          startsAt: s.startsAt,
          endsAt: s.endsAt,
          cancelled: s.skipped,
        }
      })
      return { name: `${schedule.title} (${schedule.circleName})`, timeZone: schedule.timeZone, events }
    }
  }
}

function sortEvents(events: CalendarEvent[]): CalendarEvent[] {
  const key = (e: CalendarEvent) => e.startsAt ?? `${e.allDay}T00:00:00Z`
  return events.sort((a, b) => key(a).localeCompare(key(b)) || a.uid.localeCompare(b.uid))
}
