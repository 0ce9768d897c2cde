// Days and times as a message reads them: "Tue 3 Mar, 17:30–18:30" (en-GB), "Tue, Mar 3, 5:30 PM–6:30 PM" (en-US).
// A calendar day has no time zone, so it is formatted at UTC midnight in UTC and always reads as the stored day.

// Intl puts narrow no-break spaces in times; plain spaces paste the same into every chat program.
const plain = (text: string) => text.replace(/[\u2009\u202f]/g, ' ')

export function messageDay(day: string, locale: string): string {
  return plain(new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`)))
}

export function messageTime(time: string, locale: string): string {
  const [h, m] = time.split(':').map(Number)
  return plain(new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, 0, 1, h ?? 0, m ?? 0))))
}

export function messageTimes(from: string, to: string, locale: string): string {
  return `${messageTime(from, locale)}–${messageTime(to, locale)}`
}
