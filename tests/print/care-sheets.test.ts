import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PrintProfile, PrintRequest } from '../../main/contract/print'
import { addDays } from '../../main/contract/days'
import { RELATIVE_EPOCH } from '../../main/contract/meal-trains'
import { call, testSession } from '../helpers/session'
import { pdfText, previewPdf } from './read-pdf'
import { addPerson } from './seed'

let s: Awaited<ReturnType<typeof testSession>>
let rideId: number
let visitId: number
let undatedId: number

const sheet = async (trainId: number, profile: PrintProfile) => pdfText(await previewPdf(s, { document: 'mealTrainSheet', trainId } satisfies PrintRequest, profile)).replace(/\s+/g, ' ')

beforeAll(async () => {
  s = await testSession('en-GB')
  await call(s, 'settings.update', { congregationName: 'St Brigid’s', timeZone: 'Europe/London' })
  const dev = await addPerson(s.context.db, { first_name: 'Devendra', preferred_name: 'Dev', last_name: 'Patel', mobile_phone: '07700 900777' })
  ;({ id: rideId } = await call(s, 'mealTrains.create', {
    kind: 'rides',
    recipientName: 'Ann Abbott',
    reason: 'Dialysis',
    startsOn: '2026-03-16',
    endsOn: '2026-04-07',
    weekdays: [2],
    meals: [{ meal: 'breakfast', from: '08:45', to: '12:30' }],
    ridePickup: '4 Mill Lane, Leeds LS6 2AB',
    rideDestination: 'St James’s Hospital renal unit',
    rideAppointment: '09:30',
    rideReturn: true,
    rideWheelchair: true,
    coordinatorName: 'Mary Coord',
  }))
  await call(s, 'mealTrains.signUp', { trainId: rideId, date: '2026-03-24', meal: 'breakfast', volunteer: { personId: dev }, notes: 'Blue Skoda' })
  ;({ id: visitId } = await call(s, 'mealTrains.create', {
    kind: 'visits',
    recipientName: 'Tom Reed',
    startsOn: '2026-03-02',
    endsOn: '2026-03-15',
    weekdays: [2, 5],
    meals: [{ meal: 'lunch', from: '14:00', to: '16:00' }],
    address: '9 Oak Court, Leeds',
    careWhat: 'Company after his stroke',
    careWhere: 'Ward 12, Leeds General',
    careWhen: 'Not during lunch',
  }))
  ;({ id: undatedId } = await call(s, 'mealTrains.create', {
    recipientName: 'The Nguyen family',
    dateKnown: false,
    dayOneLabel: 'the birth',
    startsOn: RELATIVE_EPOCH,
    endsOn: addDays(RELATIVE_EPOCH, 2),
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    meals: [{ meal: 'dinner', from: '17:30', to: '18:30' }],
  }))
  await call(s, 'mealTrains.signUp', { trainId: undatedId, date: addDays(RELATIVE_EPOCH, 1), meal: 'dinner', volunteer: { name: 'Jo Write' }, dish: 'Pho' })
})
afterAll(() => s.close())

describe('care calendar sheets', () => {
  it('the ride sheet for drivers shows the pick-up address, destination, appointment and pick-up times', async () => {
    const text = await sheet(rideId, 'volunteer')
    expect(text).toContain('Rides for')
    expect(text).toContain('Pick up at 4 Mill Lane, Leeds LS6 2AB · going to St James’s Hospital renal unit · appointment at 09:30')
    expect(text).toContain('Pick up at: 4 Mill Lane, Leeds LS6 2AB')
    expect(text).toContain('Going to: St James’s Hospital renal unit')
    expect(text).toContain('Appointment at: 09:30')
    expect(text).toContain('Also needed: a return trip, room for a wheelchair')
    expect(text).toMatch(/Ride and pick-up time/)
    expect(text).toMatch(/Tue 17 Mar Ride \(morning\) 08:45.12:30/)
    expect(text).toContain('Dev')
    expect(text).toContain('Blue Skoda')
    expect(text).toContain('3 of 4 rides still open')
    expect(text).not.toMatch(/Allergies|Dialysis/)
  })

  it('the noticeboard ride sheet shows no address, no destination and no wheelchair', async () => {
    const text = await sheet(rideId, 'noticeboard')
    expect(text).toMatch(/Tue 24 Mar Ride \(morning\)/)
    expect(text).toContain('Drivers: the coordinator gives you the addresses and times.')
    expect(text).toContain('Appointment at: 09:30')
    for (const secret of ['Mill Lane', 'LS6', 'St James', 'renal', 'wheelchair', 'Dialysis', 'Blue Skoda', '07700']) expect(text).not.toContain(secret)
  })

  it('a visit prints in its own words; the noticeboard copy leaves out the address, where and what', async () => {
    const volunteer = await sheet(visitId, 'volunteer')
    expect(volunteer).toContain('Visits for')
    expect(volunteer).toContain('What is needed: Company after his stroke')
    expect(volunteer).toContain('Where: Ward 12, Leeds General')
    expect(volunteer).toContain('When: Not during lunch')
    expect(volunteer).toContain('Visit (afternoon) 14:00')
    expect(volunteer).toContain('4 of 4 times still open')
    const board = await sheet(visitId, 'noticeboard')
    expect(board).toContain('When: Not during lunch')
    for (const secret of ['stroke', 'Ward 12', 'Oak Court']) expect(board).not.toContain(secret)
  })

  it('a calendar waiting for its date prints Day 1, Day 2… and what Day 1 is', async () => {
    const text = await sheet(undatedId, 'volunteer')
    expect(text).toContain('Day 1 to Day 3')
    expect(text).toContain('Day 1 is: the birth')
    expect(text).toMatch(/Day 2 Dinner 17:30.18:30 Jo Write/)
    expect(text).not.toContain('2001')
  })

  it('the family’s schedule of a ride names the drivers in ride words; a month calendar waits for the date', async () => {
    const family = pdfText(await previewPdf(s, { document: 'mealTrainFamily', trainId: rideId }, 'volunteer')).replace(/\s+/g, ' ')
    expect(family).toContain('Help schedule for Ann Abbott')
    expect(family).toMatch(/Tue 24 Mar Ride \(morning\) 08:45.12:30 Dev/)
    expect(family).toContain('1 of 4 times arranged')
    expect(family).not.toMatch(/Allergies|Dialysis/)
    const undated = pdfText(await previewPdf(s, { document: 'mealTrainFamily', trainId: undatedId }, 'volunteer')).replace(/\s+/g, ' ')
    expect(undated).toMatch(/Day 2 Dinner 17:30.18:30 Jo Write/)
    const month = await s.registry.dispatch('print.preview', { request: { document: 'mealTrainCalendar', trainId: undatedId }, profile: 'noticeboard' })
    expect(month).toMatchObject({ ok: false, error: { code: 'refused' } })
    const rides = pdfText(await previewPdf(s, { document: 'mealTrainCalendar', trainId: rideId }, 'noticeboard')).replace(/\s+/g, ' ')
    expect(rides).toContain('Ride (morning): open')
    for (const secret of ['Mill Lane', 'St James', 'wheelchair']) expect(rides).not.toContain(secret)
  })
})
