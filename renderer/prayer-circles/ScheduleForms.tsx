import { Alert, Checkbox, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { useHearthMutation } from '../api'
import { DateField } from '../i18n/DateField'
import { FormFooter, useDiscardGuard } from '../shell/forms'

interface FormProps {
  circleId: number
  opened: boolean
  onClose: () => void
  onCreated: (scheduleId: number) => void
}

const SLOT_LENGTHS = [15, 30, 60, 120]
const MAX_VIGIL_DAYS = 31

const numberOr = (v: string | number, fallback: number) => (typeof v === 'number' ? v : v === '' ? fallback : Number(v))

// Each form is mounted only while open, so it starts blank every time and typing in it is what "changes" means.

/** A prayer vigil: a start, a length in real hours and a slot length; at most 31 days. */
export function NewVigilModal({ opened, ...props }: FormProps) {
  return opened ? <VigilForm {...props} /> : null
}

function VigilForm({ circleId, onClose, onCreated }: Omit<FormProps, 'opened'>) {
  const intl = useIntl()
  const create = useHearthMutation('prayerCircles.createVigil')
  const [title, setTitle] = useState('')
  const [startDate, setStartDate] = useState('')
  const [startTime, setStartTime] = useState('20:00')
  const [hours, setHours] = useState<string | number>(24)
  const [slotMinutes, setSlotMinutes] = useState('60')
  const [minPeople, setMinPeople] = useState<string | number>(1)
  const [limit, setLimit] = useState<string | number>('')
  const f = create.error?.fields ?? {}
  const draft = JSON.stringify([title, startDate, startTime, hours, slotMinutes, minPeople, limit])
  const [initial] = useState(draft)
  const guard = useDiscardGuard(draft !== initial, () => {
    create.reset()
    onClose()
  })
  return (
    <>
      {guard.dialog}
      <Modal opened onClose={guard.close} title={intl.formatMessage({ id: 'prayerCircles.newVigil' })} size="lg">
      <form noValidate
        onSubmit={(e) => {
          e.preventDefault()
          create.mutate(
            {
              circleId,
              title,
              startDate,
              startTime,
              hours: numberOr(hours, 0),
              slotMinutes: Number(slotMinutes),
              minPeople: numberOr(minPeople, 1),
              perPersonLimit: limit === '' ? null : Number(limit),
            },
            {
              onSuccess: (r) => {
                notifications.show({ message: intl.formatMessage({ id: 'prayerCircles.vigil.created' }, { count: r.slotCount }), color: 'green' })
                onCreated(r.id)
              },
            },
          )
        }}
      >
        <Stack>
          {create.error ? <Alert color="red">{create.error.message}</Alert> : null}
          <TextInput label={intl.formatMessage({ id: 'prayerCircles.field.title' })} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={f.title} required data-autofocus />
          <Group grow align="flex-start">
            <DateField label={intl.formatMessage({ id: 'prayerCircles.field.startDate' })} value={startDate} onChange={(e) => setStartDate(e.currentTarget.value)} error={f.startDate} required />
            <TextInput type="time" label={intl.formatMessage({ id: 'prayerCircles.field.startTime' })} value={startTime} onChange={(e) => setStartTime(e.currentTarget.value)} error={f.startTime} required />
          </Group>
          <Group grow align="flex-start">
            <NumberInput
              label={intl.formatMessage({ id: 'prayerCircles.field.hours' })}
              description={intl.formatMessage({ id: 'prayerCircles.field.hours.help' }, { days: MAX_VIGIL_DAYS })}
              value={hours}
              onChange={setHours}
              min={1}
              error={f.hours}
              required
            />
            <Select
              label={intl.formatMessage({ id: 'prayerCircles.field.slotMinutes' })}
              data={SLOT_LENGTHS.map((m) => ({ value: String(m), label: intl.formatMessage({ id: 'prayerCircles.minutes' }, { count: m }) }))}
              value={slotMinutes}
              allowDeselect={false}
              onChange={(v) => v && setSlotMinutes(v)}
              error={f.slotMinutes}
            />
          </Group>
          <PeopleFields minPeople={minPeople} setMinPeople={setMinPeople} limit={limit} setLimit={setLimit} errors={f} />
          <FormFooter onCancel={guard.close} saving={create.isPending} save={<FormattedMessage id="prayerCircles.vigil.create" />} />
        </Stack>
      </form>
      </Modal>
    </>
  )
}

function PeopleFields(p: {
  minPeople: string | number
  setMinPeople: (v: string | number) => void
  limit: string | number
  setLimit: (v: string | number) => void
  errors: Record<string, string>
}) {
  const intl = useIntl()
  return (
    <Group grow align="flex-start">
      <NumberInput label={intl.formatMessage({ id: 'prayerCircles.field.minPeople' })} value={p.minPeople} onChange={p.setMinPeople} min={1} max={50} error={p.errors.minPeople} />
      <NumberInput
        label={intl.formatMessage({ id: 'prayerCircles.field.limit' })}
        description={intl.formatMessage({ id: 'prayerCircles.field.limit.help' })}
        value={p.limit}
        onChange={p.setLimit}
        min={1}
        error={p.errors.perPersonLimit}
      />
    </Group>
  )
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const
// 2024-01-01 was a Monday: day n of that week names ISO weekday n in the person's language.
const weekdayName = (intl: ReturnType<typeof useIntl>, d: number) => intl.formatDate(Date.UTC(2024, 0, d, 12), { weekday: 'long', timeZone: 'UTC' })

/** A recurring meeting, or a rotation (one duty per date passed round the circle). */
export function NewRecurringModal({ opened, ...props }: FormProps) {
  return opened ? <RecurringForm {...props} /> : null
}

function RecurringForm({ circleId, onClose, onCreated }: Omit<FormProps, 'opened'>) {
  const intl = useIntl()
  const create = useHearthMutation('prayerCircles.createRecurring')
  const [kind, setKind] = useState<'meeting' | 'rotation'>('meeting')
  const [title, setTitle] = useState('')
  const [pattern, setPattern] = useState<'weekly' | 'monthly'>('weekly')
  const [weekdays, setWeekdays] = useState<string[]>([])
  const [interval, setEvery] = useState('1')
  const [nth, setNth] = useState('1')
  const [monthWeekday, setMonthWeekday] = useState('7')
  const [startDate, setStartDate] = useState('')
  const [untilDate, setUntilDate] = useState('')
  const [time, setTime] = useState('19:00')
  const [duration, setDuration] = useState<string | number>(60)
  const [minPeople, setMinPeople] = useState<string | number>(1)
  const [limit, setLimit] = useState<string | number>('')
  const f = create.error?.fields ?? {}
  const draft = JSON.stringify([kind, title, pattern, weekdays, interval, nth, monthWeekday, startDate, untilDate, time, duration, minPeople, limit])
  const [initial] = useState(draft)
  const guard = useDiscardGuard(draft !== initial, () => {
    create.reset()
    onClose()
  })
  return (
    <>
      {guard.dialog}
      <Modal opened onClose={guard.close} title={intl.formatMessage({ id: 'prayerCircles.newRecurring' })} size="lg">
      <form noValidate
        onSubmit={(e) => {
          e.preventDefault()
          create.mutate(
            {
              circleId,
              kind,
              title,
              recurrence:
                pattern === 'weekly'
                  ? { kind: 'weekly', weekdays: weekdays.map(Number), interval: Number(interval) }
                  : { kind: 'monthly', nth: Number(nth) as 1 | 2 | 3 | 4 | -1, weekday: Number(monthWeekday) },
              startDate,
              untilDate,
              time,
              durationMinutes: numberOr(duration, 0),
              minPeople: numberOr(minPeople, 1),
              perPersonLimit: limit === '' ? null : Number(limit),
            },
            {
              onSuccess: (r) => {
                notifications.show({ message: intl.formatMessage({ id: 'prayerCircles.recurring.created' }, { count: r.slotCount }), color: 'green' })
                onCreated(r.id)
              },
            },
          )
        }}
      >
        <Stack>
          {create.error ? <Alert color="red">{create.error.message}</Alert> : null}
          <Select
            label={intl.formatMessage({ id: 'prayerCircles.field.kind' })}
            data={[
              { value: 'meeting', label: intl.formatMessage({ id: 'prayerCircles.kind.meeting' }) },
              { value: 'rotation', label: intl.formatMessage({ id: 'prayerCircles.kind.rotation.long' }) },
            ]}
            value={kind}
            allowDeselect={false}
            onChange={(v) => v && setKind(v as 'meeting' | 'rotation')}
          />
          <TextInput label={intl.formatMessage({ id: 'prayerCircles.field.title' })} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={f.title} required data-autofocus />
          <Select
            label={intl.formatMessage({ id: 'prayerCircles.field.repeats' })}
            data={[
              { value: 'weekly', label: intl.formatMessage({ id: 'prayerCircles.repeats.weekly' }) },
              { value: 'monthly', label: intl.formatMessage({ id: 'prayerCircles.repeats.monthly' }) },
            ]}
            value={pattern}
            allowDeselect={false}
            onChange={(v) => v && setPattern(v as 'weekly' | 'monthly')}
          />
          {pattern === 'weekly' ? (
            <>
              <Checkbox.Group label={intl.formatMessage({ id: 'prayerCircles.field.weekdays' })} value={weekdays} onChange={setWeekdays} error={f['recurrence.weekdays']}>
                <Group gap="sm" mt={4}>
                  {WEEKDAYS.map((d) => (
                    <Checkbox key={d} value={String(d)} label={weekdayName(intl, d)} />
                  ))}
                </Group>
              </Checkbox.Group>
              <Select
                label={intl.formatMessage({ id: 'prayerCircles.field.interval' })}
                data={['1', '2', '3', '4'].map((n) => ({ value: n, label: intl.formatMessage({ id: 'prayerCircles.everyWeeks' }, { count: Number(n) }) }))}
                value={interval}
                allowDeselect={false}
                onChange={(v) => v && setEvery(v)}
              />
            </>
          ) : (
            <Group grow>
              <Select
                label={intl.formatMessage({ id: 'prayerCircles.field.nth' })}
                data={['1', '2', '3', '4', '-1'].map((n) => ({ value: n, label: intl.formatMessage({ id: `prayerCircles.nth.${n}` as 'prayerCircles.nth.1' }) }))}
                value={nth}
                allowDeselect={false}
                onChange={(v) => v && setNth(v)}
              />
              <Select
                label={intl.formatMessage({ id: 'prayerCircles.field.weekday' })}
                data={WEEKDAYS.map((d) => ({ value: String(d), label: weekdayName(intl, d) }))}
                value={monthWeekday}
                allowDeselect={false}
                onChange={(v) => v && setMonthWeekday(v)}
              />
            </Group>
          )}
          <Group grow align="flex-start">
            <DateField label={intl.formatMessage({ id: 'prayerCircles.field.firstDate' })} value={startDate} onChange={(e) => setStartDate(e.currentTarget.value)} error={f.startDate} required />
            <DateField
              label={intl.formatMessage({ id: 'prayerCircles.field.untilDate' })}
              description={intl.formatMessage({ id: 'prayerCircles.field.untilDate.help' })}
              value={untilDate}
              onChange={(e) => setUntilDate(e.currentTarget.value)}
              error={f.untilDate}
              required
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput type="time" label={intl.formatMessage({ id: 'prayerCircles.field.time' })} value={time} onChange={(e) => setTime(e.currentTarget.value)} error={f.time} required />
            <NumberInput label={intl.formatMessage({ id: 'prayerCircles.field.duration' })} value={duration} onChange={setDuration} min={5} error={f.durationMinutes} />
          </Group>
          <PeopleFields minPeople={minPeople} setMinPeople={setMinPeople} limit={limit} setLimit={setLimit} errors={f} />
          <FormFooter onCancel={guard.close} saving={create.isPending} save={<FormattedMessage id="prayerCircles.recurring.create" />} />
        </Stack>
      </form>
      </Modal>
    </>
  )
}
