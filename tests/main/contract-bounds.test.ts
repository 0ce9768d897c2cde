import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { channelNames, contract } from '../../main/contract'

interface Check {
  _zod: { def: { check: string; pattern?: RegExp } }
}
interface Internals {
  _zod: { def: Record<string, unknown> & { type: string; checks?: Check[] }; pattern?: RegExp }
}

// A pattern of fixed shape (no repetition without an upper bound) limits a string's length by itself.
const boundedPattern = (p: RegExp) => !/(?<!\\)[*+]|\{\d+,\}/.test(p.source)

/** Every string and array reachable in a schema that has no upper bound on its length, by path. */
function unbounded(schema: z.ZodType, path: string, seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return []
  seen.add(schema)
  const zod = (schema as unknown as Internals)._zod
  const def = zod.def
  const checks = (def.checks ?? []).map((c) => c._zod.def)
  const hasMax = checks.some((c) => c.check === 'max_length' || c.check === 'length_equals')
  const inner = (s: unknown, p = path) => unbounded(s as z.ZodType, p, seen)
  switch (def.type) {
    case 'string': {
      // A format such as z.iso.date() carries its own pattern; z.string().regex() adds one as a check.
      const patterns = [zod.pattern, ...checks.map((c) => c.pattern)].filter((p): p is RegExp => p instanceof RegExp)
      const ok = hasMax || (patterns.length > 0 && patterns.some(boundedPattern))
      return ok ? [] : [path || '(input)']
    }
    case 'array':
      return [...(hasMax ? [] : [`${path}[]`]), ...inner(def.element, `${path}[]`)]
    case 'object':
      return Object.entries(def.shape as Record<string, unknown>).flatMap(([k, v]) => inner(v, path ? `${path}.${k}` : k))
    case 'union':
      return (def.options as unknown[]).flatMap((o) => inner(o))
    case 'pipe':
      return [...inner(def.in), ...inner(def.out)]
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return inner(def.innerType)
    case 'record':
    case 'map':
    case 'set':
    case 'tuple':
    case 'lazy':
    case 'any':
    case 'unknown':
      return [`${path} (${def.type})`]
    default:
      return []
  }
}

describe('the contract', () => {
  it('(the check itself finds an unbounded string or array, and accepts bounded ones)', () => {
    const probe = z.strictObject({ a: z.string(), b: z.array(z.number()), c: z.string().max(5), d: z.iso.date(), e: z.string().regex(/^\d+$/) })
    expect(unbounded(probe, '')).toEqual(['a', 'b[]', 'e'])
  })

  it('bounds every string and every array a page can send, on every channel', () => {
    const found = channelNames.flatMap((channel) => unbounded(contract[channel].input, '').map((p) => `${channel}: ${p}`))
    expect(found).toEqual([])
  })
})
