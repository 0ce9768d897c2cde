import { Group, Select, Text } from '@mantine/core'
import { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { PrintButton } from '../print/PrintButton'

/** The Print screen's row for the month's birthdays and anniversaries: choose a month, then print. */
export function BirthdaysRow() {
  const intl = useIntl()
  const [month, setMonth] = useState(() => new Date().getMonth() + 1)
  const months = Array.from({ length: 12 }, (_, i) => ({
    value: String(i + 1),
    label: intl.formatDate(new Date(Date.UTC(2000, i, 1)), { month: 'long', timeZone: 'UTC' }),
  }))
  return (
    <Group justify="space-between" wrap="wrap" gap="md">
      <Text size="sm" c="dimmed" style={{ flex: 1, minWidth: 200 }}>
        <FormattedMessage id="reach.birthdays.help" />
      </Text>
      <Group gap="xs" align="end">
        <Select label={intl.formatMessage({ id: 'reach.birthdays.month' })} data={months} value={String(month)} allowDeselect={false} onChange={(v) => v && setMonth(Number(v))} w={150} />
        <PrintButton request={{ document: 'birthdays', month }}>
          <FormattedMessage id="reach.birthdays" />
        </PrintButton>
      </Group>
    </Group>
  )
}
