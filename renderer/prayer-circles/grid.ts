// Where each slot of a vigil or rota goes in the schedule grid (ScheduleGrid.tsx): pure, so it is tested alone.

export interface GridAxes {
  /** Column keys and row keys, in order; a cell is (row, column). */
  columns: string[]
  rows: string[]
  /** True when the columns are days (a vigil: few days, many hours); false when they are times (a rota). */
  daysAcross: boolean
}

/**
 * Lays slots (in time order) out as days × times. The axis with fewer values runs across, so a 24-hour vigil is a
 * column per day and a row per hour, and a year-long weekly rota a row per day and a column per time: either way it
 * fits a screen. Times keep the order they first come in, so a vigil from 20:00 reads down from 20:00 through the
 * night, not from midnight.
 */
export function gridAxes(slots: readonly { localDate: string; time: string }[]): GridAxes {
  const days = [...new Set(slots.map((s) => s.localDate))].sort()
  const times = [...new Set(slots.map((s) => s.time))]
  const daysAcross = days.length <= times.length
  return daysAcross ? { columns: days, rows: times, daysAcross } : { columns: times, rows: days, daysAcross }
}

/** Up to this many slots show at once; a longer schedule is shown a week (vigil) or a month (rota) at a time. */
const ALL_AT_ONCE = 120

/** The page each slot is on: its week's Monday for a vigil, its month for a rota; one page when short. */
export function gridPageOf(slot: { localDate: string }, kind: 'meeting' | 'vigil' | 'rotation', slotCount: number): string {
  if (slotCount <= ALL_AT_ONCE) return 'all'
  if (kind !== 'vigil') return slot.localDate.slice(0, 7)
  const day = new Date(`${slot.localDate}T00:00:00Z`)
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7))
  return day.toISOString().slice(0, 10)
}

