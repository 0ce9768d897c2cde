import type { Kysely } from 'kysely'
import { DateTime } from 'luxon'
import {
  blackoutsOn,
  congregationTimeZone,
  getMealTrainForPrint,
  getSignup,
  getTrainFields,
  insertSignup,
  insertTrain,
  listTrains,
  markNeedsRescheduling,
  mealLoad,
  mealTrainCommitments,
  plannedDishes,
  recipientDefaults,
  slotHolder,
  strandedSignups,
  todayIn,
  updateTrain,
  volunteerContact,
} from '../../db/meal-trains'
import { forgetValues } from '../../db/history'
import { householdNeeds, markNeedsSeen, needsSeen } from '../../db/household-needs'
import { prayerCommitments } from '../../db/prayer-circles'
import type { Database } from '../../db/schema'
import { type Meal, MEAL_LABELS } from '../contract/values'
import type { Context, HandlersFor } from '../context'
import type { MealTrainFields, PlannedClash, SignupCheck, SignupWarning, mealTrainsContract } from '../contract/meal-trains'
import { dishWarnings, needsChanges } from './household-needs'
import { HearthError } from '../errors'
import { generateSlots } from './slots'


function longDate(date: string): string {
  return DateTime.fromISO(date).setLocale('en-GB').toFormat('cccc d LLLL')
}

async function trainOrThrow(ctx: Context, trainId: number) {
  const train = await getTrainFields(ctx.db, trainId)
  if (!train) throw new HearthError('not_found', 'That meal train no longer exists.')
  return train
}

async function checkRecipient(ctx: Context, fields: MealTrainFields): Promise<void> {
  if (fields.recipientPersonId !== null) {
    const p = await ctx.db.selectFrom('people').select('id').where('id', '=', fields.recipientPersonId).executeTakeFirst()
    if (!p) throw new HearthError('not_found', 'That member is no longer in Hearth. Choose them again.', { recipientPersonId: 'Choose the member again.' })
  }
  if (fields.recipientHouseholdId !== null) {
    const h = await ctx.db.selectFrom('households').select('id').where('id', '=', fields.recipientHouseholdId).executeTakeFirst()
    if (!h) throw new HearthError('not_found', 'That household is no longer in Hearth.', { recipientHouseholdId: 'Choose the member again.' })
  }
}

/** Warnings, never refusals: the coordinator knows things Hearth doesn't (a blackout may be over early). */
async function signupWarnings(
  db: Kysely<Database>,
  train: MealTrainFields & { id: number },
  s: { date: string; meal: Meal; personId: number | null; dish: string | null; exceptSignupId?: number },
): Promise<SignupCheck> {
  const warnings: SignupWarning[] = []
  if (s.personId !== null) {
    const who = (await volunteerContact(db, s.personId))?.name ?? 'This volunteer'
    for (const b of await blackoutsOn(db, s.personId, s.date)) {
      const span = b.startsOn === b.endsOn ? longDate(b.startsOn) : `${longDate(b.startsOn)} to ${longDate(b.endsOn)}`
      warnings.push({ kind: 'blackout', message: `${who} said they are away or unavailable ${b.startsOn === b.endsOn ? 'on' : 'from'} ${span}${b.note ? ` (${b.note})` : ''}.` })
    }
    const others = (await mealTrainCommitments(db, { personId: s.personId, from: s.date, to: s.date })).filter((c) => c.ref.id !== s.exceptSignupId)
    for (const c of others) warnings.push({ kind: 'busy', message: `${who} is already bringing ${c.label.replace(/^./, (x) => x.toLowerCase())} on ${longDate(c.date)}.` })
    for (const c of await prayerCommitments(db, { personId: s.personId, from: s.date, to: s.date })) {
      warnings.push({ kind: 'busy', message: `${who} is also down to pray that day: ${c.label}.` })
    }
  }
  warnings.push(...dishWarnings(s.dish, await householdNeeds(db, train), train.dietary))
  const planned = await plannedDishes(db, train.id, s.exceptSignupId)
  const dish = s.dish?.trim().toLowerCase()
  if (dish) {
    const same = planned.filter((p) => p.dish.trim().toLowerCase() === dish)
    if (same.length > 0) {
      warnings.push({ kind: 'same_dish', message: `“${s.dish}” is already planned for ${same.map((p) => longDate(p.date)).join(', ')}.` })
    }
  }
  return { warnings, planned }
}

async function requireOpenSlot(ctx: Context, train: MealTrainFields & { id: number; status: string }, date: string, meal: Meal, exceptId?: number): Promise<void> {
  if (train.status === 'archived') throw new HearthError('refused', 'This meal train is archived. Copy it to start a new one.')
  const slots = generateSlots(train)
  if (!slots.some((s) => s.date === date && s.meal === meal)) {
    throw new HearthError('invalid_input', `This meal train has no ${MEAL_LABELS[meal].toLowerCase()} on ${longDate(date)}.`, { date: 'Choose a day and meal on the train.' })
  }
  const holder = await slotHolder(ctx.db, train.id, date, meal, exceptId)
  if (holder) throw new HearthError('conflict', `${holder.volunteerName} is already bringing ${MEAL_LABELS[meal].toLowerCase()} on ${longDate(date)}. Choose another slot.`)
}

export const mealTrainsHandlers: HandlersFor<typeof mealTrainsContract> = {
  'mealTrains.list': ({ includeArchived }, ctx) => listTrains(ctx.db, includeArchived),

  'mealTrains.get': async ({ id }, ctx) => {
    const train = await getMealTrainForPrint(ctx.db, id)
    if (!train) throw new HearthError('not_found', 'That meal train no longer exists.')
    const { timeZone: _zone, ...detail } = train
    const plannedClashes: PlannedClash[] = []
    for (const slot of detail.slots) {
      const su = slot.signup
      const messages = su?.dish ? dishWarnings(su.dish, detail.householdNeeds, detail.dietary).map((w) => w.message) : []
      if (su?.dish && messages.length) plannedClashes.push({ signupId: su.id, date: su.date, meal: su.meal, dish: su.dish, volunteerName: su.volunteerName, messages })
    }
    return { ...detail, needsChanges: needsChanges(await needsSeen(ctx.db, id), detail.householdNeeds), plannedClashes }
  },

  'mealTrains.recipientDefaults': async ({ personId }, ctx) => {
    const d = await recipientDefaults(ctx.db, personId)
    if (!d) throw new HearthError('not_found', 'That member is no longer in Hearth.')
    return d
  },

  'mealTrains.create': async (fields, ctx) => {
    generateSlots(fields)
    await checkRecipient(ctx, fields)
    const id = await ctx.db.transaction().execute(async (trx) => {
      const newId = await insertTrain(trx, fields)
      await markNeedsSeen(trx, newId, await householdNeeds(trx, fields))
      return newId
    })
    return { id }
  },

  'mealTrains.previewUpdate': async ({ id, fields }, ctx) => {
    await trainOrThrow(ctx, id)
    const slots = generateSlots(fields)
    return { affected: await strandedSignups(ctx.db, id, slots) }
  },

  'mealTrains.update': async ({ id, fields, confirmAffected }, ctx) => {
    await trainOrThrow(ctx, id)
    const slots = generateSlots(fields)
    await checkRecipient(ctx, fields)
    return ctx.db.transaction().execute(async (trx) => {
      const affected = await strandedSignups(trx, id, slots)
      if (affected.length > 0 && !confirmAffected) {
        const names = affected.map((a) => `${a.volunteerName} (${longDate(a.date)})`).join(', ')
        throw new HearthError(
          'conflict',
          `This change leaves ${affected.length === 1 ? 'one volunteer' : `${affected.length} volunteers`} without a slot: ${names}. Nothing was changed. Confirm to keep them as "needs rescheduling".`,
        )
      }
      await updateTrain(trx, id, fields)
      await markNeedsRescheduling(trx, affected.map((a) => a.signupId))
      return { id, movedToRescheduling: affected.length }
    })
  },

  'mealTrains.checkSignup': async ({ trainId, date, meal, personId, dish }, ctx) => {
    const train = await trainOrThrow(ctx, trainId)
    return signupWarnings(ctx.db, train, { date, meal, personId, dish })
  },

  'mealTrains.signUp': async (input, ctx) => {
    const train = await trainOrThrow(ctx, input.trainId)
    await requireOpenSlot(ctx, train, input.date, input.meal)
    let personId: number | null = null
    let name: string
    let phone: string | null
    if ('personId' in input.volunteer) {
      const contact = await volunteerContact(ctx.db, input.volunteer.personId)
      if (!contact) throw new HearthError('not_found', 'That volunteer is no longer in Hearth. Choose them again.', { volunteer: 'Choose the volunteer again.' })
      personId = input.volunteer.personId
      ;({ name, phone } = contact)
    } else {
      name = input.volunteer.name
      phone = input.volunteer.phone
    }
    const { warnings } = await signupWarnings(ctx.db, train, { date: input.date, meal: input.meal, personId, dish: input.dish })
    const id = await ctx.db.transaction().execute((trx) =>
      insertSignup(trx, { trainId: train.id, date: input.date, meal: input.meal, personId, name, phone, kind: input.kind, dish: input.dish, notes: input.notes }),
    )
    return { id, warnings }
  },

  'mealTrains.setSignupState': async ({ signupId, state }, ctx) => {
    const s = await getSignup(ctx.db, signupId)
    if (!s) throw new HearthError('not_found', 'That sign-up no longer exists.')
    // Taking a slot back (from cancelled or needs rescheduling) needs the slot to exist and be free.
    if (state !== 'cancelled' && s.state !== 'taken' && s.state !== 'delivered') {
      const train = await trainOrThrow(ctx, s.trainId)
      await requireOpenSlot(ctx, train, s.date, s.meal, s.id)
    }
    await ctx.db.updateTable('meal_signups').set({ state, updated_at: new Date().toISOString() }).where('id', '=', signupId).execute()
    return { id: signupId }
  },

  'mealTrains.moveSignup': async ({ signupId, date, meal }, ctx) => {
    const s = await getSignup(ctx.db, signupId)
    if (!s) throw new HearthError('not_found', 'That sign-up no longer exists.')
    const train = await trainOrThrow(ctx, s.trainId)
    await requireOpenSlot(ctx, train, date, meal, s.id)
    const { warnings } = await signupWarnings(ctx.db, train, { date, meal, personId: s.personId, dish: s.dish, exceptSignupId: s.id })
    await ctx.db.updateTable('meal_signups').set({ date, meal, state: 'taken', updated_at: new Date().toISOString() }).where('id', '=', signupId).execute()
    return { id: signupId, warnings: warnings.filter((w) => w.kind === 'blackout' || w.kind === 'busy') }
  },

  'mealTrains.load': async ({ days, today }, ctx) => {
    const to = today ?? todayIn(await congregationTimeZone(ctx.db))
    const from = DateTime.fromISO(to, { zone: 'utc' }).minus({ days: days - 1 }).toISODate()!
    return mealLoad(ctx.db, from, to)
  },

  'mealTrains.copy': async ({ id, startsOn, endsOn }, ctx) => {
    const { id: _old, status: _status, ...source } = await trainOrThrow(ctx, id)
    const fields: MealTrainFields = { ...source, startsOn, endsOn }
    generateSlots(fields)
    const newId = await ctx.db.transaction().execute(async (trx) => {
      const created = await insertTrain(trx, fields)
      await markNeedsSeen(trx, created, await householdNeeds(trx, fields))
      return created
    })
    return { id: newId }
  },

  'mealTrains.acknowledgeNeeds': async ({ id }, ctx) => {
    const train = await trainOrThrow(ctx, id)
    await markNeedsSeen(ctx.db, id, await householdNeeds(ctx.db, train))
    return { id }
  },

  'mealTrains.archive': async ({ id, clearHealthDetails }, ctx) => {
    await trainOrThrow(ctx, id)
    await ctx.db
      .updateTable('meal_trains')
      .set({
        status: 'archived',
        updated_at: new Date().toISOString(),
        ...(clearHealthDetails ? { reason: null, dietary: '[]', dietary_notes: null, household_needs_seen: null } : {}),
      })
      .where('id', '=', id)
      .execute()
    // Cleared means cleared: earlier values go from the history too, and this archive cannot be undone.
    if (clearHealthDetails) forgetValues(ctx.sqlite, 'meal_trains', [id], ['reason', 'dietary', 'dietary_notes', 'household_needs_seen'])
    return { id }
  },
}
