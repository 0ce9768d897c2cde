import { useHotkeys } from '@mantine/hooks'
import { type ReactNode, useEffect, useState } from 'react'
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
  // An encrypted congregation shows nothing of Hearth until its first unlock: there is nothing yet to keep.
  const [opened, setOpened] = useState(false)
  useEffect(() => {
    if (status.data && !status.data.locked) setOpened(true)
  }, [status.data])
  useEffect(() => {
    document.body.classList.toggle('hearth-locked', locked)
  }, [locked])
  useIdleLock(encrypted && !locked, status.data?.idleMinutes ?? 10, lockNow)
  useHotkeys(encrypted && !locked ? [['mod+L', lockNow]] : [], [])

  // Should the status itself fail to come, the screens show as they would without a lock: main still refuses them.
  if (!status.data) return status.error ? <>{children}</> : null
  return (
    <>
      {opened ? (
        <div hidden={locked} inert={locked} aria-hidden={locked || undefined} className="lock-kept">
          {children}
        </div>
      ) : null}
      {locked ? <UnlockScreen status={status.data} /> : null}
    </>
  )
}
