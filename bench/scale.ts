/**
 * `npm run bench -- --quick`, which `npm test` runs: every bench once on small data, to prove each still runs and
 * prints its figures (a channel removed or renamed fails the tests), not to say how fast anything is.
 */
export const QUICK = process.argv.includes('--quick')

/** The size a bench measures at, or the small one that only proves it runs. */
export function sized(full: number, quick: number): number {
  return QUICK ? quick : full
}
