import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testSession } from '../helpers/session'
import { addPeople, call } from './people'

let s: Awaited<ReturnType<typeof testSession>>
let ann: number, ben: number, cara: number, dev: number

beforeAll(async () => {
  s = await testSession()
  await call(s, 'settings.update', { timeZone: 'Europe/London' })
  ;[ann, ben, cara, dev] = (await addPeople(s, ['Ann Abbott', 'Ben Brown', 'Cara Cole', 'Dev Das'])) as [number, number, number, number]
})
afterAll(() => s?.close())

const whoIn = async (scheduleId: number) =>
  (await call(s, 'prayerCircles.schedule', { scheduleId })).slots.map((x) => ({ date: x.localDate, start: x.localStart, people: x.assignments.map((a) => a.personId) }))

describe('preferred and impossible times of the week', () => {
  it('are stored, read back on the member, and refused when a time is both', async () => {
    await call(s, 'standingHours.setWeekTimes', { personId: ann, times: [{ kind: 'impossible', weekday: 7, start: '06:00', end: '12:00' }] })
    await call(s, 'standingHours.setWeekTimes', {
      personId: ben,
      times: [
        { kind: 'prefer', weekday: 7, start: '08:00', end: '12:00' },
        { kind: 'impossible', weekday: 1, start: '22:00', end: '00:00' },
      ],
    })
    expect((await call(s, 'standingHours.ofPerson', { personId: ben })).weekTimes).toEqual([
      { kind: 'impossible', weekday: 1, start: '22:00', end: '00:00' },
      { kind: 'prefer', weekday: 7, start: '08:00', end: '12:00' },
    ])
    const both = await s.registry.dispatch('standingHours.setWeekTimes', {
      personId: cara,
      times: [
        { kind: 'prefer', weekday: 3, start: '09:00', end: '11:00' },
        { kind: 'impossible', weekday: 3, start: '10:00', end: '12:00' },
      ],
    })
    expect(both).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Wednesday 09:00 is marked both as preferred and as impossible. Choose one.' } })
    const backwards = await s.registry.dispatch('standingHours.setWeekTimes', { personId: cara, times: [{ kind: 'prefer', weekday: 3, start: '11:00', end: '09:00' }] })
    expect(backwards).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect((await call(s, 'standingHours.ofPerson', { personId: cara })).weekTimes).toEqual([])
    // History names the change in plain words.
    const { entries } = await call(s, 'history.list', {})
    expect(entries.find((e) => e.summary.includes('preferred and impossible'))).toMatchObject({ summary: expect.stringMatching(/^Changed the preferred and impossible times of Ben Brown/) })
    const nobody = await s.registry.dispatch('standingHours.setWeekTimes', { personId: 9999, times: [] })
    expect(nobody).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('a vigil fill gives each hour to the one who prefers it and never puts anyone at an impossible time', async () => {
    const circleId = (await call(s, 'prayerCircles.create', { name: 'Vigil', leaderPersonId: null, memberIds: [ann, ben, cara, dev] })).id
    // Sunday 7 June 2026, 08:00–12:00. Ben prefers Sunday 08:00–12:00 and Ann can never come on Sunday mornings
    // (both set above); Dev prefers 09:00–10:00.
    await call(s, 'standingHours.setWeekTimes', { personId: dev, times: [{ kind: 'prefer', weekday: 7, start: '09:00', end: '10:00' }] })
    const vigil = await call(s, 'prayerCircles.createVigil', { circleId, title: 'Pentecost', startDate: '2026-06-07', startTime: '08:00', hours: 4, slotMinutes: 60, minPeople: 1 })
    const result = await call(s, 'prayerCircles.autoFill', { scheduleId: vigil.id })
    expect(result.unfilled).toEqual([])
    // Without their times the hours would go round the circle: Ann, Ben, Cara, Dev. Ann never comes; of those with
    // fewest hours so far, the one who prefers the hour gets it (Ben at 08:00, Dev at 09:00, Ben again at 11:00).
    expect((await whoIn(vigil.id)).map((x) => x.people)).toEqual([[ben], [dev], [cara], [ben]])
    // Finding a substitute for Ben at 08:00 never offers Ann, who cannot come on Sunday mornings.
    const first = (await call(s, 'prayerCircles.schedule', { scheduleId: vigil.id })).slots[0]!.assignments[0]!
    const subs = await call(s, 'prayerCircles.substitutes', { assignmentId: first.id })
    expect(subs.map((x) => x.personId).sort()).toEqual([cara, dev].sort())
  })

  it('a rota fill keeps someone off the weekday they cannot do and gives it to the one who prefers it', async () => {
    const circleId = (await call(s, 'prayerCircles.create', { name: 'Readers', leaderPersonId: null, memberIds: [ann, ben] })).id
    const rota = await call(s, 'prayerCircles.createRecurring', {
      circleId,
      kind: 'rotation',
      title: 'Who reads',
      recurrence: { kind: 'weekly', weekdays: [3, 7] },
      startDate: '2026-06-01',
      untilDate: '2026-06-28',
      time: '10:00',
      durationMinutes: 60,
      perPersonLimit: null,
    })
    await call(s, 'prayerCircles.autoFill', { scheduleId: rota.id })
    const slots = await whoIn(rota.id)
    expect(slots).toHaveLength(8)
    // Ann cannot do Sunday mornings; Ben prefers them. Four each, Sundays all Ben's.
    for (const x of slots) expect(x.people, `${x.date}`).toEqual(new Date(`${x.date}T12:00:00Z`).getUTCDay() === 0 ? [ben] : [ann])
  })

  it('filling a standing month and finding a substitute honour them too', async () => {
    const circleId = (await call(s, 'prayerCircles.create', { name: 'Chapel', leaderPersonId: null, memberIds: [] })).id
    const scheduleId = (await call(s, 'standingHours.create', { circleId, title: 'Adoration', weekdays: [1, 7], fromTime: '08:00', toTime: '12:00' })).id
    const allWeek = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '00:00' }))
    for (const personId of [ann, ben, cara]) await call(s, 'standingHours.offer', { scheduleId, personId, times: allWeek })
    // All three offer the whole week. Ann cannot do Sunday 06:00–12:00 (set above); now Cara prefers Sunday
    // 08:00–09:00 and Ben no longer has a preferred time.
    await call(s, 'standingHours.setWeekTimes', { personId: cara, times: [{ kind: 'prefer', weekday: 7, start: '08:00', end: '09:00' }] })
    await call(s, 'standingHours.setWeekTimes', { personId: ben, times: [{ kind: 'impossible', weekday: 1, start: '22:00', end: '00:00' }] })
    const week = await call(s, 'standingHours.week', { scheduleId, date: '2026-07-06' })
    const hourId = (weekday: number, time: string) => week.slots.find((o) => o.weekday === weekday && o.localStart === time)!.hourId
    await call(s, 'standingHours.take', { hourId: hourId(7, '08:00'), personId: dev, fromDate: '2026-07-01' })
    const { exceptionId } = await call(s, 'standingHours.markAway', { holderId: (await call(s, 'standingHours.ofPerson', { personId: dev })).held[0]!.holderId, date: '2026-07-12', note: null })
    const options = await call(s, 'standingHours.findSubstitute', { exceptionId })
    // Ann is left out (an impossible time); of Ben and Cara, equally little asked, the one who prefers it comes first.
    expect(options.map((o) => [o.personId, o.prefers])).toEqual([
      [cara, true],
      [ben, false],
    ])
    // July, clear of the vigil and rota above: every waiting slot is filled, and none on a Sunday by Ann.
    await call(s, 'standingHours.fillMonth', { scheduleId, month: '2026-07' })
    expect((await call(s, 'standingHours.needs', { scheduleId, month: '2026-07' })).slots).toEqual([])
    for (const date of ['2026-07-05', '2026-07-12', '2026-07-19', '2026-07-26']) {
      const sunday = (await call(s, 'standingHours.week', { scheduleId, date })).slots.filter((o) => o.date === date)
      for (const o of sunday) expect(o.people.map((p) => p.personId), `${date} ${o.localStart}`).not.toContain(ann)
    }
  })
})
