import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ScheduleDetail } from '../../main/contract/prayer-circles'
import type { Channel, InputOf } from '../../main/contract'
import type { PrintProfile, PrintRequest } from '../../main/contract/print'
import { call, testSession } from '../helpers/session'
import { pdfInfo, pdfPages, pdfText, pdfWords, previewPdf, shadedBehind } from './read-pdf'
import { addPerson } from './seed'

let s: Awaited<ReturnType<typeof testSession>>
let circleId: number
let ruthId: number
let paulId: number
let annaId: number
let vigilId: number
let weeklyId: number
let slots: ScheduleDetail['slots']

const ok = <C extends Channel>(channel: C, input: InputOf<C>) => call(s, channel, ...([input] as [InputOf<C>]))
const pdfOf = (request: PrintRequest, profile: PrintProfile) => previewPdf(s, request, profile)
const flat = (text: string) => text.replace(/\s+/g, ' ')

beforeAll(async () => {
  s = await testSession('en-GB')
  await ok('settings.update', { congregationName: 'St Brigid’s', timeZone: 'Europe/London' })
  const db = s.context.db
  const ruth = await addPerson(db, { first_name: 'Ruth', last_name: 'Adeyemi', mobile_phone: '07700 900111', other_phone: '0113 496 0111' })
  const paul = await addPerson(db, { first_name: 'Paul', last_name: 'Nowak', mobile_phone: '07700 900222' })
  const anna = await addPerson(db, { first_name: 'Анна', last_name: 'Кузнецова', mobile_phone: '07700 900333' })
  ;[ruthId, paulId, annaId] = [ruth, paul, anna]
  ;({ id: circleId } = await ok('prayerCircles.create', { name: 'Tuesday circle', leaderPersonId: ruth, memberIds: [ruth, paul, anna] }))
  // Through the night the clocks go forward in Europe/London.
  ;({ id: vigilId } = await ok('prayerCircles.createVigil', {
    circleId,
    title: 'Easter vigil',
    startDate: '2026-03-28',
    startTime: '22:00',
    hours: 6,
    slotMinutes: 60,
    minPeople: 2,
    perPersonLimit: null,
  }))
  const vigil = await ok('prayerCircles.schedule', { scheduleId: vigilId })
  slots = vigil.slots
  await ok('prayerCircles.assign', { slotId: slots[0]!.id, personId: paul })
  await ok('prayerCircles.assign', { slotId: slots[0]!.id, writeInName: 'Grace Visitor' })
  const { id: annaSlot } = await ok('prayerCircles.assign', { slotId: slots[1]!.id, personId: anna })
  await ok('prayerCircles.markSubstitute', { assignmentId: annaSlot, needsSubstitute: true })
  ;({ id: weeklyId } = await ok('prayerCircles.createRecurring', {
    circleId,
    kind: 'meeting',
    title: 'Tuesday prayer',
    recurrence: { kind: 'weekly', weekdays: [2], interval: 1 },
    startDate: '2026-03-03',
    untilDate: '2026-03-24',
    time: '19:30',
    durationMinutes: 60,
    minPeople: 1,
    perPersonLimit: null,
  }))
  const weekly = await ok('prayerCircles.schedule', { scheduleId: weeklyId })
  await ok('prayerCircles.skipSlot', { slotId: weekly.slots[1]!.id, skipped: true })
  await ok('prayerCircles.addRequest', { circleId, body: 'For safe travel for the youth trip', requestedBy: 'Paul' })
  await ok('prayerCircles.addRequest', { circleId, body: 'A marriage under strain', confidentiality: 'coordinator' })
})
afterAll(() => s.close())

describe('the prayer vigil sign-up sheet', () => {
  it('prints the slot grid with names filled in and blanks to write in', async () => {
    const pdf = await pdfOf({ document: 'prayerSheet', scheduleId: vigilId }, 'volunteer')
    const text = pdfText(pdf)
    expect(text).toContain('Prayer vigil: Easter vigil')
    // Anna needs a substitute: her place is open again, and counted open.
    expect(flat(text)).toContain('Tuesday circle · 28 – 29 March 2026 · 2 people a slot · 2 of 12 places filled')
    expect(text).toMatch(/Day\s+Time\s+Name 1\s+Name 2/)
    expect(text).toMatch(/Sat 28 Mar\s+22:00–23:00\s+Paul Nowak\s+Grace Visitor/)
    expect(text).toMatch(/23:00–00:00 *\n/)
    expect(text).not.toContain('Кузнецова')
    // The hour the clocks skip: one real hour from midnight ends at 02:00 summer time.
    // An open slot is its day and time with nothing after them: room to write.
    expect(text).toMatch(/Sun 29 Mar\s+00:00–02:00 *\n/)
    // Every slot's times are printed as the circle's clock shows them, across the change to summer time.
    for (const slot of slots) expect(text).toContain(`${slot.localStart}–${slot.localEnd}`)
    expect(pdfPages(pdf)).toHaveLength(1)
  })

  it('shows first names and initials on the noticeboard copy', async () => {
    const text = pdfText(await pdfOf({ document: 'prayerSheet', scheduleId: vigilId }, 'noticeboard'))
    expect(text).toMatch(/Paul N\.\s+Grace V\./)
    for (const hidden of ['Nowak', 'Visitor', 'Анна', 'Кузнецова', '07700']) expect(text).not.toContain(hidden)
  })

  it('prints a place whose person needs a substitute as open, saying whose it was on the coordinator copy alone', async () => {
    const pdf = await pdfOf({ document: 'prayerSheet', scheduleId: vigilId }, 'coordinator')
    const text = flat(pdfText(pdf))
    expect(text).toContain('23:00–00:00 Анна Кузнецова (needs a substitute)')
    expect(text).toContain('2 of 12 places filled')
    // Open, not shaded as taken: no grey box is drawn behind Anna's name.
    const anna = pdfWords(pdf).find((w) => w.text === 'Анна')!
    const paul = pdfWords(pdf).find((w) => w.text === 'Paul')!
    expect(shadedBehind(pdf, paul)).toBe(true)
    expect(shadedBehind(pdf, anna)).toBe(false)
  })

  it('turns to landscape when a slot needs three or more people', async () => {
    const { id } = await ok('prayerCircles.createVigil', {
      circleId,
      title: 'Big vigil',
      startDate: '2026-06-01',
      startTime: '09:00',
      hours: 3,
      slotMinutes: 60,
      minPeople: 3,
      perPersonLimit: null,
    })
    const pdf = await pdfOf({ document: 'prayerSheet', scheduleId: id }, 'volunteer')
    const info = pdfInfo(pdf)
    expect(info.width).toBeGreaterThan(info.height)
    expect(pdfText(pdf)).toMatch(/Name 1\s+Name 2\s+Name 3/)
  })
})

describe('long vigils and true wording', () => {
  const vigil = async (title: string, hours: number, minPeople: number) => {
    const { id } = await ok('prayerCircles.createVigil', { circleId, title, startDate: '2026-06-06', startTime: '18:00', hours, slotMinutes: 60, minPeople, perPersonLimit: null })
    const detail = await ok('prayerCircles.schedule', { scheduleId: id })
    return { id, slots: detail.slots }
  }

  it('fits a 24-hour vigil on one page, rows of even height, the day given once with a break at midnight', async () => {
    const { id, slots: hours } = await vigil('All night', 24, 2)
    await ok('prayerCircles.assign', { slotId: hours[0]!.id, writeInName: 'Siobhán Ó Riain' })
    await ok('prayerCircles.assign', { slotId: hours[7]!.id, writeInName: 'Grace Visitor' })
    for (const paperSize of ['A4', 'Letter'] as const) {
      await ok('settings.update', { paperSize })
      for (const profile of ['noticeboard', 'volunteer'] as const) {
        const pdf = await pdfOf({ document: 'prayerSheet', scheduleId: id }, profile)
        expect(pdfInfo(pdf).pages, `${paperSize} ${profile}`).toBe(1)
        const text = pdfText(pdf)
        expect(text.match(/Sat 6 Jun/g)).toHaveLength(1)
        expect(text.match(/Sun 7 Jun/g)).toHaveLength(1)
        expect(text).toMatch(/Sun 7 Jun\s+00:00–01:00/)
        expect(text).toContain('2 of 48 places filled')
        // Even rows: the time labels stand at equal steps down the page, full rows and open rows alike.
        const tops = pdfWords(pdf)
          .filter((w) => /^\d\d:00–\d\d:00$/.test(w.text))
          .map((w) => w.yMin)
        expect(tops).toHaveLength(24)
        const steps = tops.slice(1).map((y, i) => y - tops[i]!)
        expect(Math.max(...steps) - Math.min(...steps)).toBeLessThan(2)
      }
      const board = pdfText(await pdfOf({ document: 'prayerSheet', scheduleId: id }, 'noticeboard'))
      expect(board).toContain('Siobhán Ó R.')
    }
    await ok('settings.update', { paperSize: 'A4' })
  })

  it('prints a week of hourly prayer as a days × hours grid on one landscape page', async () => {
    const { id, slots: hours } = await vigil('Week of prayer', 7 * 24, 1)
    await ok('prayerCircles.assign', { slotId: hours[30]!.id, writeInName: 'Paul Nowak' })
    for (const paperSize of ['A4', 'Letter'] as const) {
      await ok('settings.update', { paperSize })
      const pdf = await pdfOf({ document: 'prayerSheet', scheduleId: id }, 'volunteer')
      const info = pdfInfo(pdf)
      expect(info.pages).toBe(1)
      expect(info.width).toBeGreaterThan(info.height)
      const text = pdfText(pdf)
      expect(text).toMatch(/Time\s+Sat 6 Jun\s+Sun 7 Jun\s+Mon 8 Jun\s+Tue 9 Jun\s+Wed 10 Jun\s+Thu 11 Jun\s+Fri 12 Jun/)
      expect(text).toContain('1 of 168 places filled')
      expect(text).toMatch(/^\s*00:00 /m)
      expect(text).toContain('Paul N.')
    }
    await ok('settings.update', { paperSize: 'A4' })
  })

  it('says how many places are filled rather than "covered" above empty boxes', async () => {
    const { id } = await ok('prayerCircles.createRecurring', {
      circleId,
      kind: 'meeting',
      title: 'Big meeting',
      recurrence: { kind: 'weekly', weekdays: [3], interval: 1 },
      startDate: '2026-07-01',
      untilDate: '2026-07-01',
      time: '19:30',
      durationMinutes: 60,
      minPeople: 10,
      perPersonLimit: null,
    })
    const meeting = await ok('prayerCircles.schedule', { scheduleId: id })
    for (const personId of [ruthId, paulId, annaId]) await ok('prayerCircles.assign', { slotId: meeting.slots[0]!.id, personId })
    const text = pdfText(await pdfOf({ document: 'prayerSheet', scheduleId: id }, 'volunteer'))
    expect(text).toContain('3 of 10 places filled')
    expect(text).not.toMatch(/covered/i)
    const coordinator = pdfText(await pdfOf({ document: 'prayerSheet', scheduleId: id }, 'coordinator'))
    expect(coordinator).toContain('Phone numbers of everyone on this schedule')
    expect(coordinator).toMatch(/Paul Nowak\s+07700 900222/)
    expect(text).not.toContain('07700 900222')
  })
})

describe('the prayer circle schedule and contact chain', () => {
  it('gives the chain with phones, the schedules and the open requests', async () => {
    const text = pdfText(await pdfOf({ document: 'prayerCircle', circleId }, 'volunteer'))
    expect(text).toContain('Tuesday circle: schedule and contact chain')
    expect(text).toContain('Leader: Ruth Adeyemi, 07700 900111')
    expect(text).toMatch(/1\s+Ruth Adeyemi\s+07700 900111\s+Paul Nowak\n\s+0113 496 0111\s+07700 900222\n\s+If nobody answers: Анна Кузнецова/)
    expect(flat(text)).toContain('If nobody answers, leave a message and call the next person after them')
    // The calling hours from Settings, 08:00 to 21:00 unless changed.
    expect(flat(text)).toContain('Please call between 08:00 and 21:00.')
    expect(text).toMatch(/2\s+Paul Nowak\s+07700 900222\s+Анна Кузнецова\n\s+07700 900333/)
    expect(text).toMatch(/3\s+Анна Кузнецова\s+07700 900333\s+Last in the chain/)
    expect(text).toContain('Tuesday prayer')
    for (const day of ['Tue 3 Mar', 'Tue 10 Mar', 'Tue 17 Mar', 'Tue 24 Mar']) expect(text).toContain(day)
    expect(text).toMatch(/Tue 10 Mar\s+19:30–20:30\s+Cancelled/)
    expect(text).toMatch(/Tue 17 Mar\s+19:30–20:30/)
    expect(text).toMatch(/Sat 28 Mar\s+22:00–23:00\s+Paul Nowak, Grace Visitor/)
    expect(text).toMatch(/Sun 29 Mar\s+00:00–02:00\s+2 places open/)
    expect(text).toContain('19:30–20:30')
    expect(flat(text)).toContain('For safe travel for the youth trip (asked by Paul)')
    expect(text).not.toContain('marriage')
    expect(text).not.toContain('COORDINATOR COPY')
  })

  it('prints the calling hours chosen in Settings on the chain', async () => {
    await ok('settings.update', { chainCallFrom: '09:30', chainCallTo: '20:00' })
    expect(flat(pdfText(await pdfOf({ document: 'prayerCircle', circleId }, 'volunteer')))).toContain('Please call between 09:30 and 20:00.')
    await ok('settings.update', { chainCallFrom: '08:00', chainCallTo: '21:00' })
    const refused = await s.registry.dispatch('settings.update', { chainCallFrom: '25:00' })
    expect(refused).toMatchObject({ ok: false, error: { fields: { chainCallFrom: 'Give a time like 08:00.' } } })
  })

  it('shows coordinator-only requests on the coordinator copy alone', async () => {
    const text = pdfText(await pdfOf({ document: 'prayerCircle', circleId }, 'coordinator'))
    expect(text).toContain('COORDINATOR COPY — confidential')
    expect(flat(text)).toContain('Confidential: A marriage under strain')
    const refused = await s.registry.dispatch('print.preview', { request: { document: 'prayerCircle', circleId }, profile: 'noticeboard' })
    expect(refused.ok).toBe(false)
  })

  it('explains a missing circle or schedule', async () => {
    await expect(s.registry.dispatch('print.preview', { request: { document: 'prayerCircle', circleId: 999 }, profile: 'volunteer' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'That prayer circle no longer exists.' },
    })
    await expect(s.registry.dispatch('print.preview', { request: { document: 'prayerSheet', scheduleId: 999 }, profile: 'volunteer' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'That prayer schedule no longer exists.' },
    })
  })
})
