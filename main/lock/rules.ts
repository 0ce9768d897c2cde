import { IDLE_MINUTES } from '../contract/lock'

// The lock's rules, as plain functions of their values: how long a wrong passphrase makes the next one wait, and
// which idle time a file holds.

/** Wrong tries allowed before Hearth makes each next one wait. */
export const FREE_TRIES = 3
const FIRST_WAIT_SECONDS = 5
const LONGEST_WAIT_SECONDS = 300

/**
 * Seconds to wait after `failures` wrong tries in a row: none for the first few (a typo is common), then 5 s,
 * doubling to at most 5 minutes, so guessing at the keyboard gets nowhere while the right passphrase always works
 * once the wait is over.
 */
export function waitAfterFailures(failures: number): number {
  if (failures < FREE_TRIES) return 0
  return Math.min(LONGEST_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2 ** (failures - FREE_TRIES))
}

/** Seconds still to wait at `now` (ms since the epoch) before another try; 0 when one may be made. */
export function secondsUntil(retryAt: number, now: number): number {
  return Math.max(0, Math.ceil((retryAt - now) / 1000))
}

/** The idle time stored in the file, or the default when it is missing or not a whole number of minutes in range. */
export function idleMinutesFrom(stored: unknown): number {
  return typeof stored === 'number' && Number.isInteger(stored) && stored >= IDLE_MINUTES.min && stored <= IDLE_MINUTES.max ? stored : IDLE_MINUTES.default
}
