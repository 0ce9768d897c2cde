import { addDays } from '../contract/days'
import * as q from '../../db/care'
import { forgetValues, nameCurrentChange } from '../../db/history'
import { getTrainFields } from '../../db/meal-trains'
import { blackoutsFor } from '../../db/prayer-circles'
import { everyCommitment } from '../common/read-commitments'
import type { ParsedInputOf } from '../contract'
import type { AskFields, careContract } from '../contract/care'
import { CARE_KIND_LABELS, type CareKind } from '../contract/values'
import type { Context, HandlersFor } from '../context'
import { HearthError } from '../contract/errors'
import { noonOf } from '../i18n/said'
import { generateSlots, slotInstants } from '../common/meal-slots'
import { congregationDay } from '../common/read-settings'
import { helpedLately } from './helped-lately'
import { helpedSoFar, suggestHelpers } from './match'

type In<C extends keyof typeof careContract> = ParsedInputOf<C>

// How far around a slot "lately" reaches when ordering suggestions: the last quarter and what is already promised
// for the coming month both count as being asked.
const LATELY_BEFORE_DAYS = 90
const LATELY_AFTER_DAYS = 30

// ---------------------------------------------------------------------------------------------------------------
// Offers.

async function listOffers({ query, includeClosed }: In<'care.listOffers'>, ctx: Context) {
  const offers = await q.listOffers(ctx.db, { includeClosed })
  return offers.filter((o) => q.matchesQuery(query, [o.personName, o.title, o.notes, ...o.kinds.map((k) => CARE_KIND_LABELS[k])]))
}

async function requireMember(ctx: Context, personId: number): Promise<void> {
  if (!(await q.personExists(ctx.db, personId))) throw new HearthError('not_found', 'errors.gone.member', undefined, { personId: 'errors.field.chooseMember' })
}

async function createOffer(fields: In<'care.createOffer'>, ctx: Context) {
  await requireMember(ctx, fields.personId)
  const id = await q.insertOffer(ctx.db, fields)
  nameCurrentChange(ctx.sqlite, `Recorded an offer of help: ${fields.title}`)
  return { id }
}

async function updateOffer({ id, fields }: In<'care.updateOffer'>, ctx: Context) {
  await requireMember(ctx, fields.personId)
  if (!(await q.updateOffer(ctx.db, id, fields))) throw new HearthError('not_found', 'errors.gone.offer')
  nameCurrentChange(ctx.sqlite, `Changed an offer of help: ${fields.title}`)
  return { id }
}

async function closeOffer({ id }: In<'care.closeOffer'>, ctx: Context) {
  if (!(await q.closeOffer(ctx.db, id))) throw new HearthError('not_found', 'errors.gone.offer')
  nameCurrentChange(ctx.sqlite, 'Closed an offer of help')
  return { id }
}

// ---------------------------------------------------------------------------------------------------------------
// Asks. Their words may name an illness: change summaries name only who the ask is for, never what it says.

async function listAsks({ query, includeClosed }: In<'care.listAsks'>, ctx: Context) {
  const asks = await q.listAsks(ctx.db, includeClosed)
  return asks.filter((a) => q.matchesQuery(query, [a.recipientName, a.title, a.details, CARE_KIND_LABELS[a.kind]]))
}

async function checkAskRecipient(ctx: Context, fields: AskFields): Promise<void> {
  const found = await q.recipientFound(ctx.db, fields.personId, fields.householdId)
  if (!found.person) throw new HearthError('not_found', 'errors.gone.member', undefined, { personId: 'errors.field.chooseMember' })
  if (!found.household) throw new HearthError('not_found', 'errors.gone.household', undefined, { householdId: 'errors.field.chooseMember' })
}

async function openAsk(ctx: Context, id: number) {
  const ask = await q.getAsk(ctx.db, id)
  if (!ask) throw new HearthError('not_found', 'errors.gone.ask')
  if (ask.closedAt !== null) throw new HearthError('refused', 'errors.care.askClosed')
  return ask
}

async function createAsk(fields: In<'care.createAsk'>, ctx: Context) {
  await checkAskRecipient(ctx, fields)
  const id = await q.insertAsk(ctx.db, fields)
  nameCurrentChange(ctx.sqlite, `Recorded an ask for help for ${fields.recipientName}`)
  return { id }
}

async function updateAsk({ id, fields }: In<'care.updateAsk'>, ctx: Context) {
  await openAsk(ctx, id)
  await checkAskRecipient(ctx, fields)
  await q.updateAsk(ctx.db, id, fields)
  nameCurrentChange(ctx.sqlite, `Changed the ask for help for ${fields.recipientName}`)
  return { id }
}

async function closeAsk({ id }: In<'care.closeAsk'>, ctx: Context) {
  const ask = await openAsk(ctx, id)
  await q.closeAsk(ctx.db, id)
  // Closed means cleared: every earlier version of the words goes from the history too, this close included.
  forgetValues(ctx.sqlite, 'care_asks', [id], ['title', 'details'])
  nameCurrentChange(ctx.sqlite, `Closed the ask for help for ${ask.recipientName}`)
  return { id }
}

async function linkAsk({ id, trainId }: In<'care.linkAsk'>, ctx: Context) {
  const ask = await openAsk(ctx, id)
  if (!(await getTrainFields(ctx.db, trainId))) throw new HearthError('not_found', 'errors.gone.careCalendar')
  await q.linkAsk(ctx.db, id, trainId)
  nameCurrentChange(ctx.sqlite, `Made a care calendar from the ask for ${ask.recipientName}`)
  return { id }
}

// ---------------------------------------------------------------------------------------------------------------
// Matching and the share of the work.

async function suggest({ trainId, date, meal }: In<'care.suggestHelpers'>, ctx: Context) {
  const train = await getTrainFields(ctx.db, trainId)
  if (!train) throw new HearthError('not_found', 'errors.gone.careCalendar')
  const slot = generateSlots(train).find((s) => s.date === date && s.meal === meal)
  if (!slot) throw new HearthError('invalid_input', 'errors.care.noSlot', { meal, when: noonOf(date) }, { date: 'errors.care.chooseDay' })
  const kind: CareKind = train.kind
  const { timeZone, today } = await congregationDay(ctx)
  const people = await q.helperRecords(ctx.db)
  const offers = (await q.listOffers(ctx.db, { includeClosed: false })).filter((o) => o.kinds.includes(kind))
  const from = addDays(date < today ? date : today, -LATELY_BEFORE_DAYS)
  const to = addDays(date > today ? date : today, LATELY_AFTER_DAYS)
  const commitments = await everyCommitment(ctx, from, to)
  const result = suggestHelpers({
    slot: { kind, date, from: slot.from, to: slot.to, ...slotInstants(slot, timeZone) },
    today,
    people: people.filter((p) => p.current),
    offers,
    blackouts: await blackoutsFor(ctx.db, people.map((p) => p.personId), date, date),
    busy: commitments.filter((c) => c.date === date),
    helped: helpedSoFar(commitments, today),
  })
  return { kind, date, ...result }
}

async function helped({ from, to }: In<'care.helpedLately'>, ctx: Context) {
  return helpedLately(await q.helperRecords(ctx.db), await everyCommitment(ctx, from, to))
}

export const careHandlers: HandlersFor<typeof careContract> = {
  'care.listOffers': listOffers,
  'care.createOffer': createOffer,
  'care.updateOffer': updateOffer,
  'care.closeOffer': closeOffer,
  'care.listAsks': listAsks,
  'care.createAsk': createAsk,
  'care.updateAsk': updateAsk,
  'care.closeAsk': closeAsk,
  'care.linkAsk': linkAsk,
  'care.suggestHelpers': suggest,
  'care.helpedLately': helped,
}
