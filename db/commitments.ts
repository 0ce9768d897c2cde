/**
 * Something a person has promised to do at a time: bring a meal, pray in a vigil slot, lead a meeting. Each area
 * reports its own (db/meal-trains.ts, db/prayer-circles.ts); conflict warnings, substitutes and the member
 * detail pane read them all through this one shape.
 */
export interface Commitment {
  personId: number
  kind: 'meal' | 'prayer'
  /** Plain words for a person: "Dinner for the Okafor family", "Vigil for Lent, 02:00–03:00". */
  label: string
  /** The day it falls on, 'YYYY-MM-DD' (local to the congregation). */
  date: string
  /** Start and end as ISO-8601 instants when a time is known; null for all-day commitments. */
  startsAt: string | null
  endsAt: string | null
  /** Which record it comes from, so a screen can link to it. */
  ref: { area: 'meal-trains' | 'prayer-circles' | 'standing-hours'; id: number }
}
