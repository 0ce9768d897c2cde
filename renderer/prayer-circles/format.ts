import type { IntlShape } from 'react-intl'

/** "Sat 28 Mar 2026, 20:00" and "Sun 29 Mar 2026, 21:00" in the congregation's zone, the two ends of a vigil. */
export function rangeEnds(intl: IntlShape, startsAt: string, endsAt: string, timeZone?: string): [string, string] {
  const opts = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit', ...(timeZone ? { timeZone } : {}) } as const
  return [intl.formatDate(startsAt, opts), intl.formatDate(endsAt, opts)]
}

/** A 'YYYY-MM-DD' day as "Saturday 28 March", never shifted by the computer's own zone. */
export function formatDay(intl: IntlShape, date: string): string {
  return intl.formatDate(`${date}T12:00:00Z`, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
}

export function formatTime(intl: IntlShape, instant: string, timeZone: string): string {
  return intl.formatTime(instant, { hour: '2-digit', minute: '2-digit', timeZone })
}
