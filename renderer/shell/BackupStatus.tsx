import { Badge, UnstyledButton } from '@mantine/core'
import { FormattedMessage, FormattedRelativeTime } from 'react-intl'
import { useHearthQuery } from '../api'

const DAY_MS = 24 * 60 * 60 * 1000

/** Always visible in the header: when the data last reached a backup, and a nudge when that is too long ago. */
export function BackupStatus({ onOpen }: { onOpen: () => void }) {
  // Checked again every few minutes, so an office PC left open all week still shows the nudge when it is due.
  const info = useHearthQuery('app.info', {}, { refetchInterval: 5 * 60_000 })
  const settings = useHearthQuery('settings.get', {})
  if (!info.data || !settings.data) return null
  const last = info.data.lastBackupAt
  const ageMs = last ? Math.max(0, Date.now() - Date.parse(last)) : Infinity
  const overdue = ageMs > settings.data.backupReminderDays * DAY_MS
  return (
    <UnstyledButton onClick={onOpen}>
      <Badge size="lg" variant="light" color={overdue ? 'orange' : 'green'} style={{ textTransform: 'none' }}>
        {last ? (
          <FormattedMessage
            id="backupStatus.last"
            values={{ when: <FormattedRelativeTime value={-Math.floor(ageMs / DAY_MS)} unit="day" numeric="auto" /> }}
          />
        ) : (
          <FormattedMessage id="backupStatus.never" />
        )}
        {last && overdue ? (
          <>
            {' · '}
            <FormattedMessage id="backupStatus.overdue" />
          </>
        ) : null}
      </Badge>
    </UnstyledButton>
  )
}
