import { call } from '../helpers/session'
import type { Session } from '../../main/session'
import { addHousehold, addNote, addPerson } from '../print/seed'

export type ReachSession = Pick<Session, 'registry' | 'context'>

/**
 * A week to call round, Monday 2 to Sunday 8 March 2026 (Europe/London): a meal train with one meal taken by a
 * member, one by someone written in and one day still open; a vigil with one hour taken and one open; a rotation
 * with a duty, and one duty whose holder needs a substitute. Private details sit everywhere a message must not reach.
 */
export async function seedWeek(s: ReachSession) {
  const db = s.context.db
  await call(s, 'settings.update', { timeZone: 'Europe/London', congregationName: 'St Aidan’s' })
  const okafor = await addHousehold(db, { display_name: 'The Okafor family', home_phone: '0113 496 0000' })
  const ann = await addPerson(db, { first_name: 'Ann', last_name: 'Abbott', mobile_phone: '07700 900001', email: 'ann@example.org', preferred_contact: 'phone' })
  const ben = await addPerson(db, { first_name: 'Ben', last_name: 'Okafor', household_id: okafor, mobile_phone: '07700 900002', email: 'ben@example.org', preferred_contact: 'text' })
  const cara = await addPerson(db, { first_name: 'Cara', last_name: 'Cole', other_phone: '0113 555 0003', preferred_contact: 'email', email: 'cara@example.org' })
  const dev = await addPerson(db, { first_name: 'Dev', last_name: 'Das', mobile_phone: '07700 900004' })
  await addNote(db, ben, 'Confidential: going through a divorce', true)

  const trainId = (
    await call(s, 'mealTrains.create', {
      recipientName: 'Maria Lopez',
      reason: 'Recovering from chemotherapy',
      startsOn: '2026-03-02',
      endsOn: '2026-03-04',
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      meals: [{ meal: 'dinner', from: '17:30', to: '18:30' }],
      address: '4 Birch Road\nLeeds LS6 1AA',
      dietary: ['peanut_allergy'],
      dietaryNotes: 'Severe nut allergy, carries an EpiPen',
      coordinatorName: 'Ann Abbott',
      coordinatorPhone: '07700 900001',
    })
  ).id
  const benMeal = (await call(s, 'mealTrains.signUp', { trainId, date: '2026-03-03', meal: 'dinner', volunteer: { personId: ben } })).id
  const zoeMeal = (await call(s, 'mealTrains.signUp', { trainId, date: '2026-03-04', meal: 'dinner', volunteer: { name: 'Zoe Writein', phone: '07700 111222' } })).id

  const circleId = (await call(s, 'prayerCircles.create', { name: 'Tuesday circle', leaderPersonId: ann, memberIds: [ben, cara, dev] })).id
  await call(s, 'prayerCircles.addRequest', { circleId, body: 'For the Lopez family this week', confidentiality: 'circle' })
  await call(s, 'prayerCircles.addRequest', { circleId, body: 'Marriage trouble at the Okafors', confidentiality: 'coordinator' })
  await call(s, 'prayerCircles.addRequest', { circleId, body: 'A new job for Dev', confidentiality: 'circle', expiresOn: '2026-01-31' })
  const vigilId = (await call(s, 'prayerCircles.createVigil', { circleId, title: 'Lent vigil', startDate: '2026-03-05', startTime: '20:00', hours: 2, slotMinutes: 60 })).id
  const vigil = await call(s, 'prayerCircles.schedule', { scheduleId: vigilId })
  const caraVigil = (await call(s, 'prayerCircles.assign', { slotId: vigil.slots[0]!.id, personId: cara })).id

  const rotaId = (
    await call(s, 'prayerCircles.createRecurring', {
      circleId,
      kind: 'rotation',
      title: 'Morning prayer rota',
      recurrence: { kind: 'weekly', weekdays: [5, 6] },
      startDate: '2026-03-06',
      untilDate: '2026-03-07',
      time: '07:00',
      durationMinutes: 30,
    })
  ).id
  const rota = await call(s, 'prayerCircles.schedule', { scheduleId: rotaId })
  const devRota = (await call(s, 'prayerCircles.assign', { slotId: rota.slots[0]!.id, personId: dev })).id
  const annRota = (await call(s, 'prayerCircles.assign', { slotId: rota.slots[1]!.id, personId: ann })).id
  await call(s, 'prayerCircles.markSubstitute', { assignmentId: annRota, needsSubstitute: true })

  return { ann, ben, cara, dev, trainId, circleId, vigilId, rotaId, benMeal, zoeMeal, caraVigil, devRota, annRota }
}

export const WEEK = { from: '2026-03-02', to: '2026-03-08' } as const
