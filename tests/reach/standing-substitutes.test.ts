import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays } from '../../main/contract/days'
import { todayIn } from '../../main/common/read-settings'
import { call, testSession } from '../helpers/session'
import { addPeople } from '../prayer-circles/people'

let s: Awaited<ReturnType<typeof testSession>>
let ann: number, ben: number, cara: number
let scheduleId: number
let away: string
let later: string
let exceptionId: number

/** The first date on or after `from` that falls on an ISO weekday (1 = Monday). */
function nextWeekday(from: string, weekday: number): string {
  let d = from
  while (((new Date(`${d}T12:00:00Z`).getUTCDay() + 6) % 7) + 1 !== weekday) d = addDays(d, 1)
  return d
}

beforeAll(async () => {
  s = await testSession()
  await call(s, 'settings.update', { timeZone: 'Europe/London', congregationName: 'St Brigid' })
  ;[ann, ben, cara] = (await addPeople(s, ['Ann Abbott', 'Ben Brown', 'Cara Cole'])) as [number, number, number]
  const circleId = (await call(s, 'prayerCircles.create', { name: 'Chapel keepers', leaderPersonId: cara, memberIds: [] })).id
  scheduleId = (await call(s, 'standingHours.create', { circleId, title: 'Perpetual adoration', weekdays: [2], fromTime: '10:00', toTime: '12:00' })).id
  const today = todayIn('Europe/London')
  away = nextWeekday(addDays(today, 1), 2)
  later = addDays(away, 35)
  const week = await call(s, 'standingHours.week', { scheduleId, date: away })
  const ten = week.slots.find((o) => o.date === away && o.localStart === '10:00')!
  const holderId = (await call(s, 'standingHours.take', { hourId: ten.hourId, personId: ann, fromDate: today })).id
  exceptionId = (await call(s, 'standingHours.markAway', { holderId, date: away, note: 'Chemotherapy that morning' })).exceptionId
  // Five weeks on is beyond the four weeks a message asks about.
  await call(s, 'standingHours.markAway', { holderId, date: later, note: null })
})
afterAll(() => s?.close())

describe('standing-hours substitute requests on the call list and in messages', () => {
  it('the call list names the holder who cannot come, with their phone and the slot, and nothing of why', async () => {
    const list = await call(s, 'reach.callList', { range: { from: away, to: away } })
    expect(list.substitutes).toEqual([
      {
        name: 'Ann Abbott',
        phone: '07700 900000',
        duty: { key: `standing:${exceptionId}`, kind: 'prayer', what: 'Perpetual adoration (Chapel keepers)', date: away, from: '10:00', to: '11:00', where: null, reminded: false },
        scheduleId,
        area: 'standing-hours',
      },
    ])
    expect(JSON.stringify(list)).not.toMatch(/chemotherapy/i)
    // Ann is not coming, so she is not someone to remind of that hour.
    expect(list.people).toEqual([])
  })

  it('the message asks for the next four weeks’ times only, without the holder’s name or reason', async () => {
    const { text } = await call(s, 'reach.copyMessage', { request: { kind: 'standingSubstitutes', scheduleId } })
    const lines = text.split('\n')
    expect(lines[0]).toBe('Perpetual adoration (Chapel keepers)')
    expect(lines[1]).toBe('These times still need someone:')
    expect(lines.filter((l) => l.startsWith('• '))).toHaveLength(1)
    expect(text).toMatch(/• .*10:00.*11:00/)
    expect(text).toContain('To take one, reply to Cara Cole (07700 900002).')
    expect(text).not.toMatch(/Ann|Abbott|chemotherapy/i)
    const missing = await s.registry.dispatch('reach.copyMessage', { request: { kind: 'standingSubstitutes', scheduleId: 9999 } })
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found', message: 'Those standing hours no longer exist.' } })
  })

  it('once a substitute is chosen the request leaves the call list and the message', async () => {
    await call(s, 'standingHours.chooseSubstitute', { exceptionId, personId: ben })
    expect((await call(s, 'reach.callList', { range: { from: away, to: away } })).substitutes).toEqual([])
    const { text } = await call(s, 'reach.copyMessage', { request: { kind: 'standingSubstitutes', scheduleId } })
    expect(text).toContain('(Every time is taken. Thank you!)')
    expect((await call(s, 'reach.callList', { range: { from: later, to: later } })).substitutes.map((x) => x.duty.date)).toEqual([later])
  })
})
