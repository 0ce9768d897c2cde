import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertMailto, isPlainAddress, mailtoBcc } from '../../main/reach/mailto'
import { addPerson } from '../print/seed'
import { call, testSession } from '../helpers/session'
import { seedWeek, WEEK } from './seed'

let s: Awaited<ReturnType<typeof testSession>>
let seed: Awaited<ReturnType<typeof seedWeek>>

beforeAll(async () => {
  s = await testSession()
  seed = await seedWeek(s)
})
afterAll(() => s?.close())

describe('contact lists', () => {
  it('copies a circle’s email addresses for BCC, naming who has none', async () => {
    const r = await call(s, 'reach.copyContacts', { source: { of: 'circle', circleId: seed.circleId }, what: 'emails' })
    expect(s.os.copied.at(-1)).toBe('ann@example.org, ben@example.org, cara@example.org')
    expect(r).toEqual({ copied: 3, missing: ['Dev Das'] })
  })

  it('copies mobile numbers of a train’s volunteers, the written-in one too, one a line in international form', async () => {
    const r = await call(s, 'reach.copyContacts', { source: { of: 'mealTrain', trainId: seed.trainId }, what: 'mobiles' })
    expect(s.os.copied.at(-1)).toBe('+447700900002\n+447700111222')
    expect(r).toEqual({ copied: 2, missing: [] })
  })

  it('copies from the call list and from a members filter; someone who asked not to be contacted is left out and named', async () => {
    const call1 = await call(s, 'reach.copyContacts', { source: { of: 'callList', range: WEEK }, what: 'mobiles' })
    expect(call1).toEqual({ copied: 3, missing: ['Cara Cole'] })
    await s.context.db.updateTable('people').set({ preferred_contact: 'none' }).where('id', '=', seed.ben).execute()
    const members = await call(s, 'reach.copyContacts', { source: { of: 'members', filter: { query: '', statuses: [], tags: [], skills: [], dietary: [], includeArchived: false } }, what: 'emails' })
    expect(s.os.copied.at(-1)).toBe('ann@example.org, cara@example.org')
    expect(members.missing).toEqual(['Dev Das', 'Ben Okafor (asked not to be contacted)'])
    // In the language chosen in Settings, and in Arabic the name stays as written inside the right-to-left words.
    await call(s, 'settings.update', { language: 'de' })
    const german = await call(s, 'reach.copyContacts', { source: { of: 'members', filter: { query: '', statuses: [], tags: [], skills: [], dietary: [], includeArchived: false } }, what: 'emails' })
    expect(german.missing).toEqual(['Dev Das', 'Ben Okafor (möchte nicht kontaktiert werden)'])
    await call(s, 'settings.update', { language: 'ar' })
    const arabic = await call(s, 'reach.copyContacts', { source: { of: 'members', filter: { query: '', statuses: [], tags: [], skills: [], dietary: [], includeArchived: false } }, what: 'emails' })
    expect(arabic.missing).toEqual(['Dev Das', 'Ben Okafor (طلب عدم التواصل معه)'])
    await call(s, 'settings.update', { language: 'system' })
    await s.context.db.updateTable('people').set({ preferred_contact: 'text' }).where('id', '=', seed.ben).execute()
  })

  it('"Write an email" to 200 people opens a few well-formed mailto links that each fit, everyone in BCC once', async () => {
    const emails: string[] = []
    for (let i = 0; i < 200; i++) {
      const email = `member.${i}+church@example-${i % 7}.org`
      emails.push(email)
      await addPerson(s.context.db, { first_name: `Member${String(i).padStart(3, '0')}`, last_name: 'Many', email, status: 'regular_attender' })
    }
    await addPerson(s.context.db, { first_name: 'Bad', last_name: 'Address', email: 'bad@x.org?cc=spy@evil.org', status: 'visitor' })
    const r = await call(s, 'reach.writeEmail', { source: { of: 'members', filter: { query: '', statuses: ['regular_attender'], tags: [], skills: [], dietary: [], includeArchived: false } } })
    expect(r).toMatchObject({ copied: 200, messages: 4 })
    const links = s.os.mailed.slice(-4)
    const bcc: string[] = []
    for (const url of links) {
      expect(url.length).toBeLessThanOrEqual(1900)
      expect(url).not.toMatch(/[\s+]/)
      const parsed = new URL(url)
      expect(parsed.protocol).toBe('mailto:')
      expect(parsed.pathname).toBe('')
      expect([...parsed.searchParams.keys()]).toEqual(['bcc'])
      bcc.push(...parsed.searchParams.get('bcc')!.split(','))
    }
    expect(bcc.sort()).toEqual([...emails].sort())
    const bad = await call(s, 'reach.writeEmail', { source: { of: 'members', filter: { query: '', statuses: ['visitor'], tags: [], skills: [], dietary: [], includeArchived: false } } }).catch((e: Error) => e.message)
    expect(bad).toContain('Nobody in this list has an email address.')
  })
})

describe('main opens mailto links and nothing else', () => {
  it.each([
    'https://example.org/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'MAILTO:?bcc=a%40x.org&body=hello',
    'mailto:someone@example.org',
    'mailto:?bcc=a%40x.org&attach=/etc/passwd',
    'mailto:?bcc=a%40x.org%0D%0ABcc:spy%40evil.org',
    'mailto:?bcc=a%40x.org#frag',
    'mailto:?bcc=not-an-address',
    'ms-settings:',
    'not a url',
  ])('refuses %s', async (url) => {
    expect(() => assertMailto(url)).toThrow('Hearth only opens email links, and this is not one.')
    await expect(s.os.openMailto(url)).rejects.toThrow('Hearth only opens email links')
  })

  it('accepts what it builds itself, and builds only from plain addresses', () => {
    const url = mailtoBcc(['ann@example.org', ' ben@example.org ', 'x@y.org,z@evil.org', 'a b@c.org'])
    expect(url).toBe('mailto:?bcc=ann@example.org,ben@example.org')
    expect(() => assertMailto(url)).not.toThrow()
    expect(isPlainAddress('o.brien+prayer@church.example.co.uk')).toBe(true)
    expect(isPlainAddress('no-at-sign.example.org')).toBe(false)
  })
})
