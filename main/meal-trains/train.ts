import type { Commitment } from '../../db/commitments'
import { householdNeeds } from '../../db/household-needs'
import { getTrainRecord, listTrainRecords, type MealDelivery, mealDeliveries, type TrainRecord } from '../../db/meal-trains'
import { type MealTrainDetail, type MealTrainPhase, type MealTrainSummary, type SignupView, type SlotView } from '../contract/meal-trains'
import type { MealTrainStatus } from '../contract/values'
import type { Context } from '../context'
import { chosenLocale } from '../i18n/say'
import { congregationDay, getSettings } from '../settings/settings'
import { generateSlots, instant, type Slot } from './slots'
import { mealWhat } from './words'

// A train as the screens, printouts and other features see it: the stored record plus what Hearth works out from
// it (its slots, which are open, its phase today). The database stores; this computes.

export function phaseOf(status: MealTrainStatus, startsOn: string, endsOn: string, today: string, dateKnown = true): MealTrainPhase {
  if (status === 'archived') return 'archived'
  if (!dateKnown || today < startsOn) return 'upcoming'
  if (today > endsOn) return 'finished'
  return 'active'
}

/** The train's slots with the sign-up holding each, plus the sign-ups left without a slot. */
export function assembleTrain(train: TrainRecord, slots: Slot[], signups: SignupView[], today: string): Omit<MealTrainForPrint, 'timeZone' | 'householdNeeds'> {
  const holding = new Map<string, SignupView>()
  for (const s of signups) if (s.state === 'taken' || s.state === 'delivered') holding.set(`${s.date}|${s.meal}`, s)
  const views: SlotView[] = slots.map((s) => ({ date: s.date, meal: s.meal, from: s.from, to: s.to, signup: holding.get(`${s.date}|${s.meal}`) ?? null }))
  return {
    ...train,
    phase: phaseOf(train.status, train.startsOn, train.endsOn, today, train.dateKnown),
    slots: views,
    openSlots: views.filter((v) => v.signup === null).length,
    needsRescheduling: signups.filter((s) => s.state === 'needs_rescheduling'),
    cancelled: signups.filter((s) => s.state === 'cancelled'),
  }
}

/** A train with every slot and sign-up, as the screen shows it and the printed sheets need it. */
export type MealTrainForPrint = Omit<MealTrainDetail, 'needsChanges' | 'plannedClashes'> & {
  /** The zone the delivery windows are in (Settings.timeZone). */
  timeZone: string
}

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

export async function mealTrainSummaries(ctx: Context, includeArchived: boolean, today?: string): Promise<MealTrainSummary[]> {
  const day = today ?? (await congregationDay(ctx)).today
  // Taken and delivered sign-ups always sit on one of the train's slots (a change that strands one moves it to
  // needs rescheduling), so open slots are the slots minus those.
  return (await listTrainRecords(ctx.db, includeArchived)).map(({ train, held, stranded }) => {
    const total = generateSlots(train).length
    return {
      id: train.id,
      kind: train.kind,
      title: train.title,
      dateKnown: train.dateKnown,
      dayOneLabel: train.dayOneLabel,
      recipientName: train.recipientName,
      reason: train.reason,
      startsOn: train.startsOn,
      endsOn: train.endsOn,
      status: train.status,
      phase: phaseOf(train.status, train.startsOn, train.endsOn, day, train.dateKnown),
      totalSlots: total,
      openSlots: total - held,
      needsRescheduling: stranded,
    }
  })
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
