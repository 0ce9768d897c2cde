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

// Text that reads as something other than what it holds, or breaks what stores and prints it: direction overrides
// and isolates, invisible spaces, half a surrogate pair, control codes, and a line break where there is one line.
const HOSTILE_TEXT: readonly (readonly [string, string])[] = [
  ['a right-to-left override', 'Ruth \u202EnoslO'],
  ['a left-to-right embedding', 'Ruth\u202A Olson'],
  ['a pop directional formatting', 'Ruth\u202C Olson'],
  ['a right-to-left isolate', 'Ruth \u2067Olson\u2069'],
  ['a first-strong isolate', '\u2068Ruth Olson'],
  ['a zero-width space', 'Ruth\u200BOlson'],
  ['a byte-order mark inside', 'Ruth\uFEFFOlson'],
  ['a word joiner', 'Ruth\u2060Olson'],
  ['a lone high surrogate', 'Ruth \uD83D Olson'],
  ['a lone low surrogate', 'Ruth \uDE00 Olson'],
  ['surrogates the wrong way round', 'Ruth \uDE00\uD83D'],
  ['a NUL', 'Ruth\u0000Olson'],
  ['an escape code', 'Ruth\u001B[31mOlson'],
  ['a C1 control code', 'Ruth\u0085Olson'],
]
const MULTI_LINE = 'Line one\nLine two\r\nLine three'

// Strings a careless or hostile page might send: control characters, markup, SQL, very long text, odd Unicode.
const nasty = fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\u202Eevil', ...HOSTILE_TEXT.map(([, text]) => text), "'; drop table people; --", '<script>alert(1)</script>', '=1+1', '-2+3', '𝔘𝔫𝔦', 'x'.repeat(5000), '2026-02-29', '2024-02-29', '23:59', '00:00', '1900-01-01')

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

// Every string field of every channel, found by walking the schemas, so a field added later is covered too.
interface StringLeaf {
  channel: Channel
  path: string
  schema: z.ZodType
}

function stringLeaves(channel: Channel, schema: z.ZodType, path = ''): StringLeaf[] {
  const def = (schema as unknown as Internals)._zod.def
  const inner = (x: unknown, p = path) => stringLeaves(channel, x as z.ZodType, p)
  switch (def.type) {
    case 'string':
      return [{ channel, path, schema }]
    case 'object':
      return Object.entries(def.shape as Record<string, unknown>).flatMap(([k, v]) => inner(v, path ? `${path}.${k}` : k))
    case 'array':
      return inner(def.element, `${path}[]`)
    case 'union':
      return (def.options as unknown[]).flatMap((o) => inner(o))
    case 'pipe':
      return inner(def.in)
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
      return inner(def.innerType)
    default:
      return []
  }
}

// Strings that are not text anyone keeps: what a search looks for (never stored), what a picker or a preview handed
// the screen (opaque tokens, matched against what main issued), a passphrase or the lock's secrets (any character
// is a good one), a workbook's sheet (matched against the sheets the file holds), a folder path the system's picker
// chose, and a time zone checked against the system's list by its handler.
const NOT_FREE_TEXT = /(^|\.)(query|tags\[\]|skills\[\]|token|jobId|personKey|passphrase|secret|current|confirmation|sheet|backupFolder|timeZone)$/
const isFilter = (leaf: StringLeaf) => leaf.path.startsWith('filter.') || /\.filter\./.test(leaf.path)
// Where a volunteer writes in paragraphs: notes, a prayer request, directions to a door, the messages' words.
const MULTI_LINE_FIELDS = new Set([
  'members.addNote body',
  'members.editNote body',
  'members.create dietaryNotes',
  'members.update dietaryNotes',
  'prayerCircles.addRequest body',
  'prayerCircles.editRequest body',
  'mealTrains.signUp notes',
  'communalMeals.create purpose',
  'communalMeals.update fields.purpose',
  'communalMeals.createSeries purpose',
  'communalMeals.signUp notes',
  'care.createAsk details',
  'care.updateAsk fields.details',
  'care.createOffer notes',
  'care.updateOffer fields.notes',
  ...['gaps', 'mealTrain', 'prayerCircle', 'reminder', 'standingSubstitutes'].map((k) => `reach.setTemplates ${k}`),
  ...['mealTrains.create ', 'mealTrains.update fields.', 'mealTrains.previewUpdate fields.'].flatMap((at) =>
    ['address', 'instructions', 'dietaryNotes', 'favouriteMeals', 'careWhat', 'ridePickup', 'rideDestination'].map((f) => `${at}${f}`),
  ),
])

describe('the text rules in every free-text field', () => {
  const leaves = channelNames.flatMap((channel) => stringLeaves(channel, contract[channel].input)).filter((l) => !NOT_FREE_TEXT.test(l.path) && !isFilter(l))
  const accepts = (leaf: StringLeaf, text: string) => leaf.schema.safeParse(text).success

  it('(the walk finds the fields: names, notes, reasons, favourite meals, phones, the praise note)', () => {
    const found = new Set(leaves.map((l) => `${l.channel} ${l.path}`))
    for (const f of ['members.create firstName', 'members.addNote body', 'mealTrains.create reason', 'mealTrains.create favouriteMeals', 'mealTrains.create coordinatorPhone', 'prayerCircles.answerRequest praiseNote', 'households.create displayName']) {
      expect(found, f).toContain(f)
    }
    expect(leaves.length).toBeGreaterThan(100)
  })

  for (const [what, text] of HOSTILE_TEXT) {
    it(`refuses ${what} in every field that takes text, or the field's own format refuses it`, () => {
      const let_through = leaves.filter((l) => accepts(l, text)).map((l) => `${l.channel} ${l.path}`)
      // Invisible spaces are refused in names; elsewhere they are harmless and some scripts' typists use them.
      const allowed = /zero-width|byte-order|word joiner/.test(what) ? let_through.filter((f) => !/(Name|name|requestedBy|displayName)$/.test(f)) : []
      expect(let_through.filter((f) => !allowed.includes(f))).toEqual([])
    })
  }

  it('takes line breaks only in the fields written in paragraphs, and keeps them there', () => {
    const multi = leaves.filter((l) => accepts(l, MULTI_LINE)).map((l) => `${l.channel} ${l.path}`)
    expect(multi.filter((f) => !MULTI_LINE_FIELDS.has(f))).toEqual([])
    for (const l of leaves.filter((l) => MULTI_LINE_FIELDS.has(`${l.channel} ${l.path}`))) {
      expect(l.schema.parse(MULTI_LINE), `${l.channel} ${l.path}`).toBe(MULTI_LINE)
    }
  })

  it('still takes every script, the marks right-to-left text needs, joiners names need, and emoji', () => {
    const names = leaves.filter((l) => /(firstName|lastName|displayName|recipientName)$/.test(l.path))
    expect(names.length).toBeGreaterThan(4)
    for (const text of ['محمد\u200Fالعلي', 'Ελένη', 'Анна-Мария', '李小龍', 'สมชาย', 'می\u200Cخواهم', 'क्\u200Dष', 'Zoë 👩\u200D👩\u200D👧']) {
      for (const l of names) expect(accepts(l, text), `${l.channel} ${l.path}: ${text}`).toBe(true)
    }
  })

  it('says which rule a field broke, in words the screen can show', async () => {
    const cases: [string, string][] = [
      ['Ruth \u202EnoslO', 'validation.text.direction'],
      ['Ruth\u200BOlson', 'validation.text.invisibleSpace'],
      ['Ruth \uD83D', 'validation.text.broken'],
      ['Ruth\u0000', 'validation.control'],
      ['Ruth\nOlson', 'validation.text.oneLine'],
    ]
    for (const [firstName, id] of cases) {
      const before = contents()
      const r = await s.registry.dispatch('members.create', { firstName, lastName: 'Olson' })
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error.fieldMessages?.firstName?.id, firstName).toBe(id)
      expect(contents()).toBe(before)
    }
  })
})
