import { describe, expect, it } from 'vitest'
import { FROM_WIRE, jsonIsExact, toWire } from './wire'

// The page's half, evaluated here exactly as the page evaluates it.
const fromWire = (0, eval)(FROM_WIRE) as (wire: unknown) => unknown

describe('the test bridge sends JSON only when JSON rebuilds what a structured clone would', () => {
  const plain = [
    null,
    'text with a lone surrogate \ud800 and a quote " and a newline\n',
    0,
    -1.5,
    Number.MAX_SAFE_INTEGER,
    true,
    [],
    {},
    { ok: true, value: { rows: [{ id: 1, name: 'Zoë Smith', tags: ['Choir'], email: null, archived: false }], total: 1, more: false } },
    Object.assign(Object.create(null), { made: 'without a prototype' }),
    [[1, [2, [3]]], { a: { b: { c: 'deep' } } }],
  ]

  it.each(plain.map((value) => [JSON.stringify(value), value]))('%s crosses as JSON and arrives as its structured clone', (_, value) => {
    const wire = toWire(value)
    expect(wire).toHaveProperty('json')
    expect(fromWire(wire)).toStrictEqual(structuredClone(value))
  })

  const shared = { id: 1 }
  const cycle: Record<string, unknown> = {}
  cycle.self = cycle
  const holey = [1, , 3]
  const dressed = Object.assign([1, 2], { extra: true })
  class Row {
    id = 1
  }
  const exotic: [string, unknown][] = [
    ['undefined', undefined],
    ['a key holding undefined', { ok: true, value: undefined }],
    ['NaN', { n: Number.NaN }],
    ['Infinity', [Number.POSITIVE_INFINITY]],
    ['minus zero', { z: -0 }],
    ['a date', { at: new Date(0) }],
    ['bytes', { pdf: new Uint8Array([37, 80, 68, 70]) }],
    ['a Node buffer', { file: Buffer.from('hi') }],
    ['a map', { m: new Map([[1, 2]]) }],
    ['a set', { s: new Set([1]) }],
    ['a bigint', { b: 1n }],
    ['a function', { f: () => 1 }],
    ['a class instance', { row: new Row() }],
    ['a hole in an array', { list: holey }],
    ['an array with a named property', dressed],
    ['one object reached twice', { a: shared, b: shared }],
    ['a cycle', cycle],
    ['a __proto__ key', JSON.parse('{"__proto__": {"polluted": true}}')],
  ]

  it.each(exotic)('%s goes by the object serializer, untouched', (_, value) => {
    expect(jsonIsExact(value)).toBe(false)
    const wire = toWire(value)
    expect(wire).not.toHaveProperty('json')
    expect(fromWire(wire)).toBe(value)
  })
})
