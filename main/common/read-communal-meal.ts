import { comingNeeds, hostCounts, mealRows, needRows, rsvpRows, seriesRow, signupRows, type MealRow, type NeedRow } from '../../db/communal-meals'
import type { CommunalMealDetail, CommunalMealSummary, CommunalSignupView, CommunalWarning, Headcount, NeedView, SeriesDetail } from '../contract/communal-meals'
import type { MessageId } from '../contract/i18n/en'
import type { PersonNeeds } from '../contract/meal-trains'
import type { CommunalCourse, CommunalJob, DietaryNeed } from '../contract/values'
import type { Context } from '../context'
import { noonOf } from '../i18n/said'
import { chosenLocale, languageOfLocale, say } from '../i18n/say'
import { getSettings } from './read-settings'
import { type Dish, dishClashesWithComing, fairSuggestions, headcount, isLabelNeed, mainServings, nothingSuits, stillWanted, wontGoRound } from './communal-meal'

// Reads a communal meal whole — its needs with their sign-ups, who is coming — and words what Hearth has to say
// about it in the language chosen in Settings.

export async function localeOf(ctx: Context): Promise<string> {
  return chosenLocale((await getSettings(ctx)).language, ctx.os.locale)
}

/** A need inside a sentence: the catalog's label, lower case in English ("nut allergy"), as other languages write it. */
export function needWord(locale: string, need: DietaryNeed): string {
  const label = say(locale, `members.dietary.${need}` as MessageId)
  return languageOfLocale(locale).code === 'en' ? label.toLowerCase() : label
}

function needViews(needs: NeedRow[], signups: CommunalSignupView[]): NeedView[] {
  return needs.map((n) => {
    const own = signups.filter((s) => s.needId === n.id)
    return { id: n.id, kind: n.kind, what: n.what, label: n.label, wanted: n.wanted, serves: n.serves, taken: own.reduce((q, s) => q + s.quantity, 0), signups: own }
  })
}

/** "2 desserts, 1 salad, 3 people to wash up": what is still wanted, in the list's order, or null when nothing is. */
export function stillNeededItems(locale: string, needs: NeedView[]): string | null {
  const items = needs.flatMap((n) => {
    const count = stillWanted({ ...n, signups: n.signups })
    if (!count) return []
    if (n.kind === 'job') return [say(locale, 'communalMeals.item.job', { count, job: n.what as CommunalJob })]
    if (n.label?.trim()) return [say(locale, 'communalMeals.item.dish', { count, label: n.label.trim() })]
    return [say(locale, 'communalMeals.item.course', { count, course: n.what as CommunalCourse })]
  })
  return items.length ? new Intl.ListFormat(locale, { type: 'unit', style: 'short' }).format(items) : null
}

export function headcountWords(locale: string, h: ReturnType<typeof headcount>): Headcount {
  const head = say(locale, 'communalMeals.headcount', { total: h.total })
  const needs = h.needs.map((t) => say(locale, 'communalMeals.needCount', { count: t.count, need: needWord(locale, t.need) }))
  const summary = needs.length && h.total > 0 ? say(locale, 'communalMeals.headcountNeeds', { headcount: head, needs: new Intl.ListFormat(locale, { type: 'unit', style: 'short' }).format(needs) }) : head
  return { ...h, summary }
}

const asDish = (s: CommunalSignupView, locale: string): Dish => ({
  signupId: s.id,
  dish: s.dish,
  cook: s.firstName || say(locale, 'communalMeals.someone'),
  contains: s.contains,
  labels: s.labels,
})

/** The warnings for a meal as it stands (a sign-up about to be made is passed in among its need's sign-ups, id 0). */
export function mealWarnings(locale: string, needs: NeedView[], people: PersonNeeds[], total: number): CommunalWarning[] {
  const list = new Intl.ListFormat(locale, { type: 'conjunction' })
  const dishNeeds = needs.filter((n) => n.kind === 'dish')
  const dishes = dishNeeds.flatMap((n) => n.signups.map((s) => asDish(s, locale)))
  const mains = dishNeeds.filter((n) => n.what === 'main').flatMap((n) => n.signups.map((s) => asDish(s, locale)))
  const warnings: CommunalWarning[] = []
  for (const c of dishClashesWithComing(dishes, people)) {
    const values = { dish: c.dish || say(locale, 'communalMeals.someone'), cook: c.cook, who: list.format(c.who), count: c.who.length, need: needWord(locale, c.need) }
    const message = c.allergens.length
      ? say(locale, 'communalMeals.warning.allergen', { ...values, allergens: list.format(c.allergens.map((a) => say(locale, `communalMeals.allergen.${a}` as MessageId).toLocaleLowerCase(locale))) })
      : say(locale, 'communalMeals.warning.mentions', { ...values, words: c.words.map((w) => `“${w}”`).join(', ') })
    warnings.push({ kind: 'allergen', message, need: c.need, who: c.who, signupId: c.signupId || null })
  }
  const servings = mainServings(dishNeeds)
  if (servings !== null && wontGoRound(servings, total)) {
    warnings.push({ kind: 'short', message: say(locale, 'communalMeals.warning.short', { servings, headcount: total }), servings, headcount: total })
  }
  for (const t of total > 0 ? nothingSuits(mains, people, headcount([], people).needs) : []) {
    const id = isLabelNeed(t.need) ? 'communalMeals.warning.nothingLabel' : 'communalMeals.warning.nothingSafe'
    warnings.push({ kind: 'nothing_suits', message: say(locale, id, { count: t.count, need: needWord(locale, t.need) }), need: t.need })
  }
  return warnings
}

export interface MealWhole {
  row: MealRow
  needs: NeedView[]
  people: PersonNeeds[]
  detail: CommunalMealDetail
}

export async function readMeal(ctx: Context, id: number, locale: string): Promise<MealWhole | null> {
  const [row] = await mealRows(ctx.db, { id })
  if (!row) return null
  const needRowsOf = await needRows(ctx.db, [id])
  const needs = needViews(needRowsOf, await signupRows(ctx.db, needRowsOf.map((n) => n.id)))
  const rsvps = await rsvpRows(ctx.db, [id])
  const people = await comingNeeds(ctx.db, rsvps)
  const h = headcountWords(locale, headcount(rsvps, people))
  const items = stillNeededItems(locale, needs)
  const detail: CommunalMealDetail = {
    ...summaryOf(row, needs, h.total),
    purpose: row.purpose,
    seriesTitle: row.seriesTitle,
    needs,
    rsvps: rsvps.map(({ mealId: _meal, ...r }) => r),
    headcountDetail: h,
    warnings: mealWarnings(locale, needs, people, h.total),
    stillNeededMessage: items ? say(locale, 'communalMeals.stillNeeded', { title: row.title, when: noonOf(row.date), items }) : null,
  }
  return { row, needs, people, detail }
}

function summaryOf(row: MealRow, needs: NeedView[], total: number): CommunalMealSummary {
  return {
    id: row.id,
    title: row.title,
    date: row.date,
    time: row.time,
    place: row.place,
    seriesId: row.seriesId,
    seriesNumber: row.seriesNumber,
    closing: row.closing,
    status: row.status,
    stillNeeded: needs.reduce((n, x) => n + stillWanted(x), 0),
    headcount: total,
  }
}

export async function mealSummaries(ctx: Context, filter: { includeArchived?: boolean; seriesId?: number }): Promise<{ summary: CommunalMealSummary; needs: NeedView[] }[]> {
  const rows = await mealRows(ctx.db, filter)
  const ids = rows.map((r) => r.id)
  const allNeeds = await needRows(ctx.db, ids)
  const signups = await signupRows(ctx.db, allNeeds.map((n) => n.id))
  const rsvps = await rsvpRows(ctx.db, ids)
  return rows.map((row) => {
    const needs = needViews(allNeeds.filter((n) => n.mealId === row.id), signups)
    const total = rsvps.filter((r) => r.mealId === row.id).reduce((n, r) => n + r.adults + r.children, 0)
    return { summary: summaryOf(row, needs, total), needs }
  })
}

/** A series with each of its meals as a night of its calendar, and who to ask to host next. */
export async function readSeries(ctx: Context, id: number, locale: string): Promise<SeriesDetail | null> {
  const series = await seriesRow(ctx.db, id)
  if (!series) return null
  const meals = await mealSummaries(ctx, { seriesId: id, includeArchived: true })
  const nights = meals.map(({ summary, needs }) => {
    const hosting = needs.filter((n) => n.kind === 'job' && (n.what === 'sponsor' || n.what === 'cook'))
    // A night that asks for a sponsor is hosted by its sponsors; one that asks only for cooks, by its cooks.
    const asks = hosting.some((n) => n.what === 'sponsor') ? hosting.filter((n) => n.what === 'sponsor') : hosting
    return {
      mealId: summary.id,
      number: summary.seriesNumber ?? 0,
      date: summary.date,
      closing: summary.closing,
      title: summary.title,
      hosts: asks.flatMap((n) => n.signups.map((s) => s.firstName)),
      needsHost: asks.some((n) => n.taken < n.wanted),
      stillNeeded: summary.stillNeeded,
    }
  })
  return { ...series, nights, suggestions: fairSuggestions(await hostCounts(ctx.db, id), locale) }
}
