import { ActionIcon, Tooltip } from '@mantine/core'
import { useIntl } from 'react-intl'
import { useLockNow, useLockStatus } from './status'

/** The header's Lock now button, shown only when the congregation has a passphrase. */
export function LockNowButton() {
  const intl = useIntl()
  const status = useLockStatus()
  const lockNow = useLockNow()
  if (!status.data?.encrypted) return null
  const label = intl.formatMessage({ id: 'lock.now.shortcut' })
  return (
    <Tooltip label={label}>
      <ActionIcon variant="default" size="lg" aria-label={label} onClick={lockNow}>
        <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <rect x="4" y="11" width="16" height="10" rx="2" />
          <path d="M8 11V7a4 4 0 0 1 8 0v4" />
        </svg>
      </ActionIcon>
    </Tooltip>
  )
}
