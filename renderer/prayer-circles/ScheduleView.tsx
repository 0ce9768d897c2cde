import { Alert, Badge, Button, Group, Modal, SegmentedControl, Select, Stack, Table, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMemo, useState } from 'react'
import { FormattedMessage, type IntlShape, useIntl } from 'react-intl'
import type { AutoFillResult, ScheduleDetail, ScheduleSlot, SlotAssignment, SlotWarning } from '../../main/contract/prayer-circles'
import { useHearthMutation, useHearthQuery } from '../api'
import { PersonPicker } from '../members/PersonPicker'
import { PrintButton } from '../print/PrintButton'
import { CalendarButton } from '../reach/CalendarButton'
import { CopyMessageButton } from '../reach/CopyMessageButton'
import { Section } from '../shell/Section'
import { ConfirmDelete } from './ConfirmDelete'
import { formatDay, formatTime } from './format'
import { ScheduleGrid } from './ScheduleGrid'
import { isolate } from '../i18n/bidi'
import { DateField } from '../i18n/DateField'

const KIND_IDS = { meeting: 'prayerCircles.kind.meeting', vigil: 'prayerCircles.kind.vigil', rotation: 'prayerCircles.kind.rotation' } as const

function warningText(intl: IntlShape, w: SlotWarning): string {
  return w.kind === 'blackout' ? intl.formatMessage({ id: 'prayerCircles.warning.blackout' }) : intl.formatMessage({ id: 'prayerCircles.warning.double' }, { label: w.label })
}

function showWarnings(intl: IntlShape, warnings: SlotWarning[]) {
  if (warnings.length === 0) return
  notifications.show({ color: 'orange', title: intl.formatMessage({ id: 'prayerCircles.warning.title' }), message: warnings.map((w) => warningText(intl, w)).join(' ') })
}

export function ScheduleView({ scheduleId, onBack }: { scheduleId: number; onBack: () => void }) {
  const intl = useIntl()
  const schedule = useHearthQuery('prayerCircles.schedule', { scheduleId })
  const fill = useHearthMutation('prayerCircles.autoFill')
  const [lastFill, setLastFill] = useState<AutoFillResult | null>(null)
  const [assigning, setAssigning] = useState<ScheduleSlot | null>(null)
  const [moving, setMoving] = useState<ScheduleSlot | null>(null)
  const [substituting, setSubstituting] = useState<{ slot: ScheduleSlot; assignment: SlotAssignment } | null>(null)
  const [deleting, setDeleting] = useState(false)
  const del = useHearthMutation('prayerCircles.deleteSchedule')
  const s = schedule.data
  return (
    <Section
      title={s?.title ?? ''}
      intro={
        s ? (
          <FormattedMessage id="prayerCircles.schedule.intro" values={{ kind: intl.formatMessage({ id: KIND_IDS[s.kind] }), circle: s.circleName, zone: s.timeZone, min: s.minPeople }} />
        ) : undefined
      }
      actions={
        <Group>
          {s ? (
            <PrintButton request={{ document: 'prayerSheet', scheduleId }}>
              <FormattedMessage id="prayerCircles.printSheet" />
            </PrintButton>
          ) : null}
          {s && s.kind !== 'meeting' ? <CopyMessageButton request={{ kind: 'gaps', scheduleId }} /> : null}
          <CalendarButton request={{ of: 'schedule', scheduleId }} />
          <Button
            display={s?.kind === 'meeting' ? 'none' : undefined}
            loading={fill.isPending}
            disabled={!s || s.openPlaces === 0}
            onClick={() =>
              fill.mutate(
                { scheduleId },
                {
                  onSuccess: (r) => {
                    setLastFill(r)
                    notifications.show({ color: 'green', message: intl.formatMessage({ id: 'prayerCircles.autoFill.done' }, { count: r.added }) })
                  },
                },
              )
            }
          >
            <FormattedMessage id="prayerCircles.autoFill" />
          </Button>
          <Button variant="subtle" color="red" onClick={() => setDeleting(true)}>
            <FormattedMessage id="prayerCircles.deleteSchedule" />
          </Button>
          <Button variant="default" onClick={onBack}>
            <FormattedMessage id="prayerCircles.backToCircle" />
          </Button>
        </Group>
      }
    >
      {schedule.error ? <Alert color="red">{schedule.error.message}</Alert> : null}
      {fill.error ? <Alert color="red">{fill.error.message}</Alert> : null}
      {s ? (
        <>
          <Gaps schedule={s} />
          {lastFill && lastFill.unfilled.length > 0 ? (
            <Alert color="orange" title={intl.formatMessage({ id: 'prayerCircles.autoFill.unfilledTitle' }, { count: lastFill.unfilled.length })}>
              <FormattedMessage id="prayerCircles.autoFill.unfilled" />
            </Alert>
          ) : null}
          {s.kind === 'meeting' ? (
            <SlotTable schedule={s} onAssign={setAssigning} onMove={setMoving} onSubstitute={(slot, assignment) => setSubstituting({ slot, assignment })} />
          ) : (
            <ScheduleGrid schedule={s} onAssign={setAssigning} onMove={setMoving} onSubstitute={(slot, assignment) => setSubstituting({ slot, assignment })} />
          )}
          <Counts schedule={s} />
          <AssignModal slot={assigning} schedule={s} onClose={() => setAssigning(null)} />
          <MoveModal slot={moving} onClose={() => setMoving(null)} />
          {substituting ? <SubstituteModal target={substituting} timeZone={s.timeZone} onClose={() => setSubstituting(null)} /> : null}
          <ConfirmDelete
            opened={deleting}
            title={intl.formatMessage({ id: 'prayerCircles.deleteSchedule.title' }, { name: s.title })}
            confirmLabel={intl.formatMessage({ id: 'prayerCircles.deleteSchedule' })}
            pending={del.isPending}
            error={del.error?.message ?? null}
            onClose={() => setDeleting(false)}
            onConfirm={() => del.mutate({ scheduleId }, { onSuccess: onBack })}
          >
            <FormattedMessage id="prayerCircles.deleteSchedule.body" values={{ slots: s.slots.length }} />
          </ConfirmDelete>
        </>
      ) : null}
    </Section>
  )
}

function Gaps({ schedule }: { schedule: ScheduleDetail }) {
  if (schedule.kind === 'meeting') return null
  return schedule.gapCount > 0 ? (
    <Alert color="red" variant="light" role="status">
      <Text fw={700}>
        <FormattedMessage id="prayerCircles.gaps" values={{ slots: schedule.gapCount, places: schedule.openPlaces }} />
      </Text>
    </Alert>
  ) : (
    <Alert color="green" variant="light" role="status">
      <Text fw={700}>
        <FormattedMessage id="prayerCircles.noGaps" />
      </Text>
    </Alert>
  )
}

function SlotTable({
  schedule,
  onAssign,
  onMove,
  onSubstitute,
}: {
  schedule: ScheduleDetail
  onAssign: (slot: ScheduleSlot) => void
  onMove: (slot: ScheduleSlot) => void
  onSubstitute: (slot: ScheduleSlot, a: SlotAssignment) => void
}) {
  const intl = useIntl()
  const unassign = useHearthMutation('prayerCircles.unassign')
  const mark = useHearthMutation('prayerCircles.markSubstitute')
  const skip = useHearthMutation('prayerCircles.skipSlot')
  const error = unassign.error ?? mark.error ?? skip.error
  const zone = schedule.timeZone
  const recurring = schedule.kind !== 'vigil'
  const pages = useMemo(() => slotPages(intl, schedule), [intl, schedule])
  const [page, setPage] = useState<string | null>(null)
  const current = pages.find((p) => p.key === page) ?? pages.find((p) => p.gaps > 0) ?? pages[0]
  const shown = current ? schedule.slots.filter((x) => pageKey(schedule, x) === current.key) : schedule.slots
  return (
    <Stack gap="xs">
      {error ? <Alert color="red">{error.message}</Alert> : null}
      {current ? (
        <Select
          maw={420}
          label={intl.formatMessage({ id: recurring ? 'prayerCircles.page.month' : 'prayerCircles.page.day' })}
          data={pages.map((p) => ({ value: p.key, label: intl.formatMessage({ id: 'prayerCircles.page.option' }, { label: p.label, gaps: p.gaps }) }))}
          value={current.key}
          allowDeselect={false}
          onChange={setPage}
        />
      ) : null}
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>
              <FormattedMessage id="prayerCircles.col.date" />
            </Table.Th>
            <Table.Th>
              <FormattedMessage id="prayerCircles.col.time" />
            </Table.Th>
            <Table.Th>
              <FormattedMessage id="prayerCircles.col.people" />
            </Table.Th>
            <Table.Th>
              <FormattedMessage id="prayerCircles.col.open" />
            </Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((slot, i) => {
            const time = `${formatTime(intl, slot.startsAt, zone)} – ${formatTime(intl, slot.endsAt, zone)}`
            const day = formatDay(intl, slot.localDate)
            const newDay = i === 0 || shown[i - 1]!.localDate !== slot.localDate
            return (
              <Table.Tr key={slot.id} bg={slot.missing > 0 ? 'var(--mantine-color-red-0)' : undefined} opacity={slot.skipped ? 0.6 : 1}>
                <Table.Td fw={newDay ? 600 : undefined}>{newDay || recurring ? day : ''}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {time}{' '}
                  {slot.moved ? (
                    <Badge size="sm" variant="light" color="blue">
                      <FormattedMessage id="prayerCircles.moved" />
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {slot.skipped ? (
                    <Badge color="gray">
                      <FormattedMessage id="prayerCircles.skipped" />
                    </Badge>
                  ) : (
                    <Stack gap={4}>
                      {slot.assignments.map((a) => (
                        <Group key={a.id} gap={6} wrap="wrap">
                          <Text span fw={500}>
                            {a.name}
                          </Text>
                          {a.writeIn ? (
                            <Badge size="xs" variant="outline">
                              <FormattedMessage id="prayerCircles.writeIn" />
                            </Badge>
                          ) : null}
                          {a.source === 'auto' ? (
                            <Badge size="xs" variant="light" color="gray">
                              <FormattedMessage id="prayerCircles.auto" />
                            </Badge>
                          ) : null}
                          {a.needsSubstitute ? (
                            <Badge size="xs" color="orange">
                              <FormattedMessage id="prayerCircles.needsSubstitute" />
                            </Badge>
                          ) : null}
                          {a.warnings.map((w) => (
                            <Text key={w.kind === 'blackout' ? 'b' : w.label} span size="xs" c="red.8">
                              {warningText(intl, w)}
                            </Text>
                          ))}
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            aria-label={intl.formatMessage({ id: a.needsSubstitute ? 'prayerCircles.substituteFoundNamed' : 'prayerCircles.needsSubstituteNamed' }, { name: a.name, time })}
                            onClick={() => mark.mutate({ assignmentId: a.id, needsSubstitute: !a.needsSubstitute })}
                          >
                            <FormattedMessage id={a.needsSubstitute ? 'prayerCircles.clearSubstitute' : 'prayerCircles.markSubstitute'} />
                          </Button>
                          {a.needsSubstitute && !a.writeIn ? (
                            <Button size="compact-xs" variant="light" color="orange" onClick={() => onSubstitute(slot, a)} aria-label={intl.formatMessage({ id: 'prayerCircles.findSubstituteNamed' }, { name: a.name, time })}>
                              <FormattedMessage id="prayerCircles.findSubstitute" />
                            </Button>
                          ) : null}
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            color="red"
                            aria-label={intl.formatMessage({ id: 'prayerCircles.removeFromSlot' }, { name: a.name, time })}
                            onClick={() => unassign.mutate({ assignmentId: a.id })}
                          >
                            <FormattedMessage id="prayerCircles.remove" />
                          </Button>
                        </Group>
                      ))}
                    </Stack>
                  )}
                </Table.Td>
                <Table.Td>
                  {slot.missing > 0 ? (
                    <Text span fw={700} c="red.8" style={{ whiteSpace: 'nowrap' }}>
                      <FormattedMessage id="prayerCircles.openPlaces" values={{ count: slot.missing }} />
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {!slot.skipped ? (
                      <Button size="compact-sm" variant="light" onClick={() => onAssign(slot)} aria-label={intl.formatMessage({ id: 'prayerCircles.addPersonAt' }, { day, time })}>
                        <FormattedMessage id="prayerCircles.addPerson" />
                      </Button>
                    ) : null}
                    {recurring ? (
                      <>
                        <Button
                          size="compact-sm"
                          variant="default"
                          onClick={() => skip.mutate({ slotId: slot.id, skipped: !slot.skipped })}
                          aria-label={intl.formatMessage({ id: slot.skipped ? 'prayerCircles.unskipAt' : 'prayerCircles.skipAt' }, { day })}
                        >
                          <FormattedMessage id={slot.skipped ? 'prayerCircles.unskip' : 'prayerCircles.skip'} />
                        </Button>
                        <Button size="compact-sm" variant="default" onClick={() => onMove(slot)} aria-label={intl.formatMessage({ id: 'prayerCircles.moveAt' }, { day })}>
                          <FormattedMessage id="prayerCircles.move" />
                        </Button>
                      </>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}

// Up to this many slots show on one page; a longer schedule is shown a day (vigil) or a month (meetings, rotations)
// at a time, because a month-long vigil has up to 1,500 rows and drawing them all takes many seconds.
const ALL_ON_ONE_PAGE = 96

function pageKey(schedule: ScheduleDetail, slot: ScheduleSlot): string {
  return schedule.kind === 'vigil' ? slot.localDate : slot.localDate.slice(0, 7)
}

/** The pages of a long schedule, each with its gap count so the gaps stand out in the chooser; none when short. */
function slotPages(intl: IntlShape, schedule: ScheduleDetail): { key: string; label: string; gaps: number }[] {
  if (schedule.slots.length <= ALL_ON_ONE_PAGE) return []
  const pages = new Map<string, { key: string; label: string; gaps: number }>()
  for (const slot of schedule.slots) {
    const key = pageKey(schedule, slot)
    const label = schedule.kind === 'vigil' ? formatDay(intl, key) : intl.formatDate(`${key}-15T12:00:00Z`, { month: 'long', year: 'numeric', timeZone: 'UTC' })
    const page = pages.get(key) ?? { key, label, gaps: 0 }
    if (slot.missing > 0) page.gaps++
    pages.set(key, page)
  }
  return [...pages.values()]
}

function Counts({ schedule }: { schedule: ScheduleDetail }) {
  if (schedule.counts.length === 0) return null
  return (
    <Stack gap="xs" maw={480}>
      <Text fw={700} component="h2">
        <FormattedMessage id="prayerCircles.counts" />
      </Text>
      <Table>
        <Table.Tbody>
          {schedule.counts.map((c) => (
            <Table.Tr key={c.personId}>
              <Table.Td>{c.name}</Table.Td>
              <Table.Td>
                <FormattedMessage id="prayerCircles.countTimes" values={{ count: c.count }} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}

function AssignModal({ slot, schedule, onClose }: { slot: ScheduleSlot | null; schedule: ScheduleDetail; onClose: () => void }) {
  const intl = useIntl()
  const assign = useHearthMutation('prayerCircles.assign')
  const [who, setWho] = useState<'member' | 'other'>('member')
  const [personId, setPersonId] = useState<number | null>(null)
  const [writeIn, setWriteIn] = useState('')
  const close = () => {
    assign.reset()
    setPersonId(null)
    setWriteIn('')
    onClose()
  }
  const when = slot ? `${formatDay(intl, slot.localDate)}, ${formatTime(intl, slot.startsAt, schedule.timeZone)} – ${formatTime(intl, slot.endsAt, schedule.timeZone)}` : ''
  return (
    <Modal opened={slot !== null} onClose={close} title={intl.formatMessage({ id: 'prayerCircles.assign.title' }, { when })}>
      <form noValidate
        onSubmit={(e) => {
          e.preventDefault()
          if (!slot) return
          assign.mutate(who === 'member' ? { slotId: slot.id, personId } : { slotId: slot.id, writeInName: writeIn }, {
            onSuccess: (r) => {
              showWarnings(intl, r.warnings)
              close()
            },
          })
        }}
      >
        <Stack>
          {assign.error ? <Alert color="red">{assign.error.message}</Alert> : null}
          <SegmentedControl
            aria-label={intl.formatMessage({ id: 'prayerCircles.assign.who' })}
            value={who}
            onChange={(v) => setWho(v as 'member' | 'other')}
            data={[
              { value: 'member', label: intl.formatMessage({ id: 'prayerCircles.assign.member' }) },
              { value: 'other', label: intl.formatMessage({ id: 'prayerCircles.assign.other' }) },
            ]}
          />
          {who === 'member' ? (
            <PersonPicker label={intl.formatMessage({ id: 'prayerCircles.assign.person' })} value={personId} onChange={(p) => setPersonId(p?.id ?? null)} data-autofocus />
          ) : (
            <TextInput
              label={intl.formatMessage({ id: 'prayerCircles.assign.writeIn' })}
              description={intl.formatMessage({ id: 'prayerCircles.assign.writeIn.help' })}
              value={writeIn}
              onChange={(e) => setWriteIn(e.currentTarget.value)}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              <FormattedMessage id="app.cancel" />
            </Button>
            <Button type="submit" loading={assign.isPending}>
              <FormattedMessage id="prayerCircles.assign.save" />
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

function MoveModal({ slot, onClose }: { slot: ScheduleSlot | null; onClose: () => void }) {
  const intl = useIntl()
  const move = useHearthMutation('prayerCircles.moveSlot')
  const [toDate, setToDate] = useState('')
  const [toTime, setToTime] = useState('')
  const close = () => {
    move.reset()
    setToDate('')
    setToTime('')
    onClose()
  }
  return (
    <Modal opened={slot !== null} onClose={close} title={intl.formatMessage({ id: 'prayerCircles.move.title' }, { day: slot ? formatDay(intl, slot.localDate) : '' })}>
      <form noValidate
        onSubmit={(e) => {
          e.preventDefault()
          if (slot) move.mutate({ slotId: slot.id, toDate, toTime: toTime || slot.localStart }, { onSuccess: close })
        }}
      >
        <Stack>
          {move.error ? <Alert color="red">{move.error.message}</Alert> : null}
          <DateField label={intl.formatMessage({ id: 'prayerCircles.move.date' })} value={toDate} onChange={(e) => setToDate(e.currentTarget.value)} error={move.error?.fields.toDate} required data-autofocus />
          <TextInput
            type="time"
            label={intl.formatMessage({ id: 'prayerCircles.move.time' })}
            value={toTime || slot?.localStart || ''}
            onChange={(e) => setToTime(e.currentTarget.value)}
            error={move.error?.fields.toTime ?? move.error?.fields.startTime}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              <FormattedMessage id="app.cancel" />
            </Button>
            <Button type="submit" loading={move.isPending}>
              <FormattedMessage id="prayerCircles.move.save" />
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

function SubstituteModal({ target, timeZone, onClose }: { target: { slot: ScheduleSlot; assignment: SlotAssignment }; timeZone: string; onClose: () => void }) {
  const intl = useIntl()
  const choices = useHearthQuery('prayerCircles.substitutes', { assignmentId: target.assignment.id })
  const replace = useHearthMutation('prayerCircles.replace')
  const close = () => {
    replace.reset()
    onClose()
  }
  const when = `${formatDay(intl, target.slot.localDate)}, ${formatTime(intl, target.slot.startsAt, timeZone)}`
  return (
    <Modal opened onClose={close} title={intl.formatMessage({ id: 'prayerCircles.substitutes.title' }, { name: target.assignment.name, when })}>
      <Stack>
        <Text size="sm" c="dimmed">
          <FormattedMessage id="prayerCircles.substitutes.intro" />
        </Text>
        {choices.error ? <Alert color="red">{choices.error.message}</Alert> : null}
        {replace.error ? <Alert color="red">{replace.error.message}</Alert> : null}
        {choices.data && choices.data.length === 0 ? (
          <Text>
            <FormattedMessage id="prayerCircles.substitutes.none" />
          </Text>
        ) : null}
        {choices.data?.map((c) => (
          <Group key={c.personId} justify="space-between" wrap="nowrap">
            <div>
              <Text fw={600}>{c.name}</Text>
              <Text size="sm" c="dimmed">
                {c.phone ? isolate(c.phone) : ''} · <FormattedMessage id="prayerCircles.substitutes.load" values={{ count: c.load }} />
              </Text>
            </div>
            <Button
              size="xs"
              onClick={() =>
                replace.mutate(
                  { assignmentId: target.assignment.id, personId: c.personId },
                  {
                    onSuccess: (r) => {
                      showWarnings(intl, r.warnings)
                      close()
                    },
                  },
                )
              }
              aria-label={intl.formatMessage({ id: 'prayerCircles.substitutes.chooseNamed' }, { name: c.name })}
            >
              <FormattedMessage id="prayerCircles.substitutes.choose" />
            </Button>
          </Group>
        ))}
      </Stack>
    </Modal>
  )
}
