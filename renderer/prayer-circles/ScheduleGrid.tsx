import { Alert, Menu, Select, Stack, Text, UnstyledButton } from '@mantine/core'
import { useState } from 'react'
import { FormattedMessage, type IntlShape, useIntl } from 'react-intl'
import type { ScheduleDetail, ScheduleSlot, SlotAssignment, SlotWarning } from '../../main/contract/prayer-circles'
import { useHearthMutation } from '../api'
import { formatTime } from './format'
import { gridAxes, gridPageOf } from './grid'

function shortDay(intl: IntlShape, date: string): string {
  return intl.formatDate(`${date}T12:00:00Z`, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' })
}

function longDay(intl: IntlShape, date: string): string {
  return intl.formatDate(`${date}T12:00:00Z`, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
}

function warningText(intl: IntlShape, w: SlotWarning): string {
  return w.kind === 'blackout' ? intl.formatMessage({ id: 'prayerCircles.warning.blackout' }) : intl.formatMessage({ id: 'prayerCircles.warning.double' }, { label: w.label })
}

interface GridProps {
  schedule: ScheduleDetail
  onAssign: (slot: ScheduleSlot) => void
  onMove: (slot: ScheduleSlot) => void
  onSubstitute: (slot: ScheduleSlot, a: SlotAssignment) => void
}

/**
 * A vigil or rota as a compact grid: each person a small name chip whose actions (needs a substitute, find one,
 * remove) are in its menu, each gap a red cell with its "needed" count on the add button. People Hearth filled in
 * automatically have a dashed chip, explained once above the grid.
 */
export function ScheduleGrid({ schedule, onAssign, onMove, onSubstitute }: GridProps) {
  const intl = useIntl()
  const pages = [...new Set(schedule.slots.map((s) => gridPageOf(s, schedule.kind, schedule.slots.length)))]
  const gapsOn = (page: string) => schedule.slots.filter((s) => s.missing > 0 && gridPageOf(s, schedule.kind, schedule.slots.length) === page).length
  const [chosen, setChosen] = useState<string | null>(null)
  // Opens on the first page with a gap, where the work is.
  const page = chosen ?? pages.find((p) => gapsOn(p) > 0) ?? pages[0] ?? 'all'
  const slots = schedule.slots.filter((s) => gridPageOf(s, schedule.kind, schedule.slots.length) === page)
  const unassign = useHearthMutation('prayerCircles.unassign')
  const mark = useHearthMutation('prayerCircles.markSubstitute')
  const skip = useHearthMutation('prayerCircles.skipSlot')
  const error = unassign.error ?? mark.error ?? skip.error
  const zone = schedule.timeZone
  const recurring = schedule.kind !== 'vigil'
  const timed = slots.map((slot) => ({ slot, localDate: slot.localDate, time: `${formatTime(intl, slot.startsAt, zone)} – ${formatTime(intl, slot.endsAt, zone)}` }))
  const axes = gridAxes(timed)
  const cells = new Map<string, typeof timed>()
  for (const t of timed) {
    const key = axes.daysAcross ? `${t.time}|${t.localDate}` : `${t.localDate}|${t.time}`
    cells.set(key, [...(cells.get(key) ?? []), t])
  }
  const anyAuto = slots.some((s) => s.assignments.some((a) => a.source === 'auto'))
  const label = (key: string, across: boolean) => (across === axes.daysAcross ? shortDay(intl, key) : key)

  return (
    <Stack gap="xs">
      {error ? <Alert color="red">{error.message}</Alert> : null}
      {pages.length > 1 ? (
        <Select
          maw={420}
          label={intl.formatMessage({ id: recurring ? 'prayerCircles.page.month' : 'scheduleGrid.week' })}
          data={pages.map((p) => ({
            value: p,
            label: intl.formatMessage(
              { id: 'prayerCircles.page.option' },
              { label: recurring ? intl.formatDate(`${p}-15T12:00:00Z`, { month: 'long', year: 'numeric', timeZone: 'UTC' }) : intl.formatMessage({ id: 'scheduleGrid.weekOf' }, { day: longDay(intl, p) }), gaps: gapsOn(p) },
            ),
          }))}
          value={page}
          allowDeselect={false}
          onChange={setChosen}
        />
      ) : null}
      {anyAuto ? (
        <Text size="sm" c="dimmed">
          <span className="slot-chip slot-chip-auto slot-chip-sample" aria-hidden>
            {intl.formatMessage({ id: 'scheduleGrid.sampleName' })}
          </span>{' '}
          <FormattedMessage id="scheduleGrid.autoLegend" />
        </Text>
      ) : null}
      <div className="scroll-x" role="region" aria-label={intl.formatMessage({ id: 'scheduleGrid.label' }, { title: schedule.title })} tabIndex={0}>
        <table className="schedule-grid">
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id={axes.daysAcross ? 'prayerCircles.col.time' : 'prayerCircles.col.date'} />
              </th>
              {axes.columns.map((c) => (
                <th key={c} scope="col">
                  {label(c, true)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {axes.rows.map((r) => (
              <tr key={r}>
                <th scope="row">{label(r, false)}</th>
                {axes.columns.map((c) => {
                  const here = cells.get(`${r}|${c}`) ?? []
                  const missing = here.reduce((n, t) => n + t.slot.missing, 0)
                  return (
                    <td key={c} data-gap={missing > 0 || undefined} data-empty={here.length === 0 || undefined}>
                      {here.map(({ slot, time }) => (
                        <SlotCell
                          key={slot.id}
                          slot={slot}
                          day={longDay(intl, slot.localDate)}
                          time={time}
                          recurring={recurring}
                          onAssign={onAssign}
                          onMove={onMove}
                          onSkip={(skipped) => skip.mutate({ slotId: slot.id, skipped })}
                          onMark={(a) => mark.mutate({ assignmentId: a.id, needsSubstitute: !a.needsSubstitute })}
                          onRemove={(a) => unassign.mutate({ assignmentId: a.id })}
                          onSubstitute={(a) => onSubstitute(slot, a)}
                        />
                      ))}
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Stack>
  )
}

interface CellProps {
  slot: ScheduleSlot
  day: string
  time: string
  recurring: boolean
  onAssign: (slot: ScheduleSlot) => void
  onMove: (slot: ScheduleSlot) => void
  onSkip: (skipped: boolean) => void
  onMark: (a: SlotAssignment) => void
  onRemove: (a: SlotAssignment) => void
  onSubstitute: (a: SlotAssignment) => void
}

function SlotCell({ slot, day, time, recurring, onAssign, onMove, onSkip, onMark, onRemove, onSubstitute }: CellProps) {
  const intl = useIntl()
  return (
    <div className="slot-cell">
      {slot.skipped ? (
        <Text span size="sm" c="dimmed">
          <FormattedMessage id="prayerCircles.skipped" />
        </Text>
      ) : (
        slot.assignments.map((a) => <PersonChip key={a.id} a={a} day={day} time={time} onMark={onMark} onRemove={onRemove} onSubstitute={onSubstitute} />)
      )}
      {slot.moved ? (
        <Text span size="xs" c="blue.9">
          <FormattedMessage id="prayerCircles.moved" />
        </Text>
      ) : null}
      <span className="slot-cell-actions">
        {slot.skipped ? null : (
          <UnstyledButton className="slot-add" data-gap={slot.missing > 0 || undefined} onClick={() => onAssign(slot)} aria-label={intl.formatMessage({ id: 'prayerCircles.addPersonAt' }, { day, time })}>
            {slot.missing > 0 ? `+ ${intl.formatMessage({ id: 'prayerCircles.openPlaces' }, { count: slot.missing })}` : '+'}
          </UnstyledButton>
        )}
        {recurring ? (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <UnstyledButton className="slot-add" aria-label={intl.formatMessage({ id: 'scheduleGrid.slotMenu' }, { day, time })}>
                ⋯
              </UnstyledButton>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => onSkip(!slot.skipped)}>{intl.formatMessage({ id: slot.skipped ? 'prayerCircles.unskipAt' : 'prayerCircles.skipAt' }, { day })}</Menu.Item>
              <Menu.Item onClick={() => onMove(slot)}>{intl.formatMessage({ id: 'prayerCircles.moveAt' }, { day })}</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        ) : null}
      </span>
    </div>
  )
}

function PersonChip({ a, day, time, onMark, onRemove, onSubstitute }: { a: SlotAssignment; day: string; time: string } & Pick<CellProps, 'onMark' | 'onRemove' | 'onSubstitute'>) {
  const intl = useIntl()
  const notes = [
    a.writeIn ? intl.formatMessage({ id: 'prayerCircles.writeIn' }) : null,
    a.source === 'auto' ? intl.formatMessage({ id: 'prayerCircles.auto' }) : null,
    a.needsSubstitute ? intl.formatMessage({ id: 'prayerCircles.needsSubstitute' }) : null,
    ...a.warnings.map((w) => warningText(intl, w)),
  ].filter((n): n is string => n !== null)
  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <UnstyledButton
          className={`slot-chip${a.source === 'auto' ? ' slot-chip-auto' : ''}`}
          data-substitute={a.needsSubstitute || undefined}
          data-warning={a.warnings.length > 0 || undefined}
          aria-label={intl.formatMessage({ id: 'scheduleGrid.chip' }, { name: a.name, day, time, notes: notes.join(', ') || '-' })}
        >
          <span className="wrap-words">{a.name}</span>
          {a.writeIn ? <span className="slot-chip-note">{intl.formatMessage({ id: 'prayerCircles.writeIn' })}</span> : null}
          {a.needsSubstitute ? <span className="slot-chip-note">{intl.formatMessage({ id: 'prayerCircles.needsSubstitute' })}</span> : null}
          {a.warnings.length ? <span className="slot-chip-note">{a.warnings.map((w) => warningText(intl, w)).join(' ')}</span> : null}
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {a.name}, {time}
        </Menu.Label>
        <Menu.Item onClick={() => onMark(a)}>
          <FormattedMessage id={a.needsSubstitute ? 'prayerCircles.clearSubstitute' : 'prayerCircles.markSubstitute'} />
        </Menu.Item>
        {a.needsSubstitute && !a.writeIn ? (
          <Menu.Item onClick={() => onSubstitute(a)}>
            <FormattedMessage id="prayerCircles.findSubstitute" />
          </Menu.Item>
        ) : null}
        <Menu.Item color="red" onClick={() => onRemove(a)}>
          <FormattedMessage id="prayerCircles.remove" />
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}
