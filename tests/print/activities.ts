import type { PrintRequest } from '../../main/contract/print'
import type { Session } from '../../main/session'
import { call } from '../helpers/call'

/**
 * A meal train with lunches and dinners, a 24-hour vigil, a week-long prayer room, a weekly meeting and a circle
 * with a contact chain, using the generated congregation; returns each printable document with a file-name stem.
 */
export async function addSampleActivities(s: Pick<Session, 'registry'>, personIds: number[]): Promise<[string, PrintRequest][]> {
  const [ada, tunde, bea, anna, paul, ruth] = personIds as [number, number, number, number, number, number]
  const { id: trainId } = await call(s, 'mealTrains.create', {
    recipientPersonId: ada,
    recipientName: 'The Okafor family',
    reason: 'Recovering from surgery',
    startsOn: '2026-03-23',
    endsOn: '2026-04-12',
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    meals: [
      { meal: 'lunch', from: '12:00', to: '13:00' },
      { meal: 'dinner', from: '17:30', to: '18:30' },
    ],
    adults: 2,
    children: 3,
    address: '12 Elm Street, Leeds LS6 2AB',
    instructions: 'Side door, key safe code 4471',
    dietary: ['peanut_allergy', 'gluten_free'],
    dietaryNotes: 'Carries an EpiPen; the youngest is coeliac',
    coordinatorName: 'Mary Coordinator',
    coordinatorPhone: '07700 900999',
  })
  const helpers = [{ personId: bea }, { personId: anna }, { name: 'Grace from the school run', phone: '+30 691 234 5678' }, { personId: paul }, { personId: ruth }]
  const dishes = ['Jollof rice', 'Борщ', 'Lasagne (gluten-free)', 'Chicken soup', 'Shepherd’s pie']
  for (let d = 0; d < 14; d += 1) {
    if (d % 3 === 2) continue
    const date = new Date(Date.UTC(2026, 2, 23 + d)).toISOString().slice(0, 10)
    const meal = d % 2 ? 'lunch' : 'dinner'
    const { id } = await call(s, 'mealTrains.signUp', { trainId, date, meal, volunteer: helpers[d % helpers.length]!, dish: dishes[d % dishes.length]! })
    if (d < 4) await call(s, 'mealTrains.setSignupState', { signupId: id, state: 'delivered' })
  }

  const { id: circleId } = await call(s, 'prayerCircles.create', { name: 'Tuesday circle', leaderPersonId: ruth, memberIds: [ruth, paul, anna, bea, tunde] })
  const { id: vigilId } = await call(s, 'prayerCircles.createVigil', {
    circleId,
    title: 'Easter vigil',
    startDate: '2026-04-04',
    startTime: '18:00',
    hours: 24,
    slotMinutes: 60,
    minPeople: 2,
    perPersonLimit: null,
  })
  const vigil = await call(s, 'prayerCircles.schedule', { scheduleId: vigilId })
  for (const [i, slot] of vigil.slots.entries()) {
    if (i % 4 === 0) await call(s, 'prayerCircles.assign', { slotId: slot.id, personId: [paul, anna, bea][i % 3]! })
    if (i % 8 === 0) await call(s, 'prayerCircles.assign', { slotId: slot.id, writeInName: 'Siobhán Ó Riain' })
  }
  const { id: roomId } = await call(s, 'prayerCircles.createVigil', {
    circleId,
    title: 'Week of prayer',
    startDate: '2026-05-04',
    startTime: '06:00',
    hours: 7 * 24,
    slotMinutes: 60,
    minPeople: 1,
    perPersonLimit: null,
  })
  const room = await call(s, 'prayerCircles.schedule', { scheduleId: roomId })
  for (const [i, slot] of room.slots.entries()) if (i % 5 === 0) await call(s, 'prayerCircles.assign', { slotId: slot.id, personId: [paul, anna, bea, ruth][i % 4]! })
  const { id: meetingId } = await call(s, 'prayerCircles.createRecurring', {
    circleId,
    kind: 'meeting',
    title: 'Tuesday prayer',
    recurrence: { kind: 'weekly', weekdays: [2], interval: 1 },
    startDate: '2026-03-03',
    untilDate: '2026-05-26',
    time: '19:30',
    durationMinutes: 60,
    minPeople: 10,
    perPersonLimit: null,
  })
  const meeting = await call(s, 'prayerCircles.schedule', { scheduleId: meetingId })
  for (const slot of meeting.slots.slice(0, 4)) for (const p of [ruth, paul, anna]) await call(s, 'prayerCircles.assign', { slotId: slot.id, personId: p })
  await call(s, 'prayerCircles.moveSlot', { slotId: meeting.slots[5]!.id, toDate: '2026-04-08', toTime: '19:30' })
  await call(s, 'prayerCircles.skipSlot', { slotId: meeting.slots[6]!.id, skipped: true })
  await call(s, 'prayerCircles.addRequest', { circleId, body: 'For safe travel for the youth trip', requestedBy: 'Paul' })
  await call(s, 'prayerCircles.addRequest', { circleId, body: 'A marriage under strain', confidentiality: 'coordinator' })

  return [
    ['meal-train-sheet', { document: 'mealTrainSheet', trainId }],
    ['meal-train-calendar', { document: 'mealTrainCalendar', trainId }],
    ['meal-train-family', { document: 'mealTrainFamily', trainId }],
    ['prayer-24-hour-vigil', { document: 'prayerSheet', scheduleId: vigilId }],
    ['prayer-week-of-prayer', { document: 'prayerSheet', scheduleId: roomId }],
    ['prayer-meetings', { document: 'prayerSheet', scheduleId: meetingId }],
    ['prayer-circle', { document: 'prayerCircle', circleId }],
  ]
}
