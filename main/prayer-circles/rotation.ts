import type { Commitment } from '../../db/commitments'
import { type Blackout, clashes, onBlackout } from './conflicts'

export interface FillSlot {
  id: number
  startsAt: string
  endsAt: string
  localDate: string
  /** People the slot should have. */
  need: number
  /** Who is already there: members by id, write-ins as null. Nothing here is ever removed or replaced. */
  assigned: readonly { personId: number | null }[]
}

export interface FillCandidate {
  personId: number
  /** Assignments in this circle's earlier schedules: breaks ties in favour of those who did less before. */
  priorCount: number
}

export interface FillInput {
  slots: readonly FillSlot[]
  /** In the circle's order (the contact chain); the last tie-break, so the duty passes round in that order. */
  candidates: readonly FillCandidate[]
  /** At most this many assignments per person in the schedule, counting those already made. */
  perPersonLimit: number | null
  blackouts: readonly Blackout[]
  /** Commitments outside this schedule (other circles, meal trains) that the fill must not clash with. */
  elsewhere: readonly Commitment[]
}

export interface FillResult {
  additions: { slotId: number; personId: number }[]
  /** Slots still short after the fill, and by how many. */
  unfilled: { slotId: number; missing: number }[]
}

/**
 * Fills open places fairly: slot by slot in time order, each place goes to the eligible member with the fewest
 * assignments in this schedule so far, then the fewest before, then the earliest in the circle's order.
 * Eligible means not already in the slot, not on a blackout that day, under the limit and not busy elsewhere at
 * that time. Counting from what is already there keeps everyone within one assignment of each other whenever
 * all are available. Deterministic: the same input always gives the same output.
 */
export function autoFill(input: FillInput): FillResult {
  const count = new Map<number, number>(input.candidates.map((c) => [c.personId, 0]))
  const busy = new Map<number, { date: string; startsAt: string | null; endsAt: string | null }[]>()
  const addBusy = (personId: number, b: { date: string; startsAt: string | null; endsAt: string | null }) => {
    const list = busy.get(personId) ?? []
    list.push(b)
    busy.set(personId, list)
  }
  for (const c of input.elsewhere) addBusy(c.personId, c)
  for (const slot of input.slots) {
    for (const a of slot.assigned) {
      if (a.personId === null) continue
      count.set(a.personId, (count.get(a.personId) ?? 0) + 1)
      addBusy(a.personId, { date: slot.localDate, startsAt: slot.startsAt, endsAt: slot.endsAt })
    }
  }
  const order = new Map(input.candidates.map((c, i) => [c.personId, i]))
  const ordered = [...input.slots].sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.id - b.id))
  const result: FillResult = { additions: [], unfilled: [] }
  for (const slot of ordered) {
    let missing = slot.need - slot.assigned.length
    if (missing <= 0) continue
    const here = { date: slot.localDate, startsAt: slot.startsAt, endsAt: slot.endsAt }
    const present = new Set(slot.assigned.map((a) => a.personId))
    const eligible = input.candidates
      .filter((c) => !present.has(c.personId))
      .filter((c) => !onBlackout(c.personId, slot.localDate, input.blackouts))
      .filter((c) => input.perPersonLimit === null || (count.get(c.personId) ?? 0) < input.perPersonLimit)
      .filter((c) => !(busy.get(c.personId) ?? []).some((b) => clashes(here, b)))
      .sort(
        (a, b) =>
          (count.get(a.personId) ?? 0) - (count.get(b.personId) ?? 0) ||
          a.priorCount - b.priorCount ||
          (order.get(a.personId) ?? 0) - (order.get(b.personId) ?? 0),
      )
    for (const c of eligible.slice(0, missing)) {
      result.additions.push({ slotId: slot.id, personId: c.personId })
      count.set(c.personId, (count.get(c.personId) ?? 0) + 1)
      addBusy(c.personId, here)
      missing--
    }
    if (missing > 0) result.unfilled.push({ slotId: slot.id, missing })
  }
  return result
}

export interface SubstituteInput {
  slot: { startsAt: string; endsAt: string; localDate: string }
  /** Members who could step in, in the circle's order. */
  candidates: readonly number[]
  /** People already in the slot (including the one who needs replacing). */
  present: readonly number[]
  blackouts: readonly Blackout[]
  /** Every known commitment of the candidates (prayer and meal trains). */
  commitments: readonly Commitment[]
  /** How busy each candidate is lately: fewer first. */
  load: ReadonlyMap<number, number>
}

/** Who is free at the slot's time (not away that day, no meal delivery that day, no overlapping slot), least-loaded first. */
export function substitutes(input: SubstituteInput): number[] {
  const present = new Set(input.present)
  const order = new Map(input.candidates.map((id, i) => [id, i]))
  const here = { date: input.slot.localDate, startsAt: input.slot.startsAt, endsAt: input.slot.endsAt }
  return input.candidates
    .filter((id) => !present.has(id))
    .filter((id) => !onBlackout(id, here.date, input.blackouts))
    .filter((id) =>
      !input.commitments.some((c) => c.personId === id && (c.kind === 'meal' ? c.date === here.date : clashes(here, c))),
    )
    .sort((a, b) => (input.load.get(a) ?? 0) - (input.load.get(b) ?? 0) || (order.get(a) ?? 0) - (order.get(b) ?? 0))
}
