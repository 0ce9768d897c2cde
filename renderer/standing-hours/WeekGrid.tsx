import { Button, Table, Text } from '@mantine/core'
import { FormattedMessage, type IntlShape, useIntl } from 'react-intl'
import type { StandingSlot, StandingWeek } from '../../main/contract/standing-hours'
import { shortDay, slotLabel } from './words'

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
export function WeekGrid({ week, onOpen }: { week: StandingWeek; onOpen: (s: StandingSlot) => void }) {
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
