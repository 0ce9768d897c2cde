/**
 * True once the window has been quiet for `idleMinutes` by the wall clock: time the computer slept counts, so a
 * laptop closed for an hour and opened again locks at once, which a timer alone (paused in sleep) would miss.
 */
export function idleExpired(lastActivity: number, now: number, idleMinutes: number): boolean {
  return now - lastActivity >= idleMinutes * 60_000
}
