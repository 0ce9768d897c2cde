import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type CellMark, cellKey, cellsOf, nextMark, stretchesOf } from '../../renderer/prayer-circles/week-cells'

describe('the week grid of preferred and impossible times', () => {
  it('joins consecutive hours of one kind into one stretch, ending at midnight as 00:00', () => {
    const cells = new Map([
      [cellKey(7, 8), 'prefer' as const],
      [cellKey(7, 9), 'prefer' as const],
      [cellKey(7, 10), 'impossible' as const],
      [cellKey(1, 22), 'impossible' as const],
      [cellKey(1, 23), 'impossible' as const],
      [cellKey(3, 0), 'prefer' as const],
    ])
    expect(stretchesOf(cells)).toEqual([
      { kind: 'impossible', weekday: 1, start: '22:00', end: '00:00' },
      { kind: 'prefer', weekday: 3, start: '00:00', end: '01:00' },
      { kind: 'prefer', weekday: 7, start: '08:00', end: '10:00' },
      { kind: 'impossible', weekday: 7, start: '10:00', end: '11:00' },
    ])
    expect(stretchesOf(new Map())).toEqual([])
  })

  it('reads stored stretches back hour by hour, a part hour marking the whole hour, impossible winning', () => {
    const cells = cellsOf([
      { kind: 'prefer', weekday: 2, start: '06:30', end: '08:00' },
      { kind: 'impossible', weekday: 5, start: '23:00', end: '00:00' },
      { kind: 'prefer', weekday: 5, start: '22:00', end: '00:00' },
    ])
    expect([...cells.entries()].sort()).toEqual([
      ['2:6', 'prefer'],
      ['2:7', 'prefer'],
      ['5:22', 'prefer'],
      ['5:23', 'impossible'],
    ])
    const whole = [{ kind: 'impossible' as const, weekday: 6, start: '00:00', end: '00:00' }]
    expect(stretchesOf(cellsOf(whole))).toEqual(whole)
  })

  it('steps through none, preferred, impossible and back', () => {
    expect([nextMark(undefined), nextMark('prefer'), nextMark('impossible')]).toEqual(['prefer', 'impossible', undefined])
  })

  it('any marking of the week survives being stored as stretches and read back, and stretches never overlap', () => {
    const cellsArb = fc
      .array(fc.tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 23 }), fc.constantFrom<CellMark>('prefer', 'impossible')), { maxLength: 80 })
      .map((list) => new Map(list.map(([w, h, m]) => [cellKey(w, h), m])))
    fc.assert(
      fc.property(cellsArb, (cells) => {
        const stretches = stretchesOf(cells)
        expect(cellsOf(stretches)).toEqual(cells)
        for (const a of stretches) {
          expect(a.end === '00:00' || a.end > a.start).toBe(true)
          const overlapping = stretches.filter((b) => b !== a && b.weekday === a.weekday && b.start < (a.end === '00:00' ? '24:00' : a.end) && a.start < (b.end === '00:00' ? '24:00' : b.end))
          expect(overlapping).toEqual([])
        }
      }),
    )
  })
})
