import { describe, expect, it } from 'vitest'
import type { Commitment } from '../../db/commitments'
import type { HelperRecord } from '../../db/care'
import { helpedLately, isHeavy } from '../../main/care/helped-lately'

const person = (personId: number, name: string, current = true): HelperRecord => ({ personId, name, phone: null, skills: [], current })
const duty = (personId: number, date: string, kind: 'meal' | 'prayer'): Commitment => ({
  personId,
  kind,
  label: kind,
  date,
  startsAt: null,
  endsAt: null,
  ref: { area: kind === 'meal' ? 'meal-trains' : 'prayer-circles', id: 1 },
})

describe('who has helped lately', () => {
  it('counts meals and prayer per person, most first, with everyone current listed even at nothing', () => {
    const rows = helpedLately(
      [person(1, 'Ana'), person(2, 'Ben'), person(3, 'Cy'), person(4, 'Dee', false), person(5, 'Eve', false)],
      [duty(2, '2026-03-01', 'meal'), duty(2, '2026-03-04', 'prayer'), duty(1, '2026-03-02', 'prayer'), duty(4, '2026-02-20', 'meal')],
    )
    expect(rows.map((r) => [r.name, r.total])).toEqual([
      ['Ben', 2],
      ['Ana', 1],
      ['Dee', 1],
      ['Cy', 0],
    ])
    expect(rows[0]).toMatchObject({ care: [{ kind: 'meals', count: 1 }], prayer: 1, lastDate: '2026-03-04' })
    expect(rows[3]).toMatchObject({ care: [], prayer: 0, lastDate: null, heavy: false })
  })

  it('flags someone carrying far more than the others', () => {
    const duties = [...Array.from({ length: 6 }, (_, i) => duty(1, `2026-03-0${i + 1}`, 'meal')), duty(2, '2026-03-01', 'meal'), duty(3, '2026-03-02', 'prayer'), duty(4, '2026-03-03', 'meal')]
    const rows = helpedLately([person(1, 'Ana'), person(2, 'Ben'), person(3, 'Cy'), person(4, 'Dee')], duties)
    expect(rows.map((r) => [r.name, r.heavy])).toEqual([
      ['Ana', true],
      ['Ben', false],
      ['Cy', false],
      ['Dee', false],
    ])
  })

  it('is heavy only at three or more duties and twice the average of the others who helped', () => {
    expect(isHeavy(3, [3, 1, 0, 0])).toBe(true)
    expect(isHeavy(3, [3, 2, 0])).toBe(false)
    expect(isHeavy(4, [4, 2, 2])).toBe(true)
    expect(isHeavy(2, [2, 1])).toBe(false)
    expect(isHeavy(5, [5])).toBe(false)
    expect(isHeavy(4, [4, 4, 4])).toBe(false)
    expect(isHeavy(0, [0, 0])).toBe(false)
  })
})
