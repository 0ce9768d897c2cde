import type { TrainRecord } from '../../db/meal-trains'
import type { MealTrainDetail, MealTrainPhase, SignupView, SlotView } from '../contract/meal-trains'
import type { MealTrainStatus } from '../contract/values'
import type { Slot } from './meal-slots'

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
