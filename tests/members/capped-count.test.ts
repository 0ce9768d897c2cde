import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { generateMembersFast } from '../../bench/members-data'
import { capped, countLimit } from '../../db/members-page'
import { MEMBER_COUNT_CAP, MEMBER_SORTS } from '../../main/contract/members'
import { call, testSession } from '../helpers/session'

let s: Awaited<ReturnType<typeof testSession>>
beforeEach(async () => {
  s = await testSession()
})
afterEach(() => s.close())

describe('the capped count of a members search', () => {
  it('counts to 1,000, or to the end of a page lying beyond that', () => {
    expect(MEMBER_COUNT_CAP).toBe(1000)
    expect(countLimit(0, 100)).toBe(1000)
    expect(countLimit(900, 100)).toBe(1000)
    expect(countLimit(1000, 100)).toBe(1100)
    expect(capped(999, 0, 100)).toEqual({ total: 999, more: false })
    expect(capped(1000, 0, 100)).toEqual({ total: 1000, more: false })
    expect(capped(1001, 0, 100)).toEqual({ total: 1000, more: true })
    expect(capped(1101, 1000, 100)).toEqual({ total: 1100, more: true })
    expect(capped(1100, 1000, 100)).toEqual({ total: 1100, more: false })
  })

  // People named so that a word matches exactly as many as asked: "Capa" 999, "Capb" 1,000, "Capc" 1,001, and the
  // rest of the file has none of them. Every order finds the page and the count its own way (db/members-page.ts).
  const seed = () => {
    generateMembersFast(s.context.sqlite, 3000, 1200)
    const rename = s.context.sqlite.prepare("update people set last_name = ?, search_text = search_text || ' ' || ? where id = ?")
    const ids = s.context.sqlite.prepare('select id from people order by id').pluck().all() as number[]
    s.context.sqlite.transaction(() => {
      ids.slice(0, 999).forEach((id) => rename.run('Capa', 'capa', id))
      ids.slice(999, 1999).forEach((id) => rename.run('Capb', 'capb', id))
      ids.slice(1999, 3000).forEach((id) => rename.run('Capc', 'capc', id))
    })()
  }

  it('is exact below the cap and at it, and says "more" above it, in every order', async () => {
    seed()
    for (const sort of MEMBER_SORTS) {
      const below = await call(s, 'members.search', { filter: { query: 'capa' }, sort })
      expect([sort, below.total, below.more, below.rows.length]).toEqual([sort, 999, false, 100])
      const at = await call(s, 'members.search', { filter: { query: 'capb' }, sort })
      expect([sort, at.total, at.more]).toEqual([sort, 1000, false])
      const above = await call(s, 'members.search', { filter: { query: 'capc' }, sort })
      expect([sort, above.total, above.more, above.rows.length]).toEqual([sort, 1000, true, 100])
      // Scrolled past the cap: the count reaches the end of that page, and the page itself is whole.
      const deep = await call(s, 'members.search', { filter: { query: 'capc' }, sort, offset: 1000, limit: 100 })
      expect([sort, deep.total, deep.more, deep.rows.length]).toEqual([sort, 1001, false, 1])
      const everyone = await call(s, 'members.search', { filter: {}, sort, offset: 1000, limit: 100 })
      expect([sort, everyone.total, everyone.more, everyone.rows.length]).toEqual([sort, 1100, true, 100])
    }
  })

  it('counts after the filters: a status or tag narrowing 1,001 matches below the cap gives the exact number', async () => {
    seed()
    const { sqlite } = s.context
    const capc = sqlite.prepare("select id from people where last_name = 'Capc' order by id").pluck().all() as number[]
    sqlite.prepare(`update people set status = 'visitor' where id in (${capc.slice(0, 400).join(',')})`).run()
    sqlite.prepare(`update people set status = 'member' where id in (${capc.slice(400).join(',')})`).run()
    sqlite.prepare(`update people set archived_at = '2026-01-01T00:00:00Z' where id = ?`).run(capc[500])
    for (const sort of MEMBER_SORTS) {
      const visitors = await call(s, 'members.search', { filter: { query: 'capc', statuses: ['visitor'] }, sort })
      expect([sort, visitors.total, visitors.more]).toEqual([sort, 400, false])
      // One of the 1,001 archived: exactly at the cap, so the count is exact again.
      const current = await call(s, 'members.search', { filter: { query: 'capc' }, sort })
      expect([sort, current.total, current.more]).toEqual([sort, 1000, false])
      const withArchived = await call(s, 'members.search', { filter: { query: 'capc', includeArchived: true }, sort })
      expect([sort, withArchived.total, withArchived.more]).toEqual([sort, 1000, true])
    }
    const tag = sqlite.prepare("select value from person_tags where kind = 'tag' group by value order by count(*) desc limit 1").pluck().get() as string
    const holders = sqlite.prepare("select count(*) from person_tags t join people p on p.id = t.person_id where t.kind = 'tag' and t.value = ? and p.last_name = 'Capc' and p.archived_at is null").pluck().get(tag) as number
    expect(holders).toBeLessThan(1000)
    const tagged = await call(s, 'members.search', { filter: { query: 'capc', tags: [tag] }, sort: 'household' })
    expect([tagged.total, tagged.more]).toEqual([holders, false])
  })
})
