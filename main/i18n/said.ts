export type { Said } from '../contract/i18n/said'

/**
 * A 'YYYY-MM-DD' day as a value a message words with a date skeleton ({when, date, ::EEEEdMMMM}): noon of that day
 * on this computer's clock, so the screen (on the same computer) names the same day in any time zone.
 */
export function noonOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(y!, m! - 1, d!, 12).getTime()
}
