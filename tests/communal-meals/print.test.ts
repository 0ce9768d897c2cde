import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { PrintProfile, PrintRequest } from '../../main/contract/print'
import { call, testSession } from '../helpers/session'
import { copyLabel } from '../../main/print/engine/copies'
import { pdfPages, pdfWords, previewPdf } from '../print/read-pdf'
import { congregation } from './fixtures'

type S = Awaited<ReturnType<typeof testSession>>
let s: S
let people: Awaited<ReturnType<typeof congregation>>
const shots = process.env.HEARTH_SHOTS

beforeEach(async () => {
  s = await testSession()
  await call(s, 'settings.update', { timeZone: 'Europe/London' })
  people = await congregation(s.context.db)
  return () => s.close()
})

/** Every page's text with runs of space as one, so words split across a line still match. */
async function text(request: PrintRequest, profile: PrintProfile, name: string): Promise<string> {
  const pdf = await previewPdf(s, request, profile)
  if (shots) writeFileSync(join(shots, `${name}.pdf`), pdf)
  // As every printout: each page says which copy it is, and nothing is printed under 9 pt.
  const language = (await call(s, 'settings.get', {})).language === 'ar' ? 'ar' : 'en'
  const bare = (t: string) => t.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069\s]/g, '')
  for (const page of pdfPages(pdf)) expect(bare(page), name).toContain(bare(copyLabel(profile, language)))
  const words = pdfWords(pdf)
  expect(Math.min(...words.map((w) => (w.yMax - w.yMin) / 1.362)), name).toBeGreaterThanOrEqual(8.99)
  return pdfPages(pdf).join('\n').replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ')
}

async function lunch(): Promise<number> {
  const { id } = await call(s, 'communalMeals.create', {
    title: 'Harvest lunch',
    date: '2026-10-04',
    time: '12:30',
    place: 'Church hall',
    needs: [
      { kind: 'dish', course: 'main', wanted: 3, serves: 6 },
      { kind: 'dish', course: 'dessert', wanted: 2, serves: 8 },
      { kind: 'job', job: 'washing_up', wanted: 3 },
    ],
  })
  const m = await call(s, 'communalMeals.get', { id })
  const [main, dessert, washing] = m.needs.map((n) => n.id) as [number, number, number]
  await call(s, 'communalMeals.rsvp', { mealId: id, who: { householdId: people.haddad.householdId }, adults: 2, children: 1 })
  await call(s, 'communalMeals.rsvp', { mealId: id, who: { householdId: people.long.householdId }, adults: 1 })
  await call(s, 'communalMeals.signUp', {
    needId: main,
    who: { personId: people.zhang.personIds[0]! },
    quantity: 2,
    dish: 'Sesame noodles with peanut sauce',
    contains: ['sesame', 'peanuts', 'soy', 'wheat', 'gluten', 'celery', 'mustard', 'sulphites', 'lupin', 'molluscs', 'crustaceans', 'fish', 'eggs', 'milk', 'tree_nuts'],
    labels: ['no_pork'],
  })
  await call(s, 'communalMeals.signUp', { needId: main, who: { personId: people.long.personIds[0]! }, dish: 'Gluten-free lasagne', contains: ['milk', 'eggs'], labels: ['vegetarian', 'halal'] })
  await call(s, 'communalMeals.signUp', { needId: dessert, who: { name: 'Sam Write-in', phone: '07700 900123' }, dish: 'Fruit salad' })
  await call(s, 'communalMeals.signUp', { needId: washing, who: { personId: people.thai.personIds[0]! } })
  return id
}

describe('communal meals on paper', () => {
  it('dish cards name every allergen ticked and every label, with the cook’s first name only', async () => {
    const mealId = await lunch()
    const t = await text({ document: 'communalDishCards', mealId }, 'noticeboard', 'communal-dish-cards')
    // Each allergen by its name (the examples in brackets may wrap onto the next line of a narrow card).
    for (const word of ['Sesame', 'Peanuts', 'Soy', 'Wheat', 'Gluten (wheat', 'Celery', 'Mustard', 'Sulphites', 'Lupin', 'Molluscs (mussels', 'Crustaceans (prawns', 'Fish', 'Eggs', 'Milk', 'Tree nuts (almonds', 'No pork', 'Vegetarian', 'Halal']) {
      expect(t, word).toContain(word)
    }
    expect(pdfPages(await previewPdf(s, { document: 'communalDishCards', mealId }, 'noticeboard'))).toHaveLength(3)
    expect(t).toContain('Sesame noodles with peanut sauce')
    expect(t).toContain('Made by 伟')
    expect(t).toContain('Made by Maximilian-Alexander')
    expect(t).toContain('Made by Sam')
    expect(t).toContain('No allergens ticked. Ask the cook if you are unsure.')
    expect(t).not.toContain('Wolfeschlegelsteinhausenbergerdorff')
    expect(t).not.toContain('Write-in')
    expect(t).not.toContain('07700')
    // Only the dishes get a card: the washing-up volunteer does not.
    expect(t).not.toContain('สมชาย')
  })

  it('the noticeboard sheet has a line per item still needed and first names, and no one’s health details', async () => {
    const mealId = await lunch()
    const t = await text({ document: 'communalSheet', mealId }, 'noticeboard', 'communal-sheet')
    expect(t).toContain('Sign-up sheet: Harvest lunch')
    expect(t).toContain('Sunday')
    expect(t).toContain('Maximilian-Alexander')
    expect(t).toContain('2 × Sesame noodles with peanut sauce')
    expect((t.match(/Washing up/g) ?? []).length).toBe(3)
    expect((t.match(/Dessert/g) ?? []).length).toBe(2)
    for (const secret of ['Wolfeschlegelsteinhausenbergerdorff', 'Haddad', 'allergy', 'halal', 'Halal', 'gluten-free', 'EpiPen', 'Coeliac', 'expected', '07700', '0113']) expect(t, secret).not.toContain(secret)
    const refused = await s.registry.dispatch('print.preview', { request: { document: 'communalKitchen', mealId }, profile: 'noticeboard' })
    expect(refused.ok).toBe(false)
  })

  it('the kitchen sheet says who brings what and how much, what each dish holds, and who is coming with which needs', async () => {
    const mealId = await lunch()
    const t = await text({ document: 'communalKitchen', mealId }, 'volunteer', 'communal-kitchen')
    expect(t).toContain('Kitchen sheet: Harvest lunch')
    expect(t).toContain('4 expected: 3 halal, 1 gluten-free, 1 nut allergy, 1 sesame allergy')
    expect(t).toContain('contains sesame')
    expect(t).toContain('Gluten-free lasagne')
    expect(t).toContain('1 still needed')
    expect(t).toContain('07700 900123')
  })

  it('the iftar calendar shows every night, its hosts by first name, and the nights still needing a sponsor', async () => {
    const { id, mealIds } = await call(s, 'communalMeals.createSeries', {
      title: 'Iftar',
      kind: 'nightly',
      startsOn: '2027-02-08',
      count: 30,
      closingTitle: 'Eid al-Fitr meal',
      needs: [{ kind: 'job', job: 'sponsor', label: null, wanted: 1 }],
    })
    const sponsor = async (n: number, personId: number) => {
      const m = await call(s, 'communalMeals.get', { id: mealIds[n - 1]! })
      await call(s, 'communalMeals.signUp', { needId: m.needs[0]!.id, who: { personId } })
    }
    await sponsor(1, people.haddad.personIds[0]!)
    await sponsor(2, people.russian.personIds[0]!)
    const t = await text({ document: 'communalCalendar', seriesId: id }, 'noticeboard', 'communal-calendar')
    expect(t).toContain('Iftar: who hosts each night')
    expect(t).toContain('Night 1')
    expect(t).toContain('Night 30')
    expect(t).toContain('Eid al-Fitr meal')
    expect(t).toContain('Amira')
    expect(t).toContain('Ольга')
    expect(t).not.toContain('Haddad')
    expect((t.match(/Needs a sponsor/g) ?? []).length).toBe(29)
  })

  it('prints in Arabic, right to left, with the allergens in Arabic', async () => {
    await call(s, 'settings.update', { language: 'ar' })
    const mealId = await lunch()
    const t = await text({ document: 'communalDishCards', mealId }, 'noticeboard', 'communal-dish-cards-ar')
    // Every dish keeps its card in Arabic too, the one holding all fifteen allergens included.
    expect(pdfPages(await previewPdf(s, { document: 'communalDishCards', mealId }, 'noticeboard'))).toHaveLength(3)
    for (const word of ['السمسم', 'الفول السوداني', 'الترمس', 'الرخويات', 'الكبريتات', 'بدون لحم خنزير']) expect(t, word).toContain(word)
  })
})
