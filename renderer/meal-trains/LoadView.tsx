import { Badge, Button, Table } from '@mantine/core'
import { FormattedMessage, FormattedNumber, useIntl } from 'react-intl'
import { useHearthQuery } from '../api'
import { EmptyState, Section } from '../shell/Section'
import { useDayFormat } from './days'
import { isolate } from '../i18n/bidi'

/** Who has carried how many meals lately, fewest first, so the coordinator can ask someone new. */
export function LoadView({ onBack }: { onBack: () => void }) {
  const intl = useIntl()
  const day = useDayFormat()
  const load = useHearthQuery('mealTrains.load', { days: 90 })
  const rows = load.data ?? []
  return (
    <Section
      title={intl.formatMessage({ id: 'mealTrains.loadView.title' })}
      intro={<FormattedMessage id="mealTrains.loadView.intro" />}
      actions={
        <Button variant="default" onClick={onBack}>
          <FormattedMessage id="mealTrains.backToList" />
        </Button>
      }
    >
      {load.isSuccess && rows.length === 0 ? (
        <EmptyState>
          <FormattedMessage id="mealTrains.loadView.empty" />
        </EmptyState>
      ) : (
        <Table striped aria-label={intl.formatMessage({ id: 'mealTrains.loadView.title' })}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                <FormattedMessage id="mealTrains.loadView.name" />
              </Table.Th>
              <Table.Th>
                <FormattedMessage id="mealTrains.loadView.phone" />
              </Table.Th>
              <Table.Th>
                <FormattedMessage id="mealTrains.loadView.canCook" />
              </Table.Th>
              <Table.Th>
                <FormattedMessage id="mealTrains.loadView.meals" />
              </Table.Th>
              <Table.Th>
                <FormattedMessage id="mealTrains.loadView.last" />
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.personId}>
                <Table.Td>{r.name}</Table.Td>
                <Table.Td>{r.phone ? isolate(r.phone) : null}</Table.Td>
                <Table.Td>
                  {r.canCook ? (
                    <Badge variant="light" color="green">
                      <FormattedMessage id="mealTrains.loadView.yes" />
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <FormattedNumber value={r.meals} />
                </Table.Td>
                <Table.Td>{r.lastDate ? day.short(r.lastDate) : <FormattedMessage id="mealTrains.loadView.never" />}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  )
}
