// The hour-by-hour grid a member's preferred and impossible times are marked on, and the stretches they are stored
// as: pure, so the screen's arithmetic is tested alone.

export type CellMark = 'prefer' | 'impossible'

export interface Stretch {
  kind: CellMark
  weekday: number
  start: string
  end: string
}

/** Cells keyed `${weekday}:${hour}` (weekday 1 = Monday, hour 0–23). */
export type Cells = ReadonlyMap<string, CellMark>

export const cellKey = (weekday: number, hour: number) => `${weekday}:${hour}`

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))
const hh = (hour: number) => `${String(hour % 24).padStart(2, '0')}:00`

/** Marks every hour a stretch touches; a stretch not on whole hours marks each hour it overlaps. */
export function cellsOf(stretches: readonly Stretch[]): Map<string, CellMark> {
  const cells = new Map<string, CellMark>()
  for (const s of stretches) {
    const start = minutes(s.start)
    const end = s.end === '00:00' ? 24 * 60 : minutes(s.end)
    for (let hour = Math.floor(start / 60); hour * 60 < end; hour++) {
      // Impossible outranks preferred where both were stored, as it does in the fill.
      if (cells.get(cellKey(s.weekday, hour)) !== 'impossible') cells.set(cellKey(s.weekday, hour), s.kind)
    }
  }
  return cells
}

/** The marked hours as stretches: consecutive hours of one kind on one day become one stretch. */
export function stretchesOf(cells: Cells): Stretch[] {
  const out: Stretch[] = []
  for (let weekday = 1; weekday <= 7; weekday++) {
    let run: { kind: CellMark; from: number } | null = null
    for (let hour = 0; hour <= 24; hour++) {
      const mark = hour < 24 ? cells.get(cellKey(weekday, hour)) : undefined
      if (run && run.kind !== mark) {
        out.push({ kind: run.kind, weekday, start: hh(run.from), end: hh(hour) })
        run = null
      }
      if (mark && !run) run = { kind: mark, from: hour }
    }
  }
  return out
}

/** The next mark in the cycle a volunteer steps through: none → preferred → impossible → none. */
export function nextMark(mark: CellMark | undefined): CellMark | undefined {
  return mark === undefined ? 'prefer' : mark === 'prefer' ? 'impossible' : undefined
}
