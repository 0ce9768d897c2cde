import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getCircleForPrint, getScheduleForPrint, prayerCommitments } from '../../db/prayer-circles'
import { testSession } from '../helpers/session'
import { addBlackout, addPeople, call } from './people'

let s: Awaited<ReturnType<typeof testSession>>
let ann: number, ben: number, cara: number, dev: number
let circleId: number

beforeAll(async () => {
  s = await testSession()
  await call(s, 'settings.update', { timeZone: 'Europe/London' })
  ;[ann, ben, cara, dev] = (await addPeople(s, ['Ann Abbott', 'Ben Brown', 'Cara Cole', 'Dev Das'])) as [number, number, number, number]
  circleId = (await call(s, 'prayerCircles.create', { name: 'Tuesday circle', leaderPersonId: ann, memberIds: [ben, cara] })).id
})
afterAll(() => s?.close())

const schedule = (scheduleId: number) => call(s, 'prayerCircles.schedule', { scheduleId })

describe('circles and the contact chain', () => {
  it('creates a circle with the leader first in the chain, and lists it', async () => {
    const circle = await call(s, 'prayerCircles.get', { circleId })
    expect(circle.leader?.name).toBe('Ann Abbott')
    expect(circle.members.map((m) => m.name)).toEqual(['Ann Abbott', 'Ben Brown', 'Cara Cole'])
    const list = await call(s, 'prayerCircles.list', {})
    expect(list).toEqual([expect.objectContaining({ name: 'Tuesday circle', memberCount: 3 })])
  })

  it('a member can be in several circles; moving up and down reorders the chain', async () => {
    const other = (await call(s, 'prayerCircles.create', { name: 'Healing team', leaderPersonId: null, memberIds: [cara] })).id
    await call(s, 'prayerCircles.addMember', { circleId, personId: dev })
    await call(s, 'prayerCircles.moveInChain', { circleId, personId: dev, direction: 'up' })
    await call(s, 'prayerCircles.moveInChain', { circleId, personId: ann, direction: 'up' })
    const circle = await call(s, 'prayerCircles.get', { circleId })
    expect(circle.members.map((m) => m.name)).toEqual(['Ann Abbott', 'Ben Brown', 'Dev Das', 'Cara Cole'])
    expect((await call(s, 'prayerCircles.get', { circleId: other })).members.map((m) => m.personId)).toEqual([cara])
    const print = (await getCircleForPrint(s.context.db, circleId, { includeCoordinatorOnly: false }))!
    expect(print.chain.map((c) => [c.name, c.calls?.name ?? null])).toEqual([
      ['Ann Abbott', 'Ben Brown'],
      ['Ben Brown', 'Dev Das'],
      ['Dev Das', 'Cara Cole'],
      ['Cara Cole', null],
    ])
    await call(s, 'prayerCircles.delete', { circleId: other })
  })

  it('refuses to remove the leader, and names are required', async () => {
    const r = await s.registry.dispatch('prayerCircles.removeMember', { circleId, personId: ann })
    expect(r).toMatchObject({ ok: false, error: { code: 'refused' } })
    const blank = await s.registry.dispatch('prayerCircles.create', { name: '  ' })
    expect(blank).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Please give it a name.' } })
  })
})

describe('schedules', () => {
  let vigilId: number

  it('creates a 24-hour vigil across the spring clock change with 24 real slots, all gaps at first', async () => {
    const made = await call(s, 'prayerCircles.createVigil', {
      circleId,
      title: 'Easter vigil',
      startDate: '2026-03-28',
      startTime: '20:00',
      hours: 24,
      slotMinutes: 60,
      minPeople: 2,
    })
    vigilId = made.id
    expect(made.slotCount).toBe(24)
    const v = await schedule(vigilId)
    expect(v.kind).toBe('vigil')
    expect(v.gapCount).toBe(24)
    expect(v.openPlaces).toBe(48)
    expect(v.slots[5]!.localStart).toBe('02:00')
  })

  it('refuses a zero-length slot and a vigil beyond the bound, writing nothing', async () => {
    const before = s.context.sqlite.prepare('select count(*) from prayer_schedules').pluck().get()
    const zero = await s.registry.dispatch('prayerCircles.createVigil', { circleId, title: 'x', startDate: '2026-05-01', startTime: '09:00', hours: 24, slotMinutes: 0 })
    expect(zero).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'A slot must last at least a few minutes.' } })
    const long = await s.registry.dispatch('prayerCircles.createVigil', { circleId, title: 'x', startDate: '2026-05-01', startTime: '09:00', hours: 24 * 40, slotMinutes: 60 })
    expect(long).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { hours: expect.stringMatching(/at most 31 days/) } } })
    expect(s.context.sqlite.prepare('select count(*) from prayer_schedules').pluck().get()).toBe(before)
  })

  it('explains impossible recurring schedules and skipped clock times in plain words, per field', async () => {
    const base = { circleId, kind: 'meeting', title: 'x', recurrence: { kind: 'weekly', weekdays: [2] }, time: '19:00', durationMinutes: 60 }
    const reversed = await s.registry.dispatch('prayerCircles.createRecurring', { ...base, startDate: '2026-05-01', untilDate: '2026-04-01' })
    expect(reversed).toMatchObject({ ok: false, error: { message: 'The last date must be on or after the first date.', fields: { untilDate: expect.any(String) } } })
    const none = await s.registry.dispatch('prayerCircles.createRecurring', { ...base, startDate: '2026-05-06', untilDate: '2026-05-07' })
    expect(none).toMatchObject({ ok: false, error: { message: 'No dates fall between the first and last date with that pattern.' } })
    const noDays = await s.registry.dispatch('prayerCircles.createRecurring', { ...base, recurrence: { kind: 'weekly', weekdays: [] }, startDate: '2026-05-01', untilDate: '2026-06-01' })
    expect(noDays).toMatchObject({ ok: false, error: { message: 'Choose at least one day of the week.' } })
    const skipped = await s.registry.dispatch('prayerCircles.createVigil', { circleId, title: 'x', startDate: '2026-03-29', startTime: '01:30', hours: 2, slotMinutes: 60 })
    expect(skipped).toMatchObject({ ok: false, error: { message: '01:30 does not happen on 2026-03-29: the clocks go forward then. Choose another time.', fields: { startTime: expect.any(String) } } })
    const missing = await s.registry.dispatch('prayerCircles.createVigil', { circleId: 9999, title: 'x', startDate: '2026-03-01', startTime: '10:00', hours: 2, slotMinutes: 60 })
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('fills a vigil by hand: members, a write-in, and a refusal for a double entry', async () => {
    const v = await schedule(vigilId)
    const first = v.slots[0]!.id
    await call(s, 'prayerCircles.assign', { slotId: first, personId: ben })
    await call(s, 'prayerCircles.assign', { slotId: first, writeInName: 'Sister Mary (visiting)' })
    const twice = await s.registry.dispatch('prayerCircles.assign', { slotId: first, personId: ben })
    expect(twice).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Ben Brown is already in that slot.' } })
    const neither = await s.registry.dispatch('prayerCircles.assign', { slotId: first })
    expect(neither).toMatchObject({ ok: false, error: { message: 'Choose a member or type the name of someone else.' } })
    const after = await schedule(vigilId)
    expect(after.slots[0]!.assignments.map((a) => [a.name, a.writeIn, a.source])).toEqual([
      ['Ben Brown', false, 'manual'],
      ['Sister Mary (visiting)', true, 'manual'],
    ])
    expect(after.gapCount).toBe(23)
  })

  it('auto-fills the rest fairly, keeps the manual ones and honours a blackout', async () => {
    await addBlackout(s, cara, '2026-03-29', '2026-03-29')
    const result = await call(s, 'prayerCircles.autoFill', { scheduleId: vigilId })
    const v = await schedule(vigilId)
    expect(v.slots[0]!.assignments.map((a) => a.name)).toEqual(['Ben Brown', 'Sister Mary (visiting)'])
    for (const slot of v.slots.filter((x) => x.localDate === '2026-03-29')) {
      expect(slot.assignments.map((a) => a.personId)).not.toContain(cara)
    }
    // Only Ann, Ben and Dev are free on the 29th, so every slot there still gets two of them.
    expect(result.unfilled).toEqual([])
    expect(v.gapCount).toBe(0)
    expect(result.added).toBe(46)
    const counts = v.counts.map((c) => c.count)
    expect(Math.max(...counts) - Math.min(...counts.filter((_, i) => v.counts[i]!.personId !== cara))).toBeLessThanOrEqual(1)
  })

  it('reports prayer commitments for other areas, one person or everyone', async () => {
    const bens = await prayerCommitments(s.context.db, { personId: ben, from: '2026-03-28', to: '2026-03-28' })
    expect(bens[0]).toMatchObject({ personId: ben, kind: 'prayer', date: '2026-03-28', startsAt: '2026-03-28T20:00:00Z', ref: { area: 'prayer-circles', id: vigilId } })
    expect(bens[0]!.label).toBe('Easter vigil (Tuesday circle), 20:00–21:00')
    const all = await prayerCommitments(s.context.db, { from: '2026-03-28', to: '2026-03-29' })
    expect(all).toHaveLength(47)
    expect(await prayerCommitments(s.context.db, { from: '2026-04-01', to: '2026-04-30' })).toEqual([])
  })

  it('creates a weekly meeting, skips one date and moves another', async () => {
    const made = await call(s, 'prayerCircles.createRecurring', {
      circleId,
      kind: 'meeting',
      title: 'Tuesday prayer',
      recurrence: { kind: 'weekly', weekdays: [2] },
      startDate: '2026-03-01',
      untilDate: '2026-04-30',
      time: '19:00',
      durationMinutes: 60,
    })
    expect(made.slotCount).toBe(9)
    const m = await schedule(made.id)
    expect(m.rrule).toContain('BYDAY=TU')
    await call(s, 'prayerCircles.skipSlot', { slotId: m.slots[1]!.id, skipped: true })
    await call(s, 'prayerCircles.moveSlot', { slotId: m.slots[2]!.id, toDate: '2026-03-18', toTime: '18:30' })
    const after = await schedule(made.id)
    expect(after.slots[1]!.skipped).toBe(true)
    expect(after.slots[2]).toMatchObject({ moved: true, localDate: '2026-03-18', localStart: '18:30', localEnd: '19:30' })
    const skipped = await s.registry.dispatch('prayerCircles.assign', { slotId: m.slots[1]!.id, personId: ann })
    expect(skipped).toMatchObject({ ok: false, error: { code: 'refused' } })
    // A meeting is for everyone: a host put on one date is welcome, but empty dates are not gaps to fill.
    await call(s, 'prayerCircles.assign', { slotId: m.slots[0]!.id, personId: ann })
    expect((await schedule(made.id)).gapCount).toBe(0)
    const fill = await s.registry.dispatch('prayerCircles.autoFill', { scheduleId: made.id })
    expect(fill).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringContaining('make a rotation') } })
  })

  it('creates a rotation and auto-fills it round the circle in chain order', async () => {
    const made = await call(s, 'prayerCircles.createRecurring', {
      circleId,
      kind: 'rotation',
      title: 'Who leads',
      recurrence: { kind: 'weekly', weekdays: [7] },
      startDate: '2026-06-01',
      untilDate: '2026-08-02',
      time: '10:00',
      durationMinutes: 60,
      perPersonLimit: 2,
    })
    expect(made.slotCount).toBe(9)
    const result = await call(s, 'prayerCircles.autoFill', { scheduleId: made.id })
    const r = await schedule(made.id)
    // Fewest before goes first: Cara skipped the 29th, so she has done least in this circle.
    const names = r.slots.map((x) => x.assignments.map((a) => a.name).join())
    expect(names.filter(Boolean).sort()).toEqual(['Ann Abbott', 'Ann Abbott', 'Ben Brown', 'Ben Brown', 'Cara Cole', 'Cara Cole', 'Dev Das', 'Dev Das'])
    // Eight places for nine Sundays: the one left open falls inside the run, not as a block at its end.
    const open = r.slots.find((x) => x.assignments.length === 0)!
    expect(result.unfilled).toEqual([{ slotId: open.id, localDate: open.localDate, localStart: '10:00', missing: 1 }])
    expect(open.localDate).toBe('2026-07-26')
  })
})

describe('conflicts and substitutes', () => {
  it('warns of a double booking across circles and of a blackout', async () => {
    const other = (await call(s, 'prayerCircles.create', { name: 'Night watch', leaderPersonId: dev, memberIds: [ann] })).id
    const made = await call(s, 'prayerCircles.createVigil', {
      circleId: other,
      title: 'Night watch',
      startDate: '2026-03-28',
      startTime: '20:30',
      hours: 1,
      slotMinutes: 30,
    })
    const v = await schedule(made.id)
    const ben20 = (await prayerCommitments(s.context.db, { personId: ben, from: '2026-03-28', to: '2026-03-28' }))[0]!
    const added = await call(s, 'prayerCircles.assign', { slotId: v.slots[0]!.id, personId: ben })
    expect(added.warnings).toEqual([{ kind: 'double_booked', label: ben20.label }])
    await addBlackout(s, dev, '2026-03-28', '2026-03-28')
    const away = await call(s, 'prayerCircles.assign', { slotId: v.slots[1]!.id, personId: dev })
    expect(away.warnings).toContainEqual({ kind: 'blackout' })
    const again = await schedule(made.id)
    expect(again.slots[0]!.assignments[0]!.warnings).toEqual([{ kind: 'double_booked', label: ben20.label }])
  })

  it('warns when a prayer slot overlaps a meal-train delivery, and keeps auto-fill and substitutes away from it', async () => {
    const train = await call(s, 'mealTrains.create', {
      recipientName: 'The Okafor family',
      startsOn: '2026-09-01',
      endsOn: '2026-09-01',
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      meals: [{ meal: 'dinner', from: '17:00', to: '19:00' }],
    })
    await call(s, 'mealTrains.signUp', { trainId: train.id, date: '2026-09-01', meal: 'dinner', volunteer: { personId: ann } })
    const made = await call(s, 'prayerCircles.createVigil', { circleId, title: 'Evening', startDate: '2026-09-01', startTime: '18:00', hours: 1, slotMinutes: 60 })
    const v = await schedule(made.id)
    const added = await call(s, 'prayerCircles.assign', { slotId: v.slots[0]!.id, personId: ann })
    expect(added.warnings).toEqual([{ kind: 'double_booked', label: expect.stringContaining('The Okafor family') }])
    await call(s, 'prayerCircles.unassign', { assignmentId: added.id })
    await call(s, 'prayerCircles.autoFill', { scheduleId: made.id })
    const filled = await schedule(made.id)
    expect(filled.slots[0]!.assignments).toHaveLength(1)
    expect(filled.slots[0]!.assignments[0]!.personId).not.toBe(ann)
    const subs = await call(s, 'prayerCircles.substitutes', { assignmentId: filled.slots[0]!.assignments[0]!.id })
    expect(subs.map((x) => x.personId)).not.toContain(ann)
  })

  it('lists free members least-loaded first for an assignment that needs a substitute, and hands it over', async () => {
    const made = await call(s, 'prayerCircles.createVigil', { circleId, title: 'Quiet hours', startDate: '2026-05-05', startTime: '12:00', hours: 2, slotMinutes: 60 })
    const v = await schedule(made.id)
    const mine = await call(s, 'prayerCircles.assign', { slotId: v.slots[0]!.id, personId: ann })
    // Dev prays the next hour (touching, not overlapping), so is free but busier than Cara.
    await call(s, 'prayerCircles.assign', { slotId: v.slots[1]!.id, personId: dev })
    await call(s, 'prayerCircles.markSubstitute', { assignmentId: mine.id, needsSubstitute: true })
    expect((await schedule(made.id)).slots[0]!.assignments[0]!.needsSubstitute).toBe(true)
    await addBlackout(s, ben, '2026-05-05', '2026-05-06')
    const subs = await call(s, 'prayerCircles.substitutes', { assignmentId: mine.id })
    expect(subs.map((x) => [x.name, x.load])).toEqual([
      ['Cara Cole', 0],
      ['Dev Das', 1],
    ])
    await call(s, 'prayerCircles.replace', { assignmentId: mine.id, personId: cara })
    const after = (await schedule(made.id)).slots[0]!.assignments
    expect(after.map((a) => [a.name, a.needsSubstitute, a.source])).toEqual([['Cara Cole', false, 'manual']])
  })
})

describe('prayer requests', () => {
  it('keeps coordinator-only and expired requests off the circle view and the print data unless asked', async () => {
    await call(s, 'prayerCircles.addRequest', { circleId, body: 'For the Okafor family', requestedBy: 'Bea' })
    await call(s, 'prayerCircles.addRequest', { circleId, body: 'Private health matter', confidentiality: 'coordinator' })
    await call(s, 'prayerCircles.addRequest', { circleId, body: 'Exams last June', expiresOn: '2020-06-30' })
    const answered = await call(s, 'prayerCircles.addRequest', { circleId, body: 'New job for Tom' })
    await call(s, 'prayerCircles.answerRequest', { requestId: answered.id, answered: true, praiseNote: 'Started Monday!' })

    const view = await call(s, 'prayerCircles.get', { circleId })
    expect(view.requests.map((r) => r.body)).toEqual(['For the Okafor family', 'New job for Tom'])
    expect(view.requests[1]).toMatchObject({ praiseNote: 'Started Monday!', answeredAt: expect.any(String) })
    const coordinator = await call(s, 'prayerCircles.get', { circleId, includeCoordinatorOnly: true, includeExpired: true })
    expect(coordinator.requests.map((r) => r.body)).toContain('Private health matter')
    expect(coordinator.requests.find((r) => r.body === 'Exams last June')?.expired).toBe(true)

    const sheet = (await getCircleForPrint(s.context.db, circleId, { includeCoordinatorOnly: false }))!
    expect(JSON.stringify(sheet)).not.toContain('Private health matter')
    expect(JSON.stringify(sheet)).not.toContain('Exams last June')
    const coordinatorSheet = (await getCircleForPrint(s.context.db, circleId, { includeCoordinatorOnly: true }))!
    expect(coordinatorSheet.requests.map((r) => r.body)).toContain('Private health matter')
    const list = await call(s, 'prayerCircles.list', {})
    expect(list.find((c) => 'name' in c && c.name === 'Tuesday circle')?.openRequestCount).toBe(1)
  })

  it('gives the print module a schedule grid with names and counts', async () => {
    const circle = await call(s, 'prayerCircles.get', { circleId })
    const vigil = circle.schedules.find((x) => x.title === 'Easter vigil')!
    const grid = (await getScheduleForPrint(s.context.db, vigil.id))!
    expect(grid.slots).toHaveLength(24)
    expect(grid.slots[0]!.assignments.map((a) => a.name)).toEqual(['Ben Brown', 'Sister Mary (visiting)'])
    expect(grid.counts.reduce((n, c) => n + c.count, 0)).toBe(47)
    expect(await getScheduleForPrint(s.context.db, 99_999)).toBeUndefined()
  })
})
