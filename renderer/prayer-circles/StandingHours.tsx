import { Alert, Badge, Button, Checkbox, Group, Menu, Modal, NumberInput, SegmentedControl, Select, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { keepPreviousData } from '@tanstack/react-query'
import { useState } from 'react'
import { FormattedMessage, type IntlShape, useIntl } from 'react-intl'
import type { StandingSlot, StandingWeek } from '../../main/contract/standing-hours'
import { useHearthMutation, useHearthQuery } from '../api'
import type { MessageId } from '../../main/contract/i18n/en'
import { PersonPicker } from '../members/PersonPicker'
import type { PrintRequest } from '../../main/contract/print'
import { PrintDialog } from '../print/PrintDialog'
import { CopyMessageButton } from '../reach/CopyMessageButton'
import { FormFooter, useDiscardGuard } from '../shell/forms'
import { EmptyState } from '../shell/Section'
import { clockText } from './clock-text'
import { ConfirmDelete } from './ConfirmDelete'
import { formatDay } from './format'
import { ColumnHeads, InlineForm, OpenButton, TabbedView } from './parts'
import { DateField } from '../i18n/DateField'
import { PhoneText } from '../i18n/Isolated'
import { useJoin } from '../i18n/lists'

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const

function weekdayName(intl: IntlShape, weekday: number, style: 'long' | 'short' = 'long'): string {
  // 2024-01-01 was a Monday.
  return intl.formatDate(`2024-01-0${weekday}T12:00:00Z`, { weekday: style, timeZone: 'UTC' })
}

function shortDay(intl: IntlShape, date: string): string {
  return intl.formatDate(`${date}T12:00:00Z`, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' })
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

function localToday(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

const slotLabel = (intl: IntlShape, s: StandingSlot) => `${formatDay(intl, s.date)}, ${s.localStart}–${s.localEnd}`

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
      <NewStandingModal circleId={circleId} opened={making} onClose={() => setMaking(false)} onCreated={onOpen} />
    </Stack>
  )
}

const NEW_STANDING_DRAFT = JSON.stringify({ title: '', days: WEEKDAYS.map(String), fromTime: '00:00', toTime: '00:00', slotMinutes: '60', people: 1 })

function NewStandingModal({ circleId, opened, onClose, onCreated }: { circleId: number; opened: boolean; onClose: () => void; onCreated: (id: number) => void }) {
  const intl = useIntl()
  const create = useHearthMutation('standingHours.create')
  const [title, setTitle] = useState('')
  const [days, setDays] = useState<string[]>(WEEKDAYS.map(String))
  const [fromTime, setFromTime] = useState('00:00')
  const [toTime, setToTime] = useState('00:00')
  const [slotMinutes, setSlotMinutes] = useState('60')
  const [people, setPeople] = useState<string | number>(1)
  const f = create.error?.fields ?? {}
  const draft = JSON.stringify({ title, days, fromTime, toTime, slotMinutes, people })
  const reset = () => {
    setTitle('')
    setDays(WEEKDAYS.map(String))
    setFromTime('00:00')
    setToTime('00:00')
    setSlotMinutes('60')
    setPeople(1)
  }
  const guard = useDiscardGuard(opened && draft !== NEW_STANDING_DRAFT, () => {
    reset()
    create.reset()
    onClose()
  })
  const close = guard.close
  return (
    <Modal opened={opened} onClose={close} title={intl.formatMessage({ id: 'standing.new' })} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          create.mutate(
            { circleId, title, weekdays: days.map(Number), fromTime, toTime, slotMinutes: slotMinutes === '30' ? 30 : 60, peoplePerSlot: typeof people === 'number' ? people : Number(people || 1) },
            {
              onSuccess: (r) => {
                notifications.show({ color: 'green', message: intl.formatMessage({ id: 'standing.created' }, { count: r.slotCount }) })
                reset()
                onCreated(r.id)
              },
            },
          )
        }}
      >
        <Stack>
          {create.error ? <Alert color="red">{create.error.message}</Alert> : null}
          <TextInput label={intl.formatMessage({ id: 'standing.field.title' })} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={f.title} required data-autofocus />
          <Checkbox.Group label={intl.formatMessage({ id: 'standing.field.days' })} value={days} onChange={setDays} error={f.weekdays}>
            <Group mt={4}>
              {WEEKDAYS.map((d) => (
                <Checkbox key={d} value={String(d)} label={weekdayName(intl, d)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Group grow>
            <TextInput type="time" label={intl.formatMessage({ id: 'standing.field.from' })} value={fromTime} onChange={(e) => setFromTime(e.currentTarget.value)} error={f.fromTime} required />
            <TextInput
              type="time"
              label={intl.formatMessage({ id: 'standing.field.to' })}
              description={intl.formatMessage({ id: 'standing.field.to.help' })}
              value={toTime}
              onChange={(e) => setToTime(e.currentTarget.value)}
              error={f.toTime}
              required
            />
          </Group>
          <div>
            <Text size="sm" fw={500} id="standing-slot-length">
              <FormattedMessage id="standing.field.slot" />
            </Text>
            <SegmentedControl
              aria-labelledby="standing-slot-length"
              value={slotMinutes}
              onChange={setSlotMinutes}
              data={[
                { value: '60', label: intl.formatMessage({ id: 'standing.field.slot.hour' }) },
                { value: '30', label: intl.formatMessage({ id: 'standing.field.slot.half' }) },
              ]}
            />
          </div>
          <NumberInput label={intl.formatMessage({ id: 'standing.field.people' })} value={people} onChange={setPeople} min={1} max={10} error={f.peoplePerSlot} />
          <FormFooter onCancel={close} saving={create.isPending} save={<FormattedMessage id="standing.create" />} />
        </Stack>
      </form>
      {guard.dialog}
    </Modal>
  )
}

/** One standing schedule: the week grid with who holds what, what is open, and the substitute pool. */
export function StandingView({ scheduleId, onBack }: { scheduleId: number; onBack: () => void }) {
  const intl = useIntl()
  const [date, setDate] = useState(localToday)
  const [open, setOpen] = useState<{ hourId: number; date: string } | null>(null)
  const [deleting, setDeleting] = useState(false)
  const [printing, setPrinting] = useState<PrintRequest | null>(null)
  const del = useHearthMutation('standingHours.delete')
  const week = useHearthQuery('standingHours.week', { scheduleId, date }, { placeholderData: keepPreviousData })
  const w = week.data
  const slot = open && w ? (w.slots.find((s) => s.hourId === open.hourId && s.date === open.date) ?? null) : null
  return (
    <TabbedView
      title={w?.title ?? ''}
      intro={w ? <FormattedMessage id="standing.view.intro" values={{ circle: w.circleName, zone: w.timeZone, people: w.peoplePerSlot }} /> : undefined}
      buttons={
        <>
          <Menu position="bottom-start">
            <Menu.Target>
              <Button variant="default">
                <FormattedMessage id="standing.print" />
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => setPrinting({ document: 'standingWeek', scheduleId, date })}>
                <FormattedMessage id="standing.print.week" />
              </Menu.Item>
              <Menu.Item onClick={() => setPrinting({ document: 'standingNeeds', scheduleId, month: (w?.dates[3] ?? date).slice(0, 7) })}>
                <FormattedMessage id="standing.print.needs" />
              </Menu.Item>
              <Menu.Item onClick={() => setPrinting({ document: 'standingSignIn', scheduleId, date })}>
                <FormattedMessage id="standing.print.signIn" />
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
          <Button variant="subtle" color="red" onClick={() => setDeleting(true)}>
            <FormattedMessage id="standing.delete" />
          </Button>
        </>
      }
      back="prayerCircles.backToCircle"
      onBack={onBack}
      error={week.error}
      tabs={[
        ['week', 'standing.tab.week'],
        ['pool', 'standing.tab.pool'],
      ]}
      panels={
        w ? (
          <>
            <Tabs.Panel value="week" pt="md">
              <Stack>
                <Group>
                  <Button variant="default" size="xs" onClick={() => setDate(addDays(w.dates[0]!, -7))}>
                    <FormattedMessage id="standing.week.previous" />
                  </Button>
                  <Button variant="default" size="xs" onClick={() => setDate(localToday())}>
                    <FormattedMessage id="standing.week.this" />
                  </Button>
                  <Button variant="default" size="xs" onClick={() => setDate(addDays(w.dates[0]!, 7))}>
                    <FormattedMessage id="standing.week.next" />
                  </Button>
                  <Text fw={600}>
                    <FormattedMessage id="standing.week.range" values={{ from: formatDay(intl, w.dates[0]!), to: formatDay(intl, w.dates[6]!) }} />
                  </Text>
                </Group>
                <WeekSummary week={w} />
                <FillMonth scheduleId={scheduleId} month={w.dates[3]!.slice(0, 7)} />
                <WeekGrid week={w} onOpen={(s) => setOpen({ hourId: s.hourId, date: s.date })} />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="pool" pt="md">
              <Pool scheduleId={scheduleId} />
            </Tabs.Panel>
          </>
        ) : null
      }
    >
      {slot && w ? <SlotModal slot={slot} week={w} onClose={() => setOpen(null)} /> : null}
      {printing ? <PrintDialog request={printing} opened onClose={() => setPrinting(null)} /> : null}
      <ConfirmDelete
        opened={deleting}
        title={intl.formatMessage({ id: 'prayerCircles.deleteSchedule.title' }, { name: w?.title ?? '' })}
        confirmLabel={intl.formatMessage({ id: 'standing.delete' })}
        pending={del.isPending}
        error={del.error?.message ?? null}
        onClose={() => setDeleting(false)}
        onConfirm={() => del.mutate({ scheduleId }, { onSuccess: onBack })}
      >
        <FormattedMessage id="standing.delete.body" />
      </ConfirmDelete>
    </TabbedView>
  )
}

function WeekSummary({ week }: { week: StandingWeek }) {
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
function FillMonth({ scheduleId, month }: { scheduleId: number; month: string }) {
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

function cellText(intl: IntlShape, s: StandingSlot): string {
  const parts = [slotLabel(intl, s)]
  if (s.clock === 'skipped') parts.push(intl.formatMessage({ id: 'standing.cell.skipped' }))
  else if (s.closed) parts.push(intl.formatMessage({ id: 'standing.cell.closed' }))
  else {
    parts.push(s.people.length > 0 ? s.people.map((p) => p.name).join(', ') : intl.formatMessage({ id: 'standing.cell.nobody' }))
    for (const n of s.needsSubstitute) parts.push(intl.formatMessage({ id: 'standing.cell.away' }, { name: n.name }))
    if (s.missing > 0) parts.push(intl.formatMessage({ id: 'standing.cell.missing' }, { count: s.missing }))
  }
  return parts.join('. ')
}

/** Days across, times down; each slot a button naming who comes and what is missing. */
function WeekGrid({ week, onOpen }: { week: StandingWeek; onOpen: (s: StandingSlot) => void }) {
  const intl = useIntl()
  const at = new Map(week.slots.map((s) => [`${s.date}/${s.localStart}`, s]))
  return (
    <Table withTableBorder withColumnBorders fz="xs" verticalSpacing={2} horizontalSpacing={4} style={{ tableLayout: 'fixed' }}>
      <Table.Caption>
        <FormattedMessage id="standing.grid.caption" />
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={52}>
            <FormattedMessage id="prayerCircles.col.time" />
          </Table.Th>
          {week.dates.map((d) => (
            <Table.Th key={d}>{shortDay(intl, d)}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {week.times.map((t) => (
          <Table.Tr key={t}>
            <Table.Th scope="row">{t}</Table.Th>
            {week.dates.map((d) => {
              const s = at.get(`${d}/${t}`)
              if (!s) return <Table.Td key={d} />
              const off = s.closed || s.clock === 'skipped'
              const short = !off && (s.missing > 0 || s.needsSubstitute.length > 0)
              return (
                <Table.Td key={d} p={0} bg={off ? 'gray.1' : short ? 'red.0' : undefined}>
                  <Button
                    variant="subtle"
                    color={short ? 'red.9' : 'dark'}
                    size="compact-xs"
                    fullWidth
                    h="auto"
                    mih={26}
                    px={4}
                    styles={{ label: { whiteSpace: 'normal', textAlign: 'start', display: 'block', fontWeight: 400, lineHeight: 1.25 } }}
                    aria-label={cellText(intl, s)}
                    onClick={() => onOpen(s)}
                  >
                    {off ? (
                      <Text span fz="xs" c="dark.4" fs="italic">
                        <FormattedMessage id={s.closed ? 'standing.cell.closedShort' : 'standing.cell.skippedShort'} />
                      </Text>
                    ) : (
                      <>
                        {s.people.map((p) => (
                          <Text span fz="xs" display="block" style={{ overflowWrap: 'anywhere' }} key={`${p.role}${p.personId}`}>
                            {p.name}
                          </Text>
                        ))}
                        {s.needsSubstitute.map((n) => (
                          <Text span fz="xs" display="block" fw={700} c="red.9" key={`away${n.holderId}`}>
                            <FormattedMessage id="standing.cell.subShort" />
                          </Text>
                        ))}
                        {s.missing > s.needsSubstitute.length ? (
                          <Text span fz="xs" display="block" fw={700} c="red.9">
                            <FormattedMessage id="standing.cell.openShort" values={{ count: s.missing - s.needsSubstitute.length }} />
                          </Text>
                        ) : null}
                      </>
                    )}
                  </Button>
                </Table.Td>
              )
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

function SlotModal({ slot, week, onClose }: { slot: StandingSlot; week: StandingWeek; onClose: () => void }) {
  const intl = useIntl()
  const refresh = ['standingHours']
  const take = useHearthMutation('standingHours.take', refresh)
  const release = useHearthMutation('standingHours.release', refresh)
  const away = useHearthMutation('standingHours.markAway', refresh)
  const clear = useHearthMutation('standingHours.clearException', refresh)
  const extra = useHearthMutation('standingHours.addExtra', refresh)
  const close = useHearthMutation('standingHours.close', refresh)
  const [taker, setTaker] = useState<number | null>(null)
  const [from, setFrom] = useState(slot.date)
  const [oneOff, setOneOff] = useState<number | null>(null)
  const [finding, setFinding] = useState<number | null>(null)
  const error = take.error ?? release.error ?? away.error ?? clear.error ?? extra.error ?? close.error
  const done = (id: MessageId) => () => notifications.show({ color: 'green', message: intl.formatMessage({ id }) })
  // A member chosen (to keep the slot, or for this date) but not yet added is asked about before the dialog closes.
  const guard = useDiscardGuard(taker !== null || oneOff !== null || from !== slot.date, onClose)
  return (
    <Modal opened onClose={guard.close} title={slotLabel(intl, slot)} size="lg">
      <Stack>
        {error ? <Alert color="red">{error.message}</Alert> : null}
        {slot.clock !== 'none' ? <Alert color="blue">{clockText(intl, slot)}</Alert> : null}
        {slot.closed ? (
          <Alert color="gray" title={intl.formatMessage({ id: 'standing.slot.closed' })}>
            <Stack gap="xs">
              {slot.closedNote ? <Text>{slot.closedNote}</Text> : null}
              {slot.closedBy !== null ? (
                <Button size="xs" variant="default" onClick={() => clear.mutate({ exceptionId: slot.closedBy! }, { onSuccess: done('standing.slot.reopened') })}>
                  <FormattedMessage id="standing.slot.reopen" />
                </Button>
              ) : null}
            </Stack>
          </Alert>
        ) : null}
        <Title order={3} size="h5">
          <FormattedMessage id="standing.slot.who" />
        </Title>
        {slot.people.length === 0 && slot.needsSubstitute.length === 0 ? (
          <Text c="red.9" fw={600}>
            <FormattedMessage id="standing.slot.nobody" />
          </Text>
        ) : null}
        {slot.people.map((p) => (
          <Group key={`${p.role}${p.personId}`} justify="space-between" wrap="wrap">
            <Text>
              {p.name}{' '}
              <Badge variant="light" color={p.role === 'holder' ? 'blue' : 'grape'}>
                <FormattedMessage id={`standing.role.${p.role}`} />
              </Badge>
            </Text>
            <Group gap="xs">
              {p.role === 'holder' ? (
                <>
                  <Button size="xs" variant="light" color="orange" onClick={() => away.mutate({ holderId: p.holderId!, date: slot.date }, { onSuccess: done('standing.slot.markedAway') })}>
                    <FormattedMessage id="standing.slot.cantCome" values={{ name: p.name }} />
                  </Button>
                  <Button size="xs" variant="subtle" color="red" onClick={() => release.mutate({ holderId: p.holderId!, lastDate: addDays(slot.date, -1) }, { onSuccess: done('standing.slot.released') })}>
                    <FormattedMessage id="standing.slot.release" values={{ name: p.name }} />
                  </Button>
                </>
              ) : (
                <Button size="xs" variant="subtle" onClick={() => clear.mutate({ exceptionId: p.exceptionId! }, { onSuccess: done('standing.slot.undone') })}>
                  <FormattedMessage id={p.role === 'substitute' ? 'standing.slot.undoSubstitute' : 'standing.slot.removeExtra'} values={{ name: p.name }} />
                </Button>
              )}
            </Group>
          </Group>
        ))}
        {slot.needsSubstitute.map((n) => (
          <Stack key={n.holderId} gap="xs">
            <Group justify="space-between" wrap="wrap">
              <Text fw={700} c="red.9">
                <FormattedMessage id="standing.slot.needsSub" values={{ name: n.name }} />
              </Text>
              <Group gap="xs">
                <Button size="xs" onClick={() => setFinding(n.exceptionId)}>
                  <FormattedMessage id="standing.slot.find" />
                </Button>
                <Button size="xs" variant="subtle" onClick={() => clear.mutate({ exceptionId: n.exceptionId }, { onSuccess: done('standing.slot.undone') })}>
                  <FormattedMessage id="standing.slot.canCome" values={{ name: n.name }} />
                </Button>
              </Group>
            </Group>
            {finding === n.exceptionId ? <SubstituteChoices exceptionId={n.exceptionId} onChosen={() => setFinding(null)} /> : null}
          </Stack>
        ))}
        {!slot.closed && slot.clock !== 'skipped' ? (
          <>
            <InlineForm
              onSubmit={() => {
                if (taker !== null)
                  take.mutate(
                    { hourId: slot.hourId, personId: taker, fromDate: from },
                    {
                      onSuccess: () => {
                        setTaker(null)
                        setFrom(slot.date)
                        done('standing.slot.taken')()
                      },
                    },
                  )
              }}
            >
              <PersonPicker label={intl.formatMessage({ id: 'standing.slot.taker' }, { day: weekdayName(intl, slot.weekday), time: slot.localStart })} value={taker} onChange={(p) => setTaker(p?.id ?? null)} w={260} />
              <DateField label={intl.formatMessage({ id: 'standing.slot.from' })} value={from} onChange={(e) => setFrom(e.currentTarget.value)} w={150} error={take.error?.fields.fromDate} />
              <Button type="submit" disabled={taker === null} loading={take.isPending}>
                <FormattedMessage id="standing.slot.take" />
              </Button>
            </InlineForm>
            <InlineForm
              onSubmit={() => {
                if (oneOff !== null)
                  extra.mutate(
                    { hourId: slot.hourId, date: slot.date, personId: oneOff },
                    {
                      onSuccess: () => {
                        setOneOff(null)
                        done('standing.slot.extraAdded')()
                      },
                    },
                  )
              }}
            >
              <PersonPicker label={intl.formatMessage({ id: 'standing.slot.extra' })} value={oneOff} onChange={(p) => setOneOff(p?.id ?? null)} w={260} />
              <Button type="submit" variant="light" disabled={oneOff === null} loading={extra.isPending}>
                <FormattedMessage id="standing.slot.addExtra" />
              </Button>
            </InlineForm>
            <Group>
              <Button size="xs" variant="default" onClick={() => close.mutate({ scheduleId: week.id, date: slot.date, hourId: slot.hourId }, { onSuccess: done('standing.slot.closedDone') })}>
                <FormattedMessage id="standing.slot.closeOne" />
              </Button>
              <Button size="xs" variant="default" onClick={() => close.mutate({ scheduleId: week.id, date: slot.date }, { onSuccess: done('standing.slot.closedDone') })}>
                <FormattedMessage id="standing.slot.closeDay" />
              </Button>
            </Group>
          </>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={guard.close}>
            <FormattedMessage id="standing.slot.done" />
          </Button>
        </Group>
      </Stack>
      {guard.dialog}
    </Modal>
  )
}

function SubstituteChoices({ exceptionId, onChosen }: { exceptionId: number; onChosen: () => void }) {
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

/** Members who offer to stand in, with the times of the week they can take and how often. */
function Pool({ scheduleId }: { scheduleId: number }) {
  const intl = useIntl()
  const join = useJoin()
  const pool = useHearthQuery('standingHours.pool', { scheduleId })
  const offer = useHearthMutation('standingHours.offer', ['standingHours'])
  const withdraw = useHearthMutation('standingHours.withdraw', ['standingHours'])
  const [person, setPerson] = useState<number | null>(null)
  const [pickerKey, setPickerKey] = useState(0)
  const [weekday, setWeekday] = useState<string | null>('1')
  const [start, setStart] = useState('09:00')
  const [end, setEnd] = useState('17:00')
  const [most, setMost] = useState<string | number>('')
  const error = offer.error ?? withdraw.error
  const f = offer.error?.fields ?? {}
  // A member chosen but not yet added: leaving the section asks first (the shell reads every open guard).
  useDiscardGuard(person !== null, () => setPerson(null))
  return (
    <Stack>
      <Text c="dimmed">
        <FormattedMessage id="standing.pool.intro" />
      </Text>
      {error ? <Alert color="red">{error.message}</Alert> : null}
      <InlineForm
        onSubmit={() => {
          if (person === null || weekday === null) return
          const existing = pool.data?.find((p) => p.personId === person)
          const times = [...(existing?.times ?? []), { weekday: Number(weekday), start, end }]
          offer.mutate(
            { scheduleId, personId: person, maxPerMonth: most === '' ? (existing?.maxPerMonth ?? null) : Number(most), times },
            {
              onSuccess: () => {
                setPerson(null)
                setPickerKey((k) => k + 1)
                notifications.show({ color: 'green', message: intl.formatMessage({ id: 'standing.pool.added' }) })
              },
            },
          )
        }}
      >
        <PersonPicker key={pickerKey} label={intl.formatMessage({ id: 'standing.pool.person' })} value={person} onChange={(p) => setPerson(p?.id ?? null)} w={230} />
        <Select
          label={intl.formatMessage({ id: 'standing.pool.day' })}
          data={WEEKDAYS.map((d) => ({ value: String(d), label: weekdayName(intl, d) }))}
          value={weekday}
          onChange={setWeekday}
          allowDeselect={false}
          w={140}
        />
        <TextInput type="time" label={intl.formatMessage({ id: 'standing.pool.from' })} value={start} onChange={(e) => setStart(e.currentTarget.value)} w={130} />
        <TextInput type="time" label={intl.formatMessage({ id: 'standing.pool.to' })} value={end} onChange={(e) => setEnd(e.currentTarget.value)} w={130} error={f['times.0.end']} />
        <NumberInput label={intl.formatMessage({ id: 'standing.pool.most' })} value={most} onChange={setMost} min={1} max={31} w={150} />
        <Button type="submit" disabled={person === null} loading={offer.isPending}>
          <FormattedMessage id="standing.pool.add" />
        </Button>
      </InlineForm>
      {pool.data && pool.data.length === 0 ? (
        <EmptyState>
          <FormattedMessage id="standing.pool.empty" />
        </EmptyState>
      ) : null}
      {pool.data && pool.data.length > 0 ? (
        <Table striped>
          <ColumnHeads ids={['prayerCircles.col.name', 'standing.pool.times', 'standing.pool.mostCol']} />
          <Table.Tbody>
            {pool.data.map((p) => (
              <Table.Tr key={p.personId}>
                <Table.Td>
                  {p.name}
                  {p.phone ? (
                    <Text fz="xs" c="dimmed">
                      <PhoneText>{p.phone}</PhoneText>
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{join(p.times.map((t) => `${weekdayName(intl, t.weekday, 'short')} ${t.start}–${t.end === '00:00' ? '24:00' : t.end}`))}</Table.Td>
                <Table.Td>{p.maxPerMonth ?? '—'}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="subtle" color="red" aria-label={intl.formatMessage({ id: 'standing.pool.removeNamed' }, { name: p.name })} onClick={() => withdraw.mutate({ scheduleId, personId: p.personId })}>
                    <FormattedMessage id="standing.pool.remove" />
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  )
}
