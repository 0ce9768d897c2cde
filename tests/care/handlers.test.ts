import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call, callRecorded, testSession } from '../helpers/session'
import { addBlackout, addPerson, trainFields } from '../meal-trains/fixtures'

let s: Awaited<ReturnType<typeof testSession>>
beforeEach(async () => {
  s = await testSession()
})
afterEach(() => s.close())

const historyText = () => (s.context.sqlite.prepare(`select group_concat(coalesce(before, '') || coalesce(after, ''), ' ') from history_rows`).pluck().get() as string | null) ?? ''

describe('offers', () => {
  it('records, lists, finds by folded words, edits and closes an offer', async () => {
    const { personId } = await addPerson(s.context.db, { first: 'José', last: 'Núñez', phone: '07700 900123' })
    const { id } = await call(s, 'care.createOffer', { personId, title: 'Drives on weekday mornings', kinds: ['rides', 'errands'], weekdays: [1, 2, 3, 4, 5], from: '08:00', to: '12:00' })
    expect(await call(s, 'care.listOffers', {})).toEqual([
      { id, personId, personName: 'José Núñez', phone: '07700 900123', title: 'Drives on weekday mornings', kinds: ['rides', 'errands'], weekdays: [1, 2, 3, 4, 5], from: '08:00', to: '12:00', notes: null, closed: false },
    ])
    expect(await call(s, 'care.listOffers', { query: 'nunez MORNING' })).toHaveLength(1)
    expect(await call(s, 'care.listOffers', { query: 'errands and shopping' })).toHaveLength(1)
    expect(await call(s, 'care.listOffers', { query: 'cot' })).toHaveLength(0)
    await call(s, 'care.updateOffer', { id, fields: { personId, title: 'Can lend a cot', kinds: ['other'] } })
    expect((await call(s, 'care.listOffers', { query: 'cot' }))[0]).toMatchObject({ kinds: ['other'], weekdays: [1, 2, 3, 4, 5, 6, 7], from: null })
    await call(s, 'care.closeOffer', { id })
    expect(await call(s, 'care.listOffers', {})).toEqual([])
    expect(await call(s, 'care.listOffers', { includeClosed: true })).toMatchObject([{ id, closed: true }])
  })

  it('refuses bad input with plain words and keeps nothing half-saved', async () => {
    const { personId } = await addPerson(s.context.db, { first: 'Ana', last: 'Diaz' })
    const bad = async (input: object) => {
      const r = await s.registry.dispatch('care.createOffer', input)
      if (r.ok) throw new Error('accepted')
      return r.error
    }
    expect((await bad({ personId, title: '  ', kinds: ['rides'] })).fields).toMatchObject({ title: 'Please say what they offer.' })
    expect((await bad({ personId, title: 'Drives', kinds: [] })).fields).toMatchObject({ kinds: 'Choose at least one kind of help.' })
    expect((await bad({ personId, title: 'Drives', kinds: ['rides'], from: '10:00' })).fields).toMatchObject({ to: 'Give both times, or neither.' })
    expect((await bad({ personId, title: 'Drives', kinds: ['rides'], from: '10:00', to: '09:00' })).fields).toMatchObject({ to: 'The end must be after the start.' })
    expect((await bad({ personId: 999, title: 'Drives', kinds: ['rides'] })).message).toBe('That member is no longer in Hearth. Choose them again.')
    expect(s.context.sqlite.prepare('select count(*) from care_offers').pluck().get()).toBe(0)
  })
})

describe('asks', () => {
  it('records an ask, finds it by its words, and closing clears its words from the file and the history', async () => {
    const { personId, householdId } = await addPerson(s.context.db, { first: 'Ruth', last: 'Ng', household: 'The Ng household' })
    const { id } = await call(s, 'care.createAsk', { personId, householdId, recipientName: 'Ruth Ng', kind: 'rides', title: 'Needs a ride to dialysis Tuesdays', details: 'Renal unit, St James’s' })
    await call(s, 'care.updateAsk', { id, fields: { personId, householdId, recipientName: 'Ruth Ng', kind: 'rides', title: 'Needs a ride to dialysis on Tuesdays and Fridays', details: 'Renal unit' } })
    expect(await call(s, 'care.listAsks', { query: 'DIALYSIS' })).toMatchObject([{ id, recipientName: 'Ruth Ng', kind: 'rides', title: 'Needs a ride to dialysis on Tuesdays and Fridays', closedAt: null }])
    expect(await call(s, 'care.listAsks', { query: 'rides ruth' })).toHaveLength(1)
    expect(historyText()).toContain('dialysis')
    const summaries = s.context.sqlite.prepare('select summary from history_changes order by id').pluck().all() as string[]
    expect(summaries).toEqual(['Recorded an ask for help for Ruth Ng', 'Changed the ask for help for Ruth Ng'])

    const closed = await callRecorded(s, 'care.closeAsk', { id })
    expect(closed.change).toMatchObject({ summary: 'Closed the ask for help for Ruth Ng', destructive: false })
    expect(await call(s, 'care.listAsks', {})).toEqual([])
    expect(await call(s, 'care.listAsks', { includeClosed: true })).toMatchObject([{ id, recipientName: 'Ruth Ng', kind: 'rides', title: null, details: null }])
    expect(await call(s, 'care.listAsks', { query: 'dialysis', includeClosed: true })).toEqual([])
    expect(historyText()).not.toMatch(/dialysis|Renal/)
    // Undo cannot bring the words back: every change that held them has been erased.
    for (const changeId of s.context.sqlite.prepare('select id from history_changes').pluck().all() as number[]) {
      const r = await s.registry.dispatch('history.undo', { changeId })
      expect(r.ok || r.error.message).toMatch(/cleared|erased|can no longer|cannot/i)
    }
    expect(historyText()).not.toMatch(/dialysis|Renal/)
    const closedAgain = await s.registry.dispatch('care.updateAsk', { id, fields: { recipientName: 'Ruth Ng', kind: 'rides', title: 'Again' } })
    expect(closedAgain.ok || closedAgain.error.message).toBe('That ask is closed. Record a new one if help is needed again.')
  })

  it('links the care calendar made from an ask', async () => {
    const { id } = await call(s, 'care.createAsk', { recipientName: 'The Okafor family', kind: 'meals', title: 'Meals after the birth' })
    const train = await call(s, 'mealTrains.create', trainFields())
    await call(s, 'care.linkAsk', { id, trainId: train.id })
    expect((await call(s, 'care.listAsks', {}))[0]).toMatchObject({ id, trainId: train.id })
    const missing = await s.registry.dispatch('care.linkAsk', { id, trainId: 999 })
    expect(missing.ok || missing.error.message).toBe('That care calendar no longer exists.')
  })
})

describe('suggested helpers for an open slot', () => {
  it('suggests cooks and meal offers who are free, least asked first, and leaves out the away and the busy', async () => {
    const db = s.context.db
    const ana = await addPerson(db, { first: 'Ana', last: 'Diaz', skills: ['Can cook'] })
    const ben = await addPerson(db, { first: 'Ben', last: 'Cole' })
    const cy = await addPerson(db, { first: 'Cy', last: 'Ode', skills: ['cook'] })
    const dee = await addPerson(db, { first: 'Dee', last: 'Fry', skills: ['Cooking'] })
    const eve = await addPerson(db, { first: 'Eve', last: 'Gray', skills: ['Cooking'] })
    await addPerson(db, { first: 'Fay', last: 'Hall', skills: ['Driver'] })
    await call(s, 'care.createOffer', { personId: ben.personId, title: 'Bakes on Tuesdays', kinds: ['meals'], weekdays: [2] })
    await addBlackout(db, cy.personId, '2026-03-01', '2026-03-05', 'Visiting family')
    const train = await call(s, 'mealTrains.create', trainFields())
    // Dee holds a prayer meeting overlapping the dinner window on Tuesday; Eve one in the evening, after it.
    const circle = await call(s, 'prayerCircles.create', { name: 'Tuesday circle', leaderPersonId: dee.personId, memberIds: [] })
    for (const [personId, time] of [
      [dee.personId, '18:00'],
      [eve.personId, '19:00'],
    ] as const) {
      const meeting = await call(s, 'prayerCircles.createRecurring', {
        circleId: circle.id,
        kind: 'meeting',
        title: `Prayer at ${time}`,
        recurrence: { kind: 'weekly', weekdays: [2] },
        startDate: '2026-03-03',
        untilDate: '2026-03-03',
        time,
        durationMinutes: 60,
      })
      const slots = (await call(s, 'prayerCircles.schedule', { scheduleId: meeting.id })).slots
      await call(s, 'prayerCircles.assign', { slotId: slots[0]!.id, personId })
    }
    // Ana cooked on Monday, Eve prays on Tuesday: one duty each, so they follow Ben, Ana first as hers was longer ago.
    await call(s, 'mealTrains.signUp', { trainId: train.id, date: '2026-03-02', meal: 'dinner', volunteer: { personId: ana.personId } })

    const r = await call(s, 'care.suggestHelpers', { trainId: train.id, date: '2026-03-03', meal: 'dinner' })
    expect(r.kind).toBe('meals')
    expect(r.suggestions.map((x) => [x.name, x.fits, x.recentDuties])).toEqual([
      ['Ben Cole', [{ via: 'offer', title: 'Bakes on Tuesdays' }], 0],
      ['Ana Diaz', [{ via: 'skill', skill: 'Can cook' }], 1],
      ['Eve Gray', [{ via: 'skill', skill: 'Cooking' }], 1],
    ])
    expect(r.unavailable).toBe(2)
    // The offer is for Tuesdays only.
    const wed = await call(s, 'care.suggestHelpers', { trainId: train.id, date: '2026-03-04', meal: 'dinner' })
    expect(wed.suggestions.map((x) => x.name)).toEqual(['Ana Diaz', 'Dee Fry', 'Eve Gray'])
    // Taking a suggestion is the ordinary one-step sign-up; that person is then busy at that time on that day.
    await call(s, 'mealTrains.signUp', { trainId: train.id, date: '2026-03-04', meal: 'dinner', volunteer: { personId: dee.personId } })
    const other = await call(s, 'mealTrains.create', trainFields({ recipientName: 'The Ng household' }))
    expect((await call(s, 'care.suggestHelpers', { trainId: other.id, date: '2026-03-04', meal: 'dinner' })).suggestions.map((x) => x.name)).toEqual(['Ana Diaz', 'Eve Gray'])
    const missing = await s.registry.dispatch('care.suggestHelpers', { trainId: train.id, date: '2026-03-09', meal: 'dinner' })
    expect(missing.ok || missing.error.message).toBe('This calendar has no dinner on Monday 9 March.')
  })
})

describe('suggested helpers follow the calendar\'s kind', () => {
  it('offers drivers for a ride calendar, and counts a driven ride as a ride in who has helped lately', async () => {
    const db = s.context.db
    await addPerson(db, { first: 'Ana', last: 'Diaz', skills: ['Can cook'] })
    const fay = await addPerson(db, { first: 'Fay', last: 'Hall', skills: ['Driver'] })
    const rides = await call(
      s,
      'mealTrains.create',
      trainFields({ recipientName: 'Ruth Ng', kind: 'rides', ridePickup: '4 Mill Lane', rideDestination: 'Renal unit', rideAppointment: '09:30', meals: [{ meal: 'breakfast', from: '08:45', to: '12:30' }] }),
    )
    const r = await call(s, 'care.suggestHelpers', { trainId: rides.id, date: '2026-03-03', meal: 'breakfast' })
    expect(r.kind).toBe('rides')
    expect(r.suggestions.map((x) => [x.name, x.fits])).toEqual([['Fay Hall', [{ via: 'skill', skill: 'Driver' }]]])
    await call(s, 'mealTrains.signUp', { trainId: rides.id, date: '2026-03-03', meal: 'breakfast', volunteer: { personId: fay.personId } })
    const rows = await call(s, 'care.helpedLately', { from: '2026-03-01', to: '2026-03-07' })
    expect(rows.find((x) => x.name === 'Fay Hall')?.care).toEqual([{ kind: 'rides', count: 1 }])
  })
})

describe('who has helped lately', () => {
  it('counts meals and prayer duties of everyone current in the chosen period', async () => {
    const db = s.context.db
    const ana = await addPerson(db, { first: 'Ana', last: 'Diaz' })
    await addPerson(db, { first: 'Ben', last: 'Cole' })
    await addPerson(db, { first: 'Old', last: 'Friend', status: 'inactive' })
    const train = await call(s, 'mealTrains.create', trainFields())
    for (const date of ['2026-03-02', '2026-03-03', '2026-03-08']) await call(s, 'mealTrains.signUp', { trainId: train.id, date, meal: 'dinner', volunteer: { personId: ana.personId } })
    // A cancelled sign-up is no work done, and a write-in is not a member.
    const cancelled = await call(s, 'mealTrains.signUp', { trainId: train.id, date: '2026-03-05', meal: 'dinner', volunteer: { personId: ana.personId } })
    await call(s, 'mealTrains.setSignupState', { signupId: cancelled.id, state: 'cancelled' })
    await call(s, 'mealTrains.signUp', { trainId: train.id, date: '2026-03-06', meal: 'dinner', volunteer: { name: 'Jo Visitor' } })
    const circle = await call(s, 'prayerCircles.create', { name: 'Circle', leaderPersonId: ana.personId, memberIds: [] })
    const meeting = await call(s, 'prayerCircles.createRecurring', { circleId: circle.id, kind: 'meeting', title: 'Prayer', recurrence: { kind: 'weekly', weekdays: [3] }, startDate: '2026-03-04', untilDate: '2026-03-04', time: '19:00', durationMinutes: 60 })
    await call(s, 'prayerCircles.assign', { slotId: (await call(s, 'prayerCircles.schedule', { scheduleId: meeting.id })).slots[0]!.id, personId: ana.personId })

    const rows = await call(s, 'care.helpedLately', { from: '2026-03-01', to: '2026-03-07' })
    expect(rows.map((r) => [r.name, r.care, r.prayer, r.total, r.lastDate])).toEqual([
      ['Ana Diaz', [{ kind: 'meals', count: 2 }], 1, 3, '2026-03-04'],
      ['Ben Cole', [], 0, 0, null],
    ])
    const bad = await s.registry.dispatch('care.helpedLately', { from: '2026-03-07', to: '2026-03-01' })
    expect(bad.ok || bad.error.fields).toEqual({ to: 'The end must be on or after the start.' })
  })
})

describe('the words of an ask in the history', () => {
  const mentions = (word: string): number =>
    s.context.sqlite.prepare(`select count(*) from history_rows where tbl = 'care_asks' and (coalesce(before, '') || coalesce(after, '')) like ?`).pluck().get(`%${word}%`) as number

  it('leave every kept change once they are reworded, like a dietary note', async () => {
    const { value } = await callRecorded(s, 'care.createAsk', { recipientName: 'Ruth Ng', kind: 'rides', title: 'Ride to dialysis' })
    await call(s, 'care.updateAsk', { id: value.id, fields: { recipientName: 'Ruth Ng', kind: 'rides', title: 'Ride to the renal unit on Tuesdays' } })
    expect(mentions('dialysis')).toBe(0)
    expect(mentions('renal unit')).toBeGreaterThan(0)
  })

  it('of an ask removed by undoing its recording stay only in the delete, so that undo can be undone for a while', async () => {
    const { change } = await callRecorded(s, 'care.createAsk', { recipientName: 'Ruth Ng', kind: 'visits', title: 'Visit after chemotherapy' })
    await call(s, 'history.undo', { changeId: change.id })
    expect(s.context.sqlite.prepare(`select count(*) from care_asks where title like '%chemotherapy%'`).pluck().get()).toBe(0)
    expect(mentions('chemotherapy')).toBe(1)
  })
})
