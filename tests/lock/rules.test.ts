import { describe, expect, it } from 'vitest'
import { IDLE_MINUTES } from '../../main/contract/lock'
import { idleMinutesFrom, secondsUntil, waitAfterFailures } from '../../main/lock/rules'
import { idleExpired } from '../../renderer/lock/idle-rule'

describe('the wait after wrong passphrases', () => {
  it('lets a few typos pass, then doubles from 5 seconds to at most 5 minutes', () => {
    expect([0, 1, 2].map(waitAfterFailures)).toEqual([0, 0, 0])
    expect([3, 4, 5, 6, 7, 8].map(waitAfterFailures)).toEqual([5, 10, 20, 40, 80, 160])
    expect([9, 10, 50, 10_000].map(waitAfterFailures)).toEqual([300, 300, 300, 300])
  })

  it('counts down in whole seconds, rounding up, and never below zero', () => {
    expect(secondsUntil(10_000, 10_000)).toBe(0)
    expect(secondsUntil(10_000, 9_999)).toBe(1)
    expect(secondsUntil(10_000, 4_500)).toBe(6)
    expect(secondsUntil(10_000, 60_000)).toBe(0)
  })
})

describe('the idle time', () => {
  it('is reached by the wall clock, so a sleep longer than the idle time locks at once on waking', () => {
    const last = Date.UTC(2026, 11, 7, 9, 0)
    expect(idleExpired(last, last + 9 * 60_000 + 59_999, 10)).toBe(false)
    expect(idleExpired(last, last + 10 * 60_000, 10)).toBe(true)
    expect(idleExpired(last, last + 8 * 3_600_000, 10)).toBe(true)
  })

  it('falls back to 10 minutes for a stored value that is missing, out of range or not a whole number', () => {
    for (const bad of [undefined, null, '5', 0, -3, 241, 2.5, Number.NaN]) expect(idleMinutesFrom(bad)).toBe(IDLE_MINUTES.default)
    expect(idleMinutesFrom(1)).toBe(1)
    expect(idleMinutesFrom(240)).toBe(240)
  })
})
