import { beforeEach, describe, expect, it } from 'vitest'
import { type PersonNeeds, personNeedsText } from '../../main/contract/meal-trains'
import { dishWarnings, needsChanges } from '../../main/meal-trains/household-needs'
import { call, callRecorded, testSession } from '../helpers/session'
import { trainFields } from './fixtures'

type S = Awaited<ReturnType<typeof testSession>>
let s: S

beforeEach(async () => {
  s = await testSession()
  await call(s, 'settings.update', { timeZone: 'Europe/London' })
  return () => s.close()
})

const person = (over: Partial<PersonNeeds>): PersonNeeds => ({ personId: 1, name: 'Ada Okafor', role: 'head', dietary: [], notes: null, ...over })

/** The household of the issue: she eats gluten-free, her husband has a severe nut allergy. */
async function okafors() {
  const home = await call(s, 'households.create', { displayName: 'The Okafor family', address: { line1: '4 Elm Row', city: 'Leeds' } })
  const ada = await call(s, 'members.create', { firstName: 'Ada', lastName: 'Okafor', householdId: home.id, householdRole: 'head', dietary: ['gluten_free'] })
  const sam = await call(s, 'members.create', {
    firstName: 'Sam',
    lastName: 'Okafor',
    householdId: home.id,
    householdRole: 'spouse',
    dietary: ['nut_allergy'],
    dietaryNotes: 'Severe — carries an EpiPen',
  })
  const train = await call(s, 'mealTrains.create', trainFields({ recipientPersonId: ada.id, recipientHouseholdId: home.id }))
  return { home: home.id, ada: ada.id, sam: sam.id, train: train.id }
}

describe('a train for a member gathers the whole household’s needs', () => {
  it('lists every member of the household with their own needs, though nothing was copied into the train', async () => {
    const { ada, sam, train } = await okafors()
    const t = await call(s, 'mealTrains.get', { id: train })
    expect(t.dietary).toEqual([])
    expect(t.householdNeeds).toEqual([
      { personId: ada, name: 'Ada Okafor', role: 'head', dietary: ['gluten_free'], notes: null },
      { personId: sam, name: 'Sam Okafor', role: 'spouse', dietary: ['nut_allergy'], notes: 'Severe — carries an EpiPen' },
    ])
    expect(t.needsChanges).toEqual([])
  })

  it('warns about “peanut” for him and “noodle” for her in “Peanut satay noodles”', async () => {
    const { train } = await okafors()
    const check = await call(s, 'mealTrains.checkSignup', { trainId: train, date: '2026-03-03', meal: 'dinner', dish: 'Peanut satay noodles' })
    const allergy = check.warnings.filter((w) => w.kind === 'allergy')
    expect(allergy.map((w) => w.message)).toEqual([
      '“Peanut satay noodles” may not suit Ada Okafor (gluten-free): it mentions “noodle”.',
      '“Peanut satay noodles” may not suit Sam Okafor (nut allergy): it mentions “peanut”, “satay”.',
    ])
    const signed = await call(s, 'mealTrains.signUp', { trainId: train, date: '2026-03-03', meal: 'dinner', volunteer: { name: 'Kim' }, dish: 'Peanut satay noodles' })
    expect(signed.warnings.filter((w) => w.kind === 'allergy')).toHaveLength(2)
  })

  it('follows a change to a member’s allergies: the coordinator sees what changed, and dishes already planned are flagged', async () => {
    const { ada, train } = await okafors()
    await call(s, 'mealTrains.signUp', { trainId: train, date: '2026-03-04', meal: 'dinner', volunteer: { name: 'Kim' }, dish: 'Egg fried rice' })
    await call(s, 'mealTrains.signUp', { trainId: train, date: '2026-03-05', meal: 'dinner', volunteer: { name: 'Lee' }, dish: 'Vegetable curry' })
    expect((await call(s, 'mealTrains.get', { id: train })).plannedClashes).toEqual([])

    const { change } = await callRecorded(s, 'members.update', {
      id: ada,
      firstName: 'Ada',
      lastName: 'Okafor',
      householdId: (await call(s, 'members.get', { id: ada })).householdId,
      householdRole: 'head',
      dietary: ['gluten_free', 'egg_allergy'],
      dietaryNotes: 'Hives from eggs',
    })
    expect(change.summary).toBe('Changed Ada Okafor’s dietary needs or allergies')

    const t = await call(s, 'mealTrains.get', { id: train })
    expect(t.householdNeeds[0]).toMatchObject({ dietary: ['gluten_free', 'egg_allergy'], notes: 'Hives from eggs' })
    expect(t.needsChanges).toEqual(['Ada Okafor: added egg allergy; notes say “Hives from eggs”'])
    expect(t.plannedClashes).toEqual([
      {
        signupId: expect.any(Number),
        date: '2026-03-04',
        meal: 'dinner',
        dish: 'Egg fried rice',
        volunteerName: 'Kim',
        messages: ['“Egg fried rice” may not suit Ada Okafor (egg allergy): it mentions “egg”, “egg fried rice”.'],
      },
    ])

    await call(s, 'mealTrains.acknowledgeNeeds', { id: train })
    expect((await call(s, 'mealTrains.get', { id: train })).needsChanges).toEqual([])
  })

  it('drops a member who leaves the household and is archived, and says so', async () => {
    const { sam, train } = await okafors()
    await call(s, 'members.archive', { id: sam })
    const t = await call(s, 'mealTrains.get', { id: train })
    expect(t.householdNeeds.map((p) => p.name)).toEqual(['Ada Okafor'])
    expect(t.needsChanges).toEqual(['Sam Okafor is no longer listed in the household'])
  })

  it('keeps the typed-in list for someone outside the members', async () => {
    const { id } = await call(s, 'mealTrains.create', trainFields({ dietary: ['vegan'], dietaryNotes: 'No mushrooms' }))
    const t = await call(s, 'mealTrains.get', { id })
    expect(t).toMatchObject({ householdNeeds: [], needsChanges: [], dietary: ['vegan'], dietaryNotes: 'No mushrooms' })
    const check = await call(s, 'mealTrains.checkSignup', { trainId: id, date: '2026-03-03', meal: 'dinner', dish: 'Cheese pie' })
    expect(check.warnings.map((w) => w.message)).toEqual(['“Cheese pie” may not suit this family (vegan): it mentions “cheese”.'])
  })
})

describe('the rules on their own', () => {
  it('writes a person’s needs with their notes', () => {
    expect(personNeedsText({ dietary: ['nut_allergy'], notes: 'Severe — carries an EpiPen' })).toBe('nut allergy (Severe — carries an EpiPen)')
    expect(personNeedsText({ dietary: [], notes: 'No sesame' })).toBe('No sesame')
    expect(personNeedsText({ dietary: [], notes: '  ' })).toBeNull()
  })

  it('words added, removed and cleared needs, and a new person', () => {
    const was = [person({ dietary: ['gluten_free', 'vegan'], notes: 'x' })]
    expect(needsChanges(was, [person({ dietary: ['vegan', 'egg_allergy', 'soy_allergy'], notes: null })])).toEqual([
      'Ada Okafor: added egg allergy and soy allergy; removed gluten-free; notes cleared',
    ])
    expect(needsChanges(null, [person({ dietary: ['nut_allergy'] }), person({ personId: 2, name: 'Kid', dietary: [] })])).toEqual(['Ada Okafor: added nut allergy'])
    expect(needsChanges(was, was)).toEqual([])
  })

  it('names everyone a dish clashes with under one need, and leaves the family’s own list to what no person covers', () => {
    const house = [person({ dietary: ['gluten_free'] }), person({ personId: 2, name: 'Sam Okafor', dietary: ['gluten_free'] })]
    const w = dishWarnings('Spaghetti', house, ['gluten_free', 'vegan'])
    expect(w.map((x) => x.message)).toEqual(['“Spaghetti” may not suit Ada Okafor and Sam Okafor (gluten-free): it mentions “spaghetti”.'])
    expect(dishWarnings('Beef stew', house, ['vegan'])[0]?.who).toEqual(['this family'])
    expect(dishWarnings('', house, ['vegan'])).toEqual([])
  })
})
