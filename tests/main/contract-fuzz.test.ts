import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { channelNames } from '../../main/contract'
import { testSession } from '../helpers/session'

let s: Awaited<ReturnType<typeof testSession>>
beforeAll(async () => {
  s = await testSession()
})
afterAll(() => s.close())

const totalChanges = () => s.context.sqlite.prepare('select total_changes()').pluck().get() as number

// Whatever a compromised or buggy page sends, main answers with a Result and never throws; input that fails
// validation writes nothing at all.
describe('every channel under arbitrary input', () => {
  const payload = fc.oneof(
    fc.anything(),
    fc.dictionary(fc.constantFrom('id', 'query', 'name', 'date', 'input', '__proto__', 'constructor', 'limit'), fc.anything()),
  )
  for (const channel of channelNames) {
    it(`${channel} returns a typed result and writes nothing when the input is invalid`, async () => {
      await fc.assert(
        fc.asyncProperty(payload, async (input) => {
          const before = totalChanges()
          const r = await s.registry.dispatch(channel, input)
          expect(typeof r.ok).toBe('boolean')
          if (!r.ok) {
            expect(typeof r.error.message).toBe('string')
            expect(r.error.message.length).toBeGreaterThan(0)
            expect(r.error.code).not.toBe('internal')
            if (r.error.code === 'invalid_input') expect(totalChanges()).toBe(before)
          }
        }),
        { numRuns: 60 },
      )
    })
  }
})
