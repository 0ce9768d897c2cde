import {
  archiveTrain,
  HEALTH_COLUMNS,
  shiftTrain,
  blackoutsOn,
  getSignup,
  getTrainFields,
  getTrainRecord,
  insertSignup,
  insertTrain,
  markNeedsRescheduling,
  mealDeliveries,
  moveSignupTo,
  plannedDishes,
  recipientDefaults,
  recipientExists,
  setSignupState,
  slotHolder,
  strandedSignups,
  updateTrain,
  volunteerContact,
} from '../../db/meal-trains'
import { forgetValues } from '../../db/history'
import { householdNeeds, markNeedsSeen, needsSeen } from '../../db/household-needs'
import { prayerCommitments } from '../../db/prayer-circles'
import type { ParsedInputOf } from '../contract'
import { dayNumber, type MealTrainFields, type PersonNeeds, type PlannedClash, type SignupCheck, type SignupWarning, type mealTrainsContract } from '../contract/meal-trains'
import type { MessageId } from '../contract/i18n/en'
import type { DietaryNeed, Meal } from '../contract/values'
import type { Context, HandlersFor } from '../context'
import { HearthError } from '../contract/errors'
import { noonOf } from '../i18n/said'
import { labelMidSentence } from '../i18n/case'
import { chosenLocale, say } from '../i18n/say'
import { getSettings } from '../common/read-settings'
import { dishWarnings, needsChanges } from './household-needs'
import { careFields } from './kinds'
import { moveDayOne } from './relative'
import { generateSlots } from '../common/meal-slots'
import { mealTrainDetail } from '../common/read-meal-train'
import { mealTrainSummaries } from './read'

async function trainOrThrow(ctx: Context, trainId: number) {
  const train = await getTrainFields(ctx.db, trainId)
  if (!train) throw new HearthError('not_found', 'errors.trainGone')
  return train
}

async function checkRecipient(ctx: Context, fields: MealTrainFields): Promise<void> {
  const found = await recipientExists(ctx.db, fields.recipientPersonId, fields.recipientHouseholdId)
  if (!found.person) throw new HearthError('not_found', 'errors.gone.member', undefined, { recipientPersonId: 'errors.field.chooseMember' })
  if (!found.household) throw new HearthError('not_found', 'errors.gone.household', undefined, { recipientHouseholdId: 'errors.field.chooseMember' })
}

/** A dish's allergy warnings in the locale's words: "this family" stands for needs no one member's record holds. */
function wordedDishWarnings(locale: string, dish: string | null | undefined, household: PersonNeeds[], trainNeeds: readonly DietaryNeed[]): SignupWarning[] {
  const names = new Set(household.map((p) => p.name))
  const list = new Intl.ListFormat(locale, { type: 'conjunction' })
  return dishWarnings(dish, household, trainNeeds).map((w) => {
    const label = say(locale, `members.dietary.${w.need}` as MessageId)
    const who = list.format(w.who.map((n) => (names.has(n) ? n : say(locale, 'warnings.signup.thisFamily'))))
    const need = labelMidSentence(label, locale)
    return { ...w, message: say(locale, 'warnings.signup.allergy', { dish: dish?.trim() ?? '', who, need, words: w.words.map((x) => `“${x}”`).join(', ') }) }
  })
}

/** Warnings, never refusals: the coordinator knows things Hearth doesn't (a blackout may be over early). */
async function signupWarnings(
  ctx: Context,
  train: MealTrainFields & { id: number },
  s: { date: string; meal: Meal; personId: number | null; dish: string | null; exceptSignupId?: number },
): Promise<SignupCheck> {
  const { db } = ctx
  const locale = chosenLocale((await getSettings(ctx)).language, ctx.os.locale)
  const warnings: SignupWarning[] = []
  if (s.personId !== null) {
    const who = (await volunteerContact(db, s.personId))?.name ?? say(locale, 'warnings.signup.thisVolunteer')
    for (const b of await blackoutsOn(db, s.personId, s.date)) {
      const span = { who, from: noonOf(b.startsOn), to: noonOf(b.endsOn), hasNote: b.note ? 'yes' : 'no', note: b.note ?? '' }
      warnings.push({ kind: 'blackout', message: say(locale, b.startsOn === b.endsOn ? 'warnings.signup.awayOn' : 'warnings.signup.awayFrom', span) })
    }
    const others = (await mealDeliveries(db, { personId: s.personId, from: s.date, to: s.date })).filter((d) => d.signupId !== s.exceptSignupId)
    for (const d of others) {
      const title = d.title?.trim() ?? ''
      const slot = { kind: d.careKind === 'other' && !title ? 'help' : d.careKind, title, meal: d.meal, giftCard: d.kind === 'gift_card' && d.careKind === 'meals' ? 'yes' : 'no' }
      warnings.push({ kind: 'busy', message: say(locale, 'warnings.signup.busy', { who, ...slot, recipient: d.recipientName, when: noonOf(d.date) }) })
    }
    for (const c of await prayerCommitments(db, { personId: s.personId, from: s.date, to: s.date })) {
      warnings.push({ kind: 'busy', message: say(locale, 'warnings.signup.praying', { who, label: c.label }) })
    }
  }
  warnings.push(...wordedDishWarnings(locale, s.dish, await householdNeeds(db, train), train.dietary))
  const planned = await plannedDishes(db, train.id, s.exceptSignupId)
  const dish = s.dish?.trim().toLowerCase()
  if (dish) {
    const same = planned.filter((p) => p.dish.trim().toLowerCase() === dish)
    if (same.length > 0) {
      const day = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long' })
      const dates = new Intl.ListFormat(locale, { type: 'unit' }).format(same.map((p) => day.format(noonOf(p.date))))
      warnings.push({ kind: 'same_dish', message: say(locale, 'warnings.signup.sameDish', { dish: s.dish ?? '', dates }) })
    }
  }
  return { warnings, planned }
}

/** A slot's day as message values: worded "Tuesday 3 March", or "Day 3" on a calendar whose date is not known yet. */
function dayValues(train: Pick<MealTrainFields, 'dateKnown' | 'startsOn'>, date: string): Record<string, string | number> {
  return train.dateKnown ? { dated: 'yes', when: noonOf(date) } : { dated: 'no', dayNumber: dayNumber(date, train.startsOn) }
}

async function requireOpenSlot(ctx: Context, train: MealTrainFields & { id: number; status: string }, date: string, meal: Meal, exceptId?: number): Promise<void> {
  if (train.status === 'archived') throw new HearthError('refused', 'errors.meals.archived')
  const slots = generateSlots(train)
  const title = train.title?.trim() ?? ''
  const slot = { kind: train.kind === 'other' && !title ? 'help' : train.kind, title, meal, ...dayValues(train, date) }
  if (!slots.some((s) => s.date === date && s.meal === meal)) {
    throw new HearthError('invalid_input', 'errors.meals.noSlot', slot, { date: 'errors.meals.chooseSlot' })
  }
  const holder = await slotHolder(ctx.db, train.id, date, meal, exceptId)
  if (holder) throw new HearthError('conflict', 'errors.meals.slotTaken', { ...slot, name: holder.volunteerName })
}

/** A calendar keeps its kind and stays undated until its date is set through setDayOne. */
function checkKeeps(stored: MealTrainFields, fields: MealTrainFields): void {
  if (fields.kind !== stored.kind) throw new HearthError('invalid_input', 'errors.meals.keepKind', undefined, { kind: 'errors.meals.keepKind.field' })
  if (fields.dateKnown !== stored.dateKnown) {
    throw new HearthError('invalid_input', stored.dateKnown ? 'errors.meals.keepDated' : 'errors.meals.useSetDate', undefined, { startsOn: 'errors.meals.keepDates.field' })
  }
}

type In<C extends keyof typeof mealTrainsContract> = ParsedInputOf<C>

function listMealTrains({ includeArchived }: In<'mealTrains.list'>, ctx: Context) {
  return mealTrainSummaries(ctx, includeArchived)
}

async function getMealTrain({ id }: In<'mealTrains.get'>, ctx: Context) {
  const train = await mealTrainDetail(ctx, id)
  if (!train) throw new HearthError('not_found', 'errors.trainGone')
  const { timeZone: _zone, ...detail } = train
  const locale = chosenLocale((await getSettings(ctx)).language, ctx.os.locale)
  const plannedClashes: PlannedClash[] = []
  for (const slot of detail.slots) {
    const su = slot.signup
    const messages = su?.dish ? wordedDishWarnings(locale, su.dish, detail.householdNeeds, detail.dietary).map((w) => w.message) : []
    if (su?.dish && messages.length) plannedClashes.push({ signupId: su.id, date: su.date, meal: su.meal, dish: su.dish, volunteerName: su.volunteerName, messages })
  }
  return { ...detail, needsChanges: needsChanges(await needsSeen(ctx.db, id), detail.householdNeeds, locale), plannedClashes }
}

async function getRecipientDefaults({ personId }: In<'mealTrains.recipientDefaults'>, ctx: Context) {
  const d = await recipientDefaults(ctx.db, personId)
  if (!d) throw new HearthError('not_found', 'errors.gone.memberShort')
  return d
}

async function createMealTrain(input: In<'mealTrains.create'>, ctx: Context) {
  const fields = careFields(input)
  generateSlots(fields)
  await checkRecipient(ctx, fields)
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await insertTrain(trx, fields)
    await markNeedsSeen(trx, newId, await householdNeeds(trx, fields))
    return newId
  })
  return { id }
}

async function previewUpdate({ id, fields: input }: In<'mealTrains.previewUpdate'>, ctx: Context) {
  const fields = careFields(input)
  checkKeeps(await trainOrThrow(ctx, id), fields)
  const slots = generateSlots(fields)
  return { affected: await strandedSignups(ctx.db, id, slots) }
}

async function updateMealTrain({ id, fields: input, confirmAffected }: In<'mealTrains.update'>, ctx: Context) {
  const fields = careFields(input)
  checkKeeps(await trainOrThrow(ctx, id), fields)
  const slots = generateSlots(fields)
  await checkRecipient(ctx, fields)
  return ctx.db.transaction().execute(async (trx) => {
    const affected = await strandedSignups(trx, id, slots)
    if (affected.length > 0 && !confirmAffected) {
      const names = affected.map((a) => ({ id: 'errors.meals.strandedName' as const, values: { name: a.volunteerName, ...dayValues(fields, a.date) } }))
      throw new HearthError('conflict', 'errors.meals.stranded', { count: affected.length }, undefined, { names })
    }
    await updateTrain(trx, id, fields)
    await markNeedsRescheduling(trx, affected.map((a) => a.signupId))
    return { id, movedToRescheduling: affected.length }
  })
}

async function checkSignup({ trainId, date, meal, personId, dish }: In<'mealTrains.checkSignup'>, ctx: Context) {
  const train = await trainOrThrow(ctx, trainId)
  return signupWarnings(ctx, train, { date, meal, personId, dish })
}

async function signUp(input: In<'mealTrains.signUp'>, ctx: Context) {
  const train = await trainOrThrow(ctx, input.trainId)
  await requireOpenSlot(ctx, train, input.date, input.meal)
  let personId: number | null = null
  let name: string
  let phone: string | null
  if ('personId' in input.volunteer) {
    const contact = await volunteerContact(ctx.db, input.volunteer.personId)
    if (!contact) throw new HearthError('not_found', 'errors.gone.volunteer', undefined, { volunteer: 'errors.field.chooseVolunteer' })
    personId = input.volunteer.personId
    ;({ name, phone } = contact)
  } else {
    name = input.volunteer.name
    phone = input.volunteer.phone
  }
  const { warnings } = await signupWarnings(ctx, train, { date: input.date, meal: input.meal, personId, dish: input.dish })
  const id = await ctx.db.transaction().execute((trx) =>
    insertSignup(trx, { trainId: train.id, date: input.date, meal: input.meal, personId, name, phone, kind: input.kind, dish: input.dish, notes: input.notes }),
  )
  return { id, warnings }
}

async function changeSignupState({ signupId, state }: In<'mealTrains.setSignupState'>, ctx: Context) {
  const s = await getSignup(ctx.db, signupId)
  if (!s) throw new HearthError('not_found', 'errors.gone.signup')
  // Taking a slot back (from cancelled or needs rescheduling) needs the slot to exist and be free.
  if (state !== 'cancelled' && s.state !== 'taken' && s.state !== 'delivered') {
    const train = await trainOrThrow(ctx, s.trainId)
    await requireOpenSlot(ctx, train, s.date, s.meal, s.id)
  }
  await setSignupState(ctx.db, signupId, state)
  return { id: signupId }
}

async function moveSignup({ signupId, date, meal }: In<'mealTrains.moveSignup'>, ctx: Context) {
  const s = await getSignup(ctx.db, signupId)
  if (!s) throw new HearthError('not_found', 'errors.gone.signup')
  const train = await trainOrThrow(ctx, s.trainId)
  await requireOpenSlot(ctx, train, date, meal, s.id)
  const { warnings } = await signupWarnings(ctx, train, { date, meal, personId: s.personId, dish: s.dish, exceptSignupId: s.id })
  await moveSignupTo(ctx.db, signupId, date, meal)
  return { id: signupId, warnings: warnings.filter((w) => w.kind === 'blackout' || w.kind === 'busy') }
}

async function copyMealTrain({ id, startsOn, endsOn }: In<'mealTrains.copy'>, ctx: Context) {
  const { id: _old, status: _status, ...source } = await trainOrThrow(ctx, id)
  // A copy is given real dates, so it is dated even when the calendar it copies was not.
  const fields = careFields({ ...source, startsOn, endsOn, dateKnown: true })
  generateSlots(fields)
  const newId = await ctx.db.transaction().execute(async (trx) => {
    const created = await insertTrain(trx, fields)
    await markNeedsSeen(trx, created, await householdNeeds(trx, fields))
    return created
  })
  return { id: newId }
}

async function acknowledgeNeeds({ id }: In<'mealTrains.acknowledgeNeeds'>, ctx: Context) {
  const train = await trainOrThrow(ctx, id)
  await markNeedsSeen(ctx.db, id, await householdNeeds(ctx.db, train))
  return { id }
}

async function archiveMealTrain({ id, clearHealthDetails }: In<'mealTrains.archive'>, ctx: Context) {
  await trainOrThrow(ctx, id)
  await archiveTrain(ctx.db, id, clearHealthDetails)
  // Cleared means cleared: earlier values go from the history too, and this archive cannot be undone.
  if (clearHealthDetails) forgetValues(ctx.sqlite, 'meal_trains', [id], Object.keys(HEALTH_COLUMNS))
  return { id }
}

async function setDayOne({ id, date }: In<'mealTrains.setDayOne'>, ctx: Context) {
  const record = await getTrainRecord(ctx.db, id)
  if (!record) throw new HearthError('not_found', 'errors.trainGone')
  const { train, signups } = record
  if (train.status === 'archived') throw new HearthError('refused', 'errors.meals.archived')
  const move = moveDayOne(train, signups, date)
  const moved = { ...train, startsOn: move.startsOn, endsOn: move.endsOn, dateKnown: true }
  const slots = generateSlots(moved)
  const keep = new Set(slots.map((s) => `${s.date}|${s.meal}`))
  const stranded = move.moves.filter((m) => {
    const s = signups.find((x) => x.id === m.id)!
    return (s.state === 'taken' || s.state === 'delivered') && !keep.has(`${m.date}|${s.meal}`)
  })
  await ctx.db.transaction().execute(async (trx) => {
    // Stranded sign-ups leave the slot index first, so the moves below never meet one still holding a slot.
    await markNeedsRescheduling(trx, stranded.map((m) => m.id))
    await shiftTrain(trx, id, move, move.moves)
  })
  return { id, movedToRescheduling: stranded.length }
}

export const mealTrainsHandlers: HandlersFor<typeof mealTrainsContract> = {
  'mealTrains.list': listMealTrains,
  'mealTrains.get': getMealTrain,
  'mealTrains.recipientDefaults': getRecipientDefaults,
  'mealTrains.create': createMealTrain,
  'mealTrains.previewUpdate': previewUpdate,
  'mealTrains.update': updateMealTrain,
  'mealTrains.checkSignup': checkSignup,
  'mealTrains.signUp': signUp,
  'mealTrains.setSignupState': changeSignupState,
  'mealTrains.moveSignup': moveSignup,
  'mealTrains.copy': copyMealTrain,
  'mealTrains.acknowledgeNeeds': acknowledgeNeeds,
  'mealTrains.setDayOne': setDayOne,
  'mealTrains.archive': archiveMealTrain,
}
