import { Alert, Button, Table } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { FormattedMessage, useIntl } from 'react-intl'
import { useHearthMutation, useHearthQuery } from '../api'
import { ColumnHeads } from '../prayer-circles/parts'
import { PhoneText } from '../i18n/Isolated'

/** Who from the pool is free to stand in for an hour its holder is away from, least asked first. */
export function SubstituteChoices({ exceptionId, onChosen }: { exceptionId: number; onChosen: () => void }) {
  const intl = useIntl()
  const options = useHearthQuery('standingHours.findSubstitute', { exceptionId })
  const choose = useHearthMutation('standingHours.chooseSubstitute', ['standingHours'])
  if (options.error) return <Alert color="red">{options.error.message}</Alert>
  if (!options.data) return null
  if (options.data.length === 0) {
    return (
      <Alert color="orange">
        <FormattedMessage id="standing.sub.none" />
      </Alert>
    )
  }
  return (
    <Table>
      <Table.Caption>
        <FormattedMessage id="standing.sub.caption" />
      </Table.Caption>
      <ColumnHeads ids={['prayerCircles.col.name', 'prayerCircles.col.phone', 'standing.sub.asked']} />
      <Table.Tbody>
        {options.data.map((o) => (
          <Table.Tr key={o.personId}>
            <Table.Td>{o.name}</Table.Td>
            <Table.Td>{o.phone ? <PhoneText>{o.phone}</PhoneText> : '—'}</Table.Td>
            <Table.Td>{o.asked}</Table.Td>
            <Table.Td>
              <Button
                size="xs"
                loading={choose.isPending}
                aria-label={intl.formatMessage({ id: 'standing.sub.chooseNamed' }, { name: o.name })}
                onClick={() =>
                  choose.mutate(
                    { exceptionId, personId: o.personId },
                    {
                      onSuccess: () => {
                        notifications.show({ color: 'green', message: intl.formatMessage({ id: 'standing.sub.chosen' }, { name: o.name }) })
                        onChosen()
                      },
                    },
                  )
                }
              >
                <FormattedMessage id="standing.sub.choose" />
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
