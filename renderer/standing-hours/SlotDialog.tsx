import { Alert, Badge, Button, Group, Modal, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { StandingSlot, StandingWeek } from '../../main/contract/standing-hours'
import { useHearthMutation } from '../api'
import type { MessageId } from '../../main/contract/i18n/en'
import { PersonPicker } from '../members/PersonPicker'
import { useDiscardGuard } from '../shell/forms'
import { clockText } from '../prayer-circles/clock-text'
import { InlineForm } from '../prayer-circles/parts'
import { DateField } from '../i18n/DateField'
import { addDays } from '../meal-trains/days'
import { slotLabel, weekdayName } from './words'
import { SubstituteChoices } from './SubstituteChoices'

/** One hour on one day: who holds it, who is away, who stands in, and closing or taking it. */
export function SlotDialog({ slot, week, onClose }: { slot: StandingSlot; week: StandingWeek; onClose: () => void }) {
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
