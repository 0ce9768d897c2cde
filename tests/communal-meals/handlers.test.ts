import { beforeEach, describe, expect, it } from 'vitest'
import type { InputOf } from '../../main/contract'
import type { CommunalMealDetail, CommunalWarning } from '../../main/contract/communal-meals'
import { call, callRecorded, testSession } from '../helpers/session'
import { congregation } from './fixtures'

type S = Awaited<ReturnType<typeof testSession>>
let s: S
let people: Awaited<ReturnType<typeof congregation>>

beforeEach(async () => {
  s = await testSession()
  await call(s, 'settings.update', { timeZone: 'Europe/London' })
  people = await congregation(s.context.db)
  return () => s.close()
})

const get = (id: number): Promise<CommunalMealDetail> => call(s, 'communalMeals.get', { id })
const count = (table: string) => s.context.sqlite.prepare(`select count(*) from ${table}`).pluck().get() as number
const kinds = (ws: CommunalWarning[]) => ws.map((w) => w.kind).sort()
const need = (m: CommunalMealDetail, what: string) => m.needs.find((n) => n.what === what)!

const LUNCH: InputOf<'communalMeals.create'> = {
  title: 'Bring-and-share lunch',
  date: '2026-10-04',
  time: '12:30',
  place: 'Church hall',
  purpose: 'Harvest Sunday',
  needs: [
    { kind: 'dish', course: 'main', wanted: 4, serves: 6 },
    { kind: 'dish', course: 'dessert', wanted: 2, serves: 8 },
    { kind: 'dish', course: 'salad', wanted: 1, serves: null },
    { kind: 'job', job: 'washing_up', wanted: 3 },
  ],
}

describe('a bring-and-share lunch, end to end', () => {
  it('counts who is coming and their needs, warns of clashes, short food and nothing suitable, and words what is still needed', async () => {
    const { id } = await call(s, 'communalMeals.create', LUNCH)
    let m = await get(id)
    expect(m).toMatchObject({ title: 'Bring-and-share lunch', date: '2026-10-04', time: '12:30', place: 'Church hall', stillNeeded: 10, headcount: 0 })
    expect(m.stillNeededMessage).toBe('Still needed for Bring-and-share lunch on Sunday 4 October: 4 mains, 2 desserts, 1 salad, 3 people to wash up')
    expect(m.warnings).toEqual([])
    expect(m.headcountDetail.summary).toBe('No one has said they are coming yet')

    // Who is coming: a member answers for the household; the same household answering again (a double click, a
    // change of mind) replaces its answer rather than counting it twice.
    await call(s, 'communalMeals.rsvp', { mealId: id, who: { personId: people.haddad.personIds[0]! }, adults: 2, children: 1 })
    await call(s, 'communalMeals.rsvp', { mealId: id, who: { personId: people.haddad.personIds[1]! }, adults: 2, children: 1 })
    await call(s, 'communalMeals.rsvp', { mealId: id, who: { householdId: people.okafor.householdId }, adults: 2 })
    await call(s, 'communalMeals.rsvp', { mealId: id, who: { householdId: people.long.householdId }, adults: 1 })
    await call(s, 'communalMeals.rsvp', { mealId: id, who: { householdId: people.thai.householdId }, adults: 1 })
    await call(s, 'communalMeals.rsvp', { mealId: id, who: { name: 'Visitors from St Aidan’s', phone: null }, adults: 14, children: 3, notes: 'Coming by minibus' })
    m = await get(id)
    expect(m.rsvps.map((r) => [r.name, r.adults, r.children])).toEqual([
      ['The Haddad family', 2, 1],
      ['The Okafor family', 2, 0],
      ['Wolfeschlegelsteinhausenbergerdorff-Kowalska-Wiśniewska household', 1, 0],
      ['ครอบครัวศรีสุข', 1, 0],
      ['Visitors from St Aidan’s', 14, 3],
    ])
    expect(m.headcount).toBe(24)
    // The archived member's mustard allergy is not counted: they are no longer in the household.
    expect(m.headcountDetail.summary).toBe('24 expected: 3 halal, 1 vegetarian, 1 gluten-free, 1 nut allergy, 1 sesame allergy')
    expect(kinds(m.warnings)).toEqual(['nothing_suits', 'nothing_suits', 'short'])
    expect(m.warnings.map((w) => w.message)).toEqual([
      'The mains signed up serve 0 and 24 are expected: the food will not go round.',
      'Nothing halal among the mains yet: 3 people coming are halal.',
      'Nothing vegetarian among the mains yet: 1 person coming is vegetarian.',
    ])

    // Sign-ups, with quantities and what is in them.
    const check = await call(s, 'communalMeals.checkSignup', { needId: need(m, 'main').id, dish: 'Sesame noodles', contains: ['sesame', 'soy', 'wheat'], labels: ['vegan'] })
    expect(check.warnings.filter((w) => w.kind === 'allergen').map((w) => w.message)).toEqual([
      '“Sesame noodles” from someone contains sesame: Amira Haddad is coming (sesame allergy).',
      '“Sesame noodles” from someone contains wheat: Maximilian-Alexander Wolfeschlegelsteinhausenbergerdorff-Kowalska-Wiśniewska is coming (gluten-free).',
    ])
    expect(count('communal_signups')).toBe(0)

    const noodles = await call(s, 'communalMeals.signUp', {
      needId: need(m, 'main').id,
      who: { personId: people.zhang.personIds[0]! },
      quantity: 2,
      dish: 'Sesame noodles',
      contains: ['sesame', 'soy', 'wheat'],
      labels: ['vegan'],
    })
    expect(noodles.warnings.find((w) => w.kind === 'allergen')?.message).toBe('“Sesame noodles” from 伟 contains sesame: Amira Haddad is coming (sesame allergy).')
    // 2 × 6 = 12 servings for 24: still short. The vegan noodles are vegetarian, so halal is unmet, and the only
    // main holds wheat and sesame, which two people coming cannot eat.
    expect(noodles.warnings.filter((w) => w.kind !== 'allergen').map((w) => w.message)).toEqual([
      'The mains signed up serve 12 and 24 are expected: the food will not go round.',
      'Nothing halal among the mains yet: 3 people coming are halal.',
      'Every main signed up so far clashes with gluten-free (1 person coming).',
      'Every main signed up so far clashes with sesame allergy (1 person coming).',
    ])

    // A dish ticked clean but named with a nut: Hearth still says it may not suit, as meal trains do.
    await call(s, 'communalMeals.signUp', { needId: need(m, 'main').id, who: { name: 'Sam Write-in', phone: '07700 900123' }, quantity: 1, dish: 'Chicken satay', labels: ['halal'] })
    await call(s, 'communalMeals.signUp', { needId: need(m, 'main').id, who: { householdId: people.greek.householdId }, quantity: 1, dish: 'Moussaka', contains: ['milk', 'gluten', 'eggs'] })
    await call(s, 'communalMeals.signUp', { needId: need(m, 'dessert').id, who: { personId: people.okafor.personIds[0]! }, dish: 'Baklava', contains: ['tree_nuts', 'gluten', 'milk'], labels: ['vegetarian'] })
    await call(s, 'communalMeals.signUp', { needId: need(m, 'washing_up').id, who: { personId: people.thai.personIds[0]! } })
    m = await get(id)
    expect(need(m, 'main')).toMatchObject({ wanted: 4, taken: 4 })
    expect(need(m, 'main').signups.map((x) => [x.firstName, x.quantity, x.dish, x.contains])).toEqual([
      ['伟', 2, 'Sesame noodles', ['sesame', 'soy', 'wheat']],
      ['Sam', 1, 'Chicken satay', []],
      ['Οικογένεια Παπαδοπούλου', 1, 'Moussaka', ['milk', 'gluten', 'eggs']],
    ])
    expect(m.stillNeededMessage).toBe('Still needed for Bring-and-share lunch on Sunday 4 October: 1 dessert, 1 salad, 2 people to wash up')
    const allergen = m.warnings.filter((w) => w.kind === 'allergen').map((w) => w.message)
    expect(allergen).toEqual([
      '“Sesame noodles” from 伟 contains sesame: Amira Haddad is coming (sesame allergy).',
      '“Sesame noodles” from 伟 contains wheat: Maximilian-Alexander Wolfeschlegelsteinhausenbergerdorff-Kowalska-Wiśniewska is coming (gluten-free).',
      '“Chicken satay” from Sam may not suit Layla Haddad (nut allergy): it mentions “satay”.',
      '“Chicken satay” from Sam may not suit Ada Okafor (vegetarian): it mentions “chicken”.',
      '“Moussaka” from Οικογένεια Παπαδοπούλου contains gluten (wheat, rye, barley, oats): Maximilian-Alexander Wolfeschlegelsteinhausenbergerdorff-Kowalska-Wiśniewska is coming (gluten-free).',
      '“Baklava” from Ada contains tree nuts (almonds, walnuts, cashews…): Layla Haddad is coming (nut allergy).',
      '“Baklava” from Ada contains gluten (wheat, rye, barley, oats): Maximilian-Alexander Wolfeschlegelsteinhausenbergerdorff-Kowalska-Wiśniewska is coming (gluten-free).',
    ])
    // 2×6 + 1×6 + 1×6 = 24 servings for 24: it goes round; a halal and a vegetarian main are there.
    expect(m.warnings.filter((w) => w.kind !== 'allergen')).toEqual([])

    // More guests than the food serves, and the warning is back.
    await call(s, 'communalMeals.rsvp', { mealId: id, who: { householdId: people.russian.householdId }, adults: 1 })
    m = await get(id)
    expect(m.warnings.filter((w) => w.kind === 'short').map((w) => w.message)).toEqual(['The mains signed up serve 24 and 25 are expected: the food will not go round.'])
    expect(m.headcountDetail.summary).toBe('25 expected: 3 halal, 1 vegetarian, 1 gluten-free, 1 nut allergy, 1 sesame allergy, 1 no pork, 1 no alcohol')
    // Chicken satay is labelled halal, which meets no pork and no alcohol too.
    expect(m.warnings.filter((w) => w.kind === 'nothing_suits')).toEqual([])

    const list = await call(s, 'communalMeals.list', {})
    expect(list).toEqual([expect.objectContaining({ id, title: 'Bring-and-share lunch', stillNeeded: 4, headcount: 25 })])
  })

  it('keeps sign-ups when the list is saved again, refuses to drop an item someone took, and refuses what makes no sense', async () => {
    const { id } = await call(s, 'communalMeals.create', LUNCH)
    let m = await get(id)
    const main = need(m, 'main')
    const washing = need(m, 'washing_up')
    await call(s, 'communalMeals.signUp', { needId: main.id, who: { personId: people.okafor.personIds[0]! }, quantity: 2, dish: 'Dal', labels: ['vegan'] })

    const again = m.needs.map((n) => (n.kind === 'dish' ? { id: n.id, kind: 'dish' as const, course: n.what as 'main', label: n.label, wanted: n.wanted, serves: n.serves } : { id: n.id, kind: 'job' as const, job: n.what as 'washing_up', label: n.label, wanted: n.wanted }))
    const fields = { title: 'Harvest lunch', date: '2026-10-11', time: null, place: 'Church hall', purpose: null }
    const dropped = await s.registry.dispatch('communalMeals.update', { id, fields: { ...fields, needs: again.filter((n) => n.id !== main.id) } })
    expect(dropped.ok).toBe(false)
    if (!dropped.ok) expect(dropped.error.message).toBe('An item you took off the list has a sign-up: cancel it first, so no one is forgotten.')

    await call(s, 'communalMeals.update', { id, fields: { ...fields, needs: [...again.filter((n) => n.id !== washing.id), { kind: 'job', job: 'setup', label: null, wanted: 2 }] } })
    m = await get(id)
    expect(m).toMatchObject({ title: 'Harvest lunch', date: '2026-10-11' })
    expect(m.needs.map((n) => n.what)).toEqual(['main', 'dessert', 'salad', 'setup'])
    expect(need(m, 'main').signups.map((x) => [x.name, x.quantity, x.dish])).toEqual([['Ada Okafor', 2, 'Dal']])

    const refusals: [string, Record<string, unknown>, string][] = [
      ['communalMeals.create', { ...LUNCH, title: '   ' }, 'Give the meal a name, like “Harvest supper”.'],
      ['communalMeals.create', { ...LUNCH, date: '2026-02-30' }, 'Use a real date, like 2026-03-14.'],
      ['communalMeals.signUp', { needId: need(m, 'setup').id, who: { name: 'Jo', phone: null }, dish: 'Scones', contains: ['milk'] }, 'A job has no dish or ingredients. Write any details in the notes.'],
      ['communalMeals.signUp', { needId: 9999, who: { name: 'Jo', phone: null } }, 'That item is no longer on the meal’s list. Choose another one.'],
      ['communalMeals.signUp', { needId: main.id, who: { personId: 9999 } }, 'That member or household is no longer in Hearth. Choose them again.'],
      ['communalMeals.signUp', { needId: main.id, who: { name: 'Jo', phone: null }, contains: ['arsenic'] }, 'Choose one of the options.'],
      ['communalMeals.rsvp', { mealId: id, who: { name: 'Nobody', phone: null }, adults: 0, children: 0 }, 'Say how many are coming: at least one adult or child.'],
      ['communalMeals.get', { id: 9999 }, 'That meal is no longer in Hearth. It may have been deleted.'],
    ]
    const before = count('communal_signups') + count('communal_rsvps') + count('communal_meals')
    for (const [channel, input, message] of refusals) {
      const r = await s.registry.dispatch(channel as 'communalMeals.create', input)
      expect(r.ok, channel).toBe(false)
      if (!r.ok) expect(r.error.message, channel).toBe(message)
    }
    expect(count('communal_signups') + count('communal_rsvps') + count('communal_meals')).toBe(before)

    // A sign-up cancelled goes, and is recorded in History with Undo.
    const signupId = need(m, 'main').signups[0]!.id
    const { change } = await callRecorded(s, 'communalMeals.cancelSignup', { signupId })
    expect(change).toMatchObject({ destructive: true, summary: 'Cancelled Ada Okafor’s sign-up for a communal meal' })
    const planned = await callRecorded(s, 'communalMeals.create', { ...LUNCH, title: 'Christmas dinner', date: '2026-12-25' })
    expect(planned.change).toMatchObject({ destructive: false, summary: 'Planned the communal meal “Christmas dinner” on 25 Dec' })
    const coming = await callRecorded(s, 'communalMeals.rsvp', { mealId: planned.value.id, who: { householdId: people.greek.householdId }, adults: 2 })
    expect(coming.change.summary).toBe('Οικογένεια Παπαδοπούλου said they are coming to a communal meal')
    expect(need(await get(id), 'main').taken).toBe(0)

    await call(s, 'communalMeals.archive', { id })
    const late = await s.registry.dispatch('communalMeals.signUp', { needId: main.id, who: { name: 'Late Lou', phone: null } })
    expect(late.ok).toBe(false)
    if (!late.ok) expect(late.error.message).toBe('This meal is put away. Sign-ups and answers can no longer change.')
    expect((await call(s, 'communalMeals.list', {})).map((x) => x.title)).toEqual(['Christmas dinner'])
    expect((await call(s, 'communalMeals.list', { includeArchived: true })).map((x) => x.status)).toEqual(['archived', 'active'])
  })
})

const IFTAR: InputOf<'communalMeals.createSeries'> = {
  title: 'Iftar',
  kind: 'nightly',
  startsOn: '2027-02-08',
  count: 30,
  closingTitle: 'Eid al-Fitr meal',
  time: '17:45',
  place: 'Mosque hall',
  purpose: null,
  needs: [
    { kind: 'job', job: 'sponsor', label: null, wanted: 1 },
    { kind: 'job', job: 'cook', label: null, wanted: 2 },
    { kind: 'job', job: 'setup', label: null, wanted: 2 },
    { kind: 'job', job: 'washing_up', label: null, wanted: 3 },
    { kind: 'dish', course: 'main', label: null, wanted: 3, serves: 20 },
  ],
}

describe('a 30-night iftar series', () => {
  it('makes every night and an Eid meal, shows which need a sponsor, suggests who has not hosted, and moves dates without losing anyone', async () => {
    const { id, mealIds } = await call(s, 'communalMeals.createSeries', IFTAR)
    expect(mealIds).toHaveLength(31)
    let series = await call(s, 'communalMeals.getSeries', { id })
    expect(series.nights.map((n) => n.date).slice(0, 3)).toEqual(['2027-02-08', '2027-02-09', '2027-02-10'])
    expect(series.nights[29]).toMatchObject({ number: 30, date: '2027-03-09', closing: false, title: 'Iftar' })
    expect(series.nights[30]).toMatchObject({ number: 31, date: '2027-03-10', closing: true, title: 'Eid al-Fitr meal' })
    expect(series.nights.filter((n) => n.needsHost)).toHaveLength(31)

    // Each night has its own sponsors, cooks and teams.
    const night = async (n: number) => get(mealIds[n - 1]!)
    const sponsor = async (n: number, householdId: number) => call(s, 'communalMeals.signUp', { needId: need(await night(n), 'sponsor').id, who: { householdId } })
    await sponsor(1, people.haddad.householdId)
    await sponsor(2, people.haddad.householdId)
    await sponsor(3, people.okafor.householdId)
    await call(s, 'communalMeals.signUp', { needId: need(await night(3), 'cook').id, who: { personId: people.russian.personIds[0]! } })
    await call(s, 'communalMeals.signUp', { needId: need(await night(3), 'main').id, who: { personId: people.haddad.personIds[0]! }, quantity: 2, dish: 'Lamb biryani', labels: ['halal'] })
    await call(s, 'communalMeals.rsvp', { mealId: mealIds[2]!, who: { householdId: people.zhang.householdId }, adults: 1 })
    await call(s, 'communalMeals.rsvp', { mealId: mealIds[30]!, who: { householdId: people.haddad.householdId }, adults: 2, children: 1 })

    series = await call(s, 'communalMeals.getSeries', { id })
    expect(series.nights.slice(0, 3).map((n) => [n.number, n.hosts, n.needsHost])).toEqual([
      [1, ['The Haddad family'], false],
      [2, ['The Haddad family'], false],
      [3, ['The Okafor family'], false],
    ])
    expect(series.nights.filter((n) => n.needsHost)).toHaveLength(28)
    // Fair rotation: households that have never sponsored or cooked first, by name; the Haddads, twice, last.
    expect(series.suggestions.map((x) => [x.name, x.hosted])).toEqual([
      ['Wolfeschlegelsteinhausenbergerdorff-Kowalska-Wiśniewska household', 0],
      ['Οικογένεια Παπαδοπούλου', 0],
      ['ครอบครัวศรีสุข', 0],
      ['张家', 0],
      ['The Okafor family', 1],
      ['Семья Иванов', 1],
      ['The Haddad family', 2],
    ])

    // The moon is sighted a day later: every night moves with its people.
    const before = { signups: count('communal_signups'), rsvps: count('communal_rsvps'), meals: count('communal_meals') }
    const moved = await call(s, 'communalMeals.moveSeries', { id, startsOn: '2027-02-09' })
    expect(moved).toEqual({ id, moved: 31 })
    series = await call(s, 'communalMeals.getSeries', { id })
    expect(series.startsOn).toBe('2027-02-09')
    expect(series.nights[0]).toMatchObject({ number: 1, date: '2027-02-09', hosts: ['The Haddad family'] })
    expect(series.nights[30]).toMatchObject({ number: 31, date: '2027-03-11', closing: true })
    expect({ signups: count('communal_signups'), rsvps: count('communal_rsvps'), meals: count('communal_meals') }).toEqual(before)
    const third = await night(3)
    expect(third.date).toBe('2027-02-11')
    expect(need(third, 'main').signups.map((x) => [x.firstName, x.quantity, x.dish, x.labels])).toEqual([['Amira', 2, 'Lamb biryani', ['halal']]])
    expect(need(third, 'cook').signups.map((x) => x.name)).toEqual(['Ольга Иванова'])
    expect(third.rsvps.map((r) => r.name)).toEqual(['张家'])
    // 伟 is vegan and coming on night 3: nothing vegan among the mains yet, though 2 × 20 serves 1.
    expect(third.warnings.map((w) => w.message)).toEqual([
      '“Lamb biryani” from Amira may not suit 伟 张 (vegan): it mentions “lamb”.',
      'Nothing vegan among the mains yet: 1 person coming is vegan.',
    ])
    expect((await night(31)).rsvps.map((r) => [r.name, r.adults, r.children])).toEqual([['The Haddad family', 2, 1]])
  })

  it('repeats a monthly lunch on the same day of each month, or the month’s last day when it is shorter', async () => {
    const { id } = await call(s, 'communalMeals.createSeries', { ...IFTAR, title: 'Monthly lunch', kind: 'monthly', startsOn: '2027-01-31', count: 4, closingTitle: null })
    const series = await call(s, 'communalMeals.getSeries', { id })
    expect(series.nights.map((n) => n.date)).toEqual(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30'])
    expect(series.nights.every((n) => !n.closing)).toBe(true)
  })
})
