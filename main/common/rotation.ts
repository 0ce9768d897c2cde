import type { Commitment } from '../../db/commitments'
import { type Blackout, type Busy, clashes, onBlackout } from './conflicts'

export interface FillSlot {
  id: number
  startsAt: string
  endsAt: string
  localDate: string
  /** 'HH:MM' in the schedule's zone; needed only for times of the week (without it they are not checked). */
  localStart?: string
  /** People the slot should have. */
  need: number
  /** Who is already there: members by id, write-ins as null. Nothing here is ever removed or replaced. */
  assigned: readonly { personId: number | null }[]
}

export interface FillCandidate {
  personId: number
  /** Assignments in this circle's earlier schedules: breaks ties in favour of those who did less before. */
  priorCount: number
  /** This person's own limit (a substitute who comes at most so often), counted like perPersonLimit. */
  limit?: number | null
}

/**
 * A stretch of the week a person prefers, or cannot do at all. Minutes count from Monday 00:00 local time
 * (0 … 10079); `end` may pass 10080 to wrap into the next Monday.
 */
export interface WeekTime {
  personId: number
  kind: 'prefer' | 'impossible'
  start: number
  end: number
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
  /** Preferred and impossible times of the week; slots need `localStart` for these to apply. */
  weekTimes?: readonly WeekTime[]
}

export interface FillResult {
  additions: { slotId: number; personId: number }[]
  /** Slots still short after the fill, and by how many. */
  unfilled: { slotId: number; missing: number }[]
}

export const WEEK_MINUTES = 7 * 24 * 60

/** Minute of the week (Monday 00:00 = 0) a local date and 'HH:MM' fall on. */
export function minuteOfWeek(localDate: string, localStart: string): number {
  const [y, m, d] = localDate.split('-').map(Number) as [number, number, number]
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7
  const [hh, mm] = localStart.split(':').map(Number) as [number, number]
  return weekday * 1440 + hh * 60 + mm
}

/** Whether [start, start + length) overlaps a weekly stretch, counting the wrap from Sunday night into Monday. */
export function overlapsWeekTime(start: number, length: number, t: Pick<WeekTime, 'start' | 'end'>): boolean {
  for (const shift of [-WEEK_MINUTES, 0, WEEK_MINUTES]) {
    if (start + shift < t.end && t.start < start + shift + length) return true
  }
  return false
}

/**
 * The order slots are offered their next person in: the van der Corput (bit-reversed) order of their position in
 * time. Any first part of it is spread evenly over the whole schedule, so when people run out before the slots
 * do, the holes left are scattered single hours rather than one long empty stretch at the end.
 */
export function spreadOrder(n: number): number[] {
  let bits = 0
  while (1 << bits < n) bits++
  const out: number[] = []
  for (let i = 0; i < 1 << bits; i++) {
    let r = 0
    for (let b = 0; b < bits; b++) if (i & (1 << b)) r |= 1 << (bits - 1 - b)
    if (r < n) out.push(r)
  }
  return out
}

const DAY_MS = 86_400_000

/** What one person is already doing: whole days (an all-day commitment) and timed stretches by UTC day of start. */
class BusyTimes {
  private readonly days = new Set<string>()
  private readonly timed = new Map<number, number[]>()

  add(b: Busy): void {
    if (b.startsAt === null || b.endsAt === null) this.days.add(b.date)
    else this.addTimed(Date.parse(b.startsAt), Date.parse(b.endsAt))
  }

  addTimed(s: number, e: number): void {
    const key = Math.floor(s / DAY_MS)
    const list = this.timed.get(key)
    if (list) list.push(s, e)
    else this.timed.set(key, [s, e])
  }

  /** Same rule as clashes(): overlapping times, or anything on a whole day taken. Stretches last at most a day. */
  clashes(date: string, s: number, e: number): boolean {
    if (this.days.has(date)) return true
    for (let key = Math.floor((s - DAY_MS) / DAY_MS); key <= Math.floor(e / DAY_MS); key++) {
      const list = this.timed.get(key)
      if (!list) continue
      for (let i = 0; i < list.length; i += 2) if (list[i]! < e && s < list[i + 1]!) return true
    }
    return false
  }
}

interface Person extends FillCandidate {
  /** The lower of the person's own limit and the schedule's; null for none. */
  cap: number | null
  order: number
  count: number
  busy: BusyTimes
  blackouts: Blackout[]
  prefer: WeekTime[]
  impossible: WeekTime[]
}

/** People grouped by how many assignments they have, each group kept in (prior count, circle order). */
class Levels {
  /** byCount[c]: the people with c assignments so far. */
  private readonly byCount: Person[][] = []
  private readonly rank = new Map<Person, number>()

  constructor(people: readonly Person[]) {
    const ranked = [...people].sort((a, b) => a.priorCount - b.priorCount || a.order - b.order)
    for (const [i, p] of ranked.entries()) {
      this.rank.set(p, i)
      this.list(p.count).push(p)
    }
  }

  private list(count: number): Person[] {
    while (this.byCount.length <= count) this.byCount.push([])
    return this.byCount[count]!
  }

  /** How many groups there are below the limit; group(c) reads one, fewest assignments first. */
  below(limit: number | null): number {
    return limit === null ? this.byCount.length : Math.min(limit, this.byCount.length)
  }

  group(count: number): readonly Person[] {
    return this.byCount[count]!
  }

  promote(p: Person): void {
    const from = this.list(p.count)
    from.splice(from.indexOf(p), 1)
    p.count++
    const to = this.list(p.count)
    const rank = this.rank.get(p)!
    let lo = 0
    let hi = to.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.rank.get(to[mid]!)! < rank) lo = mid + 1
      else hi = mid
    }
    to.splice(lo, 0, p)
  }
}

/**
 * Fills open places, coverage first: round 1 gives every slot its first person before round 2 gives any slot its
 * second, and so on. Within a round slots take turns in time order, or in spreadOrder when the limits leave too
 * few places for the round. Each place goes to the eligible member with
 * the fewest assignments in this schedule so far, then one who prefers that time of the week, then the fewest
 * before, then the earliest in the circle's order. Eligible means not already in the slot, not on a blackout that
 * day, not at an impossible time of their week, under the limit and not busy elsewhere at that time. Counting
 * from what is already there keeps everyone within one assignment of each other whenever all are available.
 * Deterministic, and at worst linear in slots × people (usually the first person looked at will do).
 */
export function autoFill(input: FillInput): FillResult {
  const capOf = (c: FillCandidate) => {
    const own = c.limit ?? null
    const all = input.perPersonLimit
    return own === null ? all : all === null ? own : Math.min(own, all)
  }
  const people: Person[] = input.candidates.map((c, order) => ({ ...c, cap: capOf(c), order, count: 0, busy: new BusyTimes(), blackouts: [], prefer: [], impossible: [] }))
  const byId = new Map(people.map((p) => [p.personId, p]))
  for (const c of input.elsewhere) byId.get(c.personId)?.busy.add(c)
  for (const b of input.blackouts) byId.get(b.personId)?.blackouts.push(b)
  for (const t of input.weekTimes ?? []) byId.get(t.personId)?.[t.kind].push(t)
  const ordered = [...input.slots].sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.id - b.id))
  const state = ordered.map((slot) => {
    const present = new Set<number>()
    for (const a of slot.assigned) {
      if (a.personId === null) continue
      present.add(a.personId)
      const p = byId.get(a.personId)
      if (!p) continue
      p.count++
      p.busy.add({ date: slot.localDate, startsAt: slot.startsAt, endsAt: slot.endsAt })
    }
    const s = Date.parse(slot.startsAt)
    const e = Date.parse(slot.endsAt)
    return { slot, present, have: slot.assigned.length, s, e, week: slot.localStart === undefined ? null : minuteOfWeek(slot.localDate, slot.localStart), length: (e - s) / 60_000 }
  })
  const limit = input.perPersonLimit
  const additions: FillResult['additions'] = []
  const rounds = state.reduce((n, s) => Math.max(n, s.slot.need), 0)
  const levels = new Levels(people)
  const anyPrefer = people.some((p) => p.prefer.length > 0)
  const atTime = (list: readonly WeekTime[], week: number | null, length: number) => {
    if (week === null) return false
    for (const t of list) if (overlapsWeekTime(week, length, t)) return true
    return false
  }
  const eligible = (p: Person, st: (typeof state)[number]) =>
    (p.cap === null || p.count < p.cap) &&
    !st.present.has(p.personId) &&
    !(p.blackouts.length > 0 && onBlackout(p.personId, st.slot.localDate, p.blackouts)) &&
    !(p.impossible.length > 0 && atTime(p.impossible, st.week, st.length)) &&
    !p.busy.clashes(st.slot.localDate, st.s, st.e)
  const inTime = state.map((_, i) => i)
  const spread = spreadOrder(state.length)
  for (let round = 1; round <= rounds; round++) {
    const short = state.filter((st) => st.slot.need >= round && st.have < round).length
    const room = people.reduce((n, p) => n + (p.cap === null ? Infinity : Math.max(0, p.cap - p.count)), 0)
    // With room for everyone the round goes in time order, so a rota passes round the circle in order; when the
    // places will run out first, spreading decides which slots stay short.
    for (const i of short <= room ? inTime : spread) {
      const st = state[i]!
      if (st.slot.need < round || st.have >= round) continue
      let best: Person | null = null
      // Levels are scanned fewest-assignments first, each in (prior count, circle order): the first eligible
      // person is the fairest choice unless someone equally placed prefers this time of the week.
      const groups = levels.below(limit)
      for (let c = 0; c < groups && best === null; c++) {
        for (const p of levels.group(c)) {
          if (!eligible(p, st)) continue
          if (!anyPrefer || atTime(p.prefer, st.week, st.length)) {
            best = p
            break
          }
          best ??= p
        }
      }
      if (best === null) continue
      additions.push({ slotId: st.slot.id, personId: best.personId })
      levels.promote(best)
      st.have++
      st.present.add(best.personId)
      best.busy.addTimed(st.s, st.e)
    }
  }
  const unfilled = state.filter((s) => s.have < s.slot.need).map((s) => ({ slotId: s.slot.id, missing: s.slot.need - s.have }))
  return { additions, unfilled }
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
