import type { Commitment } from '../../db/commitments'
import { prayerCommitments } from '../../db/prayer-circles'
import type { Context } from '../context'
import { mealTrainCommitments } from './read-meal-train'
import { standingCommitments } from './read-standing'

/**
 * Every member commitment in [from, to] — prayer rotas and vigils, standing prayer hours, meals and other care — so
 * every fill, match and clash check sees a person busy at the same times.
 */
export async function everyCommitment(ctx: Context, from: string, to: string): Promise<Commitment[]> {
  return [...(await prayerCommitments(ctx.db, { from, to })), ...(await standingCommitments(ctx.db, { from, to })), ...(await mealTrainCommitments(ctx, { from, to }))]
}
