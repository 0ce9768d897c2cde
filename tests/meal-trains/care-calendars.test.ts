import { beforeEach, describe, expect, it } from 'vitest'
import { addDays } from '../../main/contract/days'
import { type MealTrainDetail, RELATIVE_EPOCH } from '../../main/contract/meal-trains'
import { mealTrainCommitments } from '../../main/common/read-meal-train'
import { weekdayOf, weekOfPlan } from '../../main/common/meal-slots'
import { call, testSession } from '../helpers/session'
import { addBlackout, addPerson, trainFields } from './fixtures'

type S = Awaited<ReturnType<typeof testSession>>
let s: S

const ride = (over: Parameters<typeof trainFields>[0] = {}) =>
  trainFields({
    kind: 'rides',
    recipientName: 'Ann Abbott',
    reason: 'Dialysis three times a week',
    startsOn: '2026-03-16',
    endsOn: '2026-04-07',
    weekdays: [2],
    meals: [{ meal: 'breakfast', from: '09:00', to: '12:00' }],
    ridePickup: '4 Mill Lane, Leeds',
    rideDestination: 'St James’s Hospital, renal unit',
    rideAppointment: '09:30',
    rideReturn: true,
    rideWheelchair: true,
    ...over,
  })

const undatedMeals = (over: Parameters<typeof trainFields>[0] = {}) =>
  trainFields({ dateKnown: false, dayOneLabel: 'the birth', startsOn: RELATIVE_EPOCH, endsOn: addDays(RELATIVE_EPOCH, 20), ...over })

async function get(id: number): Promise<MealTrainDetail> {
  return await call(s, 'mealTrains.get', { id })
}

beforeEach(async () => {
  s = await testSession()
  await call(s, 'settings.update', { timeZone: 'Europe/London' })
  return () => s.close()
})

describe('a ride calendar', () => {
  it('keeps its pick-up, destination and times, and signs a driver up with warnings in ride words', async () => {
    const { id } = await call(s, 'mealTrains.create', ride())
    const { personId } = await addPerson(s.context.db, { first: 'Dev', last: 'Patel', skills: ['Driver'] })
    await addBlackout(s.context.db, personId, '2026-03-24', '2026-03-24', 'Hospital shift')
    const t = await get(id)
    expect(t).toMatchObject({ kind: 'rides', ridePickup: '4 Mill Lane, Leeds', rideDestination: 'St James’s Hospital, renal unit', rideAppointment: '09:30', rideReturn: true, rideWheelchair: true, rideChildSeat: false })
    expect(t.slots.map((x) => x.date)).toEqual(['2026-03-17', '2026-03-24', '2026-03-31', '2026-04-07'])
    const first = await call(s, 'mealTrains.signUp', { trainId: id, date: '2026-03-17', meal: 'breakfast', volunteer: { personId } })
    expect(first.warnings).toEqual([])
    const away = await call(s, 'mealTrains.signUp', { trainId: id, date: '2026-03-24', meal: 'breakfast', volunteer: { personId } })
    expect(away.warnings.map((w) => w.kind)).toEqual(['blackout'])
    const taken = await s.registry.dispatch('mealTrains.signUp', { trainId: id, date: '2026-03-17', meal: 'breakfast', volunteer: { name: 'Sam' } })
    expect(taken).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Dev Patel has already taken the ride (morning) on Tuesday 17 March. Choose another slot.' } })

    // Across kinds: the same driver asked for a meal that day hears about the ride.
    const meals = await call(s, 'mealTrains.create', trainFields({ startsOn: '2026-03-16', endsOn: '2026-03-22' }))
    const check = await call(s, 'mealTrains.checkSignup', { trainId: meals.id, date: '2026-03-17', meal: 'dinner', personId })
    expect(check.warnings).toEqual([{ kind: 'busy', message: 'Dev Patel is already down for ride (morning) for Ann Abbott on Tuesday 17 March.' }])
    const commitments = await mealTrainCommitments(s.context, { personId, from: '2026-03-17', to: '2026-03-17' })
    expect(commitments).toEqual([
      expect.objectContaining({ label: 'Ride (morning) for Ann Abbott', startsAt: '2026-03-17T09:00:00Z', endsAt: '2026-03-17T12:00:00Z' }),
    ])
  })

  it('refuses a ride without a pick-up address, a change of kind, and keeps a meal train free of ride fields', async () => {
    const missing = await s.registry.dispatch('mealTrains.create', ride({ ridePickup: null }))
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { ridePickup: 'Write the pick-up address.' } } })
    const { id } = await call(s, 'mealTrains.create', ride())
    const toMeals = await s.registry.dispatch('mealTrains.update', { id, fields: ride({ kind: 'meals' }) })
    expect(toMeals).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { kind: 'Keep the kind as it was.' } } })
    const meal = await call(s, 'mealTrains.create', trainFields({ ridePickup: '4 Mill Lane', rideWheelchair: true }))
    expect(await get(meal.id)).toMatchObject({ kind: 'meals', ridePickup: null, rideWheelchair: false })
    expect(s.context.sqlite.prepare('select count(*) from meal_trains').pluck().get()).toBe(2)
  })

  it('a copy is the same kind with its ride details', async () => {
    const { id } = await call(s, 'mealTrains.create', ride())
    const copy = await call(s, 'mealTrains.copy', { id, startsOn: '2026-05-04', endsOn: '2026-05-31' })
    expect(await get(copy.id)).toMatchObject({ kind: 'rides', ridePickup: '4 Mill Lane, Leeds', rideAppointment: '09:30', startsOn: '2026-05-04' })
  })

  it('archiving with health details cleared empties the destination, the wheelchair and what was needed, in the history too', async () => {
    const { id } = await call(s, 'mealTrains.create', ride())
    await call(s, 'mealTrains.update', { id, fields: ride({ rideDestination: 'Oncology day unit' }) })
    const visit = await call(s, 'mealTrains.create', trainFields({ kind: 'visits', careWhat: 'Company after chemotherapy', careWhere: 'At home' }))
    await call(s, 'mealTrains.archive', { id, clearHealthDetails: true })
    await call(s, 'mealTrains.archive', { id: visit.id, clearHealthDetails: true })
    expect(await get(id)).toMatchObject({ status: 'archived', reason: null, rideDestination: null, rideWheelchair: false, ridePickup: '4 Mill Lane, Leeds' })
    expect(await get(visit.id)).toMatchObject({ careWhat: null, careWhere: 'At home' })
    const history = (s.context.sqlite.prepare("select coalesce(before, '') || coalesce(after, '') from history_rows where tbl = 'meal_trains'").pluck().all() as string[]).join('\n')
    expect(history).not.toMatch(/renal|Oncology|chemotherapy|Dialysis/)
    expect(history).toMatch(/"ride_wheelchair":null|"ride_wheelchair":0/)
  })
})

describe('a calendar planned before its date is known', () => {
  it('lays out Day 1 to Day 21, keeps its sign-ups in place when the date is set, and moves them with the date', async () => {
    const { id } = await call(s, 'mealTrains.create', undatedMeals())
    const { personId } = await addPerson(s.context.db, { first: 'Maria', last: 'Silva' })
    await call(s, 'mealTrains.signUp', { trainId: id, date: addDays(RELATIVE_EPOCH, 0), meal: 'dinner', volunteer: { personId }, dish: 'Soup' })
    await call(s, 'mealTrains.signUp', { trainId: id, date: addDays(RELATIVE_EPOCH, 1), meal: 'dinner', volunteer: { name: 'Jo' }, notes: 'After six' })
    await call(s, 'mealTrains.signUp', { trainId: id, date: addDays(RELATIVE_EPOCH, 20), meal: 'dinner', volunteer: { name: 'Kim' } })
    const before = await get(id)
    expect(before).toMatchObject({ dateKnown: false, dayOneLabel: 'the birth', phase: 'upcoming', openSlots: 18 })
    expect(before.slots).toHaveLength(21)
    // Placeholder days are no promise on a real day: nothing shows among the volunteer's commitments.
    expect(await mealTrainCommitments(s.context, { personId, from: '2000-01-01', to: '2099-12-31' })).toEqual([])

    expect(await call(s, 'mealTrains.setDayOne', { id, date: '2026-03-27' })).toEqual({ id, movedToRescheduling: 0 })
    const dated = await get(id)
    expect(dated).toMatchObject({ dateKnown: true, startsOn: '2026-03-27', endsOn: '2026-04-16', openSlots: 18 })
    const held = () => s.context.sqlite.prepare("select volunteer_name || ' ' || date from meal_signups where state = 'taken' order by date").pluck().all()
    expect(held()).toEqual(['Maria Silva 2026-03-27', 'Jo 2026-03-28', 'Kim 2026-04-16'])
    expect(dated.slots[1]?.signup).toMatchObject({ volunteerName: 'Jo', notes: 'After six' })
    expect(await mealTrainCommitments(s.context, { personId, from: '2026-03-27', to: '2026-03-27' })).toHaveLength(1)

    // The baby came a day early: everyone moves with the date, nobody is double-booked.
    await call(s, 'mealTrains.setDayOne', { id, date: '2026-03-26' })
    expect(held()).toEqual(['Maria Silva 2026-03-26', 'Jo 2026-03-27', 'Kim 2026-04-15'])
    await call(s, 'mealTrains.setDayOne', { id, date: '2026-03-28' })
    expect(held()).toEqual(['Maria Silva 2026-03-28', 'Jo 2026-03-29', 'Kim 2026-04-17'])
  })

  it('moving the date of a calendar on chosen weekdays puts a sign-up that lands off them into needs rescheduling', async () => {
    const { id } = await call(s, 'mealTrains.create', trainFields({ startsOn: '2026-03-02', endsOn: '2026-03-13', weekdays: [1, 2, 3, 4, 5] }))
    await call(s, 'mealTrains.signUp', { trainId: id, date: '2026-03-06', meal: 'dinner', volunteer: { name: 'Jo' } })
    await call(s, 'mealTrains.signUp', { trainId: id, date: '2026-03-04', meal: 'dinner', volunteer: { name: 'Sam' } })
    expect(await call(s, 'mealTrains.setDayOne', { id, date: '2026-03-03' })).toEqual({ id, movedToRescheduling: 1 })
    const t = await get(id)
    expect(t.needsRescheduling.map((x) => `${x.volunteerName} ${x.date}`)).toEqual(['Jo 2026-03-07'])
    expect(t.slots.find((x) => x.date === '2026-03-05')?.signup?.volunteerName).toBe('Sam')
  })

  it('refuses weekdays before the date is known, and giving dates through an ordinary edit', async () => {
    const weekdays = await s.registry.dispatch('mealTrains.create', undatedMeals({ weekdays: [1, 3, 5] }))
    expect(weekdays).toMatchObject({ ok: false, error: { fields: { weekdays: 'Choose every day.' } } })
    const { id } = await call(s, 'mealTrains.create', undatedMeals())
    const edit = await s.registry.dispatch('mealTrains.update', { id, fields: trainFields({ startsOn: '2026-03-02', endsOn: '2026-03-22' }) })
    expect(edit).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect((await get(id)).dateKnown).toBe(false)
  })

  it('a message lists its open days as Day 1, Day 2…; a calendar file waits for the date', async () => {
    const { id } = await call(s, 'mealTrains.create', undatedMeals({ endsOn: addDays(RELATIVE_EPOCH, 2) }))
    await call(s, 'mealTrains.signUp', { trainId: id, date: addDays(RELATIVE_EPOCH, 1), meal: 'dinner', volunteer: { name: 'Jo' } })
    const { text } = await call(s, 'reach.copyMessage', { request: { kind: 'mealTrain', trainId: id } })
    expect(text).toContain('Day 1: dinner, 17:30')
    expect(text).toContain('Day 3: dinner')
    expect(text).not.toMatch(/Day 2|2001/)
    const file = await s.registry.dispatch('reach.exportCalendar', { request: { of: 'mealTrain', trainId: id } })
    expect(file).toMatchObject({ ok: false, error: { code: 'refused', message: 'This calendar has no dates yet. Set the date of Day 1 first.' } })
  })
})

describe('messages for other kinds', () => {
  it('a ride’s message names the rides, not meals, and never the destination', async () => {
    const { id } = await call(s, 'mealTrains.create', ride({ startsOn: '2099-03-02', endsOn: '2099-03-15' }))
    const { text } = await call(s, 'reach.copyMessage', { request: { kind: 'mealTrain', trainId: id } })
    expect(text).toMatch(/^Help for Ann Abbott\nCan you help\? These times are still open:\n• Tue 3 Mar: ride \(morning\), 9:00.12:00\n/)
    expect(text).not.toMatch(/renal|Dialysis|Mill Lane/)
    // In German the standard words ask for help too, not for a meal.
    await call(s, 'settings.update', { language: 'de' })
    const german = (await call(s, 'reach.copyMessage', { request: { kind: 'mealTrain', trainId: id } })).text
    await call(s, 'settings.update', { language: 'system' })
    expect(german).toMatch(/^Hilfe für Ann Abbott\nKönnen Sie helfen\? Diese Zeiten sind noch offen:\n/)
    expect(german).not.toMatch(/Mahlzeit|renal|Dialysis|Mill Lane/)
  })

  it('the call list names a driver’s ride and the open rides in ride words', async () => {
    const { id } = await call(s, 'mealTrains.create', ride())
    await call(s, 'mealTrains.signUp', { trainId: id, date: '2026-03-17', meal: 'breakfast', volunteer: { name: 'Dev Patel', phone: '07700 900777' } })
    const list = await call(s, 'reach.callList', { range: { from: '2026-03-16', to: '2026-03-31' } })
    expect(JSON.stringify(list)).toContain('Ride (morning) for Ann Abbott')
    expect(list.gaps.map((g) => `${g.date} ${g.what}`)).toEqual(['2026-03-24 Ride (morning) for Ann Abbott', '2026-03-31 Ride (morning) for Ann Abbott'])
  })
})

describe('the home', () => {
  it('lists only the open days of an every-other-week visit in the coming fortnight, and nothing of an undated calendar', async () => {
    const { today } = await call(s, 'home.view', {})
    const lastWeeksMonday = addDays(today, 1 - weekdayOf(today) - 7)
    const visit = await call(s, 'mealTrains.create', trainFields({ kind: 'visits', recipientName: 'Tom Reed', startsOn: lastWeeksMonday, endsOn: addDays(today, 30), weekdays: [1, 2, 3, 4, 5, 6, 7], weekInterval: 2, meals: [{ meal: 'lunch', from: '14:00', to: '16:00' }] }))
    await call(s, 'mealTrains.create', undatedMeals())
    const home = await call(s, 'home.view', { span: 14 })
    const expected = Array.from({ length: 14 }, (_, d) => addDays(today, d)).filter((d) => weekOfPlan(lastWeeksMonday, d) % 2 === 0)
    // Fourteen days from any weekday hold both an off week and some of an on week.
    expect(expected.length).toBeGreaterThanOrEqual(1)
    expect(expected.length).toBeLessThanOrEqual(7)
    expect(home.openMeals).toEqual([{ trainId: visit.id, kind: 'visits', recipientName: 'Tom Reed', slots: expected.map((date) => ({ date, meal: 'lunch' })) }])
  })
})

describe('changing a ride calendar', () => {
  it('moving the ride from Tuesdays to Wednesdays asks first, then keeps the driver as needs rescheduling', async () => {
    const { id } = await call(s, 'mealTrains.create', ride())
    await call(s, 'mealTrains.signUp', { trainId: id, date: '2026-03-24', meal: 'breakfast', volunteer: { name: 'Dev Patel' } })
    const preview = await call(s, 'mealTrains.previewUpdate', { id, fields: ride({ weekdays: [3] }) })
    expect(preview.affected).toEqual([expect.objectContaining({ volunteerName: 'Dev Patel', date: '2026-03-24', meal: 'breakfast' })])
    const refused = await s.registry.dispatch('mealTrains.update', { id, fields: ride({ weekdays: [3] }) })
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(await call(s, 'mealTrains.update', { id, fields: ride({ weekdays: [3] }), confirmAffected: true })).toEqual({ id, movedToRescheduling: 1 })
    const t = await get(id)
    expect(t.needsRescheduling.map((x) => x.volunteerName)).toEqual(['Dev Patel'])
    await call(s, 'mealTrains.moveSignup', { signupId: t.needsRescheduling[0]!.id, date: '2026-03-25', meal: 'breakfast' })
    expect((await get(id)).slots.find((x) => x.date === '2026-03-25')?.signup?.volunteerName).toBe('Dev Patel')
  })
})
