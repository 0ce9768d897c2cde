// Calendar days ('YYYY-MM-DD') and times of day ('HH:MM') as printed words. A calendar day has no time zone, so
// each is formatted at UTC midnight in UTC: the printed day is always the stored day, whatever the computer's zone.

// Intl puts thin and narrow no-break spaces in ranges and times; plain spaces copy, search and print the same.
function plainSpaces(text: string): string {
  return text.replace(/[\u2009\u202f]/g, ' ')
}

// Making an Intl.DateTimeFormat costs far more than using one; a 90-day sheet formats hundreds of days and times.
const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let f = formatters.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' })
    formatters.set(key, f)
  }
  return f
}

function utcDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`)
}

/** "Tue 3 Mar" (en-GB), "Tue, Mar 3" (en-US). */
export function formatDay(day: string, locale: string): string {
  return formatter(locale, { weekday: 'short', day: 'numeric', month: 'short' }).format(utcDay(day))
}

/** "3 March – 30 May 2026", "28 December 2026 – 3 January 2027", a single day when they are the same. */
export function formatDayRange(start: string, end: string, locale: string): string {
  const format = formatter(locale, { day: 'numeric', month: 'long', year: 'numeric' })
  if (start === end) return format.format(utcDay(start))
  return plainSpaces(format.formatRange(utcDay(start), utcDay(end)))
}

/** "17:30" (en-GB) or "5:30 PM" (en-US). */
export function formatTime(time: string, locale: string): string {
  const [h, m] = time.split(':').map(Number)
  const cycle = formatter(locale, { hour: 'numeric' }).resolvedOptions().hourCycle
  // A 24-hour clock reads "00:05", a 12-hour one "12:05 AM".
  const hour = cycle === 'h23' || cycle === 'h24' ? '2-digit' : 'numeric'
  return plainSpaces(formatter(locale, { hour, minute: '2-digit' }).format(new Date(Date.UTC(2000, 0, 1, h ?? 0, m ?? 0))))
}

/** "17:30–18:30"; a window past midnight ("22:00–01:00") reads the same way. */
export function formatTimeRange(from: string, to: string, locale: string): string {
  return `${formatTime(from, locale)}–${formatTime(to, locale)}`
}
