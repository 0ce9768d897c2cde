import type { Commitment } from '../../db/commitments'
import { householdNeeds } from '../../db/household-needs'
import { getTrainRecord, type MealDelivery, mealDeliveries } from '../../db/meal-trains'
import type { Context } from '../context'
import { chosenLocale } from '../i18n/say'
import { congregationDay, getSettings } from './read-settings'
import { generateSlots, instant } from './meal-slots'
import { assembleTrain, type MealTrainForPrint } from './meal-train'
import { mealWhat } from './meal-words'

// Reads a train, and the meals members have promised, for every room that shows, prints or checks them.

/**
 * Everything needed to show or print a train: recipient, reason, dates, drop-off, dietary needs, every slot in date
 * and meal order with its sign-up or null when open, the sign-ups waiting to be rescheduled and the cancelled ones.
 * Undefined when the train does not exist.
 */
export async function mealTrainDetail(ctx: Context, trainId: number): Promise<MealTrainForPrint | undefined> {
  const record = await getTrainRecord(ctx.db, trainId)
  if (!record) return undefined
  const { timeZone, today } = await congregationDay(ctx)
  return { ...assembleTrain(record.train, generateSlots(record.train), record.signups, today), householdNeeds: await householdNeeds(ctx.db, record.train), timeZone }
}

/** "Dinner for the Okafor family", "Ride (morning) for Ann Abbott". */
export function deliveryCommitment(d: MealDelivery, timeZone: string, locale: string): Commitment {
  return {
    personId: d.personId,
    kind: 'meal',
    careKind: d.careKind,
    label: mealWhat(d.kind, d.meal, d.recipientName, locale, { kind: d.careKind, title: d.title }),
    date: d.date,
    startsAt: d.windowFrom ? instant(d.date, d.windowFrom, timeZone) : null,
    endsAt: d.windowTo ? instant(d.date, d.windowTo, timeZone) : null,
    ref: { area: 'meal-trains', id: d.signupId },
  }
}

/** Meals members have promised between `from` and `to`, as commitments with their delivery windows. */
export async function mealTrainCommitments(ctx: Context, range: { personId?: number; from: string; to: string }): Promise<Commitment[]> {
  const deliveries = await mealDeliveries(ctx.db, range)
  if (deliveries.length === 0) return []
  const { timeZone, language } = await getSettings(ctx)
  const locale = chosenLocale(language, ctx.os.locale)
  return deliveries.map((d) => deliveryCommitment(d, timeZone, locale))
}
