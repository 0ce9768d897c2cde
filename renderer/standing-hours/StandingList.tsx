import { Alert, Button, Group, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { FormattedMessage } from 'react-intl'
import { useHearthQuery } from '../api'
import { EmptyState } from '../shell/Section'
import { ColumnHeads, OpenButton } from '../prayer-circles/parts'
import { NewStandingDialog } from './NewStandingDialog'

/** The circle's standing schedules (weekly, with no end), in the circle's Schedules tab. */
export function StandingList({ circleId, onOpen }: { circleId: number; onOpen: (scheduleId: number) => void }) {
  const list = useHearthQuery('standingHours.list', { circleId })
  const [making, setMaking] = useState(false)
  return (
    <Stack mt="lg">
      <Group justify="space-between">
        <Title order={2} size="h3">
          <FormattedMessage id="standing.title" />
        </Title>
        <Button variant="light" onClick={() => setMaking(true)}>
          <FormattedMessage id="standing.new" />
        </Button>
      </Group>
      <Text c="dimmed">
        <FormattedMessage id="standing.intro" />
      </Text>
      {list.error ? <Alert color="red">{list.error.message}</Alert> : null}
      {list.data && list.data.length > 0 ? (
        <Table striped>
          <ColumnHeads ids={['prayerCircles.col.title', 'standing.col.slots', 'prayerCircles.col.gaps']} />
          <Table.Tbody>
            {list.data.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td fw={600}>{s.title}</Table.Td>
                <Table.Td>
                  <FormattedMessage id="standing.slotsAWeek" values={{ count: s.slotCount, people: s.peoplePerSlot }} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600} c={s.uncoveredCount > 0 ? 'red.9' : 'green.9'}>
                    {s.uncoveredCount > 0 ? <FormattedMessage id="standing.uncovered" values={{ count: s.uncoveredCount }} /> : <FormattedMessage id="prayerCircles.allCovered" />}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <OpenButton name={s.title} onOpen={() => onOpen(s.id)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : list.data ? (
        <EmptyState>
          <FormattedMessage id="standing.empty" />
        </EmptyState>
      ) : null}
      <NewStandingDialog circleId={circleId} opened={making} onClose={() => setMaking(false)} onCreated={onOpen} />
    </Stack>
  )
}
