import { describe, expect, it } from 'vitest'
import { gridAxes, gridPageOf } from '../../renderer/prayer-circles/grid'

const hours = (date: string, from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => ({ localDate: date, time: `${String(from + i).padStart(2, '0')}:00` }))

describe('the schedule grid', () => {
  it('puts a vigil’s days across and its hours down, from its start through the night', () => {
    const slots = [...hours('2026-03-28', 20, 24), ...hours('2026-03-29', 0, 20)]
    const axes = gridAxes(slots)
    expect(axes.daysAcross).toBe(true)
    expect(axes.columns).toEqual(['2026-03-28', '2026-03-29'])
    expect(axes.rows.slice(0, 5)).toEqual(['20:00', '21:00', '22:00', '23:00', '00:00'])
    expect(axes.rows).toHaveLength(24)
  })

  it('keeps an hour the clocks skip out of the rows, and a repeated hour in one row', () => {
    // 29 March 2026 in London: 01:00 does not exist. 25 October: 01:00 happens twice.
    const spring = gridAxes([...hours('2026-03-29', 0, 1), ...hours('2026-03-29', 2, 4)])
    expect(spring.rows).toEqual(['00:00', '02:00', '03:00'])
    const autumn = gridAxes([...hours('2026-10-25', 0, 2), ...hours('2026-10-25', 1, 3)])
    expect(autumn.rows).toEqual(['00:00', '01:00', '02:00'])
  })

  it('puts a weekly rota’s days down and its times across', () => {
    const slots = ['2026-01-06', '2026-01-13', '2026-01-20'].map((d) => ({ localDate: d, time: '19:30' }))
    expect(gridAxes(slots)).toEqual({ daysAcross: false, rows: ['2026-01-06', '2026-01-13', '2026-01-20'], columns: ['19:30'] })
  })

  it('shows a short schedule at once, a long vigil a week at a time (from Monday) and a long rota a month at a time', () => {
    expect(gridPageOf({ localDate: '2026-03-01' }, 'vigil', 48)).toBe('all')
    expect(gridPageOf({ localDate: '2026-03-01' }, 'vigil', 500)).toBe('2026-02-23')
    expect(gridPageOf({ localDate: '2026-03-02' }, 'vigil', 500)).toBe('2026-03-02')
    expect(gridPageOf({ localDate: '2028-02-29' }, 'vigil', 500)).toBe('2028-02-28')
    expect(gridPageOf({ localDate: '2026-12-31' }, 'rotation', 500)).toBe('2026-12')
  })
})
