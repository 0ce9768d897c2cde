import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Channel, InputOf } from '../../main/contract'
import type { PrintProfile, PrintRequest } from '../../main/contract/print'
import { call, testSession } from '../helpers/session'
import { pdfPages, pdfText, previewPdf } from './read-pdf'
import { addHousehold, addPerson } from './seed'

let s: Awaited<ReturnType<typeof testSession>>
let trainId: number
let longTrainId: number

const ok = <C extends Channel>(channel: C, input: InputOf<C>) => call(s, channel, ...([input] as [InputOf<C>]))
const pdfOf = (request: PrintRequest, profile: PrintProfile) => previewPdf(s, request, profile)
const flat = (text: string) => text.replace(/\s+/g, ' ')

beforeAll(async () => {
  s = await testSession('en-GB')
  const db = s.context.db
  await ok('settings.update', { congregationName: 'St Brigid’s', timeZone: 'Europe/London' })
  const home = await addHousehold(db, { display_name: 'The Okafor family', address_line1: '12 Elm Street', city: 'Leeds' })
  const ada = await addPerson(db, { household_id: home, household_role: 'head', first_name: 'Adaeze', preferred_name: 'Ada', last_name: 'Okafor' })
  await addPerson(db, { household_id: home, household_role: 'child', first_name: 'Chidi', last_name: 'Okafor' })
  const bea = await addPerson(db, { first_name: 'Beatrice', preferred_name: 'Bea', last_name: 'Mensah', mobile_phone: '07700 900321' })
  ;({ id: trainId } = await ok('mealTrains.create', {
    recipientPersonId: ada,
    recipientHouseholdId: home,
    recipientName: 'The Okafor family',
    reason: 'Recovering from surgery',
    startsOn: '2026-03-27',
    endsOn: '2026-04-02',
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    meals: [{ meal: 'dinner', from: '17:30', to: '18:30' }],
    adults: 2,
    children: 1,
    address: '12 Elm Street, Leeds',
    instructions: 'Side door, please',
    dietary: ['peanut_allergy', 'gluten_free'],
    dietaryNotes: 'No sesame',
    coordinatorName: 'Mary Coord',
    coordinatorPhone: '07700 900999',
  }))
  await ok('mealTrains.signUp', { trainId, date: '2026-03-29', meal: 'dinner', volunteer: { personId: bea }, dish: 'Jollof rice' })
  await ok('mealTrains.signUp', { trainId, date: '2026-03-31', meal: 'dinner', volunteer: { name: 'Анна Кузнецова', phone: '07700 900555' }, dish: 'Борщ' })
  ;({ id: longTrainId } = await ok('mealTrains.create', {
    recipientName: 'Maria Lopez',
    startsOn: '2026-01-01',
    endsOn: '2026-03-31',
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    meals: [{ meal: 'dinner', from: '18:00', to: '19:00' }],
    dietary: ['vegan'],
  }))
})
afterAll(() => s.close())

describe('the meal-train sign-up sheet', () => {
  it('gives first names only, the dates and windows, taken slots filled and blank lines for the rest', async () => {
    const text = pdfText(await pdfOf({ document: 'mealTrainSheet', trainId }, 'noticeboard'))
    expect(text).toContain('Meals for Ada and Chidi')
    expect(text).toContain('27 March – 2 April 2026')
    expect(text).toContain('2 adults, 1 child')
    // Free-text dietary notes may hold health details: the noticeboard points cooks to the coordinator instead.
    expect(flat(text)).toContain('Allergies and dietary needs: Peanut allergy, Gluten-free. Please ask the coordinator about other needs before cooking.')
    expect(text).not.toContain('No sesame')
    expect(text).toContain('5 of 7 meals still open')
    expect(text).toContain('Noticeboard copy — fine to pin up')
    // Europe/London changes clocks on 29 March: the printed days and windows stay as planned.
    for (const day of ['Fri 27 Mar', 'Sat 28 Mar', 'Sun 29 Mar', 'Mon 30 Mar', 'Tue 31 Mar', 'Wed 1 Apr', 'Thu 2 Apr']) expect(text).toContain(day)
    expect(text.match(/Dinner 17:30–18:30/g)).toHaveLength(7)
    expect(text).toMatch(/Sun 29 Mar\s+Dinner 17:30–18:30\s+Bea M\.\s+Jollof rice/)
    expect(text).toMatch(/Tue 31 Mar\s+Dinner 17:30–18:30\s+Анна К\.\s+Борщ/)
    expect(text).toMatch(/Your name\s+Phone\s+What you will bring/)
    // An open day has its date and window and nothing else on the line, ready to be written on.
    expect(text).toMatch(/Fri 27 Mar\s+Dinner 17:30–18:30 *\n/)
    for (const hidden of ['Okafor', 'surgery', '12 Elm Street', 'Side door', '07700 900321', '07700 900555', 'Mensah', 'Кузнецова']) {
      expect(text).not.toContain(hidden)
    }
    expect(text).toContain('Mary Coord, 07700 900999')
  })

  it('gives volunteers the address, phones and full names, and only the coordinator the reason', async () => {
    const volunteer = pdfText(await pdfOf({ document: 'mealTrainSheet', trainId }, 'volunteer'))
    expect(volunteer).toContain('Meals for The Okafor family')
    expect(volunteer).toContain('12 Elm Street, Leeds')
    expect(volunteer).toContain('Side door, please')
    expect(volunteer).toMatch(/Bea Mensah\s+07700 900321\s+Jollof rice/)
    expect(volunteer).not.toContain('surgery')
    expect(volunteer).not.toContain('COORDINATOR COPY')
    const coordinator = pdfText(await pdfOf({ document: 'mealTrainSheet', trainId }, 'coordinator'))
    expect(coordinator).toContain('Why: Recovering from surgery')
    expect(coordinator).toContain('COORDINATOR COPY — confidential')
  })

  it('puts the allergies and the column headings at the top of every page of a 90-day sheet', async () => {
    const pages = pdfPages(await pdfOf({ document: 'mealTrainSheet', trainId: longTrainId }, 'noticeboard'))
    expect(pages.length).toBeGreaterThan(2)
    pages.forEach((page, i) => {
      expect(page).toContain('Allergies and dietary needs: Vegan')
      expect(page).toMatch(/Day\s+Meal and time\s+Your name/)
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`)
    })
    const all = pages.join('\n')
    expect(all).toContain('Meals for Maria')
    expect(all).not.toContain('Lopez')
    expect(all).toContain('Thu 1 Jan')
    expect(all).toContain('Tue 31 Mar')
    expect(all.match(/18:00–19:00/g)).toHaveLength(90)
    // No blank page at the end.
    expect(pages[pages.length - 1]).toContain('Tue 31 Mar')
  })
})

describe('a sheet with lunches and dinners', () => {
  it('groups a day’s meals, keeps names, phones and write-ins whole, and shows delivered meals to the coordinator only', async () => {
    const { id } = await ok('mealTrains.create', {
      recipientName: 'Maria Lopez',
      startsOn: '2026-05-04',
      endsOn: '2026-05-06',
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      meals: [
        { meal: 'lunch', from: '12:00', to: '13:00' },
        { meal: 'dinner', from: '17:30', to: '18:30' },
      ],
    })
    await ok('mealTrains.signUp', { trainId: id, date: '2026-05-04', meal: 'lunch', volunteer: { name: 'Grace from the school run', phone: '+30 691 234 5678' }, dish: 'Pasta bake' })
    const { id: soup } = await ok('mealTrains.signUp', { trainId: id, date: '2026-05-04', meal: 'dinner', volunteer: { name: 'Maximilian-Alexander Müller-Lüdenscheidt', phone: '07700 900123' }, dish: 'Soup' })
    await ok('mealTrains.setSignupState', { signupId: soup, state: 'delivered' })
    for (const paperSize of ['A4', 'Letter'] as const) {
      await ok('settings.update', { paperSize })
      const volunteer = pdfText(await pdfOf({ document: 'mealTrainSheet', trainId: id }, 'volunteer'))
      // The day is given once, on its first meal; the lunch and dinner rows follow each other.
      expect(volunteer).toMatch(/Mon 4 May\s+Lunch 12:00–13:00\s+Grace from the school run\s+\+30 691 234 5678\s+Pasta bake\n\s+Dinner 17:30–18:30\s+Maximilian-Alexander Müller-Lüdenscheidt\s+07700 900123\s+Soup\n/)
      expect(volunteer.match(/Mon 4 May/g)).toHaveLength(1)
      expect(volunteer).not.toContain('Delivered')
      const coordinator = pdfText(await pdfOf({ document: 'mealTrainSheet', trainId: id }, 'coordinator'))
      expect(coordinator).toMatch(/Soup — Delivered/)
      const board = pdfText(await pdfOf({ document: 'mealTrainSheet', trainId: id }, 'noticeboard'))
      expect(board).toContain('Grace from the school run')
      expect(board).toContain('Maximilian-Alexander M.')
    }
    await ok('settings.update', { paperSize: 'A4' })
  })

  it('keeps each meal on one line with 12-hour times on Letter', async () => {
    const us = await testSession('en-US')
    try {
      await call(us, 'settings.update', { paperSize: 'Letter', timeZone: 'America/New_York' })
      const { id } = await call(us, 'mealTrains.create', {
        recipientName: 'Maria Lopez',
        startsOn: '2026-05-04',
        endsOn: '2026-05-17',
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        meals: [{ meal: 'dinner', from: '17:30', to: '18:30' }],
      })
      for (const document of ['mealTrainSheet', 'mealTrainFamily'] as const) {
        const text = pdfText(await previewPdf(us, { document, trainId: id }, 'volunteer'))
        expect(text.match(/Dinner 5:30 PM–6:30 PM/g)).toHaveLength(14)
        const pages = pdfPages(await previewPdf(us, { document, trainId: id }, "volunteer"))
        expect(pages, `${document}: ${pages.at(-1)}`).toHaveLength(1)
      }
    } finally {
      await us.close()
    }
  })
})

describe('the month calendar of a train', () => {
  it('gives a landscape month with each day’s meals, who brings them, and open meals', async () => {
    const pdf = await pdfOf({ document: 'mealTrainCalendar', trainId }, 'noticeboard')
    const pages = pdfPages(pdf)
    // 27 March to 2 April: two months, a page each.
    expect(pages).toHaveLength(2)
    expect(pages[0]).toContain('March 2026')
    expect(pages[1]).toContain('April 2026')
    expect(pages[0]).toMatch(/Monday\s+Tuesday\s+Wednesday\s+Thursday\s+Friday\s+Saturday\s+Sunday/)
    const text = flat(pdfText(pdf))
    expect(text).toContain('Meal calendar for Ada and Chidi')
    expect(text).toContain('Dinner: Bea M.')
    expect(text).toContain('Dinner: Анна К.')
    expect(text).toContain('Dinner: open')
    expect(text).toContain('Noticeboard copy — fine to pin up')
    for (const hidden of ['Okafor', 'Mensah', 'No sesame', 'surgery']) expect(text).not.toContain(hidden)
  })

  it('starts the week on Sunday where calendars do', async () => {
    const us = await testSession('en-US')
    try {
      const { id } = await call(us, 'mealTrains.create', { recipientName: 'Maria Lopez', startsOn: '2026-05-04', endsOn: '2026-05-10', weekdays: [1, 2, 3, 4, 5, 6, 7], meals: [{ meal: 'dinner', from: '17:30', to: '18:30' }] })
      expect(pdfText(await previewPdf(us, { document: 'mealTrainCalendar', trainId: id }, 'volunteer'))).toMatch(/Sunday\s+Monday\s+Tuesday/)
    } finally {
      await us.close()
    }
  })
})

describe('the family’s meal schedule', () => {
  it('says who brings what and when, with phone numbers', async () => {
    const text = pdfText(await pdfOf({ document: 'mealTrainFamily', trainId }, 'volunteer'))
    expect(text).toContain('Meal schedule for The Okafor family')
    expect(text).toContain('2 of 7 meals arranged')
    expect(text).toMatch(/Sun 29 Mar\s+Dinner 17:30–18:30\s+Bea Mensah\s+07700 900321\s+Jollof rice/)
    expect(text).toMatch(/Tue 31 Mar\s+Dinner 17:30–18:30\s+Анна Кузнецова\s+07700 900555\s+Борщ/)
    // An open meal is its day and time and nothing else: no "Nobody yet" on every line.
    expect(text).toMatch(/Fri 27 Mar\s+Dinner 17:30–18:30 *\n/)
    expect(text).not.toContain('Nobody yet')
    // The family is not handed their own address or door instructions.
    for (const own of ['surgery', '12 Elm Street', 'Side door']) expect(text).not.toContain(own)
    expect(text).toContain('Mary Coord, 07700 900999')
  })

  it('is not a noticeboard document, and a missing train is explained', async () => {
    const refused = await s.registry.dispatch('print.preview', { request: { document: 'mealTrainFamily', trainId }, profile: 'noticeboard' })
    expect(refused.ok).toBe(false)
    const missing = await s.registry.dispatch('print.preview', { request: { document: 'mealTrainSheet', trainId: 9999 }, profile: 'noticeboard' })
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found', message: 'That meal train no longer exists.' } })
  })
})
