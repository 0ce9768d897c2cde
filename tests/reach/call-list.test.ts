import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSession } from '../../main/session'
import { call, testSession } from '../helpers/session'
import { seedWeek, WEEK } from './seed'

let s: Awaited<ReturnType<typeof testSession>>
let seed: Awaited<ReturnType<typeof seedWeek>>

beforeAll(async () => {
  s = await testSession()
  seed = await seedWeek(s)
})
afterAll(() => s?.close())

describe('the call list for a week', () => {
  it('lists everyone with a duty, grouped by person, with what, when, where, phones and how they like to be contacted', async () => {
    const list = await call(s, 'reach.callList', { range: WEEK })
    expect(list).toMatchObject({ from: '2026-03-02', to: '2026-03-08', timeZone: 'Europe/London' })
    expect(list.people.map((p) => p.name)).toEqual(['Ben Okafor', 'Cara Cole', 'Dev Das', 'Zoe Writein'])
    const [ben, cara, dev, zoe] = list.people
    expect(ben).toMatchObject({ key: `p:${seed.ben}`, preferredContact: 'text', mobile: '07700 900002', homePhone: '0113 496 0000', email: 'ben@example.org' })
    expect(ben!.duties).toEqual([
      { key: `meal:${seed.benMeal}`, kind: 'meal', what: 'Dinner for Maria Lopez', date: '2026-03-03', from: '17:30', to: '18:30', where: '4 Birch Road\nLeeds LS6 1AA', reminded: false },
    ])
    expect(cara).toMatchObject({ preferredContact: 'email', mobile: null, otherPhone: '0113 555 0003' })
    expect(cara!.duties).toEqual([
      { key: `prayer:${seed.caraVigil}`, kind: 'prayer', what: 'Lent vigil (Tuesday circle)', date: '2026-03-05', from: '20:00', to: '21:00', where: null, reminded: false },
    ])
    expect(dev!.duties).toMatchObject([{ key: `prayer:${seed.devRota}`, what: 'Morning prayer rota (Tuesday circle)', date: '2026-03-06', from: '07:00', to: '07:30' }])
    expect(zoe).toMatchObject({ key: 'w:zoe writein', personId: null, mobile: '07700 111222', duties: [{ key: `meal:${seed.zoeMeal}`, date: '2026-03-04' }] })
    // A call list carries contact details and duties, never a family's reason, allergies or a confidential note.
    expect(JSON.stringify(list)).not.toMatch(/chemotherapy|EpiPen|peanut|divorce|Marriage trouble/i)
  })

  it('names whoever needs a substitute apart from the reminders, and every gap still open', async () => {
    const list = await call(s, 'reach.callList', { range: WEEK })
    expect(list.people.some((p) => p.name === 'Ann Abbott')).toBe(false)
    expect(list.substitutes).toEqual([
      {
        name: 'Ann Abbott',
        phone: '07700 900001',
        scheduleId: seed.rotaId,
        area: 'prayer-circles',
        duty: { key: `prayer:${seed.annRota}`, kind: 'prayer', what: 'Morning prayer rota (Tuesday circle)', date: '2026-03-07', from: '07:00', to: '07:30', where: null, reminded: false },
      },
    ])
    expect(list.gaps).toEqual([
      { kind: 'meal', what: 'Dinner for Maria Lopez', date: '2026-03-02', from: '17:30', to: '18:30', open: 1, ref: { area: 'meal-trains', id: seed.trainId } },
      { kind: 'prayer', what: 'Lent vigil (Tuesday circle)', date: '2026-03-05', from: '21:00', to: '22:00', open: 1, ref: { area: 'prayer-circles', id: seed.vigilId } },
    ])
  })

  it('a narrower range lists only its days, and a delivered meal needs no reminder', async () => {
    const tuesday = await call(s, 'reach.callList', { range: { from: '2026-03-03', to: '2026-03-03' } })
    expect(tuesday.people.map((p) => p.name)).toEqual(['Ben Okafor'])
    expect(tuesday.gaps).toEqual([])
    await call(s, 'mealTrains.setSignupState', { signupId: seed.benMeal, state: 'delivered' })
    expect((await call(s, 'reach.callList', { range: { from: '2026-03-03', to: '2026-03-03' } })).people).toEqual([])
    await call(s, 'mealTrains.setSignupState', { signupId: seed.benMeal, state: 'taken' })
  })

  it('keeps "reminded" ticks in the file: they are still there after Hearth is closed and opened again', async () => {
    await call(s, 'reach.setReminded', { key: `meal:${seed.benMeal}`, reminded: true })
    await call(s, 'reach.setReminded', { key: `prayer:${seed.caraVigil}`, reminded: true })
    await call(s, 'reach.setReminded', { key: `prayer:${seed.caraVigil}`, reminded: false })
    await call(s, 'reach.setReminded', { key: `prayer:${seed.devRota}`, reminded: true })
    const { os, dir } = s
    const path = s.context.databasePath
    await s.close()
    s = Object.assign(await startSession(path, os, 'test'), { os, dir })
    const list = await call(s, 'reach.callList', { range: WEEK })
    const ticks = Object.fromEntries(list.people.flatMap((p) => p.duties.map((d) => [d.key, d.reminded])))
    expect(ticks).toEqual({ [`meal:${seed.benMeal}`]: true, [`prayer:${seed.caraVigil}`]: false, [`prayer:${seed.devRota}`]: true, [`meal:${seed.zoeMeal}`]: false })
  })

  it('a duty handed to someone else shows unticked: the new holder has not been reminded', async () => {
    await call(s, 'reach.setReminded', { key: `prayer:${seed.annRota}`, reminded: true })
    await call(s, 'prayerCircles.unassign', { assignmentId: seed.devRota })
    const replaced = await call(s, 'prayerCircles.replace', { assignmentId: seed.annRota, personId: seed.dev })
    const list = await call(s, 'reach.callList', { range: WEEK })
    const dev = list.people.find((p) => p.name === 'Dev Das')!
    expect(dev.duties).toMatchObject([{ key: `prayer:${replaced.id}`, date: '2026-03-07', reminded: false }])
    expect(list.substitutes).toEqual([])
  })

  it('refuses a tick for a duty that is gone, and keys that are not duties', async () => {
    expect(await s.registry.dispatch('reach.setReminded', { key: 'meal:999999', reminded: true })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await s.registry.dispatch('reach.setReminded', { key: 'people:1; drop table', reminded: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await s.registry.dispatch('reach.callList', { range: { from: '2026-03-08', to: '2026-03-01' } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})
