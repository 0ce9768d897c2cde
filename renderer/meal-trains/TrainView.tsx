import { dietaryLabel } from '../members/labels'
import { Alert, Badge, Button, Card, Checkbox, Group, List, Menu, Modal, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { Meal } from '../../main/contract/values'
import { dayNumber, type MealTrainDetail, type SignupView, type SlotView } from '../../main/contract/meal-trains'
import { useHearthMutation, useHearthQuery } from '../api'
import { PrintButton } from '../print/PrintButton'
import { CalendarButton } from '../reach/CalendarButton'
import { ContactMenu } from '../reach/ContactMenu'
import { CopyMessageButton } from '../reach/CopyMessageButton'
import { ReachButtons } from '../reach/ReachButtons'
import { Section } from '../shell/Section'
import { useCareWords } from './care'
import { addDays, calendarWeeks, localToday, useDayFormat } from './days'
import { HouseholdNeedsList, NeedsChanged } from './HouseholdNeeds'
import { SignupDialog } from './SignupDialog'
import { TrainForm } from './TrainForm'
import { joinIsolated } from '../i18n/bidi'
import { DateField } from '../i18n/DateField'

type Dialog =
  | { kind: 'edit' }
  | { kind: 'copy' }
  | { kind: 'archive' }
  | { kind: 'dayOne' }
  | { kind: 'signup'; date: string; meal: Meal }
  | { kind: 'move'; signup: SignupView }
  | null

export function TrainView({ id, onBack, onOpen }: { id: number; onBack: () => void; onOpen: (id: number) => void }) {
  const intl = useIntl()
  const day = useDayFormat()
  const train = useHearthQuery('mealTrains.get', { id })
  const [dialog, setDialog] = useState<Dialog>(null)
  const seen = useHearthMutation('mealTrains.acknowledgeNeeds', ['mealTrains'])
  const close = () => setDialog(null)
  const t = train.data
  const words = useCareWords(t ?? { kind: 'meals', title: null, dateKnown: true, startsOn: '' })
  if (!t) {
    return (
      <Section title={intl.formatMessage({ id: 'nav.mealTrains' })}>
        {train.error ? <Alert color="red">{train.error.message}</Alert> : null}
      </Section>
    )
  }
  const archived = t.status === 'archived'
  const mealName = words.slot
  const days = dayNumber(t.endsOn, t.startsOn)

  return (
    <Section
      title={t.recipientName}
      intro={
        <>
          {intl.formatMessage({ id: `care.kind.${t.kind}` })}
          {' · '}
          {t.dateKnown ? (
            <FormattedMessage id="mealTrains.dates" values={{ from: day.long(t.startsOn), to: day.long(t.endsOn) }} />
          ) : t.dayOneLabel ? (
            <FormattedMessage id="care.undated.dates" values={{ days, label: t.dayOneLabel }} />
          ) : (
            <FormattedMessage id="care.undated.datesNoLabel" values={{ days }} />
          )}
          {t.reason ? ` · ${t.reason}` : null}
        </>
      }
      actions={
        <Group role="group" aria-label={intl.formatMessage({ id: 'mealTrains.view.actions' })}>
          <Button variant="default" onClick={onBack}>
            <FormattedMessage id="mealTrains.backToList" />
          </Button>
          <PrintButton request={{ document: 'mealTrainSheet', trainId: t.id }}>
            <FormattedMessage id="mealTrains.view.printSheet" />
          </PrintButton>
          <PrintButton request={{ document: 'mealTrainFamily', trainId: t.id }}>
            <FormattedMessage id="mealTrains.view.printFamily" />
          </PrintButton>
          {archived ? null : (
            <Button variant={t.dateKnown ? 'default' : 'filled'} onClick={() => setDialog({ kind: 'dayOne' })}>
              <FormattedMessage id="care.setDayOne" />
            </Button>
          )}
          <Button variant="default" onClick={() => setDialog({ kind: 'edit' })}>
            <FormattedMessage id="mealTrains.view.edit" />
          </Button>
          <Button variant="default" onClick={() => setDialog({ kind: 'copy' })}>
            <FormattedMessage id="mealTrains.view.copy" />
          </Button>
          {archived ? null : (
            <Button variant="default" onClick={() => setDialog({ kind: 'archive' })}>
              <FormattedMessage id="mealTrains.view.archive" />
            </Button>
          )}
        </Group>
      }
    >
      {archived ? <Alert color="gray">{intl.formatMessage({ id: 'mealTrains.view.archivedNote' })}</Alert> : null}
      <ReachButtons>
        <CopyMessageButton request={{ kind: 'mealTrain', trainId: t.id }} />
        <CalendarButton request={{ of: 'mealTrain', trainId: t.id }} />
        <ContactMenu source={{ of: 'mealTrain', trainId: t.id }} />
      </ReachButtons>
      <Group gap="xs" align="baseline">
        <Text size="xl" fw={700} c={t.openSlots > 0 ? 'orange.8' : 'green.8'} data-testid="open-slots" aria-live="polite">
          <FormattedMessage id={t.kind === 'meals' ? 'mealTrains.view.openSlots' : 'care.view.openSlots'} values={{ open: t.openSlots }} />
        </Text>
        <Text c="dimmed">
          <FormattedMessage id="mealTrains.view.ofTotal" values={{ total: t.slots.length }} />
        </Text>
      </Group>

      <NeedsChanged changes={t.needsChanges} busy={seen.isPending} onSeen={() => seen.mutate({ id: t.id })} />
      {t.plannedClashes.length > 0 ? (
        <Alert color="red" title={intl.formatMessage({ id: 'mealTrains.clashes.title' })}>
          <List size="sm">
            {t.plannedClashes.map((c) => (
              <List.Item key={c.signupId}>
                <FormattedMessage id="mealTrains.clashes.item" values={{ date: words.day(c.date), meal: mealName(c.meal), name: c.volunteerName }} /> {c.messages.join(' ')}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}

      {t.needsRescheduling.length > 0 ? (
        <Alert color="red" title={intl.formatMessage({ id: 'mealTrains.view.rescheduling' })}>
          <Text size="sm" mb="xs">
            <FormattedMessage id="mealTrains.view.rescheduling.intro" />
          </Text>
          <Stack gap="xs">
            {t.needsRescheduling.map((s) => (
              <Group key={s.id} justify="space-between">
                <Text size="sm">
                  <FormattedMessage id="mealTrains.view.rescheduling.item" values={{ name: s.volunteerName, meal: mealName(s.meal), date: words.day(s.date) }} />
                  {s.dish ? ` · ${s.dish}` : null}
                </Text>
                <Group gap="xs">
                  <Button size="xs" onClick={() => setDialog({ kind: 'move', signup: s })} aria-label={intl.formatMessage({ id: 'mealTrains.view.move.label' }, { name: s.volunteerName })}>
                    <FormattedMessage id="mealTrains.view.move" />
                  </Button>
                  <CancelButton signup={s} />
                </Group>
              </Group>
            ))}
          </Stack>
        </Alert>
      ) : null}

      <Details train={t} />
      <Calendar train={t} archived={archived} onOpenSlot={(date, meal) => setDialog({ kind: 'signup', date, meal })} />

      {t.cancelled.length > 0 ? (
        <Stack gap={4}>
          <Title order={2} size="h4">
            <FormattedMessage id="mealTrains.view.cancelled" />
          </Title>
          <List size="sm">
            {t.cancelled.map((s) => (
              <List.Item key={s.id}>
                <FormattedMessage id="mealTrains.view.cancelled.item" values={{ name: s.volunteerName, meal: mealName(s.meal), date: words.day(s.date) }} />
              </List.Item>
            ))}
          </List>
        </Stack>
      ) : null}

      {dialog?.kind === 'edit' ? <TrainForm train={t} onClose={close} onSaved={close} /> : null}
      {dialog?.kind === 'signup' ? <SignupDialog train={t} date={dialog.date} meal={dialog.meal} onClose={close} /> : null}
      {dialog?.kind === 'move' ? <MoveDialog train={t} signup={dialog.signup} onClose={close} /> : null}
      {dialog?.kind === 'copy' ? <CopyDialog train={t} onClose={close} onCopied={onOpen} /> : null}
      {dialog?.kind === 'archive' ? <ArchiveDialog train={t} onClose={close} /> : null}
      {dialog?.kind === 'dayOne' ? <DayOneDialog train={t} onClose={close} /> : null}
    </Section>
  )
}

type DetailLabel =
  | 'mealTrains.view.address'
  | 'mealTrains.view.instructions'
  | 'mealTrains.view.favourites'
  | 'mealTrains.view.dislikes'
  | 'mealTrains.view.coordinator'
  | 'care.form.ridePickup'
  | 'care.form.rideDestination'
  | 'care.form.what'
  | 'care.form.where'
  | 'care.form.when'

function Details({ train: t }: { train: MealTrainDetail }) {
  const intl = useIntl()
  const rides = t.kind === 'rides'
  const row = (label: DetailLabel, value: string | null) =>
    value ? (
      <div>
        <Text size="sm" fw={600}>
          <FormattedMessage id={label} />
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {value}
        </Text>
      </div>
    ) : null
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        <FormattedMessage id="mealTrains.view.details" />
      </Title>
      <SimpleGrid cols={2}>
        <Stack gap="xs">
          {t.kind === 'meals' ? (
            <Text size="sm">
              <FormattedMessage id="mealTrains.view.household" values={{ adults: t.adults, children: t.children }} />
            </Text>
          ) : null}
          {rides ? <RideDetails train={t} /> : null}
          {row('care.form.what', t.careWhat)}
          {row('care.form.where', t.careWhere)}
          {row('care.form.when', t.careWhen)}
          {row('mealTrains.view.address', t.address)}
          {row('mealTrains.view.instructions', t.instructions)}
          {row('mealTrains.view.coordinator', joinIsolated([t.coordinatorName, t.coordinatorPhone], intl.formatMessage({ id: 'app.listSeparator' })) || null)}
        </Stack>
        {rides ? null : (
          <Stack gap="xs">
            {t.householdNeeds.length > 0 ? <HouseholdNeedsList people={t.householdNeeds} title={intl.formatMessage({ id: 'mealTrains.needs.fromRecords' })} /> : null}
            <div>
              <Text size="sm" fw={600}>
                <FormattedMessage id={t.householdNeeds.length > 0 ? 'mealTrains.form.dietary.other' : 'mealTrains.view.dietary'} />
              </Text>
              <Group gap={4}>
                {t.dietary.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    <FormattedMessage id="mealTrains.view.noDietary" />
                  </Text>
                ) : (
                  t.dietary.map((n) => (
                    <Badge key={n} color="red" variant="light">
                      {intl.formatMessage({ id: dietaryLabel(n) })}
                    </Badge>
                  ))
                )}
              </Group>
              {t.dietaryNotes ? <Text size="sm">{t.dietaryNotes}</Text> : null}
            </div>
            {row('mealTrains.view.favourites', t.favouriteMeals)}
            {row('mealTrains.view.dislikes', t.dislikedMeals)}
          </Stack>
        )}
      </SimpleGrid>
    </Card>
  )
}

/** A ride's pick-up, destination, appointment and what the car must carry, as the driver needs them. */
function RideDetails({ train: t }: { train: MealTrainDetail }) {
  const intl = useIntl()
  const needs = [t.rideReturn && 'care.form.rideReturn', t.rideWheelchair && 'care.form.rideWheelchair', t.rideChildSeat && 'care.form.rideChildSeat'].filter(
    (x): x is 'care.form.rideReturn' | 'care.form.rideWheelchair' | 'care.form.rideChildSeat' => Boolean(x),
  )
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        <FormattedMessage id="care.form.ridePickup" />
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {t.ridePickup}
      </Text>
      <Text size="sm" fw={600}>
        <FormattedMessage id="care.form.rideDestination" />
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {t.rideDestination}
      </Text>
      {t.rideAppointment ? (
        <Text size="sm">
          <FormattedMessage id="care.view.appointment" values={{ time: t.rideAppointment }} />
        </Text>
      ) : null}
      {needs.map((n) => (
        <Badge key={n} variant="light" color="blue">
          {intl.formatMessage({ id: n })}
        </Badge>
      ))}
    </Stack>
  )
}

function Calendar({ train: t, archived, onOpenSlot }: { train: MealTrainDetail; archived: boolean; onOpenSlot: (date: string, meal: Meal) => void }) {
  const intl = useIntl()
  const day = useDayFormat()
  const byDate = new Map<string, SlotView[]>()
  for (const s of t.slots) byDate.set(s.date, [...(byDate.get(s.date) ?? []), s])
  const weeks = calendarWeeks(t.startsOn, t.endsOn)
  const monday = weeks[0]?.[0] ?? t.startsOn
  if (!t.dateKnown) return <DayList train={t} archived={archived} byDate={byDate} onOpenSlot={onOpenSlot} />
  return (
    <Stack gap="xs">
      <Title order={2} size="h4" id="meal-train-calendar">
        <FormattedMessage id="mealTrains.view.calendar" />
      </Title>
      {/* Seven days keep room for a whole surname each; on a narrow window the calendar scrolls in its own box. */}
      <div className="scroll-x" role="region" aria-labelledby="meal-train-calendar" tabIndex={0}>
        <Table withColumnBorders withTableBorder aria-labelledby="meal-train-calendar" layout="fixed" style={{ minWidth: '60em' }}>
          <Table.Thead>
            <Table.Tr>
              {[0, 1, 2, 3, 4, 5, 6].map((i) => (
                <Table.Th key={i}>{intl.formatDate(new Date(`${addDays(monday, i)}T00:00:00Z`), { weekday: 'short', timeZone: 'UTC' })}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {weeks.map((week) => (
              <Table.Tr key={week[0]}>
                {week.map((date) => {
                  const slots = byDate.get(date) ?? []
                  const inRange = date >= t.startsOn && date <= t.endsOn
                  return (
                    <Table.Td key={date} style={{ verticalAlign: 'top', background: inRange ? undefined : 'var(--mantine-color-gray-0)' }}>
                      {inRange ? (
                        <Stack gap={6}>
                          <Text size="xs" c="dimmed">
                            {day.dayOfMonth(date)}
                          </Text>
                          {slots.length === 0 ? (
                            <Text size="xs" c="dimmed">
                              <FormattedMessage id={t.kind === 'meals' ? 'mealTrains.view.notOnTrain' : 'care.view.notOn'} />
                            </Text>
                          ) : (
                            slots.map((s) => <SlotCell key={s.meal} train={t} slot={s} archived={archived} onOpen={() => onOpenSlot(s.date, s.meal)} />)
                          )}
                        </Stack>
                      ) : null}
                    </Table.Td>
                  )
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </Stack>
  )
}

/** An undated calendar's days as Day 1, Day 2…: no weekdays yet, so a plain list of days rather than weeks. */
function DayList({ train: t, archived, byDate, onOpenSlot }: { train: MealTrainDetail; archived: boolean; byDate: Map<string, SlotView[]>; onOpenSlot: (date: string, meal: Meal) => void }) {
  const intl = useIntl()
  const words = useCareWords(t)
  return (
    <Stack gap="xs">
      <Title order={2} size="h4" id="meal-train-calendar">
        <FormattedMessage id="mealTrains.view.calendar" />
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="xs" role="list" aria-labelledby="meal-train-calendar">
        {[...byDate].map(([date, slots]) => (
          <Card key={date} padding={6} withBorder role="listitem" aria-label={words.day(date)}>
            <Text size="xs" c="dimmed" fw={600}>
              {words.day(date)}
            </Text>
            <Stack gap={6}>
              {slots.map((s) => (
                <SlotCell key={s.meal} train={t} slot={s} archived={archived} onOpen={() => onOpenSlot(s.date, s.meal)} />
              ))}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {intl.formatMessage({ id: 'care.setDayOne.intro' })}
      </Text>
    </Stack>
  )
}

function SlotCell({ train, slot, archived, onOpen }: { train: MealTrainDetail; slot: SlotView; archived: boolean; onOpen: () => void }) {
  const intl = useIntl()
  const words = useCareWords(train)
  const day = { long: words.day }
  const meal = words.slot(slot.meal)
  const setState = useHearthMutation('mealTrains.setSignupState', ['mealTrains'])
  const s = slot.signup
  if (!s) {
    return (
      <Button
        size="compact-sm"
        color="orange"
        variant="light"
        fullWidth
        disabled={archived}
        onClick={onOpen}
        aria-label={intl.formatMessage({ id: 'mealTrains.view.openSlot.label' }, { meal, date: day.long(slot.date) })}
        style={{ border: '1px dashed var(--mantine-color-orange-6)', height: 'auto' }}
        styles={{ label: { whiteSpace: 'normal' } }}
      >
        <FormattedMessage id="mealTrains.view.openSlot" values={{ meal }} />
      </Button>
    )
  }
  return (
    <Card padding={6} withBorder bg={s.state === 'delivered' ? 'green.0' : 'gray.0'}>
      <Text size="xs" c="dimmed">
        {meal} · <FormattedMessage id="mealTrains.view.window" values={{ from: slot.from, to: slot.to }} />
      </Text>
      <Text size="sm" fw={600} className="wrap-words">
        {s.volunteerName}
      </Text>
      {train.kind === 'meals' ? (
        <Text size="xs" className="wrap-words">
          {s.kind === 'gift_card' ? intl.formatMessage({ id: 'mealTrains.view.giftCard' }) : s.dish}
        </Text>
      ) : s.notes ? (
        <Text size="xs" className="wrap-words">
          {s.notes}
        </Text>
      ) : null}
      {s.state === 'delivered' ? (
        <Badge size="xs" color="green">
          <FormattedMessage id="mealTrains.view.delivered" />
        </Badge>
      ) : null}
      <Menu position="bottom-start">
        <Menu.Target>
          <Button size="compact-xs" variant="subtle" aria-label={intl.formatMessage({ id: 'mealTrains.view.signupMenu' }, { name: s.volunteerName, meal, date: day.long(slot.date) })}>
            …
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {s.state === 'delivered' ? (
            <Menu.Item onClick={() => setState.mutate({ signupId: s.id, state: 'taken' })}>
              <FormattedMessage id="mealTrains.view.markTaken" />
            </Menu.Item>
          ) : (
            <Menu.Item onClick={() => setState.mutate({ signupId: s.id, state: 'delivered' })}>
              <FormattedMessage id="mealTrains.view.markDelivered" />
            </Menu.Item>
          )}
          <Menu.Item color="red" onClick={() => setState.mutate({ signupId: s.id, state: 'cancelled' })}>
            <FormattedMessage id="mealTrains.view.cancelSignup" />
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Card>
  )
}

function CancelButton({ signup }: { signup: SignupView }) {
  const setState = useHearthMutation('mealTrains.setSignupState', ['mealTrains'])
  return (
    <Button size="xs" variant="default" loading={setState.isPending} onClick={() => setState.mutate({ signupId: signup.id, state: 'cancelled' })}>
      <FormattedMessage id="mealTrains.view.cancelSignup" />
    </Button>
  )
}

function MoveDialog({ train, signup, onClose }: { train: MealTrainDetail; signup: SignupView; onClose: () => void }) {
  const intl = useIntl()
  const words = useCareWords(train)
  const open = train.slots.filter((s) => s.signup === null)
  const [choice, setChoice] = useState<string | null>(open[0] ? `${open[0].date}|${open[0].meal}` : null)
  const move = useHearthMutation('mealTrains.moveSignup', ['mealTrains'])
  return (
    <Modal opened onClose={onClose} title={intl.formatMessage({ id: 'mealTrains.move.title' }, { name: signup.volunteerName })}>
      <form noValidate
        onSubmit={(e) => {
          e.preventDefault()
          if (!choice) return
          const [date, meal] = choice.split('|') as [string, Meal]
          move.mutate(
            { signupId: signup.id, date, meal },
            {
              onSuccess: (r) => {
                for (const w of r.warnings) notifications.show({ message: w.message, color: 'orange' })
                onClose()
              },
            },
          )
        }}
      >
        <Stack>
          {move.error ? <Alert color="red">{move.error.message}</Alert> : null}
          {open.length === 0 ? (
            <Text>
              <FormattedMessage id="mealTrains.move.none" />
            </Text>
          ) : (
            <Select
              label={intl.formatMessage({ id: 'mealTrains.move.slot' })}
              data={open.map((s) => ({ value: `${s.date}|${s.meal}`, label: `${words.day(s.date)} · ${words.slot(s.meal)}` }))}
              value={choice}
              allowDeselect={false}
              onChange={setChoice}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              <FormattedMessage id="app.cancel" />
            </Button>
            <Button type="submit" disabled={!choice} loading={move.isPending}>
              <FormattedMessage id="mealTrains.move.save" />
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

function CopyDialog({ train, onClose, onCopied }: { train: MealTrainDetail; onClose: () => void; onCopied: (id: number) => void }) {
  const intl = useIntl()
  const length = Math.round((Date.parse(train.endsOn) - Date.parse(train.startsOn)) / 86_400_000)
  // A calendar still counted in Day 1, Day 2… has no real last day to follow: its copy starts today.
  const first = train.dateKnown ? addDays(train.endsOn, 1) : localToday()
  const [startsOn, setStartsOn] = useState(first)
  const [endsOn, setEndsOn] = useState(addDays(first, length))
  const copy = useHearthMutation('mealTrains.copy', ['mealTrains'])
  return (
    <Modal opened onClose={onClose} title={intl.formatMessage({ id: 'mealTrains.copy.title' })}>
      <form noValidate
        onSubmit={(e) => {
          e.preventDefault()
          copy.mutate(
            { id: train.id, startsOn, endsOn },
            {
              onSuccess: (r) => {
                onClose()
                onCopied(r.id)
              },
            },
          )
        }}
      >
        <Stack>
          <Text size="sm">
            <FormattedMessage id="mealTrains.copy.intro" />
          </Text>
          {copy.error ? <Alert color="red">{copy.error.message}</Alert> : null}
          <Group grow>
            <DateField label={intl.formatMessage({ id: 'mealTrains.form.startsOn' })} value={startsOn} error={copy.error?.fields.startsOn} onChange={(e) => setStartsOn(e.currentTarget.value)} />
            <DateField label={intl.formatMessage({ id: 'mealTrains.form.endsOn' })} value={endsOn} error={copy.error?.fields.endsOn} onChange={(e) => setEndsOn(e.currentTarget.value)} />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              <FormattedMessage id="app.cancel" />
            </Button>
            <Button type="submit" loading={copy.isPending}>
              <FormattedMessage id="mealTrains.copy.save" />
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

function ArchiveDialog({ train, onClose }: { train: MealTrainDetail; onClose: () => void }) {
  const intl = useIntl()
  const [clear, setClear] = useState(true)
  const archive = useHearthMutation('mealTrains.archive', ['mealTrains'])
  return (
    <Modal opened onClose={onClose} title={intl.formatMessage({ id: 'mealTrains.archive.title' })}>
      <Stack>
        <Text size="sm">
          <FormattedMessage id="mealTrains.archive.intro" />
        </Text>
        {archive.error ? <Alert color="red">{archive.error.message}</Alert> : null}
        <Checkbox label={intl.formatMessage({ id: 'mealTrains.archive.clear' })} checked={clear} onChange={(e) => setClear(e.currentTarget.checked)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            <FormattedMessage id="app.cancel" />
          </Button>
          <Button loading={archive.isPending} onClick={() => archive.mutate({ id: train.id, clearHealthDetails: clear }, { onSuccess: onClose })}>
            <FormattedMessage id="mealTrains.archive.save" />
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

/** Sets or moves the date of Day 1; the whole calendar and its sign-ups move with it. */
function DayOneDialog({ train, onClose }: { train: MealTrainDetail; onClose: () => void }) {
  const intl = useIntl()
  const [date, setDate] = useState(train.dateKnown ? train.startsOn : '')
  const setDayOne = useHearthMutation('mealTrains.setDayOne', ['mealTrains'])
  return (
    <Modal opened onClose={onClose} title={intl.formatMessage({ id: 'care.setDayOne.title' })}>
      <form noValidate
        onSubmit={(e) => {
          e.preventDefault()
          setDayOne.mutate(
            { id: train.id, date },
            {
              onSuccess: (r) => {
                notifications.show({ message: intl.formatMessage({ id: 'care.setDayOne.saved' }), color: 'green' })
                if (r.movedToRescheduling > 0) notifications.show({ message: intl.formatMessage({ id: 'care.setDayOne.rescheduling' }, { count: r.movedToRescheduling }), color: 'orange' })
                onClose()
              },
            },
          )
        }}
      >
        <Stack>
          <Text size="sm">
            <FormattedMessage id="care.setDayOne.intro" />
          </Text>
          {setDayOne.error ? <Alert color="red">{setDayOne.error.message}</Alert> : null}
          <DateField
            required
            data-autofocus
            label={intl.formatMessage({ id: 'care.setDayOne.date' })}
            value={date}
            error={setDayOne.error?.fields.date}
            onChange={(e) => setDate(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              <FormattedMessage id="app.cancel" />
            </Button>
            <Button type="submit" disabled={!date} loading={setDayOne.isPending}>
              <FormattedMessage id="care.setDayOne" />
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
