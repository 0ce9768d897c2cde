import { Button, type ButtonProps } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { CalendarRequest } from '../../main/contract/reach'
import { call, type HearthCallError } from '../api'

/** "Export calendar": asks where to save an .ics file of the commitments, then says where it went. */
export function CalendarButton({ request, ...props }: { request: CalendarRequest } & ButtonProps) {
  const intl = useIntl()
  const [busy, setBusy] = useState(false)
  const run = async () => {
    setBusy(true)
    try {
      const saved = await call('reach.exportCalendar', { request })
      if (saved) notifications.show({ message: intl.formatMessage({ id: 'reach.exported' }, { count: saved.events, path: saved.path }), color: 'green' })
    } catch (err) {
      notifications.show({ message: (err as HearthCallError).message, color: 'red' })
    } finally {
      setBusy(false)
    }
  }
  return (
    <Button variant="default" loading={busy} onClick={run} {...props}>
      <FormattedMessage id="reach.exportCalendar" />
    </Button>
  )
}
