import { contactsOf, mealDuties, prayerDuties, scheduleIdsBetween, trainIdsBetween } from '../../db/reach'
import { getSchedule } from '../../db/prayer-circles'
import type { CallGap, CallList, SubstituteNeeded } from '../contract/reach'
import type { Context } from '../context'
import { byGapTime, bySubstituteTime, groupCallList, scheduleGaps, standingSubstitute, trainGaps } from './call-list'
import { mealTrainDetail } from './read-meal-train'
import { standingRequests } from './read-standing'

// Reads what the call list is made of, for the call-list screen, its messages and its printout.

/** Standing-hours holders who cannot come on a date in the range and have nobody in their place yet. */
async function standingSubstitutes(ctx: Context, from: string, to: string): Promise<SubstituteNeeded[]> {
  const requests = await standingRequests(ctx.db, from, to)
  const contacts = new Map((await contactsOf(ctx.db, [...new Set(requests.map((r) => r.holderPersonId))])).map((c) => [c.personId, c]))
  return requests.map((r) => standingSubstitute(r, contacts.get(r.holderPersonId)))
}

/**
 * The call list from `from` to `to`: the people holding meal sign-ups (taken, not yet delivered) and prayer duties
 * (not cancelled), by person; those who asked for a substitute; and the meal days and prayer times still open on
 * running trains, vigils and rotations.
 */
export async function getCallList(ctx: Context, from: string, to: string, timeZone: string, locale = 'en'): Promise<CallList> {
  const { db } = ctx
  const meals = await mealDuties(db, { from, to, states: ['taken'] })
  const prayers = await prayerDuties(db, { from, to, includeSkipped: false })
  const { people, substitutes } = groupCallList(meals, prayers, locale)
  substitutes.push(...(await standingSubstitutes(ctx, from, to)))
  substitutes.sort(bySubstituteTime)
  const gaps: CallGap[] = []
  for (const trainId of await trainIdsBetween(db, from, to)) {
    const train = await mealTrainDetail(ctx, trainId)
    if (train) gaps.push(...trainGaps(train, from, to, locale))
  }
  for (const scheduleId of await scheduleIdsBetween(db, from, to)) {
    const schedule = await getSchedule(db, scheduleId)
    if (schedule) gaps.push(...scheduleGaps(schedule, from, to))
  }
  gaps.sort(byGapTime)
  return { from, to, timeZone, people, substitutes, gaps }
}
