import { addDays } from '../contract/days'
import type { CallRange } from '../contract/reach'

/** ISO weekday, 1 = Monday … 7 = Sunday. */
function weekday(day: string): number {
  return ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1
}

/**
 * The first and last day of a call-list range, given today in the congregation's time zone. Weeks run Monday to
 * Sunday; "this week" starts today, since nobody needs reminding of a day already past.
 */
export function rangeDays(range: CallRange, today: string): { from: string; to: string } {
  if ('from' in range) return { from: range.from, to: range.to }
  switch (range.preset) {
    case 'today':
      return { from: today, to: today }
    case 'tomorrow': {
      const day = addDays(today, 1)
      return { from: day, to: day }
    }
    case 'thisWeek':
      return { from: today, to: addDays(today, 7 - weekday(today)) }
    case 'nextWeek': {
      const monday = addDays(today, 8 - weekday(today))
      return { from: monday, to: addDays(monday, 6) }
    }
    case 'next7Days':
      return { from: today, to: addDays(today, 6) }
  }
}
