import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { filterPeople } from '../../db/members'
import { MemberFilterSchema, type PersonFieldsInput } from '../../main/contract/members'
import type { Channel, InputOf } from '../../main/contract'
import { call, callRecorded, testSession } from '../helpers/session'

let s: Awaited<ReturnType<typeof testSession>>
beforeEach(async () => {
  s = await testSession()
})
afterEach(() => s.close())


const ok = <C extends Channel>(channel: C, input: InputOf<C>) => call(s, channel, ...([input] as [InputOf<C>]))
const add = (p: PersonFieldsInput) => ok('members.create', p).then((r) => r.id)
const search = (filter: Record<string, unknown> = {}, sort: 'name' | 'first_name' | 'household' | 'status' | 'joined' | 'recent' = 'name') =>
  ok('members.search', { filter, sort })
const count = (table: string) => s.context.sqlite.prepare(`select count(*) from ${table}`).pluck().get() as number

describe('people', () => {
  it('creates a person with tags and skills and reads them back', async () => {
    const id = await add({
      firstName: ' José ',
      lastName: 'Álvarez',
      email: 'jose@example.org',
      mobilePhone: '(555) 0199',
      tags: ['Choir', 'choir', ' Youth  team '],
      skills: ['Can drive'],
      dietary: ['vegan', 'vegan'],
      birthday: '1980-02-29',
    })
    const p = await ok('members.get', { id })
    expect(p.firstName).toBe('José')
    expect(p.tags.sort()).toEqual(['Choir', 'Youth team'])
    expect(p.skills).toEqual(['Can drive'])
    expect(p.dietary).toEqual(['vegan'])
    expect(p.birthday).toBe('1980-02-29')
    expect(p.address).toBeNull()
  })

  it('finds "José" when searching "jose", by phone digits, by email and by tag', async () => {
    const jose = await add({ firstName: 'José', lastName: 'Álvarez', mobilePhone: '(555) 0199', email: 'jose@example.org', tags: ['Choir'] })
    await add({ firstName: 'Zoë', lastName: 'Smith' })
    for (const query of ['jose', 'JOSE alv', '555 01', '0199', 'example.org', 'choir']) {
      const found = await search({ query })
      expect(found.rows.map((r) => r.id), query).toEqual([jose])
    }
    expect((await search({ query: 'zoe' })).rows.map((r) => r.name)).toEqual(['Zoë Smith'])
  })

  it('updates a person, replacing tags and search text', async () => {
    const id = await add({ firstName: 'Ann', lastName: 'Lee', tags: ['Choir'] })
    await ok('members.update', { id, firstName: 'Anne', lastName: 'Lee', tags: ['Ushers'] })
    expect((await search({ query: 'choir' })).total).toBe(0)
    expect((await search({ query: 'ushers anne' })).rows.map((r) => r.id)).toEqual([id])
  })

  it('filters by status, tags, skills and dietary needs, and filterPeople sorts by last then first name', async () => {
    const a = await add({ firstName: 'Bea', lastName: 'Okafor', status: 'member', tags: ['Choir'], skills: ['Can cook'], dietary: ['halal'] })
    const b = await add({ firstName: 'Al', lastName: 'Okafor', status: 'visitor', tags: ['choir'] })
    const c = await add({ firstName: 'Cy', lastName: 'Adams', status: 'member' })
    expect(await filterPeople(s.context.db, MemberFilterSchema.parse({}))).toEqual([c, b, a])
    expect(await filterPeople(s.context.db, MemberFilterSchema.parse({ statuses: ['member'] }))).toEqual([c, a])
    expect(await filterPeople(s.context.db, MemberFilterSchema.parse({ tags: ['CHOIR'] }))).toEqual([b, a])
    expect(await filterPeople(s.context.db, MemberFilterSchema.parse({ tags: ['Choir'], skills: ['Can cook'] }))).toEqual([a])
    expect(await filterPeople(s.context.db, MemberFilterSchema.parse({ dietary: ['halal'] }))).toEqual([a])
    expect(await filterPeople(s.context.db, MemberFilterSchema.parse({ query: 'okafor', statuses: ['visitor'] }))).toEqual([b])
  })

  it('rejects an email that is not one and a birthday in the future, writing nothing', async () => {
    const before = count('people')
    const r = await s.registry.dispatch('members.create', { firstName: 'Ann', lastName: 'Lee', email: 'ann-at-home', birthday: '2999-01-01' })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('invalid_input')
    expect(r.error.fields?.email).toBe("That doesn't look like an email address.")
    expect(r.error.fields?.birthday).toBe('A birthday cannot be in the future.')
    const blank = await s.registry.dispatch('members.create', { firstName: '  ', lastName: 'Lee' })
    expect(blank.ok || blank.error.fields?.firstName).toBe('Please give a first name.')
    expect(count('people')).toBe(before)
  })
})

describe('archive, delete and undo', () => {
  it('archives out of the default list and back', async () => {
    const id = await add({ firstName: 'Ann', lastName: 'Lee' })
    await ok('members.archive', { id })
    expect((await search()).total).toBe(0)
    expect((await search({ includeArchived: true })).rows.map((r) => r.id)).toEqual([id])
    await ok('members.unarchive', { id })
    expect((await search()).total).toBe(1)
  })

  it('deletes a person with everything that hangs off them and undoes it exactly, in other areas\' tables too', async () => {
    const sqlite = s.context.sqlite
    // Stand-ins for other areas' tables: one whose rows go with the person (and have rows of their own), one that
    // only loses its link.
    sqlite.exec(`
      create table t_signup (id integer primary key, person_id integer not null references people(id) on delete cascade, what text not null) strict;
      create table t_signup_note (id integer primary key, signup_id integer not null references t_signup(id) on delete cascade, body text not null) strict;
      create table t_train (id integer primary key, recipient_person_id integer references people(id) on delete set null, name text not null) strict;
    `)
    const hh = await ok('households.create', { displayName: 'The Lee Family' })
    const id = await add({ firstName: 'Ann', lastName: 'Lee', householdId: hh.id, householdRole: 'head', tags: ['Choir'] })
    const other = await add({ firstName: 'Bo', lastName: 'Lee' })
    await ok('members.addNote', { personId: id, body: 'Private matter', confidential: true })
    await ok('members.addBlackout', { personId: id, startsOn: '2026-06-03', endsOn: '2026-06-17', note: 'Away' })
    sqlite.prepare(`insert into t_signup (id, person_id, what) values (7, ?, 'Lasagne')`).run(id)
    sqlite.prepare(`insert into t_signup_note (signup_id, body) values (7, 'no nuts')`).run()
    sqlite.prepare(`insert into t_signup (person_id, what) values (?, 'Soup')`).run(other)
    sqlite.prepare(`insert into t_train (recipient_person_id, name) values (?, 'For Ann')`).run(id)

    const check = await ok(
      'members.deleteCheck',
      { id },
    )
    expect(check.canDelete).toBe(true)
    expect(check.headOf).toBe('The Lee Family')
    expect(check.references).toEqual(
      expect.arrayContaining([
        { table: 'person_notes', label: 'note', count: 1, effect: 'removed' },
        { table: 't_signup', label: 't signup', count: 1, effect: 'removed' },
        { table: 't_train', label: 't train', count: 1, effect: 'unlinked' },
      ]),
    )

    const dump = () =>
      ['people', 'person_tags', 'person_notes', 'person_blackouts', 't_signup', 't_signup_note', 't_train'].map((t) =>
        sqlite.prepare(`select * from ${t} order by 1, 2`).all(),
      )
    const before = dump()
    const { change } = await callRecorded(s, 'members.delete', { id })
    expect(change).toMatchObject({ summary: 'Deleted Ann Lee', destructive: true })
    expect(count('t_signup_note')).toBe(0)
    expect(sqlite.prepare('select recipient_person_id from t_train').pluck().get()).toBeNull()
    expect(count('people')).toBe(1)
    await ok('history.undo', { changeId: change.id })
    expect(dump()).toEqual(before)
    expect(sqlite.pragma('foreign_key_check')).toEqual([])
    const again = await s.registry.dispatch('history.undo', { changeId: change.id })
    expect(again.ok || again.error.message).toBe('That change has already been undone.')
  })

  it('refuses a delete that another table forbids, with a plain message, and changes nothing', async () => {
    s.context.sqlite.exec(`create table t_rota (id integer primary key, person_id integer not null references people(id)) strict`)
    const id = await add({ firstName: 'Ann', lastName: 'Lee' })
    s.context.sqlite.prepare('insert into t_rota (person_id) values (?)').run(id)
    const r = await s.registry.dispatch('members.delete', { id })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toBe('Ann Lee cannot be deleted while they have: t rota. You can archive them instead.')
    expect(count('people')).toBe(1)
  })
})

describe('notes and blackouts', () => {
  it('keeps confidential notes out of search matching and list rows, but shows them marked in the detail', async () => {
    const id = await add({ firstName: 'Ann', lastName: 'Lee' })
    await ok('members.addNote', { personId: id, body: 'Bereavement xylophone', confidential: true })
    await ok('members.addNote', { personId: id, body: 'Likes gardening', confidential: false })
    expect((await search({ query: 'xylophone' })).total).toBe(0)
    expect((await search({ query: 'gardening' })).total).toBe(0)
    const page = await s.registry.dispatch('members.search', { filter: {} })
    expect(JSON.stringify(page)).not.toContain('xylophone')
    const households = await s.registry.dispatch('households.search', { filter: {} })
    expect(JSON.stringify(households)).not.toContain('xylophone')
    const detail = await ok('members.get', { id })
    expect(detail.notes.map((n) => [n.body, n.confidential]).sort()).toEqual([
      ['Bereavement xylophone', true],
      ['Likes gardening', false],
    ])
  })

  it('edits and deletes notes', async () => {
    const id = await add({ firstName: 'Ann', lastName: 'Lee' })
    const note = await ok('members.addNote', { personId: id, body: 'First', confidential: false })
    const edited = await ok('members.editNote', { id: note.id, body: 'Second', confidential: true })
    expect(edited).toMatchObject({ body: 'Second', confidential: true })
    await ok('members.deleteNote', { id: note.id })
    expect(count('person_notes')).toBe(0)
  })

  it('rejects a blackout that ends before it starts, writing nothing', async () => {
    const id = await add({ firstName: 'Ann', lastName: 'Lee' })
    const r = await s.registry.dispatch('members.addBlackout', { personId: id, startsOn: '2026-06-17', endsOn: '2026-06-03' })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.fields?.endsOn).toBe('The last day away cannot be before the first.')
    const leap = await ok('members.addBlackout', { personId: id, startsOn: '2028-02-29', endsOn: '2028-03-01' })
    expect(leap).toMatchObject({ startsOn: '2028-02-29', endsOn: '2028-03-01' })
    const bad = await s.registry.dispatch('members.addBlackout', { personId: id, startsOn: '2027-02-29', endsOn: '2027-03-01' })
    expect(bad.ok).toBe(false)
    expect(count('person_blackouts')).toBe(1)
  })
})

describe('households', () => {
  it('groups people into households with roles and suggests an envelope name', async () => {
    const hh = await ok('households.create', { displayName: 'Smiths', address: { line1: '1 High St', city: 'Leeds' }, homePhone: '0113 496 0000' })
    const john = await add({ firstName: 'John', lastName: 'Smith' })
    const jane = await add({ firstName: 'Jane', lastName: 'Smith' })
    const kid = await add({ firstName: 'Tim', lastName: 'Smith' })
    const loner = await add({ firstName: 'Ann', lastName: 'Lee' })
    const couple = await ok('households.setMembers', {
      id: hh.id,
      members: [
        { personId: jane, role: 'spouse' },
        { personId: john, role: 'head' },
      ],
    })
    expect(couple.suggestedName).toBe('John & Jane Smith')
    expect(couple.members.map((m) => m.id)).toEqual([john, jane])
    const family = await ok('households.setMembers', {
      id: hh.id,
      members: [
        { personId: john, role: 'head' },
        { personId: jane, role: 'spouse' },
        { personId: kid, role: 'child' },
      ],
    })
    expect(family.suggestedName).toBe('The Smith Family')

    const page = await ok('households.search', { filter: {} })
    expect(page.total).toBe(1)
    expect(page.rows[0]).toMatchObject({ displayName: 'Smiths', address: '1 High St, Leeds' })
    expect(page.rows[0]?.members.map((m) => m.name)).toEqual(['John Smith', 'Jane Smith', 'Tim Smith'])
    const byTim = await ok('households.search', { filter: { query: 'tim' } })
    expect(byTim.rows[0]?.members.map((m) => m.name)).toEqual(['Tim Smith'])

    const rows = (await search({}, 'household')).rows
    expect(rows.map((r) => r.id)).toEqual([john, jane, kid, loner])
    expect(rows[0]?.householdName).toBe('Smiths')

    await ok('households.setMembers', { id: hh.id, members: [{ personId: john, role: 'head' }] })
    const detail = await ok('households.get', { id: hh.id })
    expect(detail.members).toHaveLength(1)
    expect(detail.suggestedName).toBe('John Smith')
    expect((await ok('members.get', { id: jane })).household).toBeNull()
  })

  it('refuses two heads and a household that does not exist, writing nothing', async () => {
    const hh = await ok('households.create', { displayName: 'Smiths' })
    const a = await add({ firstName: 'A', lastName: 'Smith' })
    const b = await add({ firstName: 'B', lastName: 'Smith' })
    const r = await s.registry.dispatch('households.setMembers', {
      id: hh.id,
      members: [
        { personId: a, role: 'head' },
        { personId: b, role: 'head' },
      ],
    })
    expect(r.ok || r.error.message).toBe('A household can have only one head. Choose another role for the others.')
    const missing = await s.registry.dispatch('members.create', { firstName: 'C', lastName: 'Smith', householdId: 999 })
    expect(missing.ok || missing.error.code).toBe('invalid_input')
    expect(count('people')).toBe(2)
    expect(s.context.sqlite.prepare('select count(*) from people where household_id is not null').pluck().get()).toBe(0)
  })
})

describe('other areas in the detail pane and the delete check', () => {
  it('lists a meal-train sign-up in the person\'s detail, counts it before a delete, and undo brings it back', async () => {
    const { congregationDay } = await import('../../main/common/read-settings')
    const { today } = await congregationDay(s.context)
    const later = new Date(`${today}T00:00:00Z`)
    later.setUTCDate(later.getUTCDate() + 6)
    const endsOn = later.toISOString().slice(0, 10)
    const cook = await add({ firstName: 'Bea', lastName: 'Okafor' })
    const train = await ok('mealTrains.create', {
      recipientName: 'The Lee family',
      startsOn: today,
      endsOn,
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      meals: [{ meal: 'dinner', from: '17:00', to: '18:30' }],
    })
    await ok('mealTrains.signUp', { trainId: train.id, date: endsOn, meal: 'dinner', volunteer: { personId: cook }, dish: 'Lasagne' })

    const detail = await ok('members.get', { id: cook })
    expect(detail.commitments).toEqual([expect.objectContaining({ kind: 'meal', date: endsOn, ref: expect.objectContaining({ area: 'meal-trains' }) })])

    const check = await ok('members.deleteCheck', { id: cook })
    expect(check.references.find((r) => r.label === 'meal-train sign-up')?.count).toBe(1)
    const { change } = await callRecorded(s, 'members.delete', { id: cook })
    await ok('history.undo', { changeId: change.id })
    const back = await ok('members.get', { id: cook })
    expect(back.commitments).toHaveLength(1)
  })
})

describe('paging and sort keys', () => {
  it('pages through a sorted list with the total of all matches', async () => {
    for (const last of ['Evans', 'álvarez', 'Brown', 'davies', 'Cole']) await add({ firstName: 'A', lastName: last })
    const page = await ok('members.search', { filter: {}, sort: 'name', offset: 2, limit: 2 })
    expect(page.total).toBe(5)
    expect(page.offset).toBe(2)
    expect(page.rows.map((r) => r.lastName)).toEqual(['Cole', 'davies'])
  })

  it('gives a person written by another writer without a sort key a plain lower-case one', async () => {
    s.context.sqlite.prepare(`insert into people (first_name, last_name, updated_at) values ('Ann', 'Zed', '2026-01-01T00:00:00Z')`).run()
    expect(s.context.sqlite.prepare('select sort_key from people').pluck().get()).toBe('zed\u001fann')
    const id = await add({ firstName: 'Émile', lastName: 'Ábel' })
    expect(s.context.sqlite.prepare('select sort_key from people where id = ?').pluck().get(id)).toBe('abel\u001femile')
  })
})
