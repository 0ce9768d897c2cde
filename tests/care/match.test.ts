import { describe, expect, it } from 'vitest'
import type { Commitment } from '../../db/commitments'
import { fitsFor, type Helped, helpedSoFar, KIND_SKILLS, type MatchInput, type MatchOffer, type MatchSlot, offerCovers, suggestHelpers } from '../../main/care/match'
import { CARE_KINDS } from '../../main/contract/values'

// Tuesday 3 March 2026, 09:30–11:00 in London (GMT, so the instants are the same clock times in UTC).
const ride: MatchSlot = { kind: 'rides', date: '2026-03-03', from: '09:30', to: '11:00', startsAt: '2026-03-03T09:30:00.000Z', endsAt: '2026-03-03T11:00:00.000Z' }

const person = (personId: number, name: string, skills: string[] = []) => ({ personId, name, phone: null, skills })
const offer = (personId: number, over: Partial<MatchOffer> = {}): MatchOffer => ({ personId, title: 'Drives on weekday mornings', kinds: ['rides'], weekdays: [1, 2, 3, 4, 5], from: '08:00', to: '12:00', ...over })
const duty = (personId: number, date: string, over: Partial<Commitment> = {}): Commitment => ({
  personId,
  kind: 'meal',
  label: 'Dinner for the Okafor family',
  date,
  startsAt: null,
  endsAt: null,
  ref: { area: 'meal-trains', id: 1 },
  ...over,
})

function input(over: Partial<MatchInput>): MatchInput {
  return { slot: ride, today: '2026-03-01', people: [], offers: [], blackouts: [], busy: [], helped: new Map(), ...over }
}

const names = (r: ReturnType<typeof suggestHelpers>) => r.suggestions.map((s) => s.name)

describe('which offers cover a slot', () => {
  it('needs the kind, the weekday and, when both have times, the time inside the offer', () => {
    expect(offerCovers(offer(1), ride)).toBe(true)
    expect(offerCovers(offer(1, { kinds: ['visits'] }), ride)).toBe(false)
    expect(offerCovers(offer(1, { weekdays: [1, 3, 4, 5, 6, 7] }), ride)).toBe(false)
    expect(offerCovers(offer(1, { from: '10:00', to: '12:00' }), ride)).toBe(false)
    expect(offerCovers(offer(1, { from: '08:00', to: '11:00' }), ride)).toBe(true)
    expect(offerCovers(offer(1, { from: '08:00', to: '10:59' }), ride)).toBe(false)
    expect(offerCovers(offer(1, { from: null, to: null }), ride)).toBe(true)
    expect(offerCovers(offer(1), { ...ride, from: null, to: null, startsAt: null, endsAt: null })).toBe(true)
  })

  it('reads the weekday of the calendar day, whatever the zone (Sunday 29 March 2026, the clocks go forward)', () => {
    const sunday: MatchSlot = { ...ride, date: '2026-03-29', startsAt: '2026-03-29T08:30:00.000Z', endsAt: '2026-03-29T10:00:00.000Z' }
    expect(offerCovers(offer(1, { weekdays: [7] }), sunday)).toBe(true)
    expect(offerCovers(offer(1, { weekdays: [6] }), sunday)).toBe(false)
    expect(offerCovers(offer(1, { weekdays: [2] }), { ...ride, date: '2028-02-29' })).toBe(true)
  })
})

describe('who fits a kind', () => {
  it('matches skills folded (case and accents) against the one list per kind, and covering offers', () => {
    expect(fitsFor(person(1, 'Ana', ['DRIVER', 'Singer']), [], ride)).toEqual([{ via: 'skill', skill: 'DRIVER' }])
    expect(fitsFor(person(1, 'Ana', ['Can cook']), [], ride)).toEqual([])
    expect(fitsFor(person(1, 'Ana', ['Can cook']), [], { ...ride, kind: 'meals' })).toEqual([{ via: 'skill', skill: 'Can cook' }])
    expect(fitsFor(person(1, 'Ana', ['Child care']), [], { ...ride, kind: 'childcare' })).toEqual([{ via: 'skill', skill: 'Child care' }])
    expect(fitsFor(person(2, 'Ben'), [offer(2), offer(3)], ride)).toEqual([{ via: 'offer', title: 'Drives on weekday mornings' }])
    expect(fitsFor(person(2, 'Ben', ['driver']), [offer(2)], ride).map((f) => f.via)).toEqual(['skill', 'offer'])
  })

  it('has a list for every kind; "other" is matched by offers only', () => {
    for (const k of CARE_KINDS) expect(KIND_SKILLS[k]).toBeDefined()
    expect(fitsFor(person(1, 'Ana', ['other']), [], { ...ride, kind: 'other' })).toEqual([])
    expect(fitsFor(person(1, 'Ana'), [offer(1, { kinds: ['other'], title: 'Can lend a cot' })], { ...ride, kind: 'other' })).toEqual([{ via: 'offer', title: 'Can lend a cot' }])
  })
})

describe('suggesting helpers for an open slot', () => {
  const people = [person(1, 'Ana Diaz', ['driver']), person(2, 'Ben Cole'), person(3, 'Cy Ode', ['Can cook']), person(4, 'Dee Fry', ['Drives'])]
  const offers = [offer(2)]

  it('suggests only people whose skills or offers fit the kind', () => {
    expect(names(suggestHelpers(input({ people, offers })))).toEqual(['Ana Diaz', 'Ben Cole', 'Dee Fry'])
  })

  it('leaves out people away that day, counting them as unavailable', () => {
    const r = suggestHelpers(input({ people, offers, blackouts: [{ personId: 1, startsOn: '2026-03-01', endsOn: '2026-03-03' }, { personId: 4, startsOn: '2026-03-04', endsOn: '2026-03-09' }] }))
    expect(names(r)).toEqual(['Ben Cole', 'Dee Fry'])
    expect(r.unavailable).toBe(1)
  })

  it('leaves out a clash with any other commitment: a meal at the same time, a prayer slot overlapping, an all-day duty', () => {
    const busy: Commitment[] = [
      duty(1, '2026-03-03', { startsAt: '2026-03-03T10:30:00.000Z', endsAt: '2026-03-03T11:30:00.000Z' }),
      duty(2, '2026-03-03', { kind: 'prayer', startsAt: '2026-03-03T09:00:00.000Z', endsAt: '2026-03-03T09:31:00.000Z', ref: { area: 'prayer-circles', id: 7 } }),
      duty(4, '2026-03-03', { ref: { area: 'standing-hours', id: 2 }, kind: 'prayer' }),
    ]
    const r = suggestHelpers(input({ people, offers, busy }))
    expect(names(r)).toEqual([])
    expect(r.unavailable).toBe(3)
  })

  it('keeps people whose commitments only touch the slot or fall at another time that day', () => {
    const busy: Commitment[] = [
      duty(1, '2026-03-03', { startsAt: '2026-03-03T11:00:00.000Z', endsAt: '2026-03-03T12:00:00.000Z' }),
      duty(2, '2026-03-03', { kind: 'prayer', startsAt: '2026-03-03T08:00:00.000Z', endsAt: '2026-03-03T09:30:00.000Z' }),
      duty(4, '2026-03-03', { startsAt: '2026-03-03T17:30:00.000Z', endsAt: '2026-03-03T18:30:00.000Z' }),
    ]
    expect(names(suggestHelpers(input({ people, offers, busy })))).toEqual(['Ana Diaz', 'Ben Cole', 'Dee Fry'])
  })

  it('a slot without times clashes with anything that day', () => {
    const allDay: MatchSlot = { ...ride, from: null, to: null, startsAt: null, endsAt: null }
    const busy = [duty(1, '2026-03-03', { startsAt: '2026-03-03T19:00:00.000Z', endsAt: '2026-03-03T20:00:00.000Z' }), duty(2, '2026-03-04')]
    expect(names(suggestHelpers(input({ slot: allDay, people, offers, busy })))).toEqual(['Ben Cole', 'Dee Fry'])
  })

  it('puts the least asked first: fewest duties, then longest since they last helped, never-helped before anyone, then name', () => {
    const many = [person(1, 'Ana', ['driver']), person(2, 'Ben', ['driver']), person(3, 'Cy', ['driver']), person(4, 'Dee', ['driver']), person(5, 'Eve', ['driver'])]
    const helped = new Map<number, Helped>([
      [1, { count: 3, lastDate: '2026-02-27' }],
      [2, { count: 1, lastDate: '2026-02-28' }],
      [3, { count: 1, lastDate: '2026-02-01' }],
      [5, { count: 1, lastDate: null }],
    ])
    const r = suggestHelpers(input({ people: many, helped }))
    expect(names(r)).toEqual(['Dee', 'Eve', 'Cy', 'Ben', 'Ana'])
    expect(r.suggestions.map((s) => [s.recentDuties, s.lastHelpedDaysAgo])).toEqual([
      [0, null],
      [1, null],
      [1, 28],
      [1, 1],
      [3, 2],
    ])
  })

  it('counts days since the last duty across a leap day and a month end', () => {
    const r = suggestHelpers(input({ slot: { ...ride, date: '2028-03-07' }, today: '2028-03-01', people: [person(1, 'Ana', ['driver'])], helped: new Map([[1, { count: 1, lastDate: '2028-02-28' }]]) }))
    expect(r.suggestions[0]!.lastHelpedDaysAgo).toBe(2)
  })
})

describe('how much each person has helped', () => {
  it('counts every duty and keeps the last one on or before today (promised ones count, but are not "last helped")', () => {
    const h = helpedSoFar([duty(1, '2026-02-10'), duty(1, '2026-03-20'), duty(2, '2026-02-28', { kind: 'prayer' }), duty(1, '2026-02-12')], '2026-03-01')
    expect(h.get(1)).toEqual({ count: 3, lastDate: '2026-02-12' })
    expect(h.get(2)).toEqual({ count: 1, lastDate: '2026-02-28' })
    expect(h.get(3)).toBeUndefined()
  })
})
