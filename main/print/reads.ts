import { mealTrainDetail } from '../common/read-meal-train'
import type { MealTrainForPrint } from '../common/meal-train'
import { getDirectory, getPhones, getRecipientPeople } from '../../db/print'
import { getCircleForPrint, getScheduleForPrint, scheduleSummaries, type ScheduleForPrint } from '../../db/prayer-circles'
import { anniversariesIn, birthdaysIn } from '../../db/reach'
import { getCallList } from '../common/read-call-list'
import { readStandingNeeds, readStandingWeek } from '../common/read-standing'
import type { Context } from '../context'
import { DEFAULT_DIRECTORY_STATUSES, PROFILES_FOR, type PrintProfile, type PrintRequest } from '../contract/print'
import type { StandingWeek } from '../contract/standing-hours'
import { HearthError } from '../contract/errors'
import { getSettings } from '../common/read-settings'
import { type DirectoryRequest, resolveDirectoryOptions } from './documents/directory'
import type { DocumentJobInput } from './documents/lay-out'
import { formatPrintedDate } from './engine/pdf'
import { readMeal, readSeries } from '../common/read-communal-meal'

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

/**
 * Reads what a document needs from the database for the chosen copy, as plain data for the print worker to lay
 * out; the directory's people are read by the worker itself.
 */
export async function readDocument(ctx: Context, request: PrintRequest, profile: PrintProfile, locale: string = ctx.os.locale): Promise<DocumentJobInput> {
  checkProfile(request, profile)
  const common = { profile, locale }
  switch (request.document) {
    case 'directory':
      return { ...common, document: 'directory', request: await directoryRequest(ctx, request, profile, locale) }
    case 'mailingLabels': {
      const { sheet, startAt, outline, statuses } = request.options
      const households = await getDirectory(ctx.db, { notes: 'none', statuses: statuses ?? DEFAULT_DIRECTORY_STATUSES })
      return { ...common, document: 'mailingLabels', households, sheet, startAt: startAt ?? 1, outline: outline ?? false }
    }
    case 'phoneList':
      return { ...common, document: 'phoneList', households: await getDirectory(ctx.db, { notes: 'none' }) }
    case 'mealTrainSheet':
    case 'mealTrainCalendar': {
      const train = await mealTrain(ctx, request.trainId)
      // A month calendar needs real days; Day 1, Day 2… print on the sign-up sheet until the date is set.
      if (request.document === 'mealTrainCalendar' && !train.dateKnown) throw new HearthError('refused', 'errors.print.noDates')
      const recipients = await getRecipientPeople(ctx.db, { personId: train.recipientPersonId, householdId: train.recipientHouseholdId })
      return { ...common, document: request.document, train, recipients }
    }
    case 'mealTrainFamily':
      return { ...common, document: 'mealTrainFamily', train: await mealTrain(ctx, request.trainId) }
    case 'prayerSheet': {
      const schedule = await getScheduleForPrint(ctx.db, request.scheduleId)
      if (!schedule) throw new HearthError('not_found', 'errors.scheduleGone')
      // Phone numbers are read only for the coordinator copy, the one that prints them.
      const people = profile === 'coordinator' ? schedule.slots.flatMap((s) => s.assignments.flatMap((a) => (a.personId === null ? [] : [a.personId]))) : []
      return { ...common, document: 'prayerSheet', schedule, phones: await getPhones(ctx.db, [...new Set(people)]) }
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
      return { ...common, document: 'prayerCircle', circle, schedules, phones, hours: { from: chainCallFrom, to: chainCallTo } }
    }
    case 'callList': {
      const { timeZone } = await getSettings(ctx)
      return { ...common, document: 'callList', list: await getCallList(ctx, request.from, request.to, timeZone, locale) }
    }
    case 'birthdays':
      return { ...common, document: 'birthdays', month: request.month, birthdays: await birthdaysIn(ctx.db, request.month), anniversaries: await anniversariesIn(ctx.db, request.month) }
    case 'standingWeek':
    case 'standingSignIn':
      return { ...common, document: request.document, week: await standingWeek(ctx, request.scheduleId, request.date) }
    case 'standingNeeds': {
      const needs = await readStandingNeeds(ctx.db, request.scheduleId, request.month)
      if (!needs) throw new HearthError('not_found', 'errors.standingGone')
      return { ...common, document: 'standingNeeds', needs }
    }
    case 'communalSheet':
    case 'communalKitchen':
    case 'communalDishCards':
      return { ...common, document: request.document, meal: await communalMeal(ctx, request.mealId, locale) }
    case 'communalCalendar': {
      const series = await readSeries(ctx, request.seriesId, locale)
      if (!series) throw new HearthError('not_found', 'errors.communal.seriesGone')
      return { ...common, document: 'communalCalendar', series }
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
