import { listTrainRecords } from '../../db/meal-trains'
import type { MealTrainSummary } from '../contract/meal-trains'
import type { Context } from '../context'
import { generateSlots } from '../common/meal-slots'
import { phaseOf } from '../common/meal-train'
import { congregationDay } from '../common/read-settings'

// What the meal-trains room reads to feed its rules; a single train's reader is shared (main/common/read-meal-train.ts).

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
