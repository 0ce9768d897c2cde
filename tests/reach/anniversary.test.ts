import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { anniversariesIn } from '../../db/reach'
import { call, testSession } from '../helpers/session'

let s: Awaited<ReturnType<typeof testSession>>
beforeAll(async () => {
  s = await testSession()
})
afterAll(() => s?.close())

describe('wedding anniversary on a household', () => {
  it('is saved, read back, kept when the household is renamed, and listed for its month once someone lives there', async () => {
    const { id } = await call(s, 'households.create', { displayName: 'Kofi & Ama Mensah', anniversary: '1975-03-08' })
    expect((await call(s, 'households.get', { id })).anniversary).toBe('1975-03-08')
    expect(await anniversariesIn(s.context.db, 3)).toEqual([])
    const person = await call(s, 'members.create', { firstName: 'Kofi', lastName: 'Mensah' })
    await call(s, 'households.setMembers', { id, members: [{ personId: person.id, role: 'head' }] })
    expect(await anniversariesIn(s.context.db, 3)).toEqual([{ name: 'Kofi & Ama Mensah', date: '1975-03-08', people: [{ first_name: 'Kofi', last_name: 'Mensah', preferred_name: null }] }])
    const h = await call(s, 'households.get', { id })
    await call(s, 'households.update', { id, displayName: 'The Mensah Family', address: h.address, homePhone: h.homePhone, anniversary: h.anniversary })
    expect((await call(s, 'households.get', { id })).anniversary).toBe('1975-03-08')
    await call(s, 'households.update', { id, displayName: 'The Mensah Family', anniversary: '' })
    expect((await call(s, 'households.get', { id })).anniversary).toBeNull()
  })

  it('refuses a date in the future or one that does not exist, changing nothing', async () => {
    const future = await s.registry.dispatch('households.create', { displayName: 'Soon', anniversary: '2999-06-01' })
    expect(future).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { anniversary: 'A wedding anniversary cannot be in the future.' } } })
    const impossible = await s.registry.dispatch('households.create', { displayName: 'Never', anniversary: '2001-02-29' })
    expect(impossible).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { anniversary: expect.any(String) } } })
    expect(s.context.sqlite.prepare(`select count(*) from households where display_name in ('Soon', 'Never')`).pluck().get()).toBe(0)
  })
})
