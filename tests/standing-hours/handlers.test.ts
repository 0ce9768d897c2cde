import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { standingCommitments } from '../../main/common/read-standing'
import { testSession } from '../helpers/session'
import { addBlackout, addPeople, call } from '../prayer-circles/people'

let s: Awaited<ReturnType<typeof testSession>>
let people: number[]
let circleId: number
let scheduleId: number
let hourAt: (weekday: number, time: string) => number

const names = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')} Member`)

beforeAll(async () => {
  s = await testSession()
  await call(s, 'settings.update', { timeZone: 'America/New_York' })
  people = await addPeople(s, [...names(200, 'Holder'), ...names(30, 'Sub')])
  circleId = (await call(s, 'prayerCircles.create', { name: 'Adoration chapel', leaderPersonId: null, memberIds: [] })).id
})
afterAll(() => s?.close())

describe('a 168-hour chapel with 200 holders and 30 substitutes', () => {
  it('creates the week, every hour of every day, and refuses a bad pattern with a plain reason', async () => {
    const made = await call(s, 'standingHours.create', { circleId, title: 'Perpetual adoration', weekdays: [1, 2, 3, 4, 5, 6, 7], fromTime: '00:00', toTime: '00:00', peoplePerSlot: 2 })
    scheduleId = made.id
    expect(made.slotCount).toBe(168)
    const bad = await s.registry.dispatch('standingHours.create', { circleId, title: 'x', weekdays: [1], fromTime: '09:30', toTime: '12:00' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { fromTime: 'Hour-long slots start on the hour: use a time like 06:00.' } } })
    const week = await call(s, 'standingHours.week', { scheduleId, date: '2026-03-04' })
    expect(week.dates).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08'])
    expect(week.times).toHaveLength(24)
    // 8 March is the night the clocks go forward in New York: its 02:00 hour does not happen, so needs nobody.
    expect(week.openCount).toBe(167)
    const ids = new Map(week.slots.map((o) => [`${o.weekday}/${o.localStart}`, o.hourId]))
    hourAt = (weekday, time) => ids.get(`${weekday}/${time}`)!
  })

  it('200 members take standing hours; a full slot refuses a third, and the week shows who holds what', async () => {
    for (const [i, personId] of people.slice(0, 200).entries()) {
      // Two a slot through the first 100 slots of the week (Monday 00:00 to Friday 03:00).
      const slot = Math.floor(i / 2)
      await call(s, 'standingHours.take', { hourId: hourAt(Math.floor(slot / 24) + 1, `${String(slot % 24).padStart(2, '0')}:00`), personId, fromDate: '2026-01-05' })
    }
    const full = await s.registry.dispatch('standingHours.take', { hourId: hourAt(1, '00:00'), personId: people[200]!, fromDate: '2026-03-01' })
    expect(full).toMatchObject({ ok: false, error: { code: 'refused' } })
    expect(full.ok ? '' : full.error.message).toMatch(/^That slot already has its 2 holders \(Holder000 Member, Holder001 Member\)/)
    const again = await s.registry.dispatch('standingHours.take', { hourId: hourAt(1, '00:00'), personId: people[0]!, fromDate: '2026-03-01' })
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } })
    const week = await call(s, 'standingHours.week', { scheduleId, date: '2026-03-04' })
    expect(week.openCount).toBe(67)
    const monday3 = week.slots.find((o) => o.date === '2026-03-02' && o.localStart === '03:00')!
    expect(monday3.people.map((p) => p.name)).toEqual(['Holder006 Member', 'Holder007 Member'])
    expect((await call(s, 'standingHours.list', { circleId }))[0]).toMatchObject({ slotCount: 168, uncoveredCount: 68 })
  })

  it('the night the clocks go forward, the 2 a.m. hour does not happen and needs nobody', async () => {
    const week = await call(s, 'standingHours.week', { scheduleId, date: '2026-03-08' })
    const two = week.slots.find((o) => o.date === '2026-03-08' && o.localStart === '02:00')!
    expect(two).toMatchObject({ clock: 'skipped', missing: 0 })
    expect(two.clockNote).toMatch(/does not happen/)
  })

  it('30 substitutes offer their hours; a holder away gets the free ones listed least asked first', async () => {
    const subs = people.slice(200)
    for (const [i, personId] of subs.entries()) {
      const times = i < 20 ? [{ weekday: 2, start: '00:00', end: '12:00' }] : [{ weekday: 5, start: '18:00', end: '00:00' }]
      await call(s, 'standingHours.offer', { scheduleId, personId, maxPerMonth: i === 1 ? 1 : null, times })
    }
    expect(await call(s, 'standingHours.pool', { scheduleId })).toHaveLength(30)
    // Tuesday 10:00 is held by Holder068 and Holder069 (slot 34).
    const week = await call(s, 'standingHours.week', { scheduleId, date: '2026-03-10' })
    const tue10 = week.slots.find((o) => o.date === '2026-03-10' && o.localStart === '10:00')!
    const holder = tue10.people[0]!
    const wrongDay = await s.registry.dispatch('standingHours.markAway', { holderId: holder.holderId!, date: '2026-03-11' })
    expect(wrongDay).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'That slot is on a Tuesday; 2026-03-11 is a Wednesday.' } })
    const { exceptionId } = await call(s, 'standingHours.markAway', { holderId: holder.holderId!, date: '2026-03-10', note: 'Hospital appointment' })
    const after = (await call(s, 'standingHours.week', { scheduleId, date: '2026-03-10' })).slots.find((o) => o.hourId === tue10.hourId && o.date === '2026-03-10')!
    expect(after.needsSubstitute.map((n) => n.name)).toEqual([holder.name])
    expect(after.missing).toBe(1)
    // Sub000 already stood in twice lately, Sub001 has reached their once-a-month limit, Sub002 is away that week.
    const earlier = (await call(s, 'standingHours.week', { scheduleId, date: '2026-02-10' })).slots.filter((o) => o.date === '2026-02-10' && o.people.length > 0)
    for (const o of earlier.slice(0, 2)) {
      const ex = (await call(s, 'standingHours.markAway', { holderId: o.people[0]!.holderId!, date: '2026-02-10' })).exceptionId
      await call(s, 'standingHours.chooseSubstitute', { exceptionId: ex, personId: subs[0]! })
    }
    await call(s, 'standingHours.addExtra', { hourId: hourAt(2, '01:00'), date: '2026-03-03', personId: subs[1]! })
    await addBlackout(s, subs[2]!, '2026-03-09', '2026-03-15')
    const options = await call(s, 'standingHours.findSubstitute', { exceptionId })
    const optionNames = options.map((o) => o.name)
    expect(optionNames).toHaveLength(18)
    expect(optionNames.at(-1)).toBe('Sub000 Member')
    expect(optionNames).not.toContain('Sub001 Member')
    expect(optionNames).not.toContain('Sub002 Member')
    expect(optionNames).not.toContain('Sub025 Member')
    expect(options[0]).toMatchObject({ name: 'Sub003 Member', asked: 0 })
    await call(s, 'standingHours.chooseSubstitute', { exceptionId, personId: options[0]!.personId })
    const filled = (await call(s, 'standingHours.week', { scheduleId, date: '2026-03-10' })).slots.find((o) => o.hourId === tue10.hourId && o.date === '2026-03-10')!
    expect(filled.people.map((p) => [p.name, p.role])).toEqual([
      ['Sub003 Member', 'substitute'],
      [tue10.people[1]!.name, 'holder'],
    ])
    expect(filled.missing).toBe(0)
  })

  it('closing a date and ending a holding change only the dates they should', async () => {
    const closed = await call(s, 'standingHours.close', { scheduleId, date: '2026-03-11', note: 'Chapel repairs' })
    expect(await call(s, 'standingHours.close', { scheduleId, date: '2026-03-11', note: 'Chapel repairs' })).toEqual(closed)
    const week = await call(s, 'standingHours.week', { scheduleId, date: '2026-03-11' })
    const wed = week.slots.filter((o) => o.date === '2026-03-11')
    expect(wed.every((o) => o.closed && o.missing === 0 && o.closedNote === 'Chapel repairs')).toBe(true)
    const holderId = week.slots.find((o) => o.date === '2026-03-09' && o.localStart === '00:00')!.people[0]!.holderId!
    await call(s, 'standingHours.release', { holderId, lastDate: '2026-03-09' })
    const next = await call(s, 'standingHours.week', { scheduleId, date: '2026-03-16' })
    expect(next.slots.find((o) => o.date === '2026-03-16' && o.localStart === '00:00')!.missing).toBe(1)
    expect(week.slots.find((o) => o.date === '2026-03-09' && o.localStart === '00:00')!.missing).toBe(0)
  })

  it('the month of needs lists every open and waiting slot; filling from the pool covers each before any gets two', async () => {
    const needs = await call(s, 'standingHours.needs', { scheduleId, month: '2026-03' })
    expect(needs.slots.length).toBeGreaterThan(200)
    expect(needs.slots.every((o) => o.missing > 0 || o.needsSubstitute.length > 0)).toBe(true)
    const fill = await call(s, 'standingHours.fillMonth', { scheduleId, month: '2026-03' })
    expect(fill.added).toBeGreaterThan(0)
    const after = await call(s, 'standingHours.needs', { scheduleId, month: '2026-03' })
    expect(after.slots.length).toBeLessThan(needs.slots.length)
    // The pool offers Tuesday mornings and Friday evenings only: those are filled, nothing else is.
    const march = (await call(s, 'standingHours.needs', { scheduleId, month: '2026-03' })).slots
    for (const o of march) if (o.weekday === 2 && o.localStart < '12:00') expect(o.people.length, `${o.date} ${o.localStart}`).toBeGreaterThan(0)
    expect(fill.added + fill.stillOpen).toBeGreaterThan(fill.added)
  })

  it('a standing hour counts as busy: a vigil fill does not put the holder anywhere else at that time', async () => {
    // Holder001 still keeps Monday 00:00 (Holder000 stopped after 9 March). Holder001 is first in the new circle's
    // chain, so without that check they would get the first hour of the vigil.
    const [first, second] = people as [number, number]
    const vigilCircle = (await call(s, 'prayerCircles.create', { name: 'Lent watch', leaderPersonId: null, memberIds: [second, first] })).id
    const vigil = await call(s, 'prayerCircles.createVigil', { circleId: vigilCircle, title: 'Watch', startDate: '2026-03-23', startTime: '00:00', hours: 2, slotMinutes: 60, minPeople: 1 })
    const result = await call(s, 'prayerCircles.autoFill', { scheduleId: vigil.id })
    const slots = (await call(s, 'prayerCircles.schedule', { scheduleId: vigil.id })).slots
    expect(result.unfilled).toEqual([])
    expect(slots.map((x) => x.assignments.map((a) => a.personId))).toEqual([[first], [second]])
    const theirs = await standingCommitments(s.context.db, { personId: second, from: '2026-03-23', to: '2026-03-23' })
    expect(theirs).toEqual([expect.objectContaining({ label: 'Perpetual adoration (Adoration chapel), 00:00–01:00', startsAt: '2026-03-23T04:00:00Z', ref: { area: 'standing-hours', id: scheduleId } })])
    expect(await standingCommitments(s.context.db, { personId: first, from: '2026-03-23', to: '2026-03-23' })).toEqual([])
  })
})
