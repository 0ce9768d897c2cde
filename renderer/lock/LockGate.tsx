import { useHotkeys } from '@mantine/hooks'
import { type ReactNode, useEffect } from 'react'
import { useIdleLock } from './idle'
import { useLockNow, useLockStatus } from './status'
import { UnlockScreen } from './UnlockScreen'
import './lock.css'

/**
 * Keeps Hearth behind the unlock screen while it is locked. What was on screen stays mounted, hidden and out of
 * reach of keyboard and screen reader (inert), so a half-typed form is there, unsaved, after unlocking; dialogs and
 * notices (Mantine's portals, outside this tree) are hidden by the `hearth-locked` class on <body> (lock.css).
 */
export function LockGate({ children }: { children: ReactNode }) {
  const status = useLockStatus()
  const lockNow = useLockNow()
  const locked = status.data?.locked ?? false
  const encrypted = status.data?.encrypted ?? false
  useEffect(() => {
    document.body.classList.toggle('hearth-locked', locked)
  }, [locked])
  useIdleLock(encrypted && !locked, status.data?.idleMinutes ?? 10, lockNow)
  useHotkeys(encrypted && !locked ? [['mod+L', lockNow]] : [], [])

  // Hearth shows at once, before the first answer about the lock: a plain congregation waits for nothing, and an
  // encrypted one has nothing to show meanwhile, since main refuses every read until it is unlocked.
  return (
    <>
      <div hidden={locked} inert={locked} aria-hidden={locked || undefined} className="lock-kept">
        {children}
      </div>
      {locked && status.data ? <UnlockScreen status={status.data} /> : null}
    </>
  )
}
