import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, testSession } from '../helpers/session'
import { pdfInfo, pdfPages, previewPdf } from '../print/read-pdf'
import { addPeople } from './people'

let s: Awaited<ReturnType<typeof testSession>>
let scheduleId: number

const flat = (text: string) => text.replace(/\s+/g, ' ')

beforeAll(async () => {
  s = await testSession('en-GB')
  await call(s, 'settings.update', { congregationName: 'St Brigid’s', timeZone: 'Europe/London' })
  const [ruth, paul, anna, sam] = (await addPeople(s, ['Ruth Adeyemi', 'Paul Nowak', 'Anna Kowalska', 'Sam Stone'])) as [number, number, number, number]
  const circleId = (await call(s, 'prayerCircles.create', { name: 'Adorers', leaderPersonId: null, memberIds: [] })).id
  scheduleId = (await call(s, 'standingHours.create', { circleId, title: 'Adoration chapel', weekdays: [1, 2, 3, 4, 5, 6, 7], fromTime: '00:00', toTime: '00:00' })).id
  const week = await call(s, 'standingHours.week', { scheduleId, date: '2026-10-19' })
  const hour = (weekday: number, time: string) => week.slots.find((o) => o.weekday === weekday && o.localStart === time)!.hourId
  await call(s, 'standingHours.take', { hourId: hour(2, '03:00'), personId: ruth, fromDate: '2026-01-06' })
  const paulHolds = await call(s, 'standingHours.take', { hourId: hour(7, '01:00'), personId: paul, fromDate: '2026-01-04' })
  await call(s, 'standingHours.take', { hourId: hour(3, '15:00'), personId: anna, fromDate: '2026-01-07' })
  await call(s, 'standingHours.offer', { scheduleId, personId: sam, times: [{ weekday: 3, start: '09:00', end: '18:00' }] })
  const annaHolder = (await call(s, 'standingHours.week', { scheduleId, date: '2026-10-21' })).slots.find((o) => o.date === '2026-10-21' && o.localStart === '15:00')!.people[0]!.holderId!
  await call(s, 'standingHours.markAway', { holderId: annaHolder, date: '2026-10-21', note: null })
  await call(s, 'standingHours.close', { scheduleId, date: '2026-10-24', note: 'Parish retreat' })
  expect(paulHolds.id).toBeGreaterThan(0)
})
afterAll(() => s?.close())

describe('printing standing hours', () => {
  it('the week fits one landscape page: days across, times down, names, open slots and the clock change explained', async () => {
    const pdf = await previewPdf(s, { document: 'standingWeek', scheduleId, date: '2026-10-21' }, 'volunteer')
    const info = pdfInfo(pdf)
    expect(info.pages).toBe(1)
    expect(info.width).toBeGreaterThan(info.height)
    const text = flat(pdfPages(pdf)[0]!)
    expect(text).toContain('Adoration chapel')
    expect(text).toMatch(/Mon 19 Oct.*Tue 20 Oct.*Wed 21 Oct.*Sun 25 Oct/)
    expect(text).toContain('Ruth Adeyemi')
    expect(text).toContain('Paul Nowak')
    expect(text).toContain('SUBSTITUTE NEEDED')
    expect(text).toContain('Closed: Parish retreat')
    expect(text).toContain('The clocks go back during 01:00–02:00')
    expect(text).not.toContain('Anna Kowalska')
  })

  it('the noticeboard copy shortens names to first name and initial', async () => {
    const text = flat(pdfPages(await previewPdf(s, { document: 'standingWeek', scheduleId, date: '2026-10-21' }, 'noticeboard')).join(' '))
    expect(text).toContain('Ruth A.')
    expect(text).not.toContain('Adeyemi')
  })

  it('the month of substitutes needed names who cannot come and lists the slots nobody keeps', async () => {
    const text = flat(pdfPages(await previewPdf(s, { document: 'standingNeeds', scheduleId, month: '2026-10' }, 'volunteer')).join(' '))
    expect(text).toContain('Substitutes needed: Adoration chapel')
    expect(text).toMatch(/Wed 21 Oct 15:00–16:00 In place of Anna Kowalska/)
    expect(text).toContain('Nobody keeps this slot')
    expect(text).not.toMatch(/Sat 24 Oct/)
  })

  it('the sign-in sheet has a row for each slot that happens, with who is expected', async () => {
    const pdf = await previewPdf(s, { document: 'standingSignIn', scheduleId, date: '2026-10-21' }, 'noticeboard')
    const text = flat(pdfPages(pdf).join(' '))
    expect(text).toContain('Sign-in sheet: Adoration chapel')
    expect(text).toMatch(/Tue 20 Oct 03:00–04:00 Ruth A\./)
    expect(text).not.toMatch(/Sat 24 Oct/)
    const refused = await s.registry.dispatch('print.preview', { request: { document: 'standingNeeds', scheduleId, month: '2026-10' }, profile: 'noticeboard' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused' } })
  })
})
