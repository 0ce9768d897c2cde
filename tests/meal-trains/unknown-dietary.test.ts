import { describe, expect, it } from 'vitest'
import { knownNeeds, parseDietary } from '../../db/dietary'
import { peopleForExport } from '../../db/members-csv'
import { call, testSession } from '../helpers/session'
import { addPerson, trainFields } from './fixtures'

describe('parseDietary', () => {
  it('keeps the needs this version knows, in their order, and drops every other key', () => {
    expect(parseDietary('["gluten_free","kosher_style_unknown","nut_allergy"]')).toEqual(['gluten_free', 'nut_allergy'])
    expect(parseDietary('["kiwi_allergy"]')).toEqual([])
    expect(parseDietary('[]')).toEqual([])
  })

  it('reads text that is not a list of words as no needs', () => {
    expect(parseDietary('{"vegan":true}')).toEqual([])
    expect(parseDietary('"vegan"')).toEqual([])
    expect(parseDietary('[1, null, ["vegan"], "vegan"]')).toEqual(['vegan'])
    expect(parseDietary('[not json')).toEqual([])
    expect(parseDietary('')).toEqual([])
    expect(parseDietary(null)).toEqual([])
    expect(knownNeeds(undefined)).toEqual([])
  })
})

describe('a file whose dietary lists hold keys this version does not know (written by a newer Hearth)', () => {
  it('shows, checks dishes against and compares only the known needs, and leaves the file as it was', async () => {
    const s = await testSession()
    try {
      await call(s, 'settings.update', { timeZone: 'Europe/London' })
      const { personId, householdId } = await addPerson(s.context.db, { first: 'Ada', last: 'Okafor', household: 'The Okafor family', dietary: ['nut_allergy'] })
      const { id } = await call(s, 'mealTrains.create', trainFields({ recipientPersonId: personId, recipientHouseholdId: householdId, dietary: ['gluten_free'] }))
      const sqlite = s.context.sqlite
      sqlite.prepare(`update people set dietary = '["nut_allergy","kiwi_allergy"]' where id = ?`).run(personId)
      sqlite.prepare(`update meal_trains set dietary = '["gluten_free","kosher_style_unknown"]', household_needs_seen = ? where id = ?`).run(
        JSON.stringify([{ personId, name: 'Ada Okafor', role: null, dietary: ['nut_allergy', 'pollen_allergy'], notes: null }]),
        id,
      )

      const train = await call(s, 'mealTrains.get', { id })
      expect(train.dietary).toEqual(['gluten_free'])
      expect(train.householdNeeds.map((p) => p.dietary)).toEqual([['nut_allergy']])
      // Seen as nut allergy and nut allergy now: the unknown keys on either side are no change to report.
      expect(train.needsChanges).toEqual([])
      expect((await call(s, 'members.get', { id: personId })).dietary).toEqual(['nut_allergy'])
      expect(peopleForExport(s.context.sqlite, [personId]).map((p) => p.dietary)).toEqual([['nut_allergy']])

      const check = await call(s, 'mealTrains.checkSignup', { trainId: id, date: '2026-03-03', meal: 'dinner', dish: 'Peanut noodles' })
      expect(check.warnings.filter((w) => w.kind === 'allergy').map((w) => w.kind === 'allergy' && w.need)).toEqual(['nut_allergy', 'gluten_free'])
      const signed = await call(s, 'mealTrains.signUp', { trainId: id, date: '2026-03-03', meal: 'dinner', volunteer: { name: 'Tom Walsh', phone: null }, dish: 'Peanut noodles' })
      expect(signed.warnings.filter((w) => w.kind === 'allergy')).toHaveLength(2)
      expect((await call(s, 'mealTrains.get', { id })).plannedClashes).toHaveLength(1)

      expect(sqlite.prepare('select dietary from people where id = ?').pluck().get(personId)).toBe('["nut_allergy","kiwi_allergy"]')
      expect(sqlite.prepare('select dietary from meal_trains where id = ?').pluck().get(id)).toBe('["gluten_free","kosher_style_unknown"]')
    } finally {
      await s.close()
    }
  })
})
