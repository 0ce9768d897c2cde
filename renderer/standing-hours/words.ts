import { type IntlShape } from 'react-intl'
import type { StandingSlot } from '../../main/contract/standing-hours'
import { formatDay } from '../prayer-circles/format'

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const

export function weekdayName(intl: IntlShape, weekday: number, style: 'long' | 'short' = 'long'): string {
  // 2024-01-01 was a Monday.
  return intl.formatDate(`2024-01-0${weekday}T12:00:00Z`, { weekday: style, timeZone: 'UTC' })
}

export function shortDay(intl: IntlShape, date: string): string {
  return intl.formatDate(`${date}T12:00:00Z`, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' })
}


/** "Tuesday 8 December, 14:00–15:00": how a slot is named in its dialog and on its cell. */
export const slotLabel = (intl: IntlShape, s: StandingSlot) => `${formatDay(intl, s.date)}, ${s.localStart}–${s.localEnd}`
