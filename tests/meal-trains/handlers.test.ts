import { beforeEach, describe, expect, it } from 'vitest'
import { mealTrainCommitments, mealTrainDetail } from '../../main/common/read-meal-train'
import { prayerCommitments } from '../../db/prayer-circles'
import type { InputOf } from '../../main/contract'
import type { MealTrainDetail, SignupWarning } from '../../main/contract/meal-trains'
import type { Meal } from '../../main/contract/values'
import { call, testSession } from '../helpers/session'
import { addBlackout, addPerson, trainFields } from './fixtures'

type S = Awaited<ReturnType<typeof testSession>>
let s: S

async function create(over: Parameters<typeof trainFields>[0] = {}): Promise<number> {
  return (await call(s, 'mealTrains.create', trainFields(over))).id
}
async function get(id: number): Promise<MealTrainDetail> {
  return await call(s, 'mealTrains.get', { id })
}
async function signUp(input: Omit<InputOf<'mealTrains.signUp'>, 'meal'> & { meal?: Meal }): Promise<{ id: number; warnings: SignupWarning[] }> {
  return await call(s, 'mealTrains.signUp', { meal: 'dinner', ...input })
}
const count = (table: 'meal_trains' | 'meal_signups' | 'meal_train_meals') => s.context.sqlite.prepare(`select count(*) from ${table}`).pluck().get() as number

beforeEach(async () => {
  s = await testSession()
  await call(s, 'settings.update', { timeZone: 'Europe/London' })
  return () => s.close()
})

describe('creating a meal train', () => {
  it('starts from a member: household name and address are filled in, their needs are read from the member records', async () => {
    const { personId, householdId } = await addPerson(s.context.db, {
      first: 'Ada',
      last: 'Okafor',
      household: 'The Okafor family',
      address: '4 Elm Row',
      dietary: ['nut_allergy', 'vegetarian'],
      dietaryNotes: 'Ada avoids sesame too',
    })
    const d = await call(s, 'mealTrains.recipientDefaults', { personId })
    expect(d).toMatchObject({
      recipientName: 'The Okafor family',
      recipientHouseholdId: householdId,
      address: '4 Elm Row, Leeds',
      householdNeeds: [{ personId, name: 'Ada Okafor', role: null, dietary: ['nut_allergy', 'vegetarian'], notes: 'Ada avoids sesame too' }],
    })
    const id = await create({ recipientPersonId: personId, recipientHouseholdId: householdId, recipientName: d.recipientName, address: d.address, dietary: ['nut_allergy'] })
    const t = await get(id)
    expect(t).toMatchObject({ recipientPersonId: personId, recipientName: 'The Okafor family', dietary: ['nut_allergy'], address: '4 Elm Row, Leeds', openSlots: 7, phase: expect.any(String) })
    expect(t.slots).toHaveLength(7)
    expect(t.slots[0]).toEqual({ date: '2026-03-02', meal: 'dinner', from: '17:30', to: '18:30', signup: null })
  })

  it('refuses impossible input with plain messages and writes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [trainFields({ startsOn: '2026-03-10', endsOn: '2026-03-01' }), 'The last day is before the first day.'],
      [trainFields({ weekdays: [] }), 'Choose at least one day of the week.'],
      [trainFields({ startsOn: '2026-03-02', endsOn: '2026-03-03', weekdays: [6] }), 'None of the chosen weekdays falls between the first and last day.'],
      [trainFields({ meals: [] }), 'Choose at least one meal.'],
      [trainFields({ recipientName: '  ' }), 'Please say who the meals are for.'],
      [trainFields({ startsOn: '2026-02-30' }), 'Use a real date, like 2026-03-14.'],
      [trainFields({ meals: [{ meal: 'dinner', from: '18:00', to: '25:00' }] }), 'Use a time like 18:30.'],
      [trainFields({ recipientPersonId: 999 }), 'That member is no longer in Hearth. Choose them again.'],
    ]
    for (const [input, message] of cases) {
      const r = await s.registry.dispatch('mealTrains.create', input)
      expect(r.ok, message).toBe(false)
      if (!r.ok) expect(r.error.message).toBe(message)
    }
    expect(count('meal_trains')).toBe(0)
    expect(count('meal_train_meals')).toBe(0)
  })

  it('lists trains as upcoming, active, finished or archived with their open slots', async () => {
    const past = await create({ startsOn: '2020-01-06', endsOn: '2020-01-07' })
    const future = await create({ startsOn: '2099-01-05', endsOn: '2099-01-11', weekdays: [1, 3] })
    const list = await call(s, 'mealTrains.list', {})
    expect(list.find((t) => t.id === past)).toMatchObject({ phase: 'finished', openSlots: 2, totalSlots: 2 })
    expect(list.find((t) => t.id === future)).toMatchObject({ phase: 'upcoming', openSlots: 2, totalSlots: 2 })
    await call(s, 'mealTrains.archive', { id: past, clearHealthDetails: false })
    const after = await call(s, 'mealTrains.list', { includeArchived: false })
    expect(after.map((t) => t.id)).toEqual([future])
  })
})

describe('signing up', () => {
  it('takes a member and a write-in, and counts the open slots down', async () => {
    const id = await create()
    const { personId } = await addPerson(s.context.db, { first: 'Maria', last: 'Silva', phone: '07700 900123' })
    await signUp({ trainId: id, date: '2026-03-02', volunteer: { personId }, dish: 'Lasagne' })
    await signUp({ trainId: id, date: '2026-03-03', volunteer: { name: 'Jo from next door', phone: '0113 496 0000' }, kind: 'gift_card' })
    const t = await get(id)
    expect(t.openSlots).toBe(5)
    expect(t.slots[0]?.signup).toMatchObject({ personId, volunteerName: 'Maria Silva', volunteerPhone: '07700 900123', dish: 'Lasagne', kind: 'meal', state: 'taken' })
    expect(t.slots[1]?.signup).toMatchObject({ personId: null, volunteerName: 'Jo from next door', volunteerPhone: '0113 496 0000', kind: 'gift_card' })
  })

  it('refuses a taken slot, a day not on the train and an archived train', async () => {
    const id = await create({ weekdays: [1, 2, 3, 4, 5] })
    await signUp({ trainId: id, date: '2026-03-02', volunteer: { name: 'Jo' } })
    const taken = await s.registry.dispatch('mealTrains.signUp', { trainId: id, date: '2026-03-02', meal: 'dinner', volunteer: { name: 'Sam' } })
    expect(taken).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Jo is already bringing dinner on Monday 2 March. Choose another slot.' } })
    const saturday = await s.registry.dispatch('mealTrains.signUp', { trainId: id, date: '2026-03-07', meal: 'dinner', volunteer: { name: 'Sam' } })
    expect(saturday).toMatchObject({ ok: false, error: { message: 'This meal train has no dinner on Saturday 7 March.' } })
    const lunch = await s.registry.dispatch('mealTrains.signUp', { trainId: id, date: '2026-03-03', meal: 'lunch', volunteer: { name: 'Sam' } })
    expect(lunch.ok).toBe(false)
    await call(s, 'mealTrains.archive', { id, clearHealthDetails: false })
    const archived = await s.registry.dispatch('mealTrains.signUp', { trainId: id, date: '2026-03-04', meal: 'dinner', volunteer: { name: 'Sam' } })
    expect(archived).toMatchObject({ ok: false, error: { code: 'refused' } })
    expect(count('meal_signups')).toBe(1)
  })

  it('shows what is already planned in day and meal order, and warns about the same dish twice', async () => {
    const id = await create({ meals: [{ meal: 'dinner', from: '17:30', to: '18:30' }, { meal: 'lunch', from: '12:00', to: '13:00' }] })
    await signUp({ trainId: id, date: '2026-03-04', volunteer: { name: 'Jo' }, dish: 'Lasagne' })
    await signUp({ trainId: id, date: '2026-03-02', volunteer: { name: 'Sam' }, dish: 'Chicken soup' })
    await signUp({ trainId: id, date: '2026-03-03', volunteer: { name: 'Kim' }, kind: 'gift_card' })
    await signUp({ trainId: id, date: '2026-03-03', meal: 'lunch', volunteer: { name: 'Lee' }, dish: 'Sandwiches' })
    const check = await call(s, 'mealTrains.checkSignup', { trainId: id, date: '2026-03-05', meal: 'dinner', dish: 'lasagne ' })
    expect(check.planned).toEqual([
      { date: '2026-03-02', meal: 'dinner', dish: 'Chicken soup', kind: 'meal', volunteerName: 'Sam' },
      { date: '2026-03-03', meal: 'lunch', dish: 'Sandwiches', kind: 'meal', volunteerName: 'Lee' },
      { date: '2026-03-03', meal: 'dinner', dish: '', kind: 'gift_card', volunteerName: 'Kim' },
      { date: '2026-03-04', meal: 'dinner', dish: 'Lasagne', kind: 'meal', volunteerName: 'Jo' },
    ])
    expect(check.warnings).toEqual([{ kind: 'same_dish', message: '“lasagne” is already planned for Wednesday 4 March.' }])
  })

  it('warns (and still signs up) when the volunteer is on a blackout that day', async () => {
    const id = await create()
    const { personId } = await addPerson(s.context.db, { first: 'Maria', last: 'Silva' })
    await addBlackout(s.context.db, personId, '2026-03-03', '2026-03-05', 'visiting her sister')
    const check = await call(s, 'mealTrains.checkSignup', { trainId: id, date: '2026-03-04', meal: 'dinner', personId })
    expect(check.warnings).toEqual([{ kind: 'blackout', message: 'Maria Silva said they are away or unavailable from Tuesday 3 March to Thursday 5 March (visiting her sister).' }])
    const outside = await call(s, 'mealTrains.checkSignup', { trainId: id, date: '2026-03-06', meal: 'dinner', personId })
    expect(outside.warnings).toEqual([])
    const done = await signUp({ trainId: id, date: '2026-03-04', volunteer: { personId } })
    expect(done.warnings.map((w) => w.kind)).toEqual(['blackout'])
    expect((await get(id)).openSlots).toBe(6)
  })

  it('warns when the volunteer already brings a meal that day on another train', async () => {
    const a = await create()
    const b = await create({ recipientName: 'Mr Patel' })
    const { personId } = await addPerson(s.context.db, { first: 'Maria', last: 'Silva' })
    await signUp({ trainId: a, date: '2026-03-04', volunteer: { personId } })
    const second = await signUp({ trainId: b, date: '2026-03-04', volunteer: { personId } })
    expect(second.warnings).toEqual([{ kind: 'busy', message: 'Maria Silva is already bringing dinner for The Okafor family on Wednesday 4 March.' }])
  })

  it('warns when the volunteer is down to pray that day', async () => {
    const id = await create()
    const { personId } = await addPerson(s.context.db, { first: 'Maria', last: 'Silva' })
    const circle = await call(s, 'prayerCircles.create', { name: 'Tuesday circle', leaderPersonId: personId, memberIds: [] })
    const meeting = await call(s, 'prayerCircles.createRecurring', {
        circleId: circle.id,
        kind: 'meeting',
        title: 'Tuesday prayer',
        recurrence: { kind: 'weekly', weekdays: [2] },
        startDate: '2026-03-03',
        untilDate: '2026-03-03',
        time: '19:00',
        durationMinutes: 60,
      })
    const slots = (await call(s, 'prayerCircles.schedule', { scheduleId: meeting.id })).slots
    await s.registry.dispatch('prayerCircles.assign', { slotId: slots[0]!.id, personId })
    expect(await prayerCommitments(s.context.db, { personId, from: '2026-03-03', to: '2026-03-03' })).toHaveLength(1)
    const r = await signUp({ trainId: id, date: '2026-03-03', volunteer: { personId } })
    expect(r.warnings).toEqual([{ kind: 'busy', message: 'Maria Silva is also down to pray that day: Tuesday prayer (Tuesday circle), 19:00–20:00.' }])
  })

  it('warns when the planned dish names something the family is allergic to', async () => {
    const id = await create({ dietary: ['nut_allergy', 'shellfish_allergy'] })
    const r = await signUp({ trainId: id, date: '2026-03-02', volunteer: { name: 'Jo' }, dish: 'Peanut noodles' })
    expect(r.warnings).toEqual([
      { kind: 'allergy', need: 'nut_allergy', words: ['peanut'], who: ['this family'], message: '“Peanut noodles” may not suit this family (nut allergy): it mentions “peanut”.' },
    ])
    const prawn = await call(s, 'mealTrains.checkSignup', { trainId: id, date: '2026-03-03', meal: 'dinner', dish: 'Prawn curry' })
    expect(prawn.warnings.map((w) => w.kind === 'allergy' && w.need)).toEqual(['shellfish_allergy'])
  })
})

describe('changing a train never loses a sign-up', () => {
  it('shortening with taken slots lists the volunteers, refuses without confirmation, then keeps them as needs rescheduling', async () => {
    const id = await create()
    const { personId } = await addPerson(s.context.db, { first: 'Maria', last: 'Silva' })
    await signUp({ trainId: id, date: '2026-03-02', volunteer: { name: 'Jo' }, dish: 'Soup' })
    const late = await signUp({ trainId: id, date: '2026-03-07', volunteer: { personId }, dish: 'Curry' })
    const shorter = trainFields({ endsOn: '2026-03-05' })

    const preview = await call(s, 'mealTrains.previewUpdate', { id, fields: shorter })
    expect(preview.affected).toEqual([{ signupId: late.id, volunteerName: 'Maria Silva', date: '2026-03-07', meal: 'dinner', dish: 'Curry' }])

    const refused = await s.registry.dispatch('mealTrains.update', { id, fields: shorter })
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } })
    if (!refused.ok) expect(refused.error.message).toContain('Maria Silva (Saturday 7 March)')
    expect((await get(id)).endsOn).toBe('2026-03-08')

    const done = await call(s, 'mealTrains.update', { id, fields: shorter, confirmAffected: true })
    expect(done.movedToRescheduling).toBe(1)
    const t = await get(id)
    expect(t.endsOn).toBe('2026-03-05')
    expect(t.slots).toHaveLength(4)
    expect(t.needsRescheduling).toMatchObject([{ id: late.id, volunteerName: 'Maria Silva', date: '2026-03-07', state: 'needs_rescheduling' }])
    expect(count('meal_signups')).toBe(2)

    const moved = await call(s, 'mealTrains.moveSignup', { signupId: late.id, date: '2026-03-04', meal: 'dinner' })
    expect(moved.warnings).toEqual([])
    const after = await get(id)
    expect(after.needsRescheduling).toEqual([])
    expect(after.slots.find((v) => v.date === '2026-03-04')?.signup).toMatchObject({ id: late.id, state: 'taken', dish: 'Curry' })
  })

  it('dropping a weekday or a meal is previewed the same way; changes that strand nobody need no confirmation', async () => {
    const id = await create({ meals: [{ meal: 'lunch', from: '12:00', to: '13:00' }, { meal: 'dinner', from: '17:30', to: '18:30' }] })
    const lunch = await signUp({ trainId: id, date: '2026-03-03', meal: 'lunch', volunteer: { name: 'Jo' } })
    const tuesday = await signUp({ trainId: id, date: '2026-03-03', volunteer: { name: 'Sam' } })
    await signUp({ trainId: id, date: '2026-03-02', volunteer: { name: 'Kim' } })
    const noTuesdayNoLunch = trainFields({ weekdays: [1, 3, 4, 5, 6, 7] })
    const preview = await call(s, 'mealTrains.previewUpdate', { id, fields: noTuesdayNoLunch })
    expect(preview.affected.map((a) => a.signupId).sort()).toEqual([lunch.id, tuesday.id].sort())
    const longer = await call(s, 'mealTrains.update', { id, fields: trainFields({ endsOn: '2026-03-15', meals: [{ meal: 'lunch', from: '12:00', to: '13:00' }, { meal: 'dinner', from: '18:00', to: '19:00' }] }) })
    expect(longer.movedToRescheduling).toBe(0)
    expect((await get(id)).slots.filter((v) => v.signup)).toHaveLength(3)
  })

  it('a cancelled sign-up frees its slot; it can be taken again only while the slot is free', async () => {
    const id = await create()
    const a = await signUp({ trainId: id, date: '2026-03-02', volunteer: { name: 'Jo' } })
    await call(s, 'mealTrains.setSignupState', { signupId: a.id, state: 'cancelled' })
    expect((await get(id)).openSlots).toBe(7)
    await signUp({ trainId: id, date: '2026-03-02', volunteer: { name: 'Sam' } })
    const back = await s.registry.dispatch('mealTrains.setSignupState', { signupId: a.id, state: 'taken' })
    expect(back).toMatchObject({ ok: false, error: { code: 'conflict' } })
    const delivered = await s.registry.dispatch('mealTrains.setSignupState', { signupId: a.id, state: 'delivered' })
    expect(delivered).toMatchObject({ ok: false, error: { code: 'conflict' } })
    const t = await get(id)
    expect(t.cancelled.map((c) => c.volunteerName)).toEqual(['Jo'])
    expect(t.slots[0]?.signup?.volunteerName).toBe('Sam')
  })
})

describe('copy and archive', () => {
  it('copies a train with new dates and no sign-ups', async () => {
    const id = await create({ dietary: ['dairy_free'], weekdays: [2, 4], instructions: 'Cooler on the porch' })
    await signUp({ trainId: id, date: '2026-03-03', volunteer: { name: 'Jo' } })
    const copy = await call(s, 'mealTrains.copy', { id, startsOn: '2026-04-06', endsOn: '2026-04-19' })
    const t = await get(copy.id)
    expect(t).toMatchObject({ recipientName: 'The Okafor family', dietary: ['dairy_free'], weekdays: [2, 4], instructions: 'Cooler on the porch', startsOn: '2026-04-06', openSlots: 4 })
    expect(t.slots.every((v) => v.signup === null)).toBe(true)
    const bad = await s.registry.dispatch('mealTrains.copy', { id, startsOn: '2026-04-06', endsOn: '2026-04-01' })
    expect(bad).toMatchObject({ ok: false, error: { message: 'The last day is before the first day.' } })
    expect(count('meal_trains')).toBe(2)
  })

  it('archives, clearing the health reason and dietary details only when asked', async () => {
    const keep = await create({ dietary: ['nut_allergy'], dietaryNotes: 'Severe' })
    const clear = await create({ dietary: ['nut_allergy'], dietaryNotes: 'Severe' })
    await call(s, 'mealTrains.archive', { id: keep, clearHealthDetails: false })
    await call(s, 'mealTrains.archive', { id: clear, clearHealthDetails: true })
    expect(await get(keep)).toMatchObject({ status: 'archived', phase: 'archived', reason: 'New baby', dietary: ['nut_allergy'], dietaryNotes: 'Severe' })
    expect(await get(clear)).toMatchObject({ status: 'archived', reason: null, dietary: [], dietaryNotes: null })
  })
})

describe('what other areas read', () => {
  it('mealTrainCommitments gives members’ taken and delivered meals with their delivery window', async () => {
    const id = await create({ startsOn: '2026-03-28', endsOn: '2026-03-30' })
    const { personId } = await addPerson(s.context.db, { first: 'Maria', last: 'Silva' })
    const a = await signUp({ trainId: id, date: '2026-03-29', volunteer: { personId } })
    const b = await signUp({ trainId: id, date: '2026-03-28', volunteer: { personId }, kind: 'gift_card' })
    await signUp({ trainId: id, date: '2026-03-30', volunteer: { name: 'Jo' } })
    await call(s, 'mealTrains.setSignupState', { signupId: a.id, state: 'delivered' })
    const all = await mealTrainCommitments(s.context, { from: '2026-03-01', to: '2026-03-31' })
    expect(all).toEqual([
      { personId, kind: 'meal', careKind: 'meals', label: 'Gift card or groceries (Dinner) for The Okafor family', date: '2026-03-28', startsAt: '2026-03-28T17:30:00Z', endsAt: '2026-03-28T18:30:00Z', ref: { area: 'meal-trains', id: b.id } },
      // British Summer Time starts on 29 March: the same 17:30 is an hour earlier in UTC.
      { personId, kind: 'meal', careKind: 'meals', label: 'Dinner for The Okafor family', date: '2026-03-29', startsAt: '2026-03-29T16:30:00Z', endsAt: '2026-03-29T17:30:00Z', ref: { area: 'meal-trains', id: a.id } },
    ])
    expect(await mealTrainCommitments(s.context, { personId, from: '2026-03-29', to: '2026-03-29' })).toHaveLength(1)
    expect(await mealTrainCommitments(s.context, { personId: personId + 1, from: '2026-03-01', to: '2026-03-31' })).toEqual([])
  })

  it('mealTrainDetail has the recipient, dietary needs and every slot with its volunteer', async () => {
    const id = await create({ dietary: ['vegan'], address: '4 Elm Row', instructions: 'Don’t ring — baby sleeping', coordinatorName: 'Ruth', coordinatorPhone: '0113 000' })
    await signUp({ trainId: id, date: '2026-03-02', volunteer: { name: 'Jo', phone: '0777' }, dish: 'Dal' })
    const p = await mealTrainDetail(s.context, id)
    expect(p).toMatchObject({ recipientName: 'The Okafor family', dietary: ['vegan'], address: '4 Elm Row', coordinatorName: 'Ruth', timeZone: 'Europe/London', openSlots: 6 })
    expect(p?.slots).toHaveLength(7)
    expect(p?.slots[0]?.signup).toMatchObject({ volunteerName: 'Jo', volunteerPhone: '0777', dish: 'Dal' })
    expect(await mealTrainDetail(s.context, 999)).toBeUndefined()
  })
})
