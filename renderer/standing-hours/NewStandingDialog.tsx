import { Alert, Checkbox, Group, Modal, NumberInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { useHearthMutation } from '../api'
import { FormFooter, useDiscardGuard } from '../shell/forms'
import { WEEKDAYS, weekdayName } from './words'

const NEW_STANDING_DRAFT = JSON.stringify({ title: '', days: WEEKDAYS.map(String), fromTime: '00:00', toTime: '00:00', slotMinutes: '60', people: 1 })

/** A new standing schedule: its days, its hours, and how many people each hour needs. */
export function NewStandingDialog({ circleId, opened, onClose, onCreated }: { circleId: number; opened: boolean; onClose: () => void; onCreated: (id: number) => void }) {
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
      <form noValidate
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
