import { DateTime } from 'luxon'

// iCalendar files (RFC 5545) written by hand: the format is small, and writing it here keeps every rule it asks
// for in view — CRLF line ends, lines folded at 75 octets, TEXT escaped, times in a named zone with its VTIMEZONE.

export interface CalendarEvent {
  /** Stable across exports, so importing a newer file updates the event instead of adding a copy. */
  uid: string
  summary: string
  description?: string
  location?: string | null
  /** ISO instants; or, for a day with no known time, `allDay` with the 'YYYY-MM-DD' day. */
  startsAt?: string
  endsAt?: string
  allDay?: string
  cancelled: boolean
}

export interface Calendar {
  name: string
  timeZone: string
  events: CalendarEvent[]
  /** When the file is made (DTSTAMP). */
  now: Date
}

/** TEXT values: backslash, semicolon, comma and line breaks are escaped (RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n')
}

/** Splits a content line into lines of at most 75 octets, never inside a character (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  const parts: string[] = []
  let current = ''
  let bytes = 0
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8')
    // Continuation lines start with a space, which counts towards their 75.
    const limit = parts.length === 0 ? 75 : 74
    if (bytes + size > limit) {
      parts.push(current)
      current = ''
      bytes = 0
    }
    current += char
    bytes += size
  }
  parts.push(current)
  return parts.join('\r\n ')
}

/**
 * A day and 'HH:MM' read in a zone, as an ISO instant. A time the clocks skip moves forward, as meal-train slots
 * do (main/common/meal-slots.ts), so a calendar shows the same time as the sign-up sheet.
 */
export function wallClockInstant(date: string, time: string, zone: string): string {
  return DateTime.fromISO(`${date}T${time}`, { zone }).toUTC().toISO({ suppressMilliseconds: true })!
}

function utcStamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
}

function localStamp(t: DateTime): string {
  return t.toFormat("yyyyMMdd'T'HHmmss")
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`
}

interface Transition {
  /** Wall-clock time of the change, read in the offset in force before it. */
  localStart: DateTime
  from: number
  to: number
  name: string
}

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

function offsetAt(zone: string, ms: number): number {
  return DateTime.fromMillis(ms, { zone }).offset
}

/** Every change of UTC offset in `zone` from `startMs` to `endMs`, found by the day and then to the minute. */
function offsetChanges(zone: string, startMs: number, endMs: number): { atMs: number; from: number; to: number }[] {
  const changes: { atMs: number; from: number; to: number }[] = []
  let previous = offsetAt(zone, startMs)
  for (let t = startMs; t < endMs; t += DAY_MS) {
    const next = offsetAt(zone, t + DAY_MS)
    if (next === previous) continue
    let lo = t
    let hi = t + DAY_MS
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000
      if (offsetAt(zone, mid) === previous) lo = mid
      else hi = mid
    }
    changes.push({ atMs: hi, from: previous, to: next })
    previous = next
  }
  return changes
}

/**
 * The zone's rules as a VTIMEZONE: its offset at the start, then each change as its own observance, for the years
 * the events span and the next. Calendar programs read the times from these lines, not from their own zone data.
 */
export function vtimezone(zone: string, firstYear: number, lastYear: number): string[] {
  const startMs = Date.UTC(firstYear, 0, 1)
  const endMs = Date.UTC(lastYear + 2, 0, 1)
  const first = offsetAt(zone, startMs)
  const transitions: Transition[] = offsetChanges(zone, startMs, endMs).map((c) => ({
    localStart: DateTime.fromMillis(c.atMs + c.from * 60_000, { zone: 'utc' }),
    from: c.from,
    to: c.to,
    name: DateTime.fromMillis(c.atMs, { zone }).offsetNameShort ?? offsetText(c.to),
  }))
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`]
  const observance = (kind: 'STANDARD' | 'DAYLIGHT', start: DateTime, from: number, to: number, name: string) => {
    lines.push(`BEGIN:${kind}`, `DTSTART:${localStamp(start)}`, `TZOFFSETFROM:${offsetText(from)}`, `TZOFFSETTO:${offsetText(to)}`, `TZNAME:${escapeText(name)}`, `END:${kind}`)
  }
  observance('STANDARD', DateTime.fromMillis(startMs + first * 60_000, { zone: 'utc' }), first, first, DateTime.fromMillis(startMs, { zone }).offsetNameShort ?? offsetText(first))
  for (const t of transitions) observance(t.to > t.from ? 'DAYLIGHT' : 'STANDARD', t.localStart, t.from, t.to, t.name)
  lines.push('END:VTIMEZONE')
  return lines
}

function yearOf(e: CalendarEvent, zone: string): number {
  if (e.allDay) return Number(e.allDay.slice(0, 4))
  return DateTime.fromISO(e.startsAt!, { zone }).year
}

/**
 * ";TZID=Europe/London:20261025T003000", or ":20261025T013000Z" for a wall-clock time that happens twice (the hour
 * repeated when the clocks go back): calendar programs read a repeated local time as its first occurrence.
 */
export function timeValue(instant: string, zone: string): string {
  const local = DateTime.fromISO(instant, { zone })
  const stamp = localStamp(local)
  const ms = local.toMillis()
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second)
  // The offsets in force around it; the wall time is ambiguous when it is reached under more than one of them.
  const offsets = new Set([offsetAt(zone, ms - DAY_MS), local.offset, offsetAt(zone, ms + DAY_MS)])
  const readings = [...offsets].filter((offset) => localStamp(DateTime.fromMillis(wall - offset * 60_000, { zone })) === stamp)
  return readings.length > 1 ? `:${local.toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'")}` : `;TZID=${zone}:${stamp}`
}

function eventLines(e: CalendarEvent, zone: string, stamp: string): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${stamp}`]
  if (e.allDay) {
    const day = e.allDay.replace(/-/g, '')
    const next = DateTime.fromISO(e.allDay, { zone: 'utc' }).plus({ days: 1 }).toFormat('yyyyMMdd')
    lines.push(`DTSTART;VALUE=DATE:${day}`, `DTEND;VALUE=DATE:${next}`)
  } else {
    lines.push(`DTSTART${timeValue(e.startsAt!, zone)}`, `DTEND${timeValue(e.endsAt!, zone)}`)
  }
  lines.push(`SUMMARY:${escapeText(e.summary)}`)
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`)
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`)
  lines.push(`STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`, 'TRANSP:OPAQUE', 'END:VEVENT')
  return lines
}

/** The whole file, CRLF line ends and folded lines, ready to write. */
export function buildCalendar(calendar: Calendar): string {
  const zone = calendar.timeZone
  const years = calendar.events.map((e) => yearOf(e, zone))
  const nowYear = DateTime.fromJSDate(calendar.now, { zone }).year
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Hearth//Hearth congregation app//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    `X-WR-TIMEZONE:${zone}`,
    ...vtimezone(zone, Math.min(nowYear, ...years), Math.max(nowYear, ...years)),
    ...calendar.events.flatMap((e) => eventLines(e, zone, utcStamp(calendar.now))),
    'END:VCALENDAR',
  ]
  return lines.map(foldLine).join('\r\n') + '\r\n'
}

/** "Maria's meals" → "Marias meals.ics": a name every file system accepts. */
export function calendarFileName(title: string): string {
  const safe = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'Hearth'
  return `${safe}.ics`
}
