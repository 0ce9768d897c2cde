import { Alert, Button, Divider, Group, Modal, Stack, Table, Text, UnstyledButton } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useRef, useState } from 'react'
import { FormattedDate, FormattedMessage, type IntlShape, useIntl } from 'react-intl'
import type { PersonStanding, WeekTimeStretch } from '../../main/contract/standing-hours'
import { useHearthMutation, useHearthQuery } from '../api'
import { useDiscardGuard } from '../shell/forms'
import { type CellMark, cellKey, cellsOf, nextMark, stretchesOf } from './week-cells'

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const
const HOURS = Array.from({ length: 24 }, (_, h) => h)

function weekdayName(intl: IntlShape, weekday: number, style: 'long' | 'short' = 'long'): string {
  // 2024-01-01 was a Monday.
  return intl.formatDate(`2024-01-0${weekday}T12:00:00Z`, { weekday: style, timeZone: 'UTC' })
}

const endLabel = (end: string) => (end === '00:00' ? '24:00' : end)
const hh = (hour: number) => `${String(hour).padStart(2, '0')}:00`

function stretchList(intl: IntlShape, times: readonly { weekday: number; start: string; end: string }[]): string {
  return intl.formatList(times.map((t) => `${weekdayName(intl, t.weekday, 'short')} ${t.start}–${endLabel(t.end)}`))
}

function Day({ day }: { day: string }) {
  return <FormattedDate value={new Date(`${day}T12:00:00`)} year="numeric" month="long" day="numeric" />
}

/** On a member's pane: the standing hours they keep, the substitute pools they are in, and their times of the week. */
export function MemberStanding({ personId, name }: { personId: number; name: string }) {
  const intl = useIntl()
  const data = useHearthQuery('standingHours.ofPerson', { personId })
  const [editing, setEditing] = useState(false)
  const d = data.data
  const prefer = d?.weekTimes.filter((t) => t.kind === 'prefer') ?? []
  const impossible = d?.weekTimes.filter((t) => t.kind === 'impossible') ?? []
  return (
    <>
      <Divider label={intl.formatMessage({ id: 'standing.member.title' })} labelPosition="left" />
      {data.error ? <Alert color="red">{data.error.message}</Alert> : null}
      {d ? (
        <Stack gap={4}>
          {d.held.length === 0 ? (
            <Text size="sm" c="dimmed">
              <FormattedMessage id="standing.member.none" />
            </Text>
          ) : (
            <Stack gap={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={intl.formatMessage({ id: 'standing.member.held' })}>
              {d.held.map((h) => (
                <Text size="sm" component="li" key={h.holderId}>
                  <FormattedMessage
                    id="standing.member.holds"
                    values={{ day: weekdayName(intl, h.weekday), start: h.start, end: endLabel(h.end), title: h.title, circle: h.circleName }}
                  />{' '}
                  <Text span size="sm" c="dimmed">
                    {h.untilDate === null ? (
                      <FormattedMessage id="standing.member.from" values={{ date: <Day day={h.fromDate} /> }} />
                    ) : (
                      <FormattedMessage id="standing.member.fromUntil" values={{ from: <Day day={h.fromDate} />, until: <Day day={h.untilDate} /> }} />
                    )}
                  </Text>
                </Text>
              ))}
            </Stack>
          )}
          {d.pools.map((p) => (
            <Text size="sm" key={p.scheduleId}>
              <FormattedMessage id="standing.member.pool" values={{ title: p.title, circle: p.circleName, times: stretchList(intl, p.times) }} />
              {p.maxPerMonth === null ? null : <> ({intl.formatMessage({ id: 'standing.member.poolMost' }, { count: p.maxPerMonth })})</>}
            </Text>
          ))}
          {prefer.length === 0 && impossible.length === 0 ? (
            <Text size="sm" c="dimmed">
              <FormattedMessage id="standing.member.noTimes" />
            </Text>
          ) : (
            <>
              {prefer.length > 0 ? (
                <Text size="sm">
                  <FormattedMessage id="standing.member.prefers" values={{ times: stretchList(intl, prefer) }} />
                </Text>
              ) : null}
              {impossible.length > 0 ? (
                <Text size="sm">
                  <FormattedMessage id="standing.member.cannot" values={{ times: stretchList(intl, impossible) }} />
                </Text>
              ) : null}
            </>
          )}
          <Group>
            <Button size="xs" variant="light" onClick={() => setEditing(true)}>
              <FormattedMessage id="standing.member.edit" />
            </Button>
          </Group>
        </Stack>
      ) : null}
      {editing && d ? <WeekTimesModal personId={personId} name={name} times={d.weekTimes} onClose={() => setEditing(false)} /> : null}
    </>
  )
}

// A cell shows a sign, not a word, so it stays one line in any language and in Large text; the legend above the
// grid and each cell's spoken name give the words.
const MARK_STYLE: Record<CellMark, { bg: string; sign: string; id: 'weekTimes.prefer' | 'weekTimes.impossible' }> = {
  prefer: { bg: 'var(--mantine-color-green-1)', sign: '✓', id: 'weekTimes.prefer' },
  impossible: { bg: 'var(--mantine-color-red-1)', sign: '✕', id: 'weekTimes.impossible' },
}

function Legend() {
  return (
    <Group gap="md" aria-hidden>
      {(['prefer', 'impossible'] as const).map((m) => (
        <Group gap={6} key={m}>
          <Text span fz="sm" fw={700} c="dark.9" px={6} style={{ background: MARK_STYLE[m].bg, border: '1px solid var(--mantine-color-gray-4)' }}>
            {MARK_STYLE[m].sign}
          </Text>
          <Text span fz="sm">
            <FormattedMessage id={MARK_STYLE[m].id} />
          </Text>
        </Group>
      ))}
    </Group>
  )
}

function WeekTimesModal({ personId, name, times, onClose }: { personId: number; name: string; times: PersonStanding['weekTimes']; onClose: () => void }) {
  const intl = useIntl()
  const [initial] = useState(() => JSON.stringify(stretchesOf(cellsOf(times))))
  const [cells, setCells] = useState(() => cellsOf(times))
  const save = useHearthMutation('standingHours.setWeekTimes')
  const stretches: WeekTimeStretch[] = stretchesOf(cells)
  const guard = useDiscardGuard(JSON.stringify(stretches) !== initial, onClose)
  const [focus, setFocus] = useState({ weekday: 1, hour: 8 })
  const buttons = useRef(new Map<string, HTMLButtonElement>())

  const mark = (weekday: number, hour: number, to: CellMark | undefined) =>
    setCells((c) => {
      const next = new Map(c)
      if (to === undefined) next.delete(cellKey(weekday, hour))
      else next.set(cellKey(weekday, hour), to)
      return next
    })
  const moveTo = (weekday: number, hour: number) => {
    const w = Math.min(7, Math.max(1, weekday))
    const h = Math.min(23, Math.max(0, hour))
    setFocus({ weekday: w, hour: h })
    buttons.current.get(cellKey(w, h))?.focus()
  }
  const onKey = (e: React.KeyboardEvent, weekday: number, hour: number) => {
    // Left and right follow the page's reading direction, so in Arabic the right arrow goes to the day before.
    const ahead = document.documentElement.dir === 'rtl' ? -1 : 1
    const moves: Record<string, () => void> = {
      ArrowLeft: () => moveTo(weekday - ahead, hour),
      ArrowRight: () => moveTo(weekday + ahead, hour),
      ArrowUp: () => moveTo(weekday, hour - 1),
      ArrowDown: () => moveTo(weekday, hour + 1),
      Home: () => moveTo(weekday, 0),
      End: () => moveTo(weekday, 23),
      p: () => mark(weekday, hour, 'prefer'),
      x: () => mark(weekday, hour, 'impossible'),
      Delete: () => mark(weekday, hour, undefined),
      Backspace: () => mark(weekday, hour, undefined),
    }
    const act = moves[e.key.length === 1 ? e.key.toLowerCase() : e.key]
    if (!act) return
    e.preventDefault()
    act()
  }

  return (
    <Modal opened onClose={guard.close} size="xl" title={intl.formatMessage({ id: 'weekTimes.title' }, { name })}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          save.mutate(
            { personId, times: stretches },
            {
              onSuccess: () => {
                notifications.show({ color: 'green', message: intl.formatMessage({ id: 'weekTimes.saved' }) })
                onClose()
              },
            },
          )
        }}
      >
        <Stack gap="xs">
          <Text size="sm">
            <FormattedMessage id="weekTimes.intro" values={{ name }} />
          </Text>
          <Text size="sm" c="dimmed" id="week-times-keys">
            <FormattedMessage id="weekTimes.keys" />
          </Text>
          <Legend />
          {save.error ? <Alert color="red">{save.error.message}</Alert> : null}
          <div style={{ overflowX: 'auto', padding: 2 }}>
            <Table withTableBorder withColumnBorders fz="xs" verticalSpacing={0} horizontalSpacing={2} style={{ tableLayout: 'fixed', minWidth: 420 }} aria-describedby="week-times-keys">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={48}>
                    <FormattedMessage id="prayerCircles.col.time" />
                  </Table.Th>
                  {WEEKDAYS.map((w) => (
                    <Table.Th key={w}>{weekdayName(intl, w, 'short')}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {HOURS.map((hour) => (
                  <Table.Tr key={hour}>
                    <Table.Th scope="row">{hh(hour)}</Table.Th>
                    {WEEKDAYS.map((weekday) => {
                      const m = cells.get(cellKey(weekday, hour))
                      const label = intl.formatMessage(
                        { id: 'weekTimes.cell' },
                        { day: weekdayName(intl, weekday), start: hh(hour), end: hh(hour + 1), mark: intl.formatMessage({ id: m ? MARK_STYLE[m].id : 'weekTimes.none' }) },
                      )
                      return (
                        <Table.Td key={weekday} p={0} style={{ background: m ? MARK_STYLE[m].bg : undefined }}>
                          <UnstyledButton
                            ref={(el) => {
                              if (el) buttons.current.set(cellKey(weekday, hour), el)
                              else buttons.current.delete(cellKey(weekday, hour))
                            }}
                            data-week-cell={cellKey(weekday, hour)}
                            tabIndex={focus.weekday === weekday && focus.hour === hour ? 0 : -1}
                            aria-label={label}
                            onFocus={() => setFocus({ weekday, hour })}
                            onKeyDown={(e) => onKey(e, weekday, hour)}
                            onClick={() => mark(weekday, hour, nextMark(m))}
                            w="100%"
                            mih={20}
                            px={2}
                            fz="xs"
                            c="dark.9"
                            fw={700}
                            ta="center"
                            style={{ display: 'block', lineHeight: 1.2 }}
                          >
                            {m ? MARK_STYLE[m].sign : null}
                          </UnstyledButton>
                        </Table.Td>
                      )
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
          <Group justify="space-between">
            <Button variant="subtle" color="red" onClick={() => setCells(new Map())} disabled={cells.size === 0}>
              <FormattedMessage id="weekTimes.clear" />
            </Button>
            <Group>
              <Button variant="default" onClick={guard.close}>
                <FormattedMessage id="app.cancel" />
              </Button>
              <Button type="submit" loading={save.isPending}>
                <FormattedMessage id="weekTimes.save" />
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
      {guard.dialog}
    </Modal>
  )
}
