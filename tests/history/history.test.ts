import { beforeEach, describe, expect, it } from 'vitest'
import { pruneHistory } from '../../db/history'
import type { Channel, InputOf } from '../../main/contract'
import { call, callRecorded, testSession } from '../helpers/session'
import { trainFields } from '../meal-trains/fixtures'

type S = Awaited<ReturnType<typeof testSession>>
let s: S

beforeEach(async () => {
  s = await testSession()
  await call(s, 'settings.update', { timeZone: 'Europe/London' })
  return () => s.close()
})

const refusal = async <C extends Channel>(channel: C, input: InputOf<C>) => {
  const r = await s.registry.dispatch(channel, input)
  if (r.ok) throw new Error(`${channel} was expected to be refused`)
  return r.error.message
}
const undo = (changeId: number) => call(s, 'history.undo', { changeId })
/** Everything the history holds, as text: what a snooping copy of the file would show. */
const storedHistory = () => (s.context.sqlite.prepare(`select group_concat(coalesce(before, '') || coalesce(after, ''), ' ') from history_rows`).pluck().get() as string | null) ?? ''

async function person(firstName: string, lastName = 'Okafor') {
  return (await call(s, 'members.create', { firstName, lastName })).id
}

describe('every write is one change in the history, in plain words', () => {
  it('describes a cancelled sign-up as the volunteer would say it, newest first, and files it under the train and the person', async () => {
    const cook = await person('Bea', 'Mensah')
    const train = await call(s, 'mealTrains.create', trainFields())
    const { id } = await call(s, 'mealTrains.signUp', { trainId: train.id, date: '2026-03-04', meal: 'dinner', volunteer: { personId: cook }, dish: 'Stew' })
    const { change } = await callRecorded(s, 'mealTrains.setSignupState', { signupId: id, state: 'cancelled' })
    expect(change).toMatchObject({ summary: 'Cancelled the dinner signed up for 4 Mar', destructive: true })

    const { entries } = await call(s, 'history.list', {})
    expect(entries.map((e) => e.summary)).toEqual([
      'Cancelled the dinner signed up for 4 Mar',
      'Bea Mensah signed up for the dinner on 4 Mar',
      'Started a meal train for The Okafor family',
      'Added Bea Mensah',
      'Changed the settings',
    ])
    const byTrain = await call(s, 'history.list', { subject: { kind: 'train', id: train.id } })
    expect(byTrain.entries.map((e) => e.summary)).toEqual(entries.slice(0, 3).map((e) => e.summary))
    const byPerson = await call(s, 'history.list', { subject: { kind: 'person', id: cook } })
    expect(byPerson.entries.map((e) => e.summary)).toEqual(['Cancelled the dinner signed up for 4 Mar', 'Bea Mensah signed up for the dinner on 4 Mar', 'Added Bea Mensah'])
    expect(await call(s, 'history.subjects', {})).toEqual([
      { kind: 'person', id: cook, label: 'Bea Mensah' },
      { kind: 'train', id: train.id, label: 'Meals for The Okafor family' },
    ])
  })

  it('names a care calendar by its kind, and says it in the language chosen when the change was made', async () => {
    const ride = trainFields({ kind: 'rides', recipientName: 'Ann Abbott', startsOn: '2026-03-16', endsOn: '2026-03-22', meals: [{ meal: 'breakfast', from: '09:00', to: '12:00' }], ridePickup: '4 Mill Lane', rideDestination: 'Renal unit' })
    const rides = await call(s, 'mealTrains.create', ride)
    await call(s, 'mealTrains.signUp', { trainId: rides.id, date: '2026-03-17', meal: 'breakfast', volunteer: { name: 'Dev Patel' } })
    await call(s, 'settings.update', { language: 'de' })
    const visits = await call(s, 'mealTrains.create', trainFields({ kind: 'visits', recipientName: 'Carl Cole', startsOn: '2026-03-16', endsOn: '2026-03-22', meals: [{ meal: 'lunch', from: '14:00', to: '15:00' }] }))
    const { id } = await call(s, 'mealTrains.signUp', { trainId: visits.id, date: '2026-03-18', meal: 'lunch', volunteer: { name: 'Ewa Nowak' } })
    await call(s, 'mealTrains.setSignupState', { signupId: id, state: 'cancelled' })
    await call(s, 'mealTrains.archive', { id: rides.id, clearHealthDetails: false })

    const { entries } = await call(s, 'history.list', { kind: 'train' })
    expect(entries.map((e) => e.summary)).toEqual([
      'Fahrdienstkalender für Ann Abbott archiviert',
      'Abgesagt: Besuch (Nachmittag) am 18. März',
      'Ewa Nowak eingetragen: Besuch (Nachmittag) am 18. März',
      'Besuchskalender für Carl Cole angelegt',
      'Dev Patel signed up for the ride (morning) on 17 Mar',
      'Started a ride calendar for Ann Abbott',
    ])
    expect(JSON.stringify(entries)).not.toMatch(/meal train|dinner|breakfast/i)
    expect((await call(s, 'history.subjects', {})).map((x) => x.label)).toEqual(['Besuche für Carl Cole', 'Fahrten für Ann Abbott'])
  })

  it('records nothing for reads and refused writes', async () => {
    const before = (await call(s, 'history.list', {})).total
    await call(s, 'members.search', {})
    await refusal('members.deleteNote', { id: 99 })
    await refusal('members.create', { firstName: '', lastName: 'X' })
    expect((await call(s, 'history.list', {})).total).toBe(before)
  })
})

describe('undo of each kind of destructive action', () => {
  it('puts back a cancelled sign-up, and refuses once the slot was given to someone else', async () => {
    const train = await call(s, 'mealTrains.create', trainFields())
    const first = await call(s, 'mealTrains.signUp', { trainId: train.id, date: '2026-03-04', meal: 'dinner', volunteer: { name: 'Kim' }, dish: 'Stew' })
    const { change } = await callRecorded(s, 'mealTrains.setSignupState', { signupId: first.id, state: 'cancelled' })
    expect(await undo(change.id)).toEqual({ changeId: change.id, summary: 'Cancelled the dinner signed up for 4 Mar', keptCleared: false })
    expect((await call(s, 'mealTrains.get', { id: train.id })).slots.find((x) => x.date === '2026-03-04')?.signup?.volunteerName).toBe('Kim')
    expect((await call(s, 'history.list', {})).entries[0]).toMatchObject({ summary: 'Undid “Cancelled the dinner signed up for 4 Mar”', undoOf: change.id })

    const again = await callRecorded(s, 'mealTrains.setSignupState', { signupId: first.id, state: 'cancelled' })
    await call(s, 'mealTrains.signUp', { trainId: train.id, date: '2026-03-04', meal: 'dinner', volunteer: { name: 'Lee' }, dish: 'Soup' })
    expect(await refusal('history.undo', { changeId: again.change.id })).toMatch(/^That cannot be undone, because something it belonged to was removed since, or its place was taken/)
    expect((await call(s, 'mealTrains.get', { id: train.id })).slots.find((x) => x.date === '2026-03-04')?.signup?.volunteerName).toBe('Lee')
  })

  it('refuses an undo when the record changed since, naming the later change, and changes nothing', async () => {
    const id = await person('Ada')
    const note = await call(s, 'members.addNote', { personId: id, body: 'Likes visits', confidential: false })
    const added = (await call(s, 'history.list', {})).entries[0]!
    await call(s, 'members.editNote', { id: note.id, body: 'Likes visits on Sundays', confidential: false })
    expect(await refusal('history.undo', { changeId: added.id })).toBe(
      'That cannot be undone, because what it changed was changed again since (“Edited a note about Ada Okafor”). Undo that later change first. Nothing was changed.',
    )
    expect((await call(s, 'members.get', { id })).notes.map((n) => n.body)).toEqual(['Likes visits on Sundays'])
    expect(await refusal('history.undo', { changeId: 9999 })).toBe('That change is no longer in the history, so it cannot be undone.')
  })

  it('brings back a deleted note, time away, a household member, an archived train and a deleted person', async () => {
    const home = await call(s, 'households.create', { displayName: 'The Okafor family' })
    const ada = (await call(s, 'members.create', { firstName: 'Ada', lastName: 'Okafor', householdId: home.id, householdRole: 'head' })).id
    const sam = (await call(s, 'members.create', { firstName: 'Sam', lastName: 'Okafor', householdId: home.id, householdRole: 'spouse' })).id
    const note = await call(s, 'members.addNote', { personId: ada, body: 'Ask about her mother', confidential: false })
    const away = await call(s, 'members.addBlackout', { personId: ada, startsOn: '2026-06-01', endsOn: '2026-06-14', note: 'Holiday' })
    const train = await call(s, 'mealTrains.create', trainFields({ recipientPersonId: ada, recipientHouseholdId: home.id, reason: 'Surgery' }))
    const snapshot = () => s.context.sqlite.prepare(`select (select json_group_array(json_object('id', id, 'hh', household_id, 'role', household_role)) from people) as people, (select count(*) from person_notes) as notes, (select count(*) from person_blackouts) as away, (select status from meal_trains) as train`).get()
    const start = snapshot()

    const cases: [string, () => Promise<{ change: { id: number; summary: string; destructive: boolean } }>][] = [
      ['Deleted a note about Ada Okafor', () => callRecorded(s, 'members.deleteNote', { id: note.id })],
      ['Removed time away for Ada Okafor (1 Jun to 14 Jun)', () => callRecorded(s, 'members.removeBlackout', { id: away.id })],
      ['Took Sam Okafor out of The Okafor family', () => callRecorded(s, 'households.setMembers', { id: home.id, members: [{ personId: ada, role: 'head' }] })],
      ['Archived the meal train for The Okafor family', () => callRecorded(s, 'mealTrains.archive', { id: train.id, clearHealthDetails: false })],
      ['Deleted Sam Okafor', () => callRecorded(s, 'members.delete', { id: sam })],
    ]
    for (const [summary, act] of cases) {
      const { change } = await act()
      expect(change.summary).toBe(summary)
      await undo(change.id)
      expect(snapshot(), summary).toEqual(start)
    }
  })

  it('brings back a prayer circle member, a prayer slot taken and a coordinator-only request', async () => {
    const ada = await person('Ada')
    const circle = await call(s, 'prayerCircles.create', { name: 'Tuesday circle', memberIds: [ada] })
    const vigil = await call(s, 'prayerCircles.createVigil', { circleId: circle.id, title: 'Vigil', startDate: '2026-04-01', startTime: '20:00', hours: 2, slotMinutes: 60, minPeople: 1, perPersonLimit: null })
    const slot = (await call(s, 'prayerCircles.schedule', { scheduleId: vigil.id })).slots[0]!
    const taken = await call(s, 'prayerCircles.assign', { slotId: slot.id, personId: ada })
    const request = await call(s, 'prayerCircles.addRequest', { circleId: circle.id, body: 'For the Lees, privately', confidentiality: 'coordinator' })
    const detail = () => call(s, 'prayerCircles.get', { circleId: circle.id, includeCoordinatorOnly: true })
    const start = JSON.stringify(await detail())
    const schedule = JSON.stringify(await call(s, 'prayerCircles.schedule', { scheduleId: vigil.id }))

    for (const [summary, act] of [
      ['Removed Ada Okafor from the prayer time on 1 Apr', () => callRecorded(s, 'prayerCircles.unassign', { assignmentId: taken.id })],
      ['Deleted a prayer request from Tuesday circle', () => callRecorded(s, 'prayerCircles.deleteRequest', { requestId: request.id })],
      ['Removed Ada Okafor from Tuesday circle', () => callRecorded(s, 'prayerCircles.removeMember', { circleId: circle.id, personId: ada })],
    ] as const) {
      const { change } = await act()
      expect(change).toMatchObject({ summary, destructive: true })
      await undo(change.id)
      expect(JSON.stringify(await detail()), summary).toBe(start)
      expect(JSON.stringify(await call(s, 'prayerCircles.schedule', { scheduleId: vigil.id })), summary).toBe(schedule)
    }
  })
})

describe('the history keeps private things private', () => {
  it('deleting a confidential note erases its earlier versions at once, and its own copy once the hour for undo is over', async () => {
    const ada = await person('Ada')
    const note = await call(s, 'members.addNote', { personId: ada, body: 'First draft of a private matter', confidential: true })
    await call(s, 'members.editNote', { id: note.id, body: 'A private matter', confidential: true })
    const { change } = await callRecorded(s, 'members.deleteNote', { id: note.id })
    expect(change).toMatchObject({ summary: 'Deleted a confidential note about Ada Okafor', destructive: true })
    expect(storedHistory()).not.toContain('First draft')
    expect(storedHistory()).toContain('A private matter')
    expect((await call(s, 'history.list', {})).entries.map((e) => e.summary).join(' ')).not.toContain('private matter')

    await undo(change.id)
    expect((await call(s, 'members.get', { id: ada })).notes.map((n) => n.body)).toEqual(['A private matter'])
    const second = await callRecorded(s, 'members.deleteNote', { id: note.id })
    pruneHistory(s.context.sqlite, 90, new Date(Date.now() + 2 * 3_600_000))
    expect(storedHistory()).not.toContain('private matter')
    expect(await refusal('history.undo', { changeId: second.change.id })).toMatch(/^That change cannot be undone: the private details it cleared or deleted .* were erased for privacy and cannot be brought back\./)
  })

  it('clearing health details when archiving a train clears them from every earlier change too; undo brings the train back without them', async () => {
    const train = await call(s, 'mealTrains.create', trainFields({ reason: 'Chemotherapy', dietary: ['gluten_free'], dietaryNotes: 'Coeliac, very sensitive' }))
    await call(s, 'mealTrains.update', { id: train.id, fields: trainFields({ reason: 'Chemotherapy, second round', dietary: ['gluten_free'], dietaryNotes: 'Coeliac, very sensitive' }) })
    expect(storedHistory()).toContain('Chemotherapy')
    const { change } = await callRecorded(s, 'mealTrains.archive', { id: train.id, clearHealthDetails: true })
    expect(change.destructive).toBe(false)
    expect(storedHistory()).not.toContain('Chemotherapy')
    expect(storedHistory()).not.toContain('Coeliac')
    expect(storedHistory()).not.toContain('gluten_free')
    expect(await call(s, 'history.undo', { changeId: change.id })).toMatchObject({ keptCleared: true })
    expect(storedHistory()).not.toContain('Chemotherapy')
  })
})

describe('keeping the history', () => {
  it('drops changes older than the setting (90 days unless changed) when pruning', async () => {
    expect((await call(s, 'settings.get', {})).historyDays).toBe(90)
    await person('Ada')
    await person('Sam')
    const [sam, ada] = (await call(s, 'history.list', {})).entries
    s.context.sqlite.prepare('update history_changes set at = ? where id = ?').run(new Date(Date.now() - 100 * 86_400_000).toISOString(), ada!.id)
    s.context.sqlite.prepare('update history_changes set at = ? where id = ?').run(new Date(Date.now() - 20 * 86_400_000).toISOString(), sam!.id)
    expect(pruneHistory(s.context.sqlite, 90).dropped).toBe(1)
    expect((await call(s, 'history.list', {})).entries.map((e) => e.summary)).toEqual(['Added Sam Okafor', 'Changed the settings'])
    expect(s.context.sqlite.prepare('select count(*) from history_rows where change_id = ?').pluck().get(ada!.id)).toBe(0)

    await call(s, 'settings.update', { historyDays: 14 })
    expect(pruneHistory(s.context.sqlite, (await call(s, 'settings.get', {})).historyDays).dropped).toBe(1)
    expect(await refusal('settings.update', { historyDays: 3 })).toBe('Keep at least 7 days of history.')
  })
})

describe('undo never takes more than its change', () => {
  it('refuses to undo adding a person who has notes written since, and keeps both', async () => {
    const { change } = await callRecorded(s, 'members.create', { firstName: 'Ada', lastName: 'Okafor' })
    await call(s, 'members.addNote', { personId: (await call(s, 'members.search', {})).rows[0]!.id, body: 'Visited', confidential: false })
    expect(await refusal('history.undo', { changeId: change.id })).toBe(
      'That cannot be undone, because other things were added to it since (such as notes, sign-ups or prayer times). Nothing was changed.',
    )
    expect(s.context.sqlite.prepare('select count(*) from person_notes').pluck().get()).toBe(1)
    expect((await call(s, 'history.list', {})).entries[0]!.summary).toBe('Added a note about Ada Okafor')
  })
})
