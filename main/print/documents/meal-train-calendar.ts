import type { Content, TableCell } from 'pdfmake/interfaces'
import type { MealTrainForPrint } from '../../common/meal-train'
import { formatDayRange } from '../engine/dates'
import { allergyBanner, volunteerName } from './meal-train-sheet'
import { headerCell, type PrintDocument, ruledLayout, titledTable } from '../engine/pdf'
import { type NamedPerson, type Profile, recipientFor } from './profile'
import { careSlotWord } from '../../common/care-words'
import { peopleCount } from './words'
import { say } from '../../i18n/say'
import { firstDayOfWeek } from '../../contract/i18n/week'

const CELL_HEIGHT = 50
const OUTSIDE = '#f0f0f0'

/** 1 = Monday … 7 = Sunday: the first column of the calendar, as the language and region print calendars. */
export const firstWeekday = firstDayOfWeek

function utc(day: string): Date {
  return new Date(`${day}T00:00:00Z`)
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** The months a train touches, as 'YYYY-MM'. */
export function monthsOf(startsOn: string, endsOn: string): string[] {
  const months: string[] = []
  const at = utc(`${startsOn.slice(0, 7)}-01`)
  while (isoDay(at).slice(0, 7) <= endsOn.slice(0, 7)) {
    months.push(isoDay(at).slice(0, 7))
    at.setUTCMonth(at.getUTCMonth() + 1)
  }
  return months
}

/** The weeks of a month as rows of seven calendar days (null outside the month), starting on `first`. */
export function monthWeeks(month: string, first: number): (string | null)[][] {
  const start = utc(`${month}-01`)
  const isoWeekday = ((start.getUTCDay() + 6) % 7) + 1
  const lead = (isoWeekday - first + 7) % 7
  const days: (string | null)[] = Array.from({ length: lead }, () => null)
  for (const d = new Date(start); isoDay(d).slice(0, 7) === month; d.setUTCDate(d.getUTCDate() + 1)) days.push(isoDay(d))
  while (days.length % 7) days.push(null)
  const weeks: (string | null)[][] = []
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7))
  return weeks
}

/**
 * A month-by-month calendar of a meal train for the fridge or the noticeboard: each day lists its meals with who is
 * bringing them, open meals in bold. Names follow the copy's rules; the allergy line tops every month.
 */
export function mealTrainCalendarDocument(profile: Profile, train: MealTrainForPrint, recipients: NamedPerson[], locale: string): PrintDocument {
  const who = recipientFor(profile, train.recipientName, recipients, locale)
  const first = firstWeekday(locale)
  const bySlot = new Map<string, MealTrainForPrint['slots']>()
  for (const slot of train.slots) bySlot.set(slot.date, [...(bySlot.get(slot.date) ?? []), slot])
  const weekdayName = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' })
  // 2024-01-01 was a Monday: ISO weekday n is that date plus n - 1 days.
  const headers = Array.from({ length: 7 }, (_, i) => headerCell(weekdayName.format(utc(`2024-01-0${((first - 1 + i) % 7) + 1}`))))
  const monthName = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' })

  const content: Content[] = [{ text: allergyBanner(profile, train, locale), bold: true, color: '#a30000', margin: [0, 0, 0, 6] }]
  monthsOf(train.startsOn, train.endsOn).forEach((month, index) => {
    const body: TableCell[][] = [headers.map((h) => ({ ...(h as object), alignment: 'center' }) as TableCell)]
    // Weeks wholly before or after the train are left out: the page shows the weeks that matter, larger.
    const weeks = monthWeeks(month, first).filter((week) => week.some((day) => day !== null && day >= train.startsOn && day <= train.endsOn))
    for (const week of weeks) {
      body.push(
        week.map((day): TableCell => {
          if (!day) return { text: '', fillColor: OUTSIDE }
          const inTrain = day >= train.startsOn && day <= train.endsOn
          const meals = (bySlot.get(day) ?? []).map((slot) => {
            const s = slot.signup
            const what = careSlotWord(train.kind, slot.meal, train.title, locale)
            if (!s) return { text: [`${what}: `, { text: say(locale, 'printed.meals.openWord'), bold: true }, '\n'] }
            const delivered = profile === 'coordinator' && s.state === 'delivered' ? ` (${say(locale, 'printed.meals.delivered')})` : ''
            return { text: `${what}: ${volunteerName(profile, s)}${delivered}\n` }
          })
          return {
            stack: [{ text: String(Number(day.slice(8))), bold: true }, ...meals.map((m) => ({ ...m, fontSize: 9 }))],
            ...(inTrain ? {} : { fillColor: OUTSIDE, color: '#666666' }),
          }
        }),
      )
    }
    content.push({
      ...(index > 0 ? { pageBreak: 'before' as const } : {}),
      stack: [
        titledTable(
          { text: monthName.format(utc(`${month}-01`)), fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
          { headerRows: 1, dontBreakRows: true, widths: Array.from({ length: 7 }, () => '*' as const), heights: (row: number) => (row < 2 ? 'auto' : CELL_HEIGHT), body },
          ruledLayout,
        ),
      ],
    })
  })
  return {
    title: say(locale, 'printed.meals.calendarTitle', { who }),
    subtitle: [formatDayRange(train.startsOn, train.endsOn, locale), peopleCount(train.adults, train.children, locale)].join(' · '),
    profile,
    orientation: 'landscape',
    content,
  }
}
