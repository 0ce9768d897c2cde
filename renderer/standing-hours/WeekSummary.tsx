import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { FormattedMessage, useIntl } from 'react-intl'
import type { StandingWeek } from '../../main/contract/standing-hours'
import { useHearthMutation } from '../api'
import { CopyMessageButton } from '../reach/CopyMessageButton'
import { clockText } from '../prayer-circles/clock-text'
import { formatDay } from '../prayer-circles/format'

/** What the shown week still needs, and what the clock change does to it. */
export function WeekSummary({ week }: { week: StandingWeek }) {
  const intl = useIntl()
  // The night the clocks change, say what happens to the slots it touches before anyone wonders.
  const changes = week.slots.filter((s) => s.clock !== 'none')
  const clocks = changes.length ? (
    <Alert color="blue" variant="light" title={intl.formatMessage({ id: 'standing.clock.title' })}>
      <Stack gap={2}>
        {changes.map((s) => (
          <Text size="sm" key={`${s.date}/${s.hourId}`}>
            {intl.formatMessage({ id: 'standing.clock.on' }, { day: formatDay(intl, s.date), note: clockText(intl, s) })}
          </Text>
        ))}
      </Stack>
    </Alert>
  ) : null
  if (week.openCount === 0 && week.substituteCount === 0) {
    return (
      <>
        <Alert color="green" variant="light" role="status">
          <Text fw={700}>
            <FormattedMessage id="standing.week.covered" />
          </Text>
        </Alert>
        {clocks}
      </>
    )
  }
  return (
    <>
      <Alert color="red" variant="light" role="status">
        <Text fw={700}>
          {intl.formatMessage({ id: 'standing.week.open' }, { open: week.openCount, away: week.substituteCount }).trim()}
        </Text>
      </Alert>
      {clocks}
    </>
  )
}

/** Fills the month's waiting slots from the substitute pool, the same coverage-first way as a vigil. */
export function FillMonth({ scheduleId, month }: { scheduleId: number; month: string }) {
  const intl = useIntl()
  const fill = useHearthMutation('standingHours.fillMonth', ['standingHours'])
  const monthName = intl.formatDate(`${month}-15T12:00:00Z`, { month: 'long', year: 'numeric', timeZone: 'UTC' })
  return (
    <Group>
      <Button
        variant="light"
        loading={fill.isPending}
        onClick={() =>
          fill.mutate(
            { scheduleId, month },
            { onSuccess: (r) => notifications.show({ color: r.stillOpen > 0 ? 'orange' : 'green', message: intl.formatMessage({ id: 'standing.fill.done' }, { added: r.added, open: r.stillOpen }) }) },
          )
        }
      >
        <FormattedMessage id="standing.fill" values={{ month: monthName }} />
      </Button>
      <CopyMessageButton request={{ kind: 'standingSubstitutes', scheduleId }}>
        <FormattedMessage id="standing.copySubstitutes" />
      </CopyMessageButton>
      {fill.error ? <Alert color="red">{fill.error.message}</Alert> : null}
    </Group>
  )
}
