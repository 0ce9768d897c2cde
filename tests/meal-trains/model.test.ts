import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Result } from '../../main/contract'
import type { MealTrainDetail } from '../../main/contract/meal-trains'
import { eachDay, generateSlots } from '../../main/common/meal-slots'
import { testSession } from '../helpers/session'

let s: Awaited<ReturnType<typeof testSession>>
beforeAll(async () => {
  s = await testSession()
})
afterAll(() => s?.close())

const START = '2026-03-02'
const DAYS = eachDay(START, '2026-03-15')
const dayAt = (n: number) => DAYS[n]!
const MEALS = [
  { meal: 'lunch' as const, from: '12:00', to: '13:00' },
  { meal: 'dinner' as const, from: '17:30', to: '18:30' },
]
const meal = fc.constantFrom('lunch' as const, 'dinner' as const)
const day = fc.integer({ min: 0, max: 13 })

const command = fc.oneof(
  fc.record({ kind: fc.constant('signUp' as const), day, meal, name: fc.string({ minLength: 1, maxLength: 20 }).filter((n) => n.trim().length > 0) }),
  fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('deliver' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), day, meal }),
  fc.record({
    kind: fc.constant('change' as const),
    lastDay: day,
    weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    meals: fc.subarray(MEALS, { minLength: 1 }),
    confirm: fc.boolean(),
  }),
)

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(r.error.message)
  return r.value as T
}

describe('sign-ups under any sequence of changes', () => {
  it('never loses or double-books a sign-up, and every held slot is on the train', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 25 }), async (commands) => {
        const fields = { recipientName: 'Family', startsOn: START, endsOn: dayAt(13), weekdays: [1, 2, 3, 4, 5, 6, 7], meals: MEALS }
        const trainId = value<{ id: number }>(await s.registry.dispatch('mealTrains.create', fields)).id
        const made: number[] = []
        for (const c of commands) {
          if (c.kind === 'signUp') {
            const r = await s.registry.dispatch('mealTrains.signUp', { trainId, date: dayAt(c.day), meal: c.meal, volunteer: { name: c.name } })
            if (r.ok) made.push((r.value as { id: number }).id)
            else expect(['conflict', 'invalid_input']).toContain(r.error.code)
          } else if (c.kind === 'change') {
            const next = { ...fields, endsOn: dayAt(c.lastDay), weekdays: c.weekdays, meals: c.meals }
            const before = value<MealTrainDetail>(await s.registry.dispatch('mealTrains.get', { id: trainId }))
            const preview = await s.registry.dispatch('mealTrains.previewUpdate', { id: trainId, fields: next })
            const r = await s.registry.dispatch('mealTrains.update', { id: trainId, fields: next, confirmAffected: c.confirm })
            const after = value<MealTrainDetail>(await s.registry.dispatch('mealTrains.get', { id: trainId }))
            if (!r.ok) {
              // A refused change (stranding volunteers without confirmation, or no day left) changes nothing.
              expect(after.slots).toEqual(before.slots)
              expect(after.needsRescheduling).toEqual(before.needsRescheduling)
            } else if (preview.ok) {
              const affected = (preview.value as { affected: { signupId: number }[] }).affected.map((a) => a.signupId).sort()
              expect((r.value as { movedToRescheduling: number }).movedToRescheduling).toBe(affected.length)
              if (affected.length > 0) expect(c.confirm).toBe(true)
              for (const id of affected) expect(after.needsRescheduling.map((x) => x.id)).toContain(id)
            }
          } else if (made.length > 0) {
            const signupId = made[c.pick % made.length]!
            if (c.kind === 'cancel') await s.registry.dispatch('mealTrains.setSignupState', { signupId, state: 'cancelled' })
            else if (c.kind === 'deliver') await s.registry.dispatch('mealTrains.setSignupState', { signupId, state: 'delivered' })
            else await s.registry.dispatch('mealTrains.moveSignup', { signupId, date: dayAt(c.day), meal: c.meal })
          }
        }

        const t = value<MealTrainDetail>(await s.registry.dispatch('mealTrains.get', { id: trainId }))
        const rows = s.context.sqlite.prepare('select id, date, meal, state from meal_signups where train_id = ?').all(trainId) as { id: number; date: string; meal: string; state: string }[]
        expect(rows.map((r) => r.id).sort()).toEqual([...made].sort())
        const held = rows.filter((r) => r.state === 'taken' || r.state === 'delivered')
        expect(new Set(held.map((r) => `${r.date}|${r.meal}`)).size).toBe(held.length)
        const onTrain = new Set(generateSlots(t).map((x) => `${x.date}|${x.meal}`))
        for (const r of held) expect(onTrain.has(`${r.date}|${r.meal}`)).toBe(true)
        expect(t.openSlots).toBe(onTrain.size - held.length)
        const shown = [...t.slots.flatMap((x) => (x.signup ? [x.signup.id] : [])), ...t.needsRescheduling.map((x) => x.id), ...t.cancelled.map((x) => x.id)]
        expect(shown.sort()).toEqual([...made].sort())
      }),
      { numRuns: 50 },
    )
    expect(s.context.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(s.context.sqlite.pragma('foreign_key_check')).toEqual([])
  })
})
