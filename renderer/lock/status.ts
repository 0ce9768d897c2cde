import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { LockStatus } from '../../main/contract/lock'
import { call, useHearthQuery } from '../api'

// Asked often and cheaply: main may lock on its own (the screen locked, the computer slept), and the page must
// follow within a moment.
const POLL_MS = 1_500

export function useLockStatus() {
  return useHearthQuery('lock.status', {}, { refetchInterval: POLL_MS, refetchOnWindowFocus: true, staleTime: 0 })
}

/** Locks now and shows the unlock screen at once, without waiting for the next poll. */
export function useLockNow(): () => void {
  const client = useQueryClient()
  return useCallback(() => {
    void call('lock.lockNow')
      .then((status: LockStatus) => client.setQueryData(['lock.status', {}], status))
      .catch(() => undefined)
  }, [client])
}
