import { mealTrainDetail, type MealTrainForPrint } from '../meal-trains/train'
import { getDirectory, getPhones, getRecipientPeople } from '../../db/print'
import { getCircleForPrint, getScheduleForPrint, scheduleSummaries, type ScheduleForPrint } from '../../db/prayer-circles'
import { anniversariesIn, birthdaysIn } from '../../db/reach'
import { getCallList } from '../reach/call-list'
import { readStandingNeeds, readStandingWeek } from '../prayer-circles/standing-week'
import type { Context } from '../context'
import { DEFAULT_DIRECTORY_STATUSES, PROFILES_FOR, type PrintProfile, type PrintRequest } from '../contract/print'
import type { StandingWeek } from '../contract/standing-hours'
import { HearthError } from '../contract/errors'
import { getSettings } from '../settings/settings'
import { birthdaysDocument } from './birthdays'
import { callListDocument } from './call-list'
import { type DirectoryRequest, directoryDocument, directoryQuery, resolveDirectoryOptions } from './directory'
import { labelsDocument } from './labels'
import { loadMeasurer } from './measure'
import { formatPrintedDate, type PrintDocument } from './pdf'
import { mealTrainCalendarDocument } from './meal-train-calendar'
import { mealTrainFamilyDocument } from './meal-train-family'
import { mealTrainSheetDocument } from './meal-train-sheet'
import { phoneListDocument } from './phone-list'
import { prayerCircleDocument } from './prayer-circle'
import { prayerSheetDocument } from './prayer-sheet'
import { standingNeedsDocument, standingSignInDocument, standingWeekDocument } from './standing-hours'
import { readMeal, readSeries } from '../communal-meals/meal'
import { communalCalendarDocument, communalDishCardsDocument, communalKitchenDocument, communalSheetDocument } from './documents/communal-meals'


/** Refuses a copy a document is not made for (a noticeboard copy of the phone list). */
export function checkProfile(request: PrintRequest, profile: PrintProfile): void {
  const allowed = PROFILES_FOR[request.document]
  if (!allowed.includes(profile)) {
    throw new HearthError('refused', 'errors.print.wrongCopy', { profile, allowed: (['noticeboard', 'volunteer', 'coordinator'] as const).filter((p) => allowed.includes(p)).join('_') }, { profile: 'errors.print.chooseCopy' })
  }
}

/** What the directory is laid out from, besides the people: plain data, so it can be handed to the print worker. */
export async function directoryRequest(ctx: Context, request: Extract<PrintRequest, { document: 'directory' }>, profile: PrintProfile, locale: string = ctx.os.locale): Promise<DirectoryRequest> {
  const settings = await getSettings(ctx)
  return {
    profile,
    options: resolveDirectoryOptions(profile, request.options),
    locale,
    congregation: settings.congregationName.trim(),
    address: settings.congregationAddress.trim(),
    printedOn: formatPrintedDate(new Date(), locale, settings.timeZone),
  }
}

/** Reads what a document needs from the database and lays it out for the chosen copy. */
export async function buildDocument(ctx: Context, request: PrintRequest, profile: PrintProfile, locale: string = ctx.os.locale): Promise<PrintDocument> {
  checkProfile(request, profile)
  switch (request.document) {
    case 'directory': {
      const data = await directoryRequest(ctx, request, profile, locale)
      return directoryDocument({ ...data, households: await getDirectory(ctx.db, directoryQuery(data)), measurer: await loadMeasurer() })
    }
    case 'mailingLabels': {
      const { sheet, startAt, outline, statuses } = request.options
      const households = await getDirectory(ctx.db, { notes: 'none', statuses: statuses ?? DEFAULT_DIRECTORY_STATUSES })
      return labelsDocument({ profile, households, sheet, startAt: startAt ?? 1, outline: outline ?? false, measurer: await loadMeasurer(), locale })
    }
    case 'phoneList':
      return phoneListDocument(profile, await getDirectory(ctx.db, { notes: 'none' }), locale)
    case 'mealTrainSheet': {
      const train = await mealTrain(ctx, request.trainId)
      const recipients = await getRecipientPeople(ctx.db, { personId: train.recipientPersonId, householdId: train.recipientHouseholdId })
      return mealTrainSheetDocument(profile, train, recipients, locale, await loadMeasurer())
    }
    case 'mealTrainCalendar': {
      const train = await mealTrain(ctx, request.trainId)
      // A month calendar needs real days; Day 1, Day 2… print on the sign-up sheet until the date is set.
      if (!train.dateKnown) throw new HearthError('refused', 'errors.print.noDates')
      const recipients = await getRecipientPeople(ctx.db, { personId: train.recipientPersonId, householdId: train.recipientHouseholdId })
      return mealTrainCalendarDocument(profile, train, recipients, locale)
    }
    case 'mealTrainFamily':
      return mealTrainFamilyDocument(profile, await mealTrain(ctx, request.trainId), locale)
    case 'prayerSheet': {
      const schedule = await getScheduleForPrint(ctx.db, request.scheduleId)
      if (!schedule) throw new HearthError('not_found', 'errors.scheduleGone')
      // Phone numbers are read only for the coordinator copy, the one that prints them.
      const people = profile === 'coordinator' ? schedule.slots.flatMap((s) => s.assignments.flatMap((a) => (a.personId === null ? [] : [a.personId]))) : []
      return prayerSheetDocument(profile, schedule, locale, await getPhones(ctx.db, [...new Set(people)]))
    }
    case 'prayerCircle': {
      // Coordinator-only requests are not even read for any other copy.
      const circle = await getCircleForPrint(ctx.db, request.circleId, { includeCoordinatorOnly: profile === 'coordinator' })
      if (!circle) throw new HearthError('not_found', 'errors.circleGone')
      const schedules: ScheduleForPrint[] = []
      for (const summary of await scheduleSummaries(ctx.db, circle.id)) {
        const schedule = await getScheduleForPrint(ctx.db, summary.id)
        if (schedule) schedules.push(schedule)
      }
      const phones = await getPhones(ctx.db, circle.chain.map((link) => link.personId))
      const { chainCallFrom, chainCallTo } = await getSettings(ctx)
      return prayerCircleDocument(profile, circle, schedules, locale, phones, { from: chainCallFrom, to: chainCallTo })
    }
    case 'callList': {
      const { timeZone } = await getSettings(ctx)
      return callListDocument(profile, await getCallList(ctx, request.from, request.to, timeZone, locale), locale)
    }
    case 'birthdays':
      return birthdaysDocument(profile, request.month, await birthdaysIn(ctx.db, request.month), await anniversariesIn(ctx.db, request.month), locale)
    case 'standingWeek':
      return standingWeekDocument(profile, await standingWeek(ctx, request.scheduleId, request.date), locale)
    case 'standingNeeds': {
      const needs = await readStandingNeeds(ctx.db, request.scheduleId, request.month)
      if (!needs) throw new HearthError('not_found', 'errors.standingGone')
      return standingNeedsDocument(profile, needs, locale)
    }
    case 'standingSignIn':
      return standingSignInDocument(profile, await standingWeek(ctx, request.scheduleId, request.date), locale)
    case 'communalSheet':
      return communalSheetDocument(profile, await communalMeal(ctx, request.mealId, locale), locale)
    case 'communalKitchen':
      return communalKitchenDocument(profile, await communalMeal(ctx, request.mealId, locale), locale)
    case 'communalDishCards':
      return communalDishCardsDocument(profile, await communalMeal(ctx, request.mealId, locale), locale)
    case 'communalCalendar': {
      const series = await readSeries(ctx, request.seriesId, locale)
      if (!series) throw new HearthError('not_found', 'errors.communal.seriesGone')
      return communalCalendarDocument(profile, series, locale)
    }
  }
}

async function standingWeek(ctx: Context, scheduleId: number, date: string): Promise<StandingWeek> {
  const week = await readStandingWeek(ctx.db, scheduleId, date)
  if (!week) throw new HearthError('not_found', 'errors.standingGone')
  return week
}

async function mealTrain(ctx: Context, trainId: number): Promise<MealTrainForPrint> {
  const train = await mealTrainDetail(ctx, trainId)
  if (!train) throw new HearthError('not_found', 'errors.trainGone')
  return train
}

async function communalMeal(ctx: Context, mealId: number, locale: string) {
  const meal = await readMeal(ctx, mealId, locale)
  if (!meal) throw new HearthError('not_found', 'errors.communal.gone')
  return meal.detail
}
