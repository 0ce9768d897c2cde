import { Alert, Badge, Button, Card, Group, Modal, Select, Stack, Switch, Table, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { keepPreviousData } from '@tanstack/react-query'
import { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { CircleDetail, PrayerRequest } from '../../main/contract/prayer-circles'
import { useHearthMutation, useHearthQuery } from '../api'
import { PersonPicker } from '../members/PersonPicker'
import { PrintButton } from '../print/PrintButton'
import { ContactMenu } from '../reach/ContactMenu'
import { CopyMessageButton } from '../reach/CopyMessageButton'
import { FormFooter, useDiscardGuard } from '../shell/forms'
import { EmptyState } from '../shell/Section'
import { ConfirmDelete } from './ConfirmDelete'
import { NewRecurringModal, NewVigilModal } from './ScheduleForms'
import { rangeEnds } from './format'
import { ColumnHeads, InlineForm, OpenButton, TabbedView } from './parts'
import { StandingList } from '../standing-hours/StandingList'
import { isolate } from '../i18n/bidi'
import { DateField } from '../i18n/DateField'
import { Whole } from '../i18n/Isolated'

export function CircleView({
  circleId,
  onBack,
  onOpenSchedule,
  onOpenStanding,
}: {
  circleId: number
  onBack: () => void
  onOpenSchedule: (scheduleId: number) => void
  onOpenStanding: (scheduleId: number) => void
}) {
  const intl = useIntl()
  const [coordinator, setCoordinator] = useState(false)
  const [showExpired, setShowExpired] = useState(false)
  // Keeps showing the circle while the toggles fetch it again, so the open tab and focus stay where they were.
  const circle = useHearthQuery('prayerCircles.get', { circleId, includeCoordinatorOnly: coordinator, includeExpired: showExpired }, { placeholderData: keepPreviousData })
  const c = circle.data
  return (
    <TabbedView
      title={c?.name ?? intl.formatMessage({ id: 'nav.prayerCircles' })}
      intro={c?.leader ? <FormattedMessage id="prayerCircles.ledBy" values={{ name: c.leader.name }} /> : undefined}
      buttons={
        <>
          <PrintButton request={{ document: 'prayerCircle', circleId }}>
            <FormattedMessage id="prayerCircles.printCircle" />
          </PrintButton>
          <CopyMessageButton request={{ kind: 'prayerCircle', circleId }} />
          <ContactMenu source={{ of: 'circle', circleId }} />
          {c ? <CircleActions circle={c} onDeleted={onBack} /> : null}
        </>
      }
      back="prayerCircles.backToList"
      onBack={onBack}
      error={circle.error}
      tabs={[
        ['schedules', 'prayerCircles.tab.schedules'],
        ['members', 'prayerCircles.tab.members'],
        ['requests', 'prayerCircles.tab.requests'],
      ]}
      panels={
        c ? (
          <>
            <Tabs.Panel value="schedules" pt="md">
              <Schedules circle={c} onOpen={onOpenSchedule} />
              <StandingList circleId={c.id} onOpen={onOpenStanding} />
            </Tabs.Panel>
            <Tabs.Panel value="members" pt="md">
              <Members circle={c} />
            </Tabs.Panel>
            <Tabs.Panel value="requests" pt="md">
              <Stack>
                <Group>
                  <Switch
                    label={intl.formatMessage({ id: 'prayerCircles.requests.showCoordinator' })}
                    checked={coordinator}
                    onChange={(e) => setCoordinator(e.currentTarget.checked)}
                  />
                  <Switch label={intl.formatMessage({ id: 'prayerCircles.requests.showExpired' })} checked={showExpired} onChange={(e) => setShowExpired(e.currentTarget.checked)} />
                </Group>
                <Requests circleId={c.id} requests={c.requests} />
              </Stack>
            </Tabs.Panel>
          </>
        ) : null
      }
    />
  )
}

const KIND_IDS = { meeting: 'prayerCircles.kind.meeting', vigil: 'prayerCircles.kind.vigil', rotation: 'prayerCircles.kind.rotation' } as const

function Schedules({ circle, onOpen }: { circle: CircleDetail; onOpen: (id: number) => void }) {
  const intl = useIntl()
  const [making, setMaking] = useState<'vigil' | 'recurring' | null>(null)
  const zone = useHearthQuery('settings.get', {}).data?.timeZone
  return (
    <Stack>
      <Group>
        <Button onClick={() => setMaking('vigil')}>
          <FormattedMessage id="prayerCircles.newVigil" />
        </Button>
        <Button variant="light" onClick={() => setMaking('recurring')}>
          <FormattedMessage id="prayerCircles.newRecurring" />
        </Button>
      </Group>
      {circle.schedules.length === 0 ? (
        <EmptyState>
          <FormattedMessage id="prayerCircles.schedules.empty" />
        </EmptyState>
      ) : (
        <Table striped>
          <ColumnHeads ids={['prayerCircles.col.title', 'prayerCircles.col.kind', 'prayerCircles.col.when', 'prayerCircles.col.gaps']} />
          <Table.Tbody>
            {circle.schedules.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td fw={600}>{s.title}</Table.Td>
                <Table.Td>
                  <FormattedMessage id={KIND_IDS[s.kind]} />
                </Table.Td>
                <Table.Td>{s.firstStartsAt && s.lastEndsAt ? <Ends ends={rangeEnds(intl, s.firstStartsAt, s.lastEndsAt, zone)} /> : '—'}</Table.Td>
                <Table.Td>
                  {/* The count is the point of the column: the badge is never cut to "4 MANQ…" beside a long date. */}
                  <Badge color={s.gapCount > 0 ? 'red' : 'green'} variant="light" styles={{ label: { overflow: 'visible' } }}>
                    {s.gapCount > 0 ? (
                      <FormattedMessage id="prayerCircles.gapCount" values={{ count: s.gapCount }} />
                    ) : (
                      <FormattedMessage id="prayerCircles.allCovered" />
                    )}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <OpenButton name={s.title} onOpen={() => onOpen(s.id)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <NewVigilModal circleId={circle.id} opened={making === 'vigil'} onClose={() => setMaking(null)} onCreated={onOpen} />
      <NewRecurringModal circleId={circle.id} opened={making === 'recurring'} onClose={() => setMaking(null)} onCreated={onOpen} />
    </Stack>
  )
}

function Members({ circle }: { circle: CircleDetail }) {
  const intl = useIntl()
  const [adding, setAdding] = useState<number | null>(null)
  const [pickerKey, setPickerKey] = useState(0)
  const add = useHearthMutation('prayerCircles.addMember')
  const remove = useHearthMutation('prayerCircles.removeMember')
  const move = useHearthMutation('prayerCircles.moveInChain')
  const error = add.error ?? remove.error ?? move.error
  const n = circle.members.length
  return (
    <Stack>
      <Text c="dimmed">
        <FormattedMessage id="prayerCircles.chain.intro" />
      </Text>
      {error ? <Alert color="red">{error.message}</Alert> : null}
      <InlineForm
        onSubmit={() => {
          if (adding === null) return
          add.mutate(
            { circleId: circle.id, personId: adding },
            {
              onSuccess: () => {
                setAdding(null)
                setPickerKey((k) => k + 1)
              },
            },
          )
        }}
      >
        <PersonPicker key={pickerKey} label={intl.formatMessage({ id: 'prayerCircles.addMember' })} value={adding} onChange={(p) => setAdding(p?.id ?? null)} w={320} />
        <Button type="submit" disabled={adding === null} loading={add.isPending}>
          <FormattedMessage id="prayerCircles.add" />
        </Button>
      </InlineForm>
      {n === 0 ? (
        <EmptyState>
          <FormattedMessage id="prayerCircles.members.empty" />
        </EmptyState>
      ) : (
        <Table>
          <Table.Caption>
            <FormattedMessage id="prayerCircles.chain.caption" />
          </Table.Caption>
          <ColumnHeads ids={['prayerCircles.col.order', 'prayerCircles.col.name', 'prayerCircles.col.phone', 'prayerCircles.col.calls']} />
          <Table.Tbody>
            {circle.members.map((m, i) => (
              <Table.Tr key={m.personId}>
                <Table.Td>{m.chainPosition}</Table.Td>
                <Table.Td fw={600}>
                  {m.name}{' '}
                  {circle.leader?.personId === m.personId ? (
                    <Badge size="sm" variant="light">
                      <FormattedMessage id="prayerCircles.leader" />
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>{m.phone ? isolate(m.phone) : '—'}</Table.Td>
                <Table.Td>{circle.members[i + 1]?.name ?? '—'}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="xs"
                      variant="default"
                      disabled={i === 0}
                      aria-label={intl.formatMessage({ id: 'prayerCircles.moveUpNamed' }, { name: m.name })}
                      onClick={() => move.mutate({ circleId: circle.id, personId: m.personId, direction: 'up' })}
                    >
                      <FormattedMessage id="prayerCircles.moveUp" />
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      disabled={i === n - 1}
                      aria-label={intl.formatMessage({ id: 'prayerCircles.moveDownNamed' }, { name: m.name })}
                      onClick={() => move.mutate({ circleId: circle.id, personId: m.personId, direction: 'down' })}
                    >
                      <FormattedMessage id="prayerCircles.moveDown" />
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={intl.formatMessage({ id: 'prayerCircles.removeNamed' }, { name: m.name })}
                      onClick={() => remove.mutate({ circleId: circle.id, personId: m.personId })}
                    >
                      <FormattedMessage id="prayerCircles.remove" />
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}

function Requests({ circleId, requests }: { circleId: number; requests: PrayerRequest[] }) {
  const intl = useIntl()
  const add = useHearthMutation('prayerCircles.addRequest')
  const answer = useHearthMutation('prayerCircles.answerRequest')
  const del = useHearthMutation('prayerCircles.deleteRequest')
  const [body, setBody] = useState('')
  const [requestedBy, setRequestedBy] = useState('')
  const [confidentiality, setConfidentiality] = useState<'circle' | 'coordinator'>('circle')
  const [expiresOn, setExpiresOn] = useState('')
  const [praise, setPraise] = useState<Record<number, string>>({})
  const error = answer.error ?? del.error
  return (
    <Stack>
      <form noValidate
        onSubmit={(e) => {
          e.preventDefault()
          add.mutate(
            { circleId, body, requestedBy: requestedBy || null, confidentiality, expiresOn: expiresOn || null },
            {
              onSuccess: () => {
                setBody('')
                setRequestedBy('')
                setExpiresOn('')
                setConfidentiality('circle')
                notifications.show({ message: intl.formatMessage({ id: 'app.saved' }), color: 'green' })
              },
            },
          )
        }}
      >
        <Card withBorder>
          <Stack gap="sm">
            <Title order={2} size="h4">
              <FormattedMessage id="prayerCircles.requests.new" />
            </Title>
            {add.error ? <Alert color="red">{add.error.message}</Alert> : null}
            <Textarea
              label={intl.formatMessage({ id: 'prayerCircles.requests.body' })}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              error={add.error?.fields.body}
              autosize
              minRows={2}
              required
            />
            <Group grow align="flex-start">
              <TextInput label={intl.formatMessage({ id: 'prayerCircles.requests.by' })} value={requestedBy} onChange={(e) => setRequestedBy(e.currentTarget.value)} />
              <Select
                label={intl.formatMessage({ id: 'prayerCircles.requests.who' })}
                data={[
                  { value: 'circle', label: intl.formatMessage({ id: 'prayerCircles.requests.circle' }) },
                  { value: 'coordinator', label: intl.formatMessage({ id: 'prayerCircles.requests.coordinator' }) },
                ]}
                value={confidentiality}
                allowDeselect={false}
                onChange={(v) => v && setConfidentiality(v as 'circle' | 'coordinator')}
              />
              <DateField
                label={intl.formatMessage({ id: 'prayerCircles.requests.expires' })}
                description={intl.formatMessage({ id: 'prayerCircles.requests.expires.help' })}
                value={expiresOn}
                error={add.error?.fields.expiresOn}
                onChange={(e) => setExpiresOn(e.currentTarget.value)}
              />
            </Group>
            <Group>
              <Button type="submit" loading={add.isPending}>
                <FormattedMessage id="prayerCircles.requests.add" />
              </Button>
            </Group>
          </Stack>
        </Card>
      </form>
      {error ? <Alert color="red">{error.message}</Alert> : null}
      {requests.length === 0 ? (
        <EmptyState>
          <FormattedMessage id="prayerCircles.requests.empty" />
        </EmptyState>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {requests.map((r) => (
            <Card key={r.id} withBorder component="li">
              <Stack gap={6}>
                <Group gap="xs">
                  {r.confidentiality === 'coordinator' ? (
                    <Badge color="grape">
                      <FormattedMessage id="prayerCircles.requests.coordinatorBadge" />
                    </Badge>
                  ) : null}
                  {r.answeredAt ? (
                    <Badge color="green">
                      <FormattedMessage id="prayerCircles.requests.answered" />
                    </Badge>
                  ) : null}
                  {r.expired ? (
                    <Badge color="gray">
                      <FormattedMessage id="prayerCircles.requests.expired" />
                    </Badge>
                  ) : null}
                </Group>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{r.body}</Text>
                <Text size="sm" c="dimmed">
                  {r.requestedBy ? <FormattedMessage id="prayerCircles.requests.from" values={{ name: r.requestedBy }} /> : null}{' '}
                  {r.expiresOn ? <FormattedMessage id="prayerCircles.requests.until" values={{ date: intl.formatDate(`${r.expiresOn}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' }) }} /> : null}
                </Text>
                {r.answeredAt && r.praiseNote ? (
                  <Text size="sm">
                    <FormattedMessage id="prayerCircles.requests.praise" values={{ note: r.praiseNote }} />
                  </Text>
                ) : null}
                <Group gap="xs" align="flex-end">
                  {r.answeredAt ? (
                    <Button size="xs" variant="default" onClick={() => answer.mutate({ requestId: r.id, answered: false })}>
                      <FormattedMessage id="prayerCircles.requests.unanswer" />
                    </Button>
                  ) : (
                    <>
                      <TextInput
                        size="xs"
                        label={intl.formatMessage({ id: 'prayerCircles.requests.praiseNote' })}
                        value={praise[r.id] ?? ''}
                        onChange={(e) => setPraise({ ...praise, [r.id]: e.currentTarget.value })}
                      />
                      <Button size="xs" color="green" variant="light" onClick={() => answer.mutate({ requestId: r.id, answered: true, praiseNote: praise[r.id] || null })}>
                        <FormattedMessage id="prayerCircles.requests.markAnswered" />
                      </Button>
                    </>
                  )}
                  <Button size="xs" variant="subtle" color="red" onClick={() => del.mutate({ requestId: r.id })}>
                    <FormattedMessage id="prayerCircles.requests.delete" />
                  </Button>
                </Group>
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  )
}

function CircleActions({ circle, onDeleted }: { circle: CircleDetail; onDeleted: () => void }) {
  const intl = useIntl()
  const update = useHearthMutation('prayerCircles.update')
  const del = useHearthMutation('prayerCircles.delete')
  const [editing, setEditing] = useState(false)
  const [deleting, setDeleting] = useState(false)
  const [name, setName] = useState(circle.name)
  const [leader, setLeader] = useState<number | null>(circle.leader?.personId ?? null)
  const openEdit = () => {
    setName(circle.name)
    setLeader(circle.leader?.personId ?? null)
    update.reset()
    setEditing(true)
  }
  const guard = useDiscardGuard(editing && (name !== circle.name || leader !== (circle.leader?.personId ?? null)), () => setEditing(false))
  return (
    <>
      {guard.dialog}
      <Button variant="default" onClick={openEdit}>
        <FormattedMessage id="prayerCircles.edit" />
      </Button>
      <Button variant="subtle" color="red" onClick={() => setDeleting(true)}>
        <FormattedMessage id="prayerCircles.delete" />
      </Button>
      <Modal opened={editing} onClose={guard.close} title={intl.formatMessage({ id: 'prayerCircles.edit' })}>
        <form noValidate
          onSubmit={(e) => {
            e.preventDefault()
            update.mutate({ circleId: circle.id, name, leaderPersonId: leader }, { onSuccess: () => setEditing(false) })
          }}
        >
          <Stack>
            {update.error ? <Alert color="red">{update.error.message}</Alert> : null}
            <TextInput label={intl.formatMessage({ id: 'prayerCircles.field.name' })} value={name} onChange={(e) => setName(e.currentTarget.value)} error={update.error?.fields.name} required data-autofocus />
            <Select
              label={intl.formatMessage({ id: 'prayerCircles.field.leader' })}
              data={circle.members.map((m) => ({ value: String(m.personId), label: m.name }))}
              value={leader === null ? null : String(leader)}
              onChange={(v) => setLeader(v === null ? null : Number(v))}
              clearable
            />
            <FormFooter onCancel={guard.close} saving={update.isPending} />
          </Stack>
        </form>
      </Modal>
      <ConfirmDelete
        opened={deleting}
        title={intl.formatMessage({ id: 'prayerCircles.delete.title' }, { name: circle.name })}
        confirmLabel={intl.formatMessage({ id: 'prayerCircles.delete' })}
        pending={del.isPending}
        error={del.error?.message ?? null}
        onClose={() => setDeleting(false)}
        onConfirm={() => del.mutate({ circleId: circle.id }, { onSuccess: onDeleted })}
      >
        <FormattedMessage id="prayerCircles.delete.body" values={{ schedules: circle.schedules.length, requests: circle.requests.length }} />
      </ConfirmDelete>
    </>
  )
}

/** A vigil's start and end, each kept whole on its line ("mer. 2 / déc. 2026" once split a date in two). */
function Ends({ ends: [from, to] }: { ends: [string, string] }) {
  return (
    <>
      <Whole>{from}</Whole> – <Whole>{to}</Whole>
    </>
  )
}
