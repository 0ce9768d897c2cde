import type { Content, TableCell } from 'pdfmake/interfaces'
import type { PersonPhones } from '../../../db/print'
import type { ScheduleForPrint } from '../../../db/prayer-circles'
import { formatDay, formatDayRange, formatTime, formatTimeRange } from '../engine/dates'
import { dayRuledLayout } from './meal-train-sheet'
import { headerCell, type PrintDocument, ruledLayout, titledTable } from '../engine/pdf'
import { nameTextFor, phonesFor, type Profile } from './profile'
import { say } from '../../i18n/say'

const MAX_PLACE_COLUMNS = 4
// Every row the same height, full or open: room to write a name, and a 24-hour vigil fits one page on A4 and Letter.
const ROW_HEIGHT = 15
const FILLED = '#e4e4e4'
// A schedule of many short slots over several days reads best as days across and times down.
const GRID_MIN_SLOTS = 30
const GRID_MIN_SLOTS_A_DAY = 3
const GRID_DAYS_A_PAGE = 7

type Slot = ScheduleForPrint['slots'][number]

/** How many name columns the list needs: enough for the places asked for and for anyone already in a slot. */
export function placeColumns(schedule: Pick<ScheduleForPrint, 'minPeople' | 'slots'>): number {
  const most = schedule.slots.reduce((n, s) => Math.max(n, s.assignments.length), 0)
  return Math.min(MAX_PLACE_COLUMNS, Math.max(1, schedule.minPeople, most))
}

/** Who will come: a person who needs a substitute has given their place back, so it is open again. */
const keeping = (slot: Pick<Slot, 'assignments'>) => slot.assignments.filter((a) => !a.needsSubstitute)

/**
 * "3 of 10 places filled": counted over the slots that are still on, never more than each slot asks for, a place
 * whose person needs a substitute counted open.
 */
export function placesWording(schedule: Pick<ScheduleForPrint, 'minPeople' | 'slots'>, locale = 'en'): string {
  const on = schedule.slots.filter((s) => !s.skipped)
  const total = on.length * schedule.minPeople
  const filled = on.reduce((n, s) => n + Math.min(schedule.minPeople, keeping(s).length), 0)
  if (!total) return say(locale, 'printed.prayer.noPlaces')
  if (filled === total) return say(locale, 'printed.prayer.allFilled', { total })
  return say(locale, 'printed.prayer.filled', { filled, total })
}

/** Whether to print days across and times down rather than a row a slot. */
export function useGrid(schedule: Pick<ScheduleForPrint, 'slots'>): boolean {
  const days = new Set(schedule.slots.map((s) => s.localDate)).size
  return schedule.slots.length >= GRID_MIN_SLOTS && days >= 2 && schedule.slots.length / days >= GRID_MIN_SLOTS_A_DAY
}

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number)
  return (h ?? 0) * 60 + (m ?? 0)
}

function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000)
}

/**
 * A slot's places: who comes, shaded as taken, then the places open to write in. A place whose person needs a
 * substitute prints open; only the coordinator copy says whose it was, in the open box.
 */
function slotPlaces(profile: Profile, slot: Slot, locale: string): { text: string; taken: boolean }[] {
  const taken = keeping(slot).map((a) => ({ text: nameTextFor(profile, a.name), taken: true }))
  const given = profile === 'coordinator' ? slot.assignments.filter((a) => a.needsSubstitute).map((a) => ({ text: say(locale, 'printed.needsSubstitute', { name: nameTextFor(profile, a.name) }), taken: false })) : []
  return [...taken, ...given]
}

/** A row a slot: the day on its first slot only, a heavier rule where a new day starts. */
function listTable(profile: Profile, schedule: ScheduleForPrint, locale: string): Content {
  const places = placeColumns(schedule)
  const header: TableCell[] = [headerCell(say(locale, 'printed.col.day')), headerCell(say(locale, 'printed.col.time'))]
  for (let i = 1; i <= places; i++) header.push(headerCell(places === 1 ? say(locale, 'printed.col.name') : say(locale, 'printed.col.nameNumber', { number: i })))
  const body: TableCell[][] = [header]
  const dayStarts = new Set<number>()
  let previous = ''
  for (const slot of schedule.slots) {
    const first = slot.localDate !== previous
    previous = slot.localDate
    if (first) dayStarts.add(body.length)
    const range = formatTimeRange(slot.localStart, slot.localEnd, locale)
    const time = slot.moved ? say(locale, 'printed.moved', { time: range }) : range
    const day: TableCell = { text: first ? formatDay(slot.localDate, locale) : '', bold: true, noWrap: true }
    if (slot.skipped) {
      body.push([
        { ...day, decoration: 'lineThrough', color: '#555555' },
        { text: time, decoration: 'lineThrough', color: '#555555', noWrap: true },
        { text: say(locale, 'printed.cancelled'), italics: true, color: '#555555', colSpan: places },
        ...Array.from({ length: places - 1 }, () => ({})),
      ])
      continue
    }
    const names = slotPlaces(profile, slot, locale)
    const row: TableCell[] = [day, { text: time, noWrap: true }]
    for (let i = 0; i < places; i++) {
      // Anyone beyond the last column shares it, so nobody already signed up drops off the sheet.
      const shown = i === places - 1 ? names.slice(i) : names.slice(i, i + 1)
      const text = shown.map((n) => n.text).join(', ')
      row.push(text ? { text, ...(shown.some((n) => n.taken) ? { fillColor: FILLED } : { italics: true }) } : { text: '' })
    }
    body.push(row)
  }
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: ['auto', 'auto', ...Array.from({ length: places }, () => '*' as const)], heights: (row: number) => (row === 0 ? 'auto' : ROW_HEIGHT), body },
    layout: dayRuledLayout(dayStarts),
  }
}

/**
 * Days across, times down: a column a day of the vigil (each running from the vigil's starting time to the same
 * time next day, so a week of hourly slots is seven columns), a heavier rule at midnight. Taken hours are shaded.
 * Names are short on every copy ("Paul N."), so each hour stays one line; the coordinator copy lists phones below.
 */
function gridPages(profile: Profile, schedule: ScheduleForPrint, locale: string): Content[] {
  const first = schedule.slots[0]!
  const origin = dayNumber(first.localDate) * 1440 + minutesOf(first.localStart)
  const startOfDay = minutesOf(first.localStart)
  const columns = new Map<number, Map<string, Slot>>()
  const times = new Map<string, number>()
  for (const slot of schedule.slots) {
    const at = dayNumber(slot.localDate) * 1440 + minutesOf(slot.localStart)
    const column = Math.floor((at - origin) / 1440)
    if (!columns.has(column)) columns.set(column, new Map())
    columns.get(column)!.set(slot.localStart, slot)
    times.set(slot.localStart, (minutesOf(slot.localStart) - startOfDay + 1440) % 1440)
  }
  const rows = [...times.entries()].sort((a, b) => a[1] - b[1]).map(([time]) => time)
  const midnightRow = rows.findIndex((t, i) => i > 0 && minutesOf(t) < minutesOf(rows[i - 1]!))
  const indexes = [...columns.keys()].sort((a, b) => a - b)
  const pages: Content[] = []
  if (startOfDay !== 0) {
    pages.push({ text: say(locale, 'printed.prayer.overnight', { time: formatTime(first.localStart, locale) }), margin: [0, 0, 0, 4] })
  }
  for (let p = 0; p < indexes.length; p += GRID_DAYS_A_PAGE) {
    const chunk = indexes.slice(p, p + GRID_DAYS_A_PAGE)
    const header: TableCell[] = [headerCell(say(locale, 'printed.col.time'))]
    for (const c of chunk) {
      const date = new Date((Math.floor(origin / 1440) + c) * 86_400_000).toISOString().slice(0, 10)
      header.push({ ...(headerCell(formatDay(date, locale)) as object), alignment: 'center', noWrap: true } as TableCell)
    }
    const body: TableCell[][] = [header]
    for (const time of rows) {
      const row: TableCell[] = [{ text: formatTime(time, locale), noWrap: true, fontSize: 9 }]
      for (const c of chunk) {
        const slot = columns.get(c)?.get(time)
        if (!slot) row.push({ text: '—', color: '#777777', alignment: 'center', fontSize: 9 })
        else if (slot.skipped) row.push({ text: say(locale, 'printed.cancelled'), italics: true, color: '#555555', fontSize: 9 })
        else {
          // Short names keep every hour to one line, so a week of hours fits one page; phones are on the list below.
          const coming = keeping(slot)
          const given = profile === 'coordinator' ? slot.assignments.filter((a) => a.needsSubstitute) : []
          const names = [...coming.map((a) => nameTextFor('noticeboard', a.name)), ...given.map((a) => say(locale, 'printed.prayer.subNeeded', { name: nameTextFor('noticeboard', a.name) }))].join(', ')
          row.push({ text: names, fontSize: 9, noWrap: true, ...(coming.length >= schedule.minPeople ? { fillColor: FILLED } : {}) })
        }
      }
      body.push(row)
    }
    pages.push({
      ...(p > 0 ? { pageBreak: 'before' as const } : {}),
      fontSize: 9,
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: ['auto', ...chunk.map(() => '*' as const)],
        body,
      },
      layout: { ...dayRuledLayout(new Set(midnightRow > 0 ? [midnightRow + 1] : [])), paddingTop: () => 1.5, paddingBottom: () => 1.5 },
    })
  }
  return pages
}

/** Coordinator copy: everyone on the schedule with their numbers, to ring a gap or a substitute. */
function phoneTable(profile: Profile, schedule: ScheduleForPrint, phones: ReadonlyMap<number, PersonPhones>, locale: string): Content[] {
  if (profile !== 'coordinator') return []
  const people = new Map<number, string>()
  for (const slot of schedule.slots) for (const a of slot.assignments) if (a.personId !== null) people.set(a.personId, a.name)
  if (!people.size) return []
  const collator = new Intl.Collator(undefined, { sensitivity: 'base' })
  const rows: TableCell[][] = [...people.entries()]
    .sort((a, b) => collator.compare(a[1], b[1]))
    .map(([id, name]) => {
      const p = phones.get(id)
      return [{ text: name }, { text: phonesFor(profile, [p?.mobile, p?.other, p?.home]).join(', '), noWrap: true }]
    })
  return [
    { text: '', margin: [0, 10, 0, 0] },
    titledTable({ text: say(locale, 'printed.prayer.phones'), bold: true, fontSize: 12, margin: [0, 0, 0, 4] }, { headerRows: 1, dontBreakRows: true, widths: ['*', 'auto'], body: [[headerCell(say(locale, 'printed.col.name')), headerCell(say(locale, 'printed.col.phone'))], ...rows] }, ruledLayout),
  ]
}

/**
 * The sign-up sheet for a vigil, rotation or meetings: a row a slot with a column a place, or, for many slots over
 * several days, a days × times grid on landscape pages. Names already given are filled in and shaded, open places
 * are blank to write on, cancelled slots are struck through, and the subtitle says truly how many places are filled.
 */
export function prayerSheetDocument(profile: Profile, schedule: ScheduleForPrint, locale: string, phones: ReadonlyMap<number, PersonPhones> = new Map()): PrintDocument {
  const grid = schedule.slots.length > 0 && useGrid(schedule)
  const firstDay = schedule.slots[0]?.localDate
  const lastDay = schedule.slots[schedule.slots.length - 1]?.localDate
  const subtitle = [
    schedule.circleName,
    firstDay && lastDay ? formatDayRange(firstDay, lastDay, locale) : null,
    schedule.minPeople > 1 ? say(locale, 'printed.prayer.perSlot', { count: schedule.minPeople }) : null,
    placesWording(schedule, locale),
  ]
    .filter(Boolean)
    .join(' · ')
  const places = placeColumns(schedule)
  const content: Content[] = [
    { text: say(locale, grid ? 'printed.prayer.howGrid' : 'printed.prayer.howList'), margin: [0, 0, 0, 6] },
  ]
  if (!schedule.slots.length) content.push({ text: say(locale, 'printed.prayer.noSlots'), italics: true })
  else content.push(...(grid ? gridPages(profile, schedule, locale) : [listTable(profile, schedule, locale)]))
  content.push(...phoneTable(profile, schedule, phones, locale))
  return {
    title: say(locale, `printed.prayer.${schedule.kind}`, { title: schedule.title }),
    subtitle,
    profile,
    orientation: grid || places >= 3 ? 'landscape' : 'portrait',
    content,
  }
}
