// Calendar days as 'YYYY-MM-DD', counted at UTC midnight so no time zone or clock change can add or lose one: the one
// day arithmetic of main and the screens.

const DAY_MS = 86_400_000

/** The day `days` after `date` (before it when negative), counted in whole calendar days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}
