import { rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { Kysely } from 'kysely'
import { addMember, insertAssignment, insertCircle, insertRequest, insertSchedule, setNeedsSubstitute, slotIdsOf } from '../../db/prayer-circles'
import { createHousehold, createPerson } from '../../db/members'
import { insertSignup, insertTrain, markNeedsRescheduling } from '../../db/meal-trains'
import type { Database } from '../../db/schema'
import { writeSettings } from '../../db/settings'
import type { Settings } from '../contract/app'
import { HouseholdFieldsSchema, PersonFieldsSchema } from '../contract/members'
import { MealTrainFieldsSchema } from '../contract/meal-trains'
import { vigilSlots } from '../common/prayer-slots'
import { addDays } from '../contract/days'

/** The example congregation's file sits beside the real one, under a name no backup or restore ever uses. */
export function examplePath(realPath: string): string {
  return join(dirname(realPath), `example-congregation-${basename(realPath)}`)
}

const PEOPLE = [
  { household: 'The Okafor family', firstName: 'Adaeze', preferredName: 'Ada', lastName: 'Okafor', mobilePhone: '07700 900101', birthdayIn: 2 },
  { household: 'The Okafor family', firstName: 'Tunde', lastName: 'Okafor', mobilePhone: '07700 900102' },
  { household: 'Papadopoulos', firstName: 'Αθηνά', lastName: 'Παπαδοπούλου', mobilePhone: '+30 691 234 5678' },
  { firstName: 'Maria', lastName: 'Fernández', mobilePhone: '07700 900104', birthdayIn: 5 },
  { firstName: 'John', lastName: 'Smith', mobilePhone: '07700 900105' },
  { firstName: 'Grace', lastName: 'Adeyemi', mobilePhone: '07700 900106' },
  { firstName: 'Peter', lastName: 'Nowak', mobilePhone: '07700 900107' },
  { firstName: 'Ruth', lastName: 'MacLeod', mobilePhone: '07700 900108' },
  { firstName: 'Samuel', lastName: 'Osei', mobilePhone: '07700 900109' },
  { firstName: 'Hannah', lastName: 'Berg', mobilePhone: '07700 900110' },
] as const

/** A birthday `inDays` from today, some decades back (the year never matters to the home). */
function birthdayFrom(today: string, inDays: number, yearsAgo: number): string {
  const day = addDays(today, inDays)
  const monthDay = day.slice(5) === '02-29' ? '02-28' : day.slice(5)
  return `${Number(day.slice(0, 4)) - yearsAgo}-${monthDay}`
}

/**
 * Writes a small made-up congregation, dated around `today`, so every part of Hearth has something to show: a
 * meal train with open and taken dinners and one sign-up to reschedule, an overnight vigil with gaps and someone
 * who needs a substitute, prayer requests about to expire, and birthdays this week.
 */
export async function seedExample(db: Kysely<Database>, today: string, settings: Pick<Settings, 'paperSize' | 'textSize' | 'timeZone'>): Promise<void> {
  await writeSettings(db, { ...settings, congregationName: 'Example congregation' })
  await db.transaction().execute(async (trx) => {
    const households = new Map<string, number>()
    const ids: number[] = []
    for (const [i, p] of PEOPLE.entries()) {
      const household = 'household' in p ? p.household : null
      if (household && !households.has(household)) {
        households.set(household, await createHousehold(trx, HouseholdFieldsSchema.parse({ displayName: household, address: { line1: `${10 + i} Church Lane`, line2: null, city: 'Leeds', region: null, postalCode: null, country: null } })))
      }
      ids.push(
        await createPerson(
          trx,
          PersonFieldsSchema.parse({
            firstName: p.firstName,
            lastName: p.lastName,
            preferredName: 'preferredName' in p ? p.preferredName : null,
            mobilePhone: p.mobilePhone,
            householdId: household ? households.get(household) : null,
            birthday: 'birthdayIn' in p ? birthdayFrom(today, p.birthdayIn, 40 + i) : null,
          }),
        ),
      )
    }
    const person = (i: number) => ({ id: ids[i]!, name: `${'preferredName' in PEOPLE[i]! ? (PEOPLE[i] as { preferredName: string }).preferredName : PEOPLE[i]!.firstName} ${PEOPLE[i]!.lastName}`, phone: PEOPLE[i]!.mobilePhone })

    const trainId = await insertTrain(
      trx,
      MealTrainFieldsSchema.parse({
        recipientPersonId: ids[0],
        recipientHouseholdId: households.get('The Okafor family'),
        recipientName: 'The Okafor family',
        reason: 'New baby',
        startsOn: today,
        endsOn: addDays(today, 13),
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        meals: [{ meal: 'dinner', from: '17:30', to: '18:30' }],
        adults: 2,
        children: 1,
        address: '10 Church Lane, Leeds',
        coordinatorName: 'Ruth MacLeod',
        coordinatorPhone: '07700 900108',
      }),
    )
    for (const [day, who, dish] of [
      [0, 3, 'Chicken casserole'],
      [1, 4, 'Vegetable lasagne'],
      [3, 5, 'Jollof rice'],
    ] as const) {
      const v = person(who)
      await insertSignup(trx, { trainId, date: addDays(today, day), meal: 'dinner', personId: v.id, name: v.name, phone: v.phone, kind: 'meal', dish, notes: null })
    }
    const moved = person(6)
    const stranded = await insertSignup(trx, { trainId, date: addDays(today, 20), meal: 'dinner', personId: moved.id, name: moved.name, phone: moved.phone, kind: 'meal', dish: 'Soup and bread', notes: null })
    await markNeedsRescheduling(trx, [stranded])

    const circleId = await insertCircle(trx, { name: 'Tuesday prayer circle', leaderPersonId: ids[7]! })
    for (const i of [7, 3, 4, 5, 8, 9]) await addMember(trx, circleId, ids[i]!)
    const slots = vigilSlots({ startDate: addDays(today, 1), startTime: '20:00', hours: 12, slotMinutes: 60, zone: settings.timeZone })
    const scheduleId = await insertSchedule(trx, { circleId, kind: 'vigil', title: 'Night of prayer', timeZone: settings.timeZone, minPeople: 1, perPersonLimit: null, rrule: null }, slots)
    const slotIds = await slotIdsOf(trx, scheduleId)
    const rota = [7, 3, 4, 5, 8, 9, 7, 3]
    for (const [n, who] of rota.entries()) {
      const assignment = await insertAssignment(trx, { slotId: slotIds[n]!, personId: ids[who]!, writeInName: null, source: n < 4 ? 'auto' : 'manual' })
      if (n === 2) await setNeedsSubstitute(trx, assignment, true)
    }
    await insertRequest(trx, { circleId, body: 'For Tunde’s new job, starting next week', requestedBy: 'Ada Okafor', confidentiality: 'circle', expiresOn: addDays(today, 3) })
    await insertRequest(trx, { circleId, body: 'A private family matter', requestedBy: null, confidentiality: 'coordinator', expiresOn: addDays(today, 5) })
  })
}

/** Throws away an earlier example file, so a new one is always dated around today. */
export function removeExampleFile(path: string): void {
  for (const p of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) rmSync(p, { force: true })
}
