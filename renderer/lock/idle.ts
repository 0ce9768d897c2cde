import { useEffect } from 'react'
import { idleExpired } from './idle-rule'

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const
const CHECK_EVERY_MS = 5_000

/**
 * Calls `lock` once Hearth's window has had no key press, click or pointer movement for `idleMinutes`. Checked every
 * few seconds and whenever the window comes back into view, each time against the wall clock.
 */
export function useIdleLock(enabled: boolean, idleMinutes: number, lock: () => void, now: () => number = Date.now): void {
  useEffect(() => {
    if (!enabled) return
    let last = now()
    let fired = false
    const active = () => {
      last = now()
    }
    const check = () => {
      if (fired || !idleExpired(last, now(), idleMinutes)) return
      fired = true
      lock()
    }
    for (const e of ACTIVITY) window.addEventListener(e, active, { passive: true, capture: true })
    document.addEventListener('visibilitychange', check)
    window.addEventListener('focus', check)
    const timer = window.setInterval(check, CHECK_EVERY_MS)
    return () => {
      for (const e of ACTIVITY) window.removeEventListener(e, active, { capture: true })
      document.removeEventListener('visibilitychange', check)
      window.removeEventListener('focus', check)
      window.clearInterval(timer)
    }
  }, [enabled, idleMinutes, lock, now])
}
