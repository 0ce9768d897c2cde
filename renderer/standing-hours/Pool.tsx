import { Alert, Button, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { useHearthMutation, useHearthQuery } from '../api'
import { PersonPicker } from '../members/PersonPicker'
import { useDiscardGuard } from '../shell/forms'
import { EmptyState } from '../shell/Section'
import { ColumnHeads, InlineForm } from '../prayer-circles/parts'
import { PhoneText } from '../i18n/Isolated'
import { useJoin } from '../i18n/lists'
import { WEEKDAYS, weekdayName } from './words'

/** Members who offer to stand in, with the times of the week they can take and how often. */
export function Pool({ scheduleId }: { scheduleId: number }) {
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
  // Each person's own limit, never the one typed for the person before: someone already in the pool shows theirs.
  const choose = (id: number | null) => {
    setPerson(id)
    setMost(pool.data?.find((p) => p.personId === id)?.maxPerMonth ?? '')
  }
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
                setMost('')
                setPickerKey((k) => k + 1)
                notifications.show({ color: 'green', message: intl.formatMessage({ id: 'standing.pool.added' }) })
              },
            },
          )
        }}
      >
        <PersonPicker key={pickerKey} label={intl.formatMessage({ id: 'standing.pool.person' })} value={person} onChange={(p) => choose(p?.id ?? null)} w={230} />
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
