import { Button, type ButtonProps } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { FormattedMessage, useIntl } from 'react-intl'
import type { CalendarRequest } from '../../main/contract/reach'
import { useHearthMutation } from '../api'

/** "Export calendar": asks where to save an .ics file of the commitments, then says where it went. */
export function CalendarButton({ request, ...props }: { request: CalendarRequest } & ButtonProps) {
  const intl = useIntl()
  const exportCalendar = useHearthMutation('reach.exportCalendar', [])
  const run = () =>
    exportCalendar.mutate(
      { request },
      {
        onSuccess: (saved) => {
          if (saved) notifications.show({ message: intl.formatMessage({ id: 'reach.exported' }, { count: saved.events, path: saved.path }), color: 'green' })
        },
        onError: (err) => notifications.show({ message: err.message, color: 'red' }),
      },
    )
  return (
    <Button variant="default" loading={exportCalendar.isPending} onClick={run} {...props}>
      <FormattedMessage id="reach.exportCalendar" />
    </Button>
  )
}
