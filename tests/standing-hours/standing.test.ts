import fc from 'fast-check'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import type { Holder, StandingException, StandingHour } from '../../db/standing-hours'
import { clockNote, holds, occurrences, wallInstant } from '../../main/common/standing-week'

/** Every hour of every day: the 168-hour chapel. */
const allWeek = (slotMinutes = 60): StandingHour[] =>
  Array.from({ length: 7 }, (_, d) => Array.from({ length: 1440 / slotMinutes }, (_, i) => ({ id: d * 100 + i + 1, weekday: d + 1, startMinute: i * slotMinutes }))).flat()

const pattern = (zone: string, slotMinutes = 60, holders: Holder[] = [], exceptions: StandingException[] = []) => ({
  slotMinutes,
  peoplePerSlot: 1,
  zone,
  hours: allWeek(slotMinutes),
  holders,
  exceptions,
})

const ZONES = ['Europe/London', 'America/New_York', 'Australia/Sydney', 'Australia/Lord_Howe', 'America/Santiago', 'UTC']

describe('standing hours across clock changes (property tests)', () => {
  it('the slots of any date follow each other without gap or overlap and add up to the real length of that day', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.date({ min: new Date('2025-01-01'), max: new Date('2028-12-31'), noInvalidDate: true }),
        fc.constantFrom(30, 60),
        (zone, day, slotMinutes) => {
          const date = day.toISOString().slice(0, 10)
          const slots = occurrences(pattern(zone, slotMinutes), date, date)
          expect(slots).toHaveLength(1440 / slotMinutes)
          const happening = slots.filter((s) => s.clock !== 'skipped')
          for (let i = 1; i < happening.length; i++) expect(happening[i]!.startsAt).toBe(happening[i - 1]!.endsAt)
          const midnight = DateTime.fromISO(date, { zone })
          const dayMinutes = DateTime.fromISO(DateTime.fromISO(date).plus({ days: 1 }).toISODate()!, { zone }).diff(midnight, 'minutes').minutes
          expect(happening.reduce((n, s) => n + s.minutes, 0)).toBe(dayMinutes)
          expect(Date.parse(happening[0]!.startsAt)).toBe(midnight.toMillis())
          for (const s of slots) {
            expect(s.clock === 'none').toBe(s.minutes === slotMinutes)
            expect(clockNote(s) === null).toBe(s.clock === 'none')
          }
        },
      ),
      { numRuns: 150 },
    )
  })

  it('on the nights the clocks change, only the slots they touch change', () => {
    for (const zone of ZONES) {
      for (let d = DateTime.fromISO('2026-01-01'); d.year === 2026; d = d.plus({ days: 1 })) {
        const date = d.toISODate()!
        const next = DateTime.fromISO(d.plus({ days: 1 }).toISODate()!, { zone })
        const changes = next.diff(DateTime.fromISO(date, { zone }), 'hours').hours !== 24
        // Every change night, and a sample of ordinary ones (all of them would only repeat the same check).
        if (!changes && d.day % 5 !== 0) continue
        const touched = occurrences(pattern(zone), date, date).filter((s) => s.clock !== 'none')
        expect(touched.length > 0, `${zone} ${date}`).toBe(changes)
        expect(touched.length).toBeLessThanOrEqual(1)
      }
    }
  })

  it('a standing 2 a.m. hour in New York: skipped the night the clocks go forward, normal the night they go back', () => {
    const two = { id: 1, weekday: 7, startMinute: 120 }
    const one = { id: 2, weekday: 7, startMinute: 60 }
    const holders: Holder[] = [{ id: 1, hourId: 1, personId: 9, name: 'Ann Abbott', fromDate: '2026-01-01', untilDate: null }]
    const p = { slotMinutes: 60, peoplePerSlot: 1, zone: 'America/New_York', hours: [one, two], holders, exceptions: [] }
    const [oneSpring, twoSpring] = occurrences(p, '2026-03-08', '2026-03-08')
    expect(twoSpring).toMatchObject({ localStart: '02:00', clock: 'skipped', minutes: 0, missing: 0 })
    expect(twoSpring!.people.map((x) => x.name)).toEqual(['Ann Abbott'])
    expect(clockNote(twoSpring!)).toBe('The clocks go forward that night, so 02:00–03:00 does not happen. Nobody needs to come.')
    expect(clockNote(twoSpring!, 'ar')).toContain('02:00')
    expect(clockNote(twoSpring!, 'ar')).not.toMatch(/clocks|night/)
    expect(oneSpring).toMatchObject({ clock: 'none', startsAt: '2026-03-08T06:00:00Z', endsAt: '2026-03-08T07:00:00Z' })
    const [oneAutumn, twoAutumn] = occurrences(p, '2026-11-01', '2026-11-01')
    // 01:00–02:00 happens twice; whoever keeps 01:00 stays through both, and 02:00 starts once, after it.
    expect(oneAutumn).toMatchObject({ clock: 'longer', minutes: 120, startsAt: '2026-11-01T05:00:00Z', endsAt: '2026-11-01T07:00:00Z', missing: 1 })
    expect(clockNote(oneAutumn!)).toContain('lasts 120 minutes that night')
    expect(clockNote(oneAutumn!, 'de')).toContain('120')
    expect(clockNote(oneAutumn!, 'de')).not.toContain('lasts')
    expect(twoAutumn).toMatchObject({ clock: 'none', minutes: 60, startsAt: '2026-11-01T07:00:00Z', missing: 0 })
  })

  it('in London the 01:00 hour is the one the clocks skip and repeat', () => {
    const hours = [{ id: 1, weekday: 7, startMinute: 60 }]
    const p = { slotMinutes: 60, peoplePerSlot: 1, zone: 'Europe/London', hours, holders: [], exceptions: [] }
    expect(occurrences(p, '2026-03-29', '2026-03-29')[0]).toMatchObject({ clock: 'skipped', missing: 0 })
    expect(occurrences(p, '2026-10-25', '2026-10-25')[0]).toMatchObject({ clock: 'longer', minutes: 120, startsAt: '2026-10-25T00:00:00Z', endsAt: '2026-10-25T02:00:00Z' })
    expect(wallInstant('2026-10-25', 90, 'Europe/London')).toMatchObject({ exists: true })
    expect(wallInstant('2026-10-25', 90, 'Europe/London').at.toUTC().toISO()).toBe('2026-10-25T00:30:00.000Z')
    expect(wallInstant('2026-03-29', 60, 'Europe/London').exists).toBe(false)
  })
})

describe('holders and exceptions (property tests)', () => {
  const dateArb = fc.integer({ min: 0, max: 60 }).map((n) => DateTime.fromISO('2026-03-02').plus({ days: n }).toISODate()!)
  const hours: StandingHour[] = [1, 3, 7].flatMap((weekday) => [600, 660].map((startMinute, i) => ({ id: weekday * 10 + i, weekday, startMinute })))
  const holderArb = fc.array(
    fc.record({ hour: fc.constantFrom(...hours.map((h) => h.id)), personId: fc.integer({ min: 1, max: 6 }), from: dateArb, until: fc.option(dateArb, { nil: null }) }),
    { maxLength: 8 },
  ).map((list) =>
    list.map((h, i): Holder => {
      const [a, b] = h.until !== null && h.until < h.from ? [h.until, h.from] : [h.from, h.until]
      return { id: i + 1, hourId: h.hour, personId: h.personId, name: `P${h.personId}`, fromDate: a, untilDate: b }
    }),
  )

  it('whoever holds a slot on a date is there unless away; substitutes and extras add to them; closed and skipped need nobody', () => {
    fc.assert(
      fc.property(
        holderArb,
        fc.array(fc.record({ kind: fc.constantFrom<'closed' | 'away' | 'extra'>('closed', 'away', 'extra'), date: dateArb, pick: fc.nat(20), sub: fc.option(fc.integer({ min: 7, max: 9 }), { nil: null }), wholeDay: fc.boolean() }), { maxLength: 12 }),
        fc.integer({ min: 1, max: 3 }),
        (holders, raw, need) => {
          const exceptions: StandingException[] = raw.flatMap((r, i): StandingException[] => {
            const base = { id: i + 1, date: r.date, note: null }
            if (r.kind === 'closed') return [{ ...base, kind: 'closed', hourId: r.wholeDay ? null : hours[r.pick % hours.length]!.id, holderId: null, personId: null, personName: null }]
            if (r.kind === 'extra') return [{ ...base, kind: 'extra', hourId: hours[r.pick % hours.length]!.id, holderId: null, personId: 20 + i, personName: `X${i}` }]
            const h = holders[r.pick % Math.max(1, holders.length)]
            return h ? [{ ...base, kind: 'away', hourId: h.hourId, holderId: h.id, personId: r.sub, personName: r.sub === null ? null : `S${r.sub}` }] : []
          })
          const slots = occurrences({ slotMinutes: 60, peoplePerSlot: need, zone: 'Europe/London', hours, holders, exceptions }, '2026-03-02', '2026-05-01')
          for (const o of slots) {
            const here = exceptions.filter((e) => e.date === o.date && e.hourId === o.hourId)
            const active = holders.filter((h) => h.hourId === o.hourId && holds(h, o.date))
            const away = (h: Holder) => here.find((e) => e.kind === 'away' && e.holderId === h.id)
            expect(o.people.filter((p) => p.role === 'holder').map((p) => p.holderId).sort()).toEqual(active.filter((h) => !away(h)).map((h) => h.id).sort())
            expect(o.people.filter((p) => p.role === 'substitute').length).toBe(active.filter((h) => away(h)?.personId != null).length)
            expect(o.people.filter((p) => p.role === 'extra').length).toBe(here.filter((e) => e.kind === 'extra').length)
            const closed = exceptions.some((e) => e.kind === 'closed' && e.date === o.date && (e.hourId === null || e.hourId === o.hourId))
            expect(o.closed).toBe(closed)
            if (closed || o.clock === 'skipped') expect([o.missing, o.needsSubstitute.length]).toEqual([0, 0])
            else {
              expect(o.missing).toBe(Math.max(0, need - o.people.length))
              expect(o.needsSubstitute.length).toBe(active.filter((h) => away(h) && away(h)!.personId === null).length)
            }
          }
          // Only the chosen days have slots, two a day.
          expect(slots.every((o) => [1, 3, 7].includes(o.weekday))).toBe(true)
          expect(slots.length).toBe(2 * slots.filter((o) => o.localStart === '10:00').length)
        },
      ),
      { numRuns: 120 },
    )
  })

  it('a holding ends after its last date and starts on its first', () => {
    const h: Holder = { id: 1, hourId: 10, personId: 1, name: 'Ann', fromDate: '2026-03-09', untilDate: '2026-03-23' }
    const slots = occurrences({ slotMinutes: 60, peoplePerSlot: 1, zone: 'UTC', hours: [{ id: 10, weekday: 1, startMinute: 600 }], holders: [h], exceptions: [] }, '2026-03-01', '2026-03-31')
    expect(slots.map((o) => [o.date, o.people.length])).toEqual([
      ['2026-03-02', 0],
      ['2026-03-09', 1],
      ['2026-03-16', 1],
      ['2026-03-23', 1],
      ['2026-03-30', 0],
    ])
  })
})
