import {
  archiveMeal,
  deleteRsvp,
  deleteSignup,
  insertMeal,
  insertSeries,
  insertSignup,
  mealRows,
  needIdsOf,
  needIdsWithSignups,
  needRow,
  rsvpExists,
  saveNeeds,
  saveRsvp,
  seriesRow,
  setMealDate,
  setSeriesStart,
  signupExists,
  updateMeal,
  whoFor,
} from '../../db/communal-meals'
import type { ParsedInputOf } from '../contract'
import type { CommunalMealFields, CommunalSignupView, communalMealsContract, SeriesDetail } from '../contract/communal-meals'
import { HearthError } from '../contract/errors'
import type { Context, HandlersFor } from '../context'
import { say } from '../i18n/say'
import { localeOf, mealSummaries, mealWarnings, readMeal, readSeries } from '../common/read-communal-meal'
import { seriesDate } from '../common/communal-meal'

type In<C extends keyof typeof communalMealsContract> = ParsedInputOf<C>

async function activeMeal(ctx: Context, mealId: number) {
  const [row] = await mealRows(ctx.db, { id: mealId })
  if (!row) throw new HearthError('not_found', 'errors.communal.gone')
  if (row.status === 'archived') throw new HearthError('refused', 'errors.communal.archived')
  return row
}

async function needOrThrow(ctx: Context, needId: number) {
  const need = await needRow(ctx.db, needId)
  if (!need) throw new HearthError('not_found', 'errors.communal.needGone', undefined, { needId: 'errors.communal.needGone' })
  return need
}

/** A saved list may only name the meal's own needs, and may drop only those no one has signed up for. */
async function checkNeeds(ctx: Context, mealId: number, fields: CommunalMealFields): Promise<void> {
  const own = await needIdsOf(ctx.db, mealId)
  const listed = new Set(fields.needs.flatMap((n) => (n.id === undefined ? [] : [n.id])))
  if ([...listed].some((id) => !own.has(id))) throw new HearthError('conflict', 'errors.communal.needOfAnotherMeal')
  const held = [...(await needIdsWithSignups(ctx.db, mealId))].filter((id) => !listed.has(id))
  if (held.length) throw new HearthError('conflict', 'errors.communal.needHasSignups', { count: held.length })
}

function listMeals({ includeArchived }: In<'communalMeals.list'>, ctx: Context) {
  return mealSummaries(ctx, { includeArchived }).then((all) => all.map((m) => m.summary))
}

async function getMeal({ id }: In<'communalMeals.get'>, ctx: Context) {
  const meal = await readMeal(ctx, id, await localeOf(ctx))
  if (!meal) throw new HearthError('not_found', 'errors.communal.gone')
  return meal.detail
}

async function createMeal(fields: In<'communalMeals.create'>, ctx: Context) {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const mealId = await insertMeal(trx, fields)
    await saveNeeds(trx, mealId, fields.needs)
    return mealId
  })
  return { id }
}

async function updateCommunalMeal({ id, fields }: In<'communalMeals.update'>, ctx: Context) {
  await activeMeal(ctx, id)
  await checkNeeds(ctx, id, fields)
  await ctx.db.transaction().execute(async (trx) => {
    await updateMeal(trx, id, fields)
    await saveNeeds(trx, id, fields.needs)
  })
  return { id }
}

type DishDetails = Pick<In<'communalMeals.signUp'>, 'dish' | 'contains' | 'labels'>

/** The meal's warnings with the dish about to be signed up counted in. */
async function warningsFor(ctx: Context, needId: number, details: DishDetails, quantity: number, cook: string | null) {
  const need = await needOrThrow(ctx, needId)
  const locale = await localeOf(ctx)
  const meal = await readMeal(ctx, need.mealId, locale)
  if (!meal) throw new HearthError('not_found', 'errors.communal.gone')
  const planned: CommunalSignupView = {
    id: 0,
    needId,
    personId: null,
    householdId: null,
    name: cook ?? say(locale, 'communalMeals.someone'),
    firstName: cook?.split(/\s+/)[0] ?? say(locale, 'communalMeals.someone'),
    phone: null,
    quantity,
    dish: details.dish,
    contains: details.contains,
    labels: details.labels,
    notes: null,
  }
  const needs = meal.needs.map((n) => (n.id === needId && n.kind === 'dish' ? { ...n, signups: [...n.signups, planned] } : n))
  const warnings = mealWarnings(locale, needs, meal.people, meal.detail.headcountDetail.total)
  // Clashes of dishes already signed up are the meal page's to show; the rest is about the food as a whole.
  return { need, warnings: warnings.filter((w) => w.kind !== 'allergen' || w.signupId === null) }
}

async function checkSignup({ needId, dish, contains, labels }: In<'communalMeals.checkSignup'>, ctx: Context) {
  const { warnings } = await warningsFor(ctx, needId, { dish, contains, labels }, 1, null)
  return { warnings }
}

async function signUp(input: In<'communalMeals.signUp'>, ctx: Context) {
  const need = await needOrThrow(ctx, input.needId)
  await activeMeal(ctx, need.mealId)
  if (need.kind === 'job' && (input.dish || input.contains.length || input.labels.length)) {
    throw new HearthError('invalid_input', 'errors.communal.dishDetailsOnJob', undefined, { dish: 'errors.communal.dishDetailsOnJob' })
  }
  const who = 'name' in input.who ? { personId: null, householdId: null, name: input.who.name, phone: input.who.phone } : await whoFor(ctx.db, input.who)
  if (!who) throw new HearthError('not_found', 'errors.communal.whoGone', undefined, { who: 'errors.communal.whoGone' })
  const { warnings } = await warningsFor(ctx, input.needId, input, input.quantity, who.name)
  const id = await ctx.db.transaction().execute((trx) =>
    insertSignup(trx, { needId: need.id, ...who, quantity: input.quantity, dish: input.dish, contains: input.contains, labels: input.labels, notes: input.notes }),
  )
  return { id, warnings }
}

async function cancelSignup({ signupId }: In<'communalMeals.cancelSignup'>, ctx: Context) {
  if (!(await signupExists(ctx.db, signupId))) throw new HearthError('not_found', 'errors.communal.signupGone')
  await deleteSignup(ctx.db, signupId)
  return { id: signupId }
}

async function rsvp(input: In<'communalMeals.rsvp'>, ctx: Context) {
  await activeMeal(ctx, input.mealId)
  if (input.adults + input.children === 0) throw new HearthError('invalid_input', 'errors.communal.noPeople', undefined, { adults: 'errors.communal.noPeople' })
  const who = 'name' in input.who ? { personId: null, householdId: null, name: input.who.name } : await whoFor(ctx.db, input.who)
  if (!who) throw new HearthError('not_found', 'errors.communal.whoGone', undefined, { who: 'errors.communal.whoGone' })
  // A member answers for their household, so the household's answer is one line however many of them reply.
  const householdId = who.householdId
  const name = householdId !== null && 'personId' in input.who ? ((await whoFor(ctx.db, { householdId }))?.name ?? who.name) : who.name
  const id = await saveRsvp(ctx.db, { mealId: input.mealId, householdId, personId: householdId === null ? who.personId : null, name, adults: input.adults, children: input.children, notes: input.notes })
  return { id }
}

async function removeRsvp({ rsvpId }: In<'communalMeals.removeRsvp'>, ctx: Context) {
  if (!(await rsvpExists(ctx.db, rsvpId))) throw new HearthError('not_found', 'errors.communal.rsvpGone')
  await deleteRsvp(ctx.db, rsvpId)
  return { id: rsvpId }
}

async function archive({ id }: In<'communalMeals.archive'>, ctx: Context) {
  await activeMeal(ctx, id)
  await archiveMeal(ctx.db, id)
  return { id }
}

async function createSeries(input: In<'communalMeals.createSeries'>, ctx: Context) {
  const locale = await localeOf(ctx)
  return ctx.db.transaction().execute(async (trx) => {
    const seriesId = await insertSeries(trx, { title: input.title, kind: input.kind, startsOn: input.startsOn, count: input.count, closingTitle: input.closingTitle })
    const mealIds: number[] = []
    const numbers = input.closingTitle ? input.count + 1 : input.count
    for (let number = 1; number <= numbers; number++) {
      const closing = number > input.count
      const title = closing ? (input.closingTitle ?? say(locale, 'communalMeals.eid')) : input.title
      const date = seriesDate(input.kind, input.startsOn, number)
      const mealId = await insertMeal(trx, { title, date, time: input.time, place: input.place, purpose: input.purpose }, { seriesId, number, closing })
      // Each meal gets its own copy of the needs, so a night's list can change without touching the others.
      await saveNeeds(trx, mealId, input.needs.map(({ id: _id, ...n }) => n))
      mealIds.push(mealId)
    }
    return { id: seriesId, mealIds }
  })
}

async function getSeries({ id }: In<'communalMeals.getSeries'>, ctx: Context): Promise<SeriesDetail> {
  const series = await readSeries(ctx, id, await localeOf(ctx))
  if (!series) throw new HearthError('not_found', 'errors.communal.seriesGone')
  return series
}

async function moveSeries({ id, startsOn }: In<'communalMeals.moveSeries'>, ctx: Context) {
  const series = await seriesRow(ctx.db, id)
  if (!series) throw new HearthError('not_found', 'errors.communal.seriesGone')
  const meals = await mealRows(ctx.db, { seriesId: id, includeArchived: true })
  await ctx.db.transaction().execute(async (trx) => {
    await setSeriesStart(trx, id, startsOn)
    for (const m of meals) if (m.seriesNumber !== null) await setMealDate(trx, m.id, seriesDate(series.kind, startsOn, m.seriesNumber))
  })
  return { id, moved: meals.length }
}

async function copyStillNeeded({ id }: In<'communalMeals.copyStillNeeded'>, ctx: Context) {
  const meal = await readMeal(ctx, id, await localeOf(ctx))
  if (!meal) throw new HearthError('not_found', 'errors.communal.gone')
  if (!meal.detail.stillNeededMessage) throw new HearthError('refused', 'errors.communal.nothingNeeded')
  await ctx.os.copyText(meal.detail.stillNeededMessage)
  return { text: meal.detail.stillNeededMessage }
}

export const communalMealsHandlers: HandlersFor<typeof communalMealsContract> = {
  'communalMeals.list': listMeals,
  'communalMeals.get': getMeal,
  'communalMeals.create': createMeal,
  'communalMeals.update': updateCommunalMeal,
  'communalMeals.checkSignup': checkSignup,
  'communalMeals.signUp': signUp,
  'communalMeals.cancelSignup': cancelSignup,
  'communalMeals.rsvp': rsvp,
  'communalMeals.removeRsvp': removeRsvp,
  'communalMeals.archive': archive,
  'communalMeals.createSeries': createSeries,
  'communalMeals.getSeries': getSeries,
  'communalMeals.moveSeries': moveSeries,
  'communalMeals.copyStillNeeded': copyStillNeeded,
}
