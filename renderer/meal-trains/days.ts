import { useIntl } from 'react-intl'
import { addDays } from '../../main/contract/days'

export { addDays }

// Days are 'YYYY-MM-DD' calendar days; they are read and shown at UTC midnight so the computer's own time zone
// can never move one to the day before.
function utc(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`)
}


/** Today on this computer's calendar, 'YYYY-MM-DD'. */
export function localToday(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(iso: string): number {
  return ((utc(iso).getUTCDay() + 6) % 7) + 1
}

/** Whole weeks, Monday to Sunday, covering the days from `startsOn` to `endsOn`. */
export function calendarWeeks(startsOn: string, endsOn: string): string[][] {
  const weeks: string[][] = []
  for (let monday = addDays(startsOn, 1 - isoWeekday(startsOn)); monday <= endsOn; monday = addDays(monday, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(monday, i)))
  }
  return weeks
}

/** Formats calendar days in the reader's language: "Monday 2 March", "2 Mar 2026". */
export function useDayFormat() {
  const intl = useIntl()
  return {
    long: (iso: string) => intl.formatDate(utc(iso), { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }),
    short: (iso: string) => intl.formatDate(utc(iso), { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }),
    dayOfMonth: (iso: string) => intl.formatDate(utc(iso), { timeZone: 'UTC', day: 'numeric', month: 'short' }),
  }
}
