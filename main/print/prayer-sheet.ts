import type { TableCell } from 'pdfmake/interfaces'
import type { ScheduleForPrint } from '../../db/prayer-circles'
import { formatDay, formatDayRange, formatTimeRange } from './dates'
import { headerCell, ruledLayout, type PrintDocument } from './pdf'
import { nameTextFor, type Profile } from './profile'

const MAX_PLACE_COLUMNS = 4
const BLANK_ROW_HEIGHT = 24

/** How many name columns the grid needs: enough for the places asked for and for anyone already in a slot. */
export function placeColumns(schedule: Pick<ScheduleForPrint, 'minPeople' | 'slots'>): number {
  const most = schedule.slots.reduce((n, s) => Math.max(n, s.assignments.length), 0)
  return Math.min(MAX_PLACE_COLUMNS, Math.max(1, schedule.minPeople, most))
}

const KIND_WORDS: Record<ScheduleForPrint['kind'], string> = { vigil: 'Prayer vigil', rotation: 'Prayer rotation', meeting: 'Meetings' }

/**
 * The sign-up grid for a vigil or rotation: one row a slot, a column a place. Names already given are filled in,
 * open places are blank to write on, and cancelled slots are struck through.
 */
export function prayerSheetDocument(profile: Profile, schedule: ScheduleForPrint, locale: string): PrintDocument {
  const places = placeColumns(schedule)
  const header: TableCell[] = [headerCell('Day'), headerCell('Time')]
  for (let i = 1; i <= places; i++) header.push(headerCell(places === 1 ? 'Name' : `Name ${i}`))
  const body: TableCell[][] = [header]
  const writable = new Set<number>()
  for (const slot of schedule.slots) {
    const time = slot.moved ? `${formatTimeRange(slot.localStart, slot.localEnd, locale)} (moved)` : formatTimeRange(slot.localStart, slot.localEnd, locale)
    const row: TableCell[] = [{ text: formatDay(slot.localDate, locale), bold: true }, { text: time }]
    if (slot.skipped) {
      row[0] = { text: formatDay(slot.localDate, locale), bold: true, decoration: 'lineThrough', color: '#666666' }
      row[1] = { text: time, decoration: 'lineThrough', color: '#666666' }
      row.push({ text: 'Cancelled', italics: true, color: '#666666', colSpan: places })
      for (let i = 1; i < places; i++) row.push({})
    } else {
      const names = slot.assignments.map((a) => `${nameTextFor(profile, a.name)}${a.needsSubstitute ? ' (needs a substitute)' : ''}`)
      for (let i = 0; i < places; i++) {
        // Anyone beyond the last column shares it, so nobody already signed up drops off the sheet.
        const text = i === places - 1 ? names.slice(i).join(', ') : (names[i] ?? '')
        row.push({ text })
      }
      if (names.length < places) writable.add(body.length)
    }
    body.push(row)
  }
  const first = schedule.slots[0]?.localDate
  const last = schedule.slots[schedule.slots.length - 1]?.localDate
  const subtitle = [
    schedule.circleName,
    first && last ? formatDayRange(first, last, locale) : null,
    schedule.minPeople > 1 ? `${schedule.minPeople} people a slot` : null,
    schedule.gapCount ? `${schedule.openPlaces} ${schedule.openPlaces === 1 ? 'place' : 'places'} still open` : 'Every slot is covered',
  ]
    .filter(Boolean)
    .join(' · ')
  return {
    title: `${KIND_WORDS[schedule.kind]}: ${schedule.title}`,
    subtitle,
    profile,
    orientation: places >= 3 ? 'landscape' : 'portrait',
    content: [
      { text: 'Write your name in an empty box to take that time.', margin: [0, 0, 0, 6] },
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: [70, 110, ...Array.from({ length: places }, () => '*' as const)],
          heights: (row: number) => (writable.has(row) ? BLANK_ROW_HEIGHT : 'auto'),
          body,
        },
        layout: ruledLayout,
      },
      ...(schedule.slots.length ? [] : [{ text: 'This schedule has no slots yet.', italics: true }]),
    ],
  }
}
