import { describe, expect, it } from 'vitest'
import type { Commitment } from '../../db/commitments'
import { clashes, conflictsFor } from '../../main/common/conflicts'
import { autoFill, type FillSlot, substitutes } from '../../main/common/rotation'
import { vigilSlots } from '../../main/common/prayer-slots'

function gridFrom(hours: number, slotMinutes = 60, need = 1): FillSlot[] {
  return vigilSlots({ startDate: '2026-03-28', startTime: '20:00', hours, slotMinutes, zone: 'Europe/London' }).map((s, i) => ({
    id: i + 1,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    localDate: s.localDate,
    need,
    assigned: [],
  }))
}

const people = (n: number) => Array.from({ length: n }, (_, i) => ({ personId: i + 1, priorCount: 0 }))

function countsOf(additions: { personId: number }[], extra: Record<number, number> = {}): Map<number, number> {
  const m = new Map<number, number>(Object.entries(extra).map(([k, v]) => [Number(k), v]))
  for (const a of additions) m.set(a.personId, (m.get(a.personId) ?? 0) + 1)
  return m
}

const base = { perPersonLimit: null, blackouts: [], elsewhere: [] }

describe('auto-fill fairness', () => {
  it('nobody has more than one assignment above anyone else when all are available', () => {
    for (const [hours, n, need] of [
      [24, 5, 1],
      [24, 7, 2],
      [168, 9, 3],
      [10, 4, 1],
      [7, 10, 1],
    ] as const) {
      const result = autoFill({ ...base, slots: gridFrom(hours, 60, need), candidates: people(n) })
      expect(result.unfilled).toEqual([])
      expect(result.additions).toHaveLength(hours * need)
      const counts = [...countsOf(result.additions).values()]
      const all = Array.from({ length: n }, (_, i) => countsOf(result.additions).get(i + 1) ?? 0)
      expect(Math.max(...all) - Math.min(...all), `${hours}h, ${n} people, ${need} each`).toBeLessThanOrEqual(1)
      expect(counts.reduce((a, b) => a + b, 0)).toBe(hours * need)
    }
  })

  it('is deterministic and passes round in the given order', () => {
    const input = { ...base, slots: gridFrom(6), candidates: [3, 1, 2].map((personId) => ({ personId, priorCount: 0 })) }
    const first = autoFill(input)
    expect(autoFill(input)).toEqual(first)
    expect(first.additions.map((a) => a.personId)).toEqual([3, 1, 2, 3, 1, 2])
  })

  it('lets those who did less before go first', () => {
    const result = autoFill({ ...base, slots: gridFrom(3), candidates: [{ personId: 1, priorCount: 5 }, { personId: 2, priorCount: 0 }, { personId: 3, priorCount: 2 }] })
    expect(result.additions.map((a) => a.personId)).toEqual([2, 3, 1])
  })

  it('never overwrites or duplicates a manual assignment, and counts it towards fairness', () => {
    const slots = gridFrom(6).map((s, i) => (i < 2 ? { ...s, assigned: [{ personId: 1 }] } : s))
    slots[2] = { ...slots[2]!, need: 2, assigned: [{ personId: null }] }
    const result = autoFill({ ...base, slots, candidates: people(3) })
    expect(result.additions.some((a) => a.slotId === 1 || a.slotId === 2)).toBe(false)
    expect(result.additions.filter((a) => a.slotId === 3)).toHaveLength(1)
    const totals = countsOf(result.additions, { 1: 2 })
    expect([1, 2, 3].map((p) => totals.get(p))).toEqual([2, 2, 2])
  })
})

describe('auto-fill constraints', () => {
  it('honours blackout days', () => {
    const slots = gridFrom(24)
    const result = autoFill({ ...base, slots, candidates: people(3), blackouts: [{ personId: 2, startsOn: '2026-03-29', endsOn: '2026-03-30' }] })
    const sunday = new Set(slots.filter((s) => s.localDate === '2026-03-29').map((s) => s.id))
    expect(result.additions.filter((a) => a.personId === 2 && sunday.has(a.slotId))).toEqual([])
    expect(result.additions.filter((a) => a.personId === 2).length).toBeGreaterThan(0)
    expect(result.unfilled).toEqual([])
  })

  it('respects a per-person limit and leaves the open slots scattered, not bunched at the end', () => {
    const result = autoFill({ ...base, slots: gridFrom(8), candidates: people(3), perPersonLimit: 2 })
    expect(result.additions).toHaveLength(6)
    expect([...countsOf(result.additions).values()]).toEqual([2, 2, 2])
    expect(result.unfilled).toEqual([
      { slotId: 4, missing: 1 },
      { slotId: 8, missing: 1 },
    ])
  })

  it('leaves a slot open when nobody is available, and says how many are missing', () => {
    const result = autoFill({
      ...base,
      slots: gridFrom(2, 60, 3),
      candidates: people(2),
      blackouts: [{ personId: 2, startsOn: '2026-03-28', endsOn: '2026-03-28' }],
    })
    expect(result.additions).toEqual([
      { slotId: 1, personId: 1 },
      { slotId: 2, personId: 1 },
    ])
    expect(result.unfilled).toEqual([
      { slotId: 1, missing: 2 },
      { slotId: 2, missing: 2 },
    ])
    expect(autoFill({ ...base, slots: gridFrom(1), candidates: [] }).unfilled).toEqual([{ slotId: 1, missing: 1 }])
  })

  it('does not put someone in two overlapping places, here or elsewhere', () => {
    const slots = gridFrom(2, 60, 2)
    const meal: Commitment = {
      personId: 1,
      kind: 'meal',
      label: 'Dinner',
      date: '2026-03-28',
      startsAt: '2026-03-28T20:30:00Z',
      endsAt: '2026-03-28T21:30:00Z',
      ref: { area: 'meal-trains', id: 1 },
    }
    const result = autoFill({ ...base, slots, candidates: people(3), elsewhere: [meal] })
    expect(result.additions.filter((a) => a.personId === 1)).toEqual([])
    expect(result.unfilled).toEqual([])
  })
})

describe('substitutes and conflicts', () => {
  const slot = { startsAt: '2026-05-05T11:00:00Z', endsAt: '2026-05-05T12:00:00Z', localDate: '2026-05-05' }
  const at = (personId: number, kind: 'meal' | 'prayer', startsAt: string | null, endsAt: string | null): Commitment => ({
    personId,
    kind,
    label: kind,
    date: '2026-05-05',
    startsAt,
    endsAt,
    ref: { area: kind === 'meal' ? 'meal-trains' : 'prayer-circles', id: 1 },
  })

  it('lists who is free, least loaded first, skipping blackouts, meal days and overlapping prayer', () => {
    const free = substitutes({
      slot,
      candidates: [1, 2, 3, 4, 5, 6],
      present: [1],
      blackouts: [{ personId: 2, startsOn: '2026-05-01', endsOn: '2026-05-10' }],
      commitments: [at(3, 'meal', '2026-05-05T17:00:00Z', '2026-05-05T18:00:00Z'), at(4, 'prayer', '2026-05-05T11:30:00Z', '2026-05-05T12:30:00Z'), at(6, 'prayer', '2026-05-05T12:00:00Z', '2026-05-05T13:00:00Z')],
      load: new Map([
        [5, 3],
        [6, 1],
      ]),
    })
    expect(free).toEqual([6, 5])
  })

  it('reports blackouts and overlaps; touching ends and all-day on another day do not clash', () => {
    expect(clashes({ date: 'd', startsAt: '2026-01-01T10:00:00Z', endsAt: '2026-01-01T11:00:00Z' }, { date: 'd', startsAt: '2026-01-01T11:00:00Z', endsAt: '2026-01-01T12:00:00Z' })).toBe(false)
    expect(clashes({ date: '2026-01-01', startsAt: null, endsAt: null }, { date: '2026-01-02', startsAt: '2026-01-02T10:00:00Z', endsAt: '2026-01-02T11:00:00Z' })).toBe(false)
    expect(clashes({ date: '2026-01-01', startsAt: null, endsAt: null }, { date: '2026-01-01', startsAt: '2026-01-01T10:00:00Z', endsAt: '2026-01-01T11:00:00Z' })).toBe(true)
    const warnings = conflictsFor(1, { date: slot.localDate, ...slot }, [at(1, 'prayer', '2026-05-05T10:30:00Z', '2026-05-05T11:30:00Z'), at(2, 'prayer', slot.startsAt, slot.endsAt)], [
      { personId: 1, startsOn: '2026-05-05', endsOn: '2026-05-05' },
    ])
    expect(warnings.map((w) => w.kind)).toEqual(['blackout', 'double_booked'])
  })
})
