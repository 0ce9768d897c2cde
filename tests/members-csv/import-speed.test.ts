import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { personSearchText } from '../../db/search-text'
import { call, testSession } from '../helpers/session'
import { check, counts, importFile, open, type S, writeCsv } from './helpers'

let s: S
beforeEach(async () => {
  s = await testSession()
})
afterEach(() => s.close())

describe('importing in batches', () => {
  it('gives each of 250 people (three batches) their own tags, skills, notes, household and search text', async () => {
    const lines = ['Household ID,First Name,Last Name,Tags,Skills,Notes,Mobile Phone']
    for (let i = 0; i < 250; i++) lines.push(`F${Math.floor(i / 3)},Person${i},Family${Math.floor(i / 3)},Tag ${i},Skill ${i},Note for ${i},07700 ${900000 + i}`)
    const p = await open(s, writeCsv(s, lines.join('\n')))
    expect(await importFile(s, p)).toEqual({ imported: 250, households: 84, skippedDuplicates: 0, skippedInvalid: 0 })
    const rows = s.context.sqlite
      .prepare(
        `select p.first_name, p.last_name, p.mobile_phone, p.search_text, h.external_id,
           (select group_concat(kind || ':' || value, '|') from (select kind, value from person_tags t where t.person_id = p.id order by kind)) as tags,
           (select group_concat(body, '|') from person_notes n where n.person_id = p.id) as notes
         from people p join households h on h.id = p.household_id order by p.id`,
      )
      .all() as { first_name: string; last_name: string; mobile_phone: string; search_text: string; external_id: string; tags: string; notes: string }[]
    expect(rows).toHaveLength(250)
    rows.forEach((r, i) => {
      expect(r.first_name).toBe(`Person${i}`)
      expect(r.external_id).toBe(`F${Math.floor(i / 3)}`)
      expect(r.tags).toBe(`skill:Skill ${i}|tag:Tag ${i}`)
      expect(r.notes).toBe(`Note for ${i}`)
      expect(r.search_text).toBe(personSearchText({ ...r, other_phone: null }, [`Tag ${i}`, `Skill ${i}`]))
    })
  })
})

describe('parsing and classifying once per file', () => {
  it('reads the file again when the volunteer fixed it between two checks', async () => {
    const path = writeCsv(s, 'First Name,Last Name,Email\nAmy,Ng,not-an-email\nBen,Ode,ben@example.org\n')
    const p = await open(s, path)
    expect((await check(s, p)).invalidCount).toBe(1)
    writeCsv(s, 'First Name,Last Name,Email\nAmy,Ng,amy@example.org\nBen,Ode,ben@example.org\n', path.split('/').at(-1))
    expect(await check(s, p)).toMatchObject({ newCount: 2, invalidCount: 0 })
    expect(await importFile(s, p)).toMatchObject({ imported: 2, skippedInvalid: 0 })
  })

  it('sees a person added after the check as a duplicate at the import', async () => {
    const p = await open(s, writeCsv(s, 'First Name,Last Name,Email\nAmy,Ng,amy@example.org\nBen,Ode,ben@example.org\n'))
    expect((await check(s, p)).newCount).toBe(2)
    await call(s, 'members.create', { firstName: 'Amy', lastName: 'Ng', email: 'amy@example.org' })
    expect(await importFile(s, p, { skipDuplicates: true })).toMatchObject({ imported: 1, skippedDuplicates: 1 })
    expect(counts(s).people).toBe(2)
  })

  it('classifies again when the column choices change between the check and the import', async () => {
    const p = await open(s, writeCsv(s, 'First Name,Last Name,Email\nAmy,Ng,amy@example.org\n'))
    await check(s, p)
    await importFile(s, p, { mapping: ['firstName', 'lastName', null] })
    expect(s.context.sqlite.prepare('select email from people').pluck().get()).toBeNull()
  })

  it('finds everyone already there when the same file is imported twice', async () => {
    const p = await open(s, writeCsv(s, 'First Name,Last Name,Email\nAmy,Ng,amy@example.org\n'))
    await importFile(s, p)
    expect(await check(s, p)).toMatchObject({ newCount: 0, duplicateCount: 1 })
  })
})
