import { calendarId, contactsOf, mealDuties, prayerDuties } from '../../db/reach'
import { getSchedule } from '../../db/prayer-circles'
import type { Context } from '../context'
import type { CalendarRequest } from '../contract/reach'
import { HearthError } from '../contract/errors'
import { chosenLocale, say } from '../i18n/say'
import { careTitle } from '../common/care-words'
import { mealTrainDetail } from '../common/read-meal-train'
import { congregationDay, getSettings } from '../common/read-settings'
import type { Calendar } from './ical'
import { personEvents, scheduleEvents, trainEvents } from './calendar'
import { addDays } from '../contract/days'

// What the reach room reads for a calendar file and its save dialog; main/reach/calendar.ts makes the events.

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
      const meals = await mealDuties(ctx.db, { from, to, states: ['taken', 'delivered', 'cancelled', 'needs_rescheduling'], personId: person.personId, includeArchivedTrains: true })
      const prayers = await prayerDuties(ctx.db, { from, to, includeSkipped: true, personId: person.personId })
      return { name: say(locale, 'calendar.file.person', { name: person.name }), timeZone, events: personEvents(meals, prayers, uid, timeZone, locale) }
    }
    case 'mealTrain': {
      const train = await mealTrainDetail(ctx, request.trainId)
      if (!train) throw new HearthError('not_found', 'errors.trainGone')
      if (!train.dateKnown) throw new HearthError('refused', 'errors.reach.noDates')
      return { name: careTitle(train, train.recipientName, locale), timeZone: train.timeZone, events: trainEvents(train, uid, locale) }
    }
    case 'schedule': {
      const schedule = await getSchedule(ctx.db, request.scheduleId)
      if (!schedule) throw new HearthError('not_found', 'errors.scheduleGone')
      return { name: say(locale, 'calendar.file.schedule', { title: schedule.title, circle: schedule.circleName }), timeZone: schedule.timeZone, events: scheduleEvents(schedule, uid, locale) }
    }
  }
}

/** The save dialog for a calendar file, in the language chosen in Settings. */
export async function calendarSaveOptions(ctx: Context, defaultName: string): Promise<{ title: string; defaultName: string; filters: { name: string; extensions: string[] }[] }> {
  const locale = chosenLocale((await getSettings(ctx)).language, ctx.os.locale)
  return { title: say(locale, 'calendar.file.save.title'), defaultName, filters: [{ name: say(locale, 'calendar.file.save.filter'), extensions: ['ics'] }] }
}
