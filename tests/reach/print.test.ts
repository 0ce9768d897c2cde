import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, testSession } from '../helpers/session'
import { pdfText, previewPdf } from '../print/read-pdf'
import { addHousehold, addPerson } from '../print/seed'
import { seedWeek, WEEK } from './seed'

let s: Awaited<ReturnType<typeof testSession>>
let seed: Awaited<ReturnType<typeof seedWeek>>
const flat = (text: string) => text.replace(/\s+/g, ' ')

beforeAll(async () => {
  s = await testSession()
  seed = await seedWeek(s)
  const db = s.context.db
  await addPerson(db, { first_name: 'Grace', last_name: 'Mensah', birthday: '1950-03-17' })
  await addPerson(db, { first_name: 'Leap', last_name: 'Day', birthday: '1988-02-29' })
  await addPerson(db, { first_name: 'Gone', last_name: 'Away', birthday: '1961-03-02', archived_at: '2026-01-01T00:00:00Z' })
  const couple = await addHousehold(db, { display_name: 'The Mensah family', anniversary: '1975-03-08' })
  await addPerson(db, { first_name: 'Kofi', last_name: 'Mensah', household_id: couple, household_role: 'head', birthday: '1948-03-02' })
  await addPerson(db, { first_name: 'Ama', last_name: 'Mensah', household_id: couple, household_role: 'spouse' })
  const empty = await addHousehold(db, { display_name: 'Nobody left', anniversary: '1980-03-09' })
  expect(empty).toBeGreaterThan(0)
})
afterAll(() => s?.close())

describe('printed call list', () => {
  it('lists each person with phones and how they like to be contacted, their duties, ticks, substitutes and gaps', async () => {
    await call(s, 'reach.setReminded', { key: `meal:${seed.benMeal}`, reminded: true })
    const pdf = await previewPdf(s, { document: 'callList', from: WEEK.from, to: WEEK.to }, 'volunteer')
    const text = flat(pdfText(pdf))
    expect(text).toContain('Call list')
    expect(text).toMatch(/2 ?– ?8 March 2026 · 4 people to remind/)
    for (const bit of ['Ben Okafor', 'Mobile 07700 900002', 'Prefers: Text message', 'Dinner for Maria Lopez', '4 Birch Road', 'Yes', 'Cara Cole', 'Other 0113 555 0003', 'Lent vigil (Tuesday circle)', 'Zoe Writein', 'Mobile 07700 111222'])
      expect(text).toContain(bit)
    // Columns interleave in pdftotext's layout, so the order of the three parts is checked, not whole lines.
    const [people, rest] = text.split('Needs a substitute') as [string, string]
    const [subs, open] = rest.split('Still open') as [string, string]
    expect(people).not.toContain('Ann Abbott')
    expect(subs).toContain('Ann Abbott')
    expect(subs).toContain('07700 900001')
    expect(subs).toContain('Morning prayer rota')
    expect(open).toContain('Dinner for Maria Lopez')
    expect(open).toContain('Lent vigil')
    expect(text).not.toMatch(/chemotherapy|EpiPen|divorce/i)
    // Rendered, so a person can look at the page (kept when HEARTH_KEEP_PNG names a folder).
    if (process.env.HEARTH_KEEP_PNG) {
      const file = join(process.env.HEARTH_KEEP_PNG, 'call-list.pdf')
      writeFileSync(file, pdf)
      execFileSync('pdftoppm', ['-r', '60', '-png', file, join(process.env.HEARTH_KEEP_PNG, 'call-list')])
    }
  })

  it('has no noticeboard copy: it names people with their phone numbers', async () => {
    const r = await s.registry.dispatch('print.preview', { request: { document: 'callList', from: WEEK.from, to: WEEK.to }, profile: 'noticeboard' })
    expect(r).toMatchObject({ ok: false, error: { code: 'refused' } })
  })
})

describe('printed birthdays and anniversaries', () => {
  it('the noticeboard copy gives name and day only, never the year nor a surname; archived people and empty households are left out', async () => {
    const text = flat(pdfText(await previewPdf(s, { document: 'birthdays', month: 3 }, 'noticeboard')))
    expect(text).toContain('Birthdays and anniversaries: March')
    expect(text).toMatch(/Birthdays Day Name 2 March Kofi M\. 17 March Grace M\./)
    expect(text).toMatch(/Wedding anniversaries Day Name 8 March Kofi and Ama/)
    expect(text).not.toContain('Mensah')
    expect(text).not.toMatch(/19[4-9]\d/)
    expect(text).not.toContain('Gone Away')
    expect(text).not.toContain('Nobody left')
    if (process.env.HEARTH_KEEP_PNG) {
      const file = join(process.env.HEARTH_KEEP_PNG, 'birthdays.pdf')
      writeFileSync(file, await previewPdf(s, { document: 'birthdays', month: 3 }, 'noticeboard'))
      execFileSync('pdftoppm', ['-r', '60', '-png', file, join(process.env.HEARTH_KEEP_PNG, 'birthdays')])
    }
  })

  it('the coordinator copy adds the year; 29 February is listed in February', async () => {
    const coordinator = flat(pdfText(await previewPdf(s, { document: 'birthdays', month: 3 }, 'coordinator')))
    expect(coordinator).toMatch(/2 March Kofi Mensah 1948/)
    expect(coordinator).toMatch(/8 March The Mensah family 1975/)
    const feb = flat(pdfText(await previewPdf(s, { document: 'birthdays', month: 2 }, 'noticeboard')))
    expect(feb).toContain('29 February Leap D.')
    expect(feb).toContain('No anniversaries in February.')
    const r = await s.registry.dispatch('print.preview', { request: { document: 'birthdays', month: 13 }, profile: 'noticeboard' })
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Choose a month.' } })
  })
})
