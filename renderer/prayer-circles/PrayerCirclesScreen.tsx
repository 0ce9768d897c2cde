import { Alert, Badge, Button, Group, Modal, Stack, Table, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { useHearthMutation, useHearthQuery } from '../api'
import { PersonPicker } from '../members/PersonPicker'
import { routeParams } from '../shell/route'
import { EmptyState, Section } from '../shell/Section'
import { CircleView } from './CircleView'
import { ColumnHeads, OpenButton } from './parts'
import { ScheduleView } from './ScheduleView'
import { StandingView } from '../standing-hours/StandingView'

type Place =
  | { view: 'list' }
  | { view: 'circle'; circleId: number }
  | { view: 'schedule'; circleId: number; scheduleId: number }
  | { view: 'standing'; circleId: number; scheduleId: number }

/** The home links straight to a schedule ("#/prayer-circles/schedule/2/7") or a circle ("#/prayer-circles/circle/2"). */
function openedAt(): Place {
  const [view, circle, schedule] = routeParams().map((p, i) => (i === 0 ? p : Number(p)))
  if (view === 'schedule' && Number(circle) > 0 && Number(schedule) > 0) return { view: 'schedule', circleId: Number(circle), scheduleId: Number(schedule) }
  if (view === 'circle' && Number(circle) > 0) return { view: 'circle', circleId: Number(circle) }
  return { view: 'list' }
}

/** Prayer circles: the list of circles, one circle (members, chain, requests, schedules), one schedule's slots, or one standing week. */
export function PrayerCirclesScreen() {
  const [place, setPlace] = useState<Place>(openedAt)
  if (place.view === 'schedule') {
    return <ScheduleView scheduleId={place.scheduleId} onBack={() => setPlace({ view: 'circle', circleId: place.circleId })} />
  }
  if (place.view === 'standing') {
    return <StandingView scheduleId={place.scheduleId} onBack={() => setPlace({ view: 'circle', circleId: place.circleId })} />
  }
  if (place.view === 'circle') {
    return (
      <CircleView
        circleId={place.circleId}
        onBack={() => setPlace({ view: 'list' })}
        onOpenSchedule={(scheduleId) => setPlace({ view: 'schedule', circleId: place.circleId, scheduleId })}
        onOpenStanding={(scheduleId) => setPlace({ view: 'standing', circleId: place.circleId, scheduleId })}
      />
    )
  }
  return <CircleList onOpen={(circleId) => setPlace({ view: 'circle', circleId })} />
}

function CircleList({ onOpen }: { onOpen: (circleId: number) => void }) {
  const intl = useIntl()
  const circles = useHearthQuery('prayerCircles.list', {})
  const [creating, setCreating] = useState(false)
  return (
    <Section
      title={intl.formatMessage({ id: 'nav.prayerCircles' })}
      intro={<FormattedMessage id="prayerCircles.intro" />}
      actions={
        <Button onClick={() => setCreating(true)}>
          <FormattedMessage id="prayerCircles.new" />
        </Button>
      }
    >
      {circles.error ? <Alert color="red">{circles.error.message}</Alert> : null}
      {circles.data && circles.data.length === 0 ? (
        <EmptyState>
          <FormattedMessage id="prayerCircles.empty" />
        </EmptyState>
      ) : null}
      {circles.data && circles.data.length > 0 ? (
        <Table striped highlightOnHover>
          <ColumnHeads ids={['prayerCircles.col.circle', 'prayerCircles.col.leader', 'prayerCircles.col.members', 'prayerCircles.col.requests']} />
          <Table.Tbody>
            {circles.data.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td fw={600}>{c.name}</Table.Td>
                <Table.Td>{c.leaderName ?? '—'}</Table.Td>
                <Table.Td>
                  <FormattedMessage id="prayerCircles.memberCount" values={{ count: c.memberCount }} />
                </Table.Td>
                <Table.Td>
                  {c.openRequestCount > 0 ? (
                    <Badge variant="light">
                      <FormattedMessage id="prayerCircles.openRequests" values={{ count: c.openRequestCount }} />
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <OpenButton name={c.name} onOpen={() => onOpen(c.id)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <NewCircleModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false)
          onOpen(id)
        }}
      />
    </Section>
  )
}

function NewCircleModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (id: number) => void }) {
  const intl = useIntl()
  const create = useHearthMutation('prayerCircles.create')
  const [name, setName] = useState('')
  const [leader, setLeader] = useState<number | null>(null)
  const close = () => {
    create.reset()
    setName('')
    setLeader(null)
    onClose()
  }
  return (
    <Modal opened={opened} onClose={close} title={intl.formatMessage({ id: 'prayerCircles.new' })}>
      <form noValidate
        onSubmit={(e) => {
          e.preventDefault()
          create.mutate(
            { name, leaderPersonId: leader },
            {
              onSuccess: (r) => {
                notifications.show({ message: intl.formatMessage({ id: 'prayerCircles.created' }), color: 'green' })
                setName('')
                setLeader(null)
                onCreated(r.id)
              },
            },
          )
        }}
      >
        <Stack>
          {create.error ? <Alert color="red">{create.error.message}</Alert> : null}
          <TextInput
            label={intl.formatMessage({ id: 'prayerCircles.field.name' })}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={create.error?.fields.name}
            required
            data-autofocus
          />
          <PersonPicker
            label={intl.formatMessage({ id: 'prayerCircles.field.leader' })}
            description={intl.formatMessage({ id: 'prayerCircles.field.leader.help' })}
            value={leader}
            onChange={(p) => setLeader(p?.id ?? null)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              <FormattedMessage id="app.cancel" />
            </Button>
            <Button type="submit" loading={create.isPending}>
              <FormattedMessage id="prayerCircles.create" />
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

