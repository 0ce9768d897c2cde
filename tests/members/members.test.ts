import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { filterPeople } from '../../db/members'
import { MemberFilterSchema, type PersonFieldsInput } from '../../main/contract/members'
import { testSession } from '../helpers/session'

let s: Awaited<ReturnType<typeof testSession>>
beforeEach(async () => {
  s = await testSession()
})
afterEach(() => s.close())

async function ok<T>(channel: string, input: unknown): Promise<T> {
  const r = await s.registry.dispatch(channel, input)
  if (!r.ok) throw new Error(`${channel} failed: ${r.error.message} ${JSON.stringify(r.error.fields)}`)
  return r.value as T
}

const add = (p: PersonFieldsInput) => ok<{ id: number }>('members.create', p).then((r) => r.id)
const search = (filter: Record<string, unknown> = {}, sort = 'name') =>
  ok<{ total: number; rows: { id: number; name: string; tags: string[]; householdName: string | null }[] }>('members.search', { filter, sort })
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
    const p = await ok<{ firstName: string; tags: string[]; skills: string[]; dietary: string[]; birthday: string; address: unknown }>('members.get', { id })
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
