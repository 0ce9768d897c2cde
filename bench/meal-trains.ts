import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Result } from '../main/contract'
import type { MealTrainDetail } from '../main/contract/meal-trains'
import { generateSlots } from '../main/common/meal-slots'
import { startSession } from '../main/session'
import { TestOs } from '../tests/bridge/test-os'
import { generateMembers } from './members'
import { sized } from './scale'
import { percentile, report, timeMs } from './report'

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(r.error.message)
  return r.value as T
}

const TRAINS = sized(40, 3)

/** A busy year: 40 trains of 90 days with lunch and dinner (7,200 slots), four in five taken by 500 members. */
export async function benchMealTrains(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-meals-'))
  try {
    const s = await startSession(join(dir, 'hearth.sqlite'), new TestOs(dir, 'en-GB'), 'bench')
    await s.registry.dispatch('settings.update', { timeZone: 'Europe/London' })
    await generateMembers(s.context.db, sized(500, 40), sized(250, 20))
    const people = (await s.context.db.selectFrom('people').select('id').orderBy('id').execute()).map((p) => p.id)
    const meals = [
      { meal: 'lunch' as const, from: '12:00', to: '13:00' },
      { meal: 'dinner' as const, from: '17:30', to: '18:30' },
    ]
    const trainIds: number[] = []
    for (let t = 0; t < TRAINS; t++) {
      const start = new Date(Date.UTC(2026, 0, 1 + t * 9)).toISOString().slice(0, 10)
      const end = new Date(Date.UTC(2026, 0, 90 + t * 9)).toISOString().slice(0, 10)
      const fields = { recipientName: `Family ${t}`, startsOn: start, endsOn: end, weekdays: [1, 2, 3, 4, 5, 6, 7], meals, dietary: ['nut_allergy' as const] }
      trainIds.push(value<{ id: number }>(await s.registry.dispatch('mealTrains.create', fields)).id)
    }
    // Fill four in five slots straight into the tables (setting the scene), then time sign-ups through the handler.
    const open: { trainId: number; date: string; meal: 'lunch' | 'dinner' }[] = []
    const slotsOf = new Map<number, MealTrainDetail['slots']>()
    for (const trainId of trainIds) slotsOf.set(trainId, value<MealTrainDetail>(await s.registry.dispatch('mealTrains.get', { id: trainId })).slots)
    await s.context.db.transaction().execute(async (trx) => {
      for (const [t, trainId] of trainIds.entries()) {
        const slots = slotsOf.get(trainId) ?? []
        for (const [i, slot] of slots.entries()) {
          if (i % 5 === 4) {
            open.push({ trainId, date: slot.date, meal: slot.meal as 'lunch' | 'dinner' })
            continue
          }
          await trx
            .insertInto('meal_signups')
            .values({ train_id: trainId, date: slot.date, meal: slot.meal, person_id: people[(t * 37 + i * 13) % people.length]!, volunteer_name: 'x', volunteer_phone: null, kind: 'meal', dish: `Dish ${i % 17}`, notes: null, state: 'taken', updated_at: 'x' })
            .execute()
        }
      }
    })
    const signups: number[] = []
    for (const [i, slot] of open.slice(0, sized(100, 5)).entries()) {
      const input = { ...slot, volunteer: { personId: people[i]! }, dish: 'Peanut noodles' }
      signups.push(await timeMs(async () => value(await s.registry.dispatch('mealTrains.signUp', input))))
    }
    report('meals.signup_with_warnings_p95_ms', percentile(signups, 95), 'ms')
    report('meals.list_40_trains_7200_slots_ms', await timeMs(async () => value(await s.registry.dispatch('mealTrains.list', {}))), 'ms')
    const gets: number[] = []
    const checks: number[] = []
    for (let i = 0; i < TRAINS; i++) {
      const trainId = trainIds[i]!
      gets.push(await timeMs(async () => value(await s.registry.dispatch('mealTrains.get', { id: trainId }))))
      const check = { trainId, date: '2026-03-01', meal: 'dinner', personId: people[i], dish: 'Peanut noodles' }
      checks.push(await timeMs(async () => s.registry.dispatch('mealTrains.checkSignup', check)))
    }
    report('meals.get_90_day_train_p95_ms', percentile(gets, 95), 'ms')
    report('meals.check_signup_p95_ms', percentile(checks, 95), 'ms')
    // Who has helped lately over the half year, as the sign-up dialog's suggestions and the care screen read it.
    report('meals.helped_lately_500_people_ms', await timeMs(async () => value(await s.registry.dispatch('care.helpedLately', { from: '2026-01-01', to: '2026-06-30' }))), 'ms')
    report(
      'meals.generate_slots_366_days_3_meals',
      await timeMs(() =>
        generateSlots({ startsOn: '2028-01-01', endsOn: '2028-12-31', weekdays: [1, 2, 3, 4, 5, 6, 7], meals: [{ meal: 'breakfast', from: '08:00', to: '09:00' }, ...meals] }),
      ),
      'ms',
    )
    await s.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
