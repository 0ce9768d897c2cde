import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { type Channel, channelNames, contract } from '../../main/contract'
import { call, testSession } from '../helpers/session'
import { contentsDigest } from '../helpers/contents'

// The same inputs on every run, so a CI result can be repeated; HEARTH_FUZZ_SEED=n explores other inputs.
fc.configureGlobal({ seed: Number(process.env.HEARTH_FUZZ_SEED ?? 20261130) })

let s: Awaited<ReturnType<typeof testSession>>
beforeAll(async () => {
  s = await testSession()
  // Some rows for ids to land on, so well-formed calls reach deep into the handlers.
  for (const [first, last] of [
    ['Ada', 'Lovelace'],
    ['Grace', 'Hopper'],
    ['Katherine', 'Johnson'],
  ] as const) {
    await call(s, 'members.create', { firstName: first, lastName: last, tags: ['choir'], skills: ['driving'] })
  }
  await call(s, 'households.create', { displayName: 'The Lovelace Family' })
})
afterAll(() => s.close())

// Which file is open is part of what a refused call must leave alone: the example-congregation channels switch it.
const contents = () => `${s.context.databasePath} ${contentsDigest(s.context.sqlite)}`

interface Internals {
  _zod: { def: Record<string, unknown> & { type: string; checks?: { _zod: { def: { check: string; maximum?: number } } }[] } }
}

// Strings a careless or hostile page might send: control characters, markup, SQL, very long text, odd Unicode.
const nasty = fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\u202Eevil', "'; drop table people; --", '<script>alert(1)</script>', '=1+1', '-2+3', '𝔘𝔫𝔦', 'x'.repeat(5000), '2026-02-29', '2024-02-29', '23:59', '00:00', '1900-01-01')

/**
 * Inputs shaped like the channel's schema (mostly valid, sometimes just wrong), so the fuzz reaches the handlers
 * and not only the validation in front of them.
 */
function shaped(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = (schema as unknown as Internals)._zod.def
  const max = def.checks?.map((c) => c._zod.def).find((c) => c.check === 'max_length')?.maximum
  const inner = (x: unknown) => shaped(x as z.ZodType, depth + 1)
  if (depth > 6) return fc.constant(null)
  switch (def.type) {
    case 'string':
      return fc.oneof({ weight: 3, arbitrary: fc.string({ maxLength: Math.min(max ?? 30, 30) }) }, { weight: 1, arbitrary: nasty }, { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) })
    case 'number':
    case 'int':
      return fc.oneof({ weight: 4, arbitrary: fc.integer({ min: -1, max: 8 }) }, { weight: 1, arbitrary: fc.double() }, { weight: 1, arbitrary: fc.integer() })
    case 'boolean':
      return fc.boolean()
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>))
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]))
    case 'array':
      return fc.oneof({ weight: 5, arbitrary: fc.array(inner(def.element), { maxLength: Math.min(max ?? 4, 4) }) }, { weight: 1, arbitrary: fc.array(inner(def.element), { minLength: (max ?? 60) + 1, maxLength: (max ?? 60) + 3 }) })
    case 'object': {
      const shape = def.shape as Record<string, unknown>
      const record = fc.record(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, inner(v)])), { requiredKeys: [] })
      return fc.oneof({ weight: 6, arbitrary: record }, { weight: 1, arbitrary: record.map((r) => ({ ...r, unexpected: 1 })) })
    }
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map(inner))
    case 'pipe':
      return inner(def.in)
    case 'optional':
    case 'default':
    case 'prefault':
      return fc.option(inner(def.innerType), { nil: undefined })
    case 'nullable':
      return fc.option(inner(def.innerType), { nil: null })
    default:
      return fc.anything()
  }
}

// Whatever a compromised or buggy page sends, main answers with a Result and never throws or fails inside; a call
// it refuses writes nothing at all.
describe('every channel under arbitrary input', () => {
  const anything = fc.oneof(
    fc.anything(),
    fc.dictionary(fc.constantFrom('id', 'query', 'name', 'date', 'input', '__proto__', 'constructor', 'limit', 'token', 'path'), fc.anything()),
  )
  // PDFs take a moment each, so the channels that render one get fewer runs; the rest get 60.
  const runs = (channel: Channel) => (/^print\.|recoverySheet|printRecoverySheet/.test(channel) ? 10 : 60)

  const reached = { ok: 0, refusedByHandler: 0, refusedByValidation: 0 }
  for (const channel of channelNames) {
    it(`${channel} returns a typed result, never an internal error, and writes nothing when it refuses`, async () => {
      const input = fc.oneof({ weight: 3, arbitrary: shaped(contract[channel].input) }, { weight: 1, arbitrary: anything })
      await fc.assert(
        fc.asyncProperty(input, async (value) => {
          const before = contents()
          const r = await s.registry.dispatch(channel, value)
          expect(typeof r.ok).toBe('boolean')
          if (r.ok) reached.ok++
          else if (r.error.code === 'invalid_input' && r.error.fields) reached.refusedByValidation++
          else reached.refusedByHandler++
          if (!r.ok) {
            expect(typeof r.error.message).toBe('string')
            expect(r.error.message.length).toBeGreaterThan(0)
            expect(r.error.message.length).toBeLessThan(1000)
            expect(r.error.code, r.error.message).not.toBe('internal')
            expect(contents(), `${channel} refused (${r.error.message}) but changed the database`).toBe(before)
          }
        }),
        { numRuns: runs(channel) },
      )
    })
  }

  it('(the inputs are shaped well enough that many calls get past validation into the handlers)', () => {
    const total = reached.ok + reached.refusedByHandler + reached.refusedByValidation
    expect(total).toBeGreaterThan(2500)
    // About a fifth to a quarter of calls reach the handlers, depending on the seed; a broken generator sends almost none.
    expect(reached.ok + reached.refusedByHandler, JSON.stringify(reached)).toBeGreaterThan(total / 5)
  })
})
