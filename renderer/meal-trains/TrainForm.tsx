import { dietaryLabel } from '../members/labels'
import { Alert, Button, Checkbox, Group, List, Modal, NumberInput, Radio, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useEffect, useMemo, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { CARE_KINDS, type CareKind, DIETARY_NEEDS, type DietaryNeed, MEALS, type Meal } from '../../main/contract/values'
import { type AffectedSignup, dayNumber, type MealTrainDetail, type MealTrainFieldsInput, type PersonNeeds, RELATIVE_EPOCH } from '../../main/contract/meal-trains'
import { type HearthCallError, useHearthMutation } from '../api'
import { PersonPicker } from '../members/PersonPicker'
import { useDiscardGuard, useFieldErrors } from '../shell/forms'
import { addDays, localToday } from './days'
import { useCareWords } from './care'
import { HouseholdNeedsList } from './HouseholdNeeds'
import { DateField } from '../i18n/DateField'

interface Draft {
  recipientKind: 'member' | 'outside'
  recipientPersonId: number | null
  recipientHouseholdId: number | null
  recipientName: string
  reason: string
  startsOn: string
  endsOn: string
  weekdays: string[]
  meals: Record<Meal, { on: boolean; from: string; to: string }>
  adults: number
  children: number
  address: string
  instructions: string
  dietary: string[]
  dietaryNotes: string
  favouriteMeals: string
  dislikedMeals: string
  coordinatorName: string
  coordinatorPhone: string
  kind: CareKind
  title: string
  careWhat: string
  careWhere: string
  careWhen: string
  ridePickup: string
  rideDestination: string
  rideAppointment: string
  rideReturn: boolean
  rideWheelchair: boolean
  rideChildSeat: boolean
  weekInterval: string
  undated: boolean
  days: number
  dayOneLabel: string
}

const DEFAULT_WINDOWS: Record<Meal, { from: string; to: string }> = {
  breakfast: { from: '08:00', to: '09:00' },
  lunch: { from: '12:00', to: '13:00' },
  dinner: { from: '17:30', to: '18:30' },
}

// For kinds other than meals the three windows are mornings, afternoons and evenings.
const PART_WINDOWS: Record<Meal, { from: string; to: string }> = {
  breakfast: { from: '09:00', to: '12:00' },
  lunch: { from: '14:00', to: '17:00' },
  dinner: { from: '18:00', to: '20:00' },
}

/** What a new calendar of each kind starts with: a ride on Tuesday mornings, a visit twice a week, dinner every day. */
const KIND_STARTS: Record<CareKind, { weekdays: number[]; parts: Meal[] }> = {
  meals: { weekdays: [1, 2, 3, 4, 5, 6, 7], parts: ['dinner'] },
  rides: { weekdays: [2], parts: ['breakfast'] },
  visits: { weekdays: [2, 5], parts: ['lunch'] },
  childcare: { weekdays: [1, 2, 3, 4, 5], parts: ['breakfast'] },
  errands: { weekdays: [6], parts: ['breakfast'] },
  household: { weekdays: [6], parts: ['breakfast'] },
  other: { weekdays: [1, 2, 3, 4, 5, 6, 7], parts: ['lunch'] },
}

function startingPattern(kind: CareKind): Pick<Draft, 'weekdays' | 'meals'> {
  const windows = kind === 'meals' ? DEFAULT_WINDOWS : PART_WINDOWS
  const start = KIND_STARTS[kind]
  return {
    weekdays: start.weekdays.map(String),
    meals: Object.fromEntries(MEALS.map((m) => [m, { on: start.parts.includes(m), ...windows[m] }])) as Draft['meals'],
  }
}

/**
 * Choosing another kind for a new calendar changes no other choice silently: the days stay as chosen, the times of
 * day take the new kind's start only while they are still the old kind's start, and a ride's pick-up is where the
 * household lives (the address already filled in for a meal's drop-off) unless one was typed.
 */
export function kindChosen(d: Pick<Draft, 'kind' | 'meals' | 'address' | 'ridePickup'>, kind: CareKind): Partial<Draft> {
  const untouched = JSON.stringify(d.meals) === JSON.stringify(startingPattern(d.kind).meals)
  return {
    kind,
    ...(untouched ? { meals: startingPattern(kind).meals } : {}),
    ...(kind === 'rides' && !d.ridePickup.trim() && d.address.trim() ? { ridePickup: d.address } : {}),
  }
}

function draftFrom(train: MealTrainDetail | undefined): Draft {
  const today = localToday()
  const meals = Object.fromEntries(
    MEALS.map((m) => {
      const existing = train?.meals.find((x) => x.meal === m)
      return [m, existing ? { on: true, from: existing.from, to: existing.to } : { on: !train && m === 'dinner', ...(train && train.kind !== 'meals' ? PART_WINDOWS : DEFAULT_WINDOWS)[m] }]
    }),
  ) as Draft['meals']
  return {
    recipientKind: train && train.recipientPersonId === null ? 'outside' : 'member',
    recipientPersonId: train?.recipientPersonId ?? null,
    recipientHouseholdId: train?.recipientHouseholdId ?? null,
    recipientName: train?.recipientName ?? '',
    reason: train?.reason ?? '',
    startsOn: train?.startsOn ?? today,
    endsOn: train?.endsOn ?? addDays(today, 13),
    weekdays: (train?.weekdays ?? [1, 2, 3, 4, 5, 6, 7]).map(String),
    meals,
    adults: train?.adults ?? 2,
    children: train?.children ?? 0,
    address: train?.address ?? '',
    instructions: train?.instructions ?? '',
    dietary: train?.dietary ?? [],
    dietaryNotes: train?.dietaryNotes ?? '',
    favouriteMeals: train?.favouriteMeals ?? '',
    dislikedMeals: train?.dislikedMeals ?? '',
    coordinatorName: train?.coordinatorName ?? '',
    coordinatorPhone: train?.coordinatorPhone ?? '',
    kind: train?.kind ?? 'meals',
    title: train?.title ?? '',
    careWhat: train?.careWhat ?? '',
    careWhere: train?.careWhere ?? '',
    careWhen: train?.careWhen ?? '',
    ridePickup: train?.ridePickup ?? '',
    rideDestination: train?.rideDestination ?? '',
    rideAppointment: train?.rideAppointment ?? '',
    rideReturn: train?.rideReturn ?? false,
    rideWheelchair: train?.rideWheelchair ?? false,
    rideChildSeat: train?.rideChildSeat ?? false,
    weekInterval: String(train?.weekInterval ?? 1),
    undated: train ? !train.dateKnown : false,
    days: train ? dayNumber(train.endsOn, train.startsOn) : 21,
    dayOneLabel: train?.dayOneLabel ?? '',
  }
}

function fieldsOf(d: Draft): MealTrainFieldsInput {
  const member = d.recipientKind === 'member'
  return {
    recipientPersonId: member ? d.recipientPersonId : null,
    recipientHouseholdId: member ? d.recipientHouseholdId : null,
    recipientName: d.recipientName,
    reason: d.reason || null,
    meals: MEALS.filter((m) => d.meals[m].on).map((m) => ({ meal: m, from: d.meals[m].from, to: d.meals[m].to })),
    adults: d.adults,
    children: d.children,
    address: d.address || null,
    instructions: d.instructions || null,
    dietary: d.dietary as DietaryNeed[],
    dietaryNotes: d.dietaryNotes || null,
    favouriteMeals: d.favouriteMeals || null,
    dislikedMeals: d.dislikedMeals || null,
    coordinatorName: d.coordinatorName || null,
    coordinatorPhone: d.coordinatorPhone || null,
    kind: d.kind,
    title: d.title || null,
    careWhat: d.careWhat || null,
    careWhere: d.careWhere || null,
    careWhen: d.careWhen || null,
    ridePickup: d.ridePickup || null,
    rideDestination: d.rideDestination || null,
    rideAppointment: d.rideAppointment || null,
    rideReturn: d.rideReturn,
    rideWheelchair: d.rideWheelchair,
    rideChildSeat: d.rideChildSeat,
    dayOneLabel: d.dayOneLabel || null,
    // Until Day 1 has a date the days are counted from the placeholder day, and every day is on the calendar.
    ...(d.undated
      ? { dateKnown: false, startsOn: RELATIVE_EPOCH, endsOn: addDays(RELATIVE_EPOCH, Math.max(1, d.days) - 1), weekdays: [1, 2, 3, 4, 5, 6, 7], weekInterval: 1 }
      : { dateKnown: true, startsOn: d.startsOn, endsOn: d.endsOn, weekdays: d.weekdays.map(Number).sort(), weekInterval: Number(d.weekInterval) }),
  }
}

/** Creating a train, or changing one (`train` given): a change that strands volunteers asks first. */
/** Who an ask for help was for and what it asked, to start a care calendar from it (renderer/care/AsksOffers). */
export interface TrainFromAsk {
  personId: number | null
  householdId: number | null
  name: string
  reason: string
  kind: CareKind
}

export function TrainForm({ train, fromAsk, onClose, onSaved }: { train?: MealTrainDetail; fromAsk?: TrainFromAsk; onClose: () => void; onSaved: (id: number) => void }) {
  const intl = useIntl()
  const [draft, setDraft] = useState<Draft>(() => {
    const d = draftFrom(train)
    if (!fromAsk) return d
    return { ...d, recipientKind: fromAsk.personId === null ? 'outside' : 'member', recipientPersonId: fromAsk.personId, recipientHouseholdId: fromAsk.householdId, recipientName: fromAsk.name, reason: fromAsk.reason, kind: fromAsk.kind, ...startingPattern(fromAsk.kind) }
  })
  const initial = useMemo(() => JSON.stringify(draftFrom(train)), [train])
  const guard = useDiscardGuard(JSON.stringify(draft) !== initial, onClose)
  const formRef = useRef<HTMLFormElement>(null)
  const [householdNeeds, setHouseholdNeeds] = useState<PersonNeeds[]>(train?.householdNeeds ?? [])
  const [affected, setAffected] = useState<AffectedSignup[] | null>(null)
  const [callError, setCallError] = useState<HearthCallError | null>(null)
  const create = useHearthMutation('mealTrains.create', ['mealTrains'])
  const update = useHearthMutation('mealTrains.update', ['mealTrains'])
  const recipientDefaults = useHearthMutation('mealTrains.recipientDefaults', [])
  const previewUpdate = useHearthMutation('mealTrains.previewUpdate', [])
  const error = callError ?? create.error ?? update.error
  const errors = useFieldErrors(error?.fields, formRef)
  const set = (patch: Partial<Draft>) => {
    errors.edited(Object.keys(patch))
    setDraft((d) => ({ ...d, ...patch }))
  }
  const setMeal = (m: Meal, patch: Partial<Draft['meals'][Meal]>) => {
    errors.edited(['meals'])
    setDraft((d) => ({ ...d, meals: { ...d.meals, [m]: { ...d.meals[m], ...patch } } }))
  }

  const chooseMember = async (personId: number | null) => {
    set({ recipientPersonId: personId })
    if (personId === null) {
      setHouseholdNeeds([])
      return
    }
    let d
    try {
      d = await recipientDefaults.mutateAsync({ personId })
    } catch (err) {
      setCallError(err as HearthCallError)
      return
    }
    set({
      recipientPersonId: d.recipientPersonId,
      recipientHouseholdId: d.recipientHouseholdId,
      recipientName: d.recipientName,
      address: d.address ?? '',
      // A ride starts from home: the household's address is its pick-up unless one was typed.
      ...(draft.ridePickup.trim() ? {} : { ridePickup: d.address ?? '' }),
    })
    setHouseholdNeeds(d.householdNeeds)
  }

  // A calendar started from an ask for a member brings in their address and household needs, as choosing them would.
  const askPerson = fromAsk?.personId ?? null
  useEffect(() => {
    if (askPerson !== null) void chooseMember(askPerson)
  }, [askPerson]) // Once, when the form opens from an ask: chooseMember is a new function every render.

  const saved = (id: number) => {
    notifications.show({ message: intl.formatMessage({ id: train ? 'app.saved' : 'mealTrains.form.created' }), color: 'green' })
    onSaved(id)
  }

  const save = async (confirmAffected: boolean) => {
    const fields = fieldsOf(draft)
    setCallError(null)
    if (!train) {
      create.mutate(fields, { onSuccess: (r) => saved(r.id) })
      return
    }
    if (!confirmAffected) {
      try {
        const preview = await previewUpdate.mutateAsync({ id: train.id, fields })
        if (preview.affected.length > 0) {
          setAffected(preview.affected)
          return
        }
      } catch (err) {
        setCallError(err as HearthCallError)
        return
      }
    }
    update.mutate({ id: train.id, fields, confirmAffected }, { onSuccess: (r) => saved(r.id) })
  }

  const fieldError = errors.fieldError
  const words = useCareWords({ kind: draft.kind, title: draft.title || null, dateKnown: !draft.undated, startsOn: draft.startsOn })
  const meals = draft.kind === 'meals'
  const rides = draft.kind === 'rides'
  const chooseKind = (kind: CareKind) => set(train ? { kind } : kindChosen(draft, kind))

  return (
    <>
      {guard.dialog}
      <Modal opened onClose={guard.close} size="xl" title={intl.formatMessage({ id: train ? 'mealTrains.form.editTitle' : 'mealTrains.form.newTitle' })}>
        {affected ? (
          <Stack>
            <Alert color="orange" title={intl.formatMessage({ id: 'mealTrains.affected.title' })}>
              <Text size="sm" mb="xs">
                <FormattedMessage id="mealTrains.affected.intro" />
              </Text>
              <List>
                {affected.map((a) => (
                  <List.Item key={a.signupId}>
                    <FormattedMessage
                      id="mealTrains.affected.item"
                      values={{ name: a.volunteerName, meal: words.slot(a.meal), date: words.day(a.date) }}
                    />
                  </List.Item>
                ))}
              </List>
            </Alert>
            {update.error ? <Alert color="red">{update.error.message}</Alert> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAffected(null)}>
                <FormattedMessage id="mealTrains.affected.back" />
              </Button>
              <Button color="orange" loading={update.isPending} onClick={() => void save(true)}>
                <FormattedMessage id="mealTrains.affected.confirm" />
              </Button>
            </Group>
          </Stack>
        ) : (
          <form noValidate
            ref={formRef}
            onSubmit={(e) => {
              e.preventDefault()
              void save(false)
            }}
          >
            <Stack gap="md">
              {train ? null : (
                <Radio.Group label={intl.formatMessage({ id: 'care.form.kind' })} value={draft.kind} error={fieldError('kind')} onChange={(v) => chooseKind(v as CareKind)}>
                  <Group mt="xs">
                    {CARE_KINDS.map((k) => (
                      <Radio key={k} value={k} label={intl.formatMessage({ id: `care.kind.${k}` })} />
                    ))}
                  </Group>
                </Radio.Group>
              )}
              {draft.kind === 'other' ? (
                <TextInput
                  label={intl.formatMessage({ id: 'care.form.title' })}
                  description={intl.formatMessage({ id: 'care.form.title.help' })}
                  required
                  value={draft.title}
                  error={fieldError('title')}
                  onChange={(e) => set({ title: e.currentTarget.value })}
                />
              ) : null}
              <Radio.Group
                label={intl.formatMessage({ id: meals ? 'mealTrains.form.recipientKind' : 'care.form.recipientKind' })}
                value={draft.recipientKind}
                onChange={(v) => set({ recipientKind: v as Draft['recipientKind'] })}
              >
                <Group mt="xs">
                  <Radio value="member" label={intl.formatMessage({ id: 'mealTrains.form.recipientKind.member' })} />
                  <Radio value="outside" label={intl.formatMessage({ id: 'mealTrains.form.recipientKind.outside' })} />
                </Group>
              </Radio.Group>
              {draft.recipientKind === 'member' ? (
                <PersonPicker
                  label={intl.formatMessage({ id: 'mealTrains.form.member' })}
                  description={intl.formatMessage({ id: 'mealTrains.form.member.help' })}
                  value={draft.recipientPersonId}
                  error={fieldError('recipientPersonId')}
                  onChange={(p) => void chooseMember(p?.id ?? null)}
                />
              ) : null}
              <SimpleGrid cols={2}>
                <TextInput
                  label={intl.formatMessage({ id: meals ? 'mealTrains.form.recipientName' : 'care.form.recipientName' })}
                  description={intl.formatMessage({ id: 'mealTrains.form.recipientName.help' })}
                  required
                  value={draft.recipientName}
                  error={fieldError('recipientName')}
                  onChange={(e) => set({ recipientName: e.currentTarget.value })}
                />
                <TextInput
                  label={intl.formatMessage({ id: 'mealTrains.form.reason' })}
                  description={intl.formatMessage({ id: 'mealTrains.form.reason.help' })}
                  value={draft.reason}
                  error={fieldError('reason')}
                  onChange={(e) => set({ reason: e.currentTarget.value })}
                />
              </SimpleGrid>
              {train ? null : (
                <Checkbox label={intl.formatMessage({ id: 'care.form.undated' })} checked={draft.undated} onChange={(e) => set({ undated: e.currentTarget.checked })} />
              )}
              {draft.undated ? (
                <SimpleGrid cols={2}>
                  <NumberInput
                    label={intl.formatMessage({ id: 'care.form.days' })}
                    required
                    min={1}
                    max={366}
                    value={draft.days}
                    error={fieldError('endsOn')}
                    onChange={(v) => set({ days: Number(v) || 1 })}
                  />
                  <TextInput
                    label={intl.formatMessage({ id: 'care.form.dayOneLabel' })}
                    description={intl.formatMessage({ id: 'care.form.dayOneLabel.help' })}
                    value={draft.dayOneLabel}
                    error={fieldError('dayOneLabel')}
                    onChange={(e) => set({ dayOneLabel: e.currentTarget.value })}
                  />
                </SimpleGrid>
              ) : (
                <SimpleGrid cols={2}>
                  <DateField
                    label={intl.formatMessage({ id: 'mealTrains.form.startsOn' })}
                    required
                    value={draft.startsOn}
                    error={fieldError('startsOn')}
                    onChange={(e) => set({ startsOn: e.currentTarget.value })}
                  />
                  <DateField
                    label={intl.formatMessage({ id: 'mealTrains.form.endsOn' })}
                    required
                    value={draft.endsOn}
                    error={fieldError('endsOn')}
                    onChange={(e) => set({ endsOn: e.currentTarget.value })}
                  />
                </SimpleGrid>
              )}
              {draft.undated ? null : (
                <>
                  <Checkbox.Group
                    label={intl.formatMessage({ id: 'mealTrains.form.weekdays' })}
                    value={draft.weekdays}
                    error={fieldError('weekdays')}
                    onChange={(v) => set({ weekdays: v })}
                  >
                    <Group mt="xs">
                      {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                        <Checkbox key={d} value={String(d)} label={intl.formatMessage({ id: `mealTrains.weekday.${d}` as 'mealTrains.weekday.1' })} />
                      ))}
                    </Group>
                  </Checkbox.Group>
                  <Select
                    label={intl.formatMessage({ id: 'care.form.repeat' })}
                    data={['1', '2', '3', '4'].map((n) => ({ value: n, label: intl.formatMessage({ id: `care.repeat.${n}` as 'care.repeat.1' }) }))}
                    value={draft.weekInterval}
                    allowDeselect={false}
                    error={fieldError('weekInterval')}
                    onChange={(v) => set({ weekInterval: v ?? '1' })}
                    w={260}
                  />
                </>
              )}
              {rides ? (
                <SimpleGrid cols={2}>
                  <Textarea
                    label={intl.formatMessage({ id: 'care.form.ridePickup' })}
                    required
                    autosize
                    minRows={2}
                    value={draft.ridePickup}
                    error={fieldError('ridePickup')}
                    onChange={(e) => set({ ridePickup: e.currentTarget.value })}
                  />
                  <Textarea
                    label={intl.formatMessage({ id: 'care.form.rideDestination' })}
                    required
                    autosize
                    minRows={2}
                    value={draft.rideDestination}
                    error={fieldError('rideDestination')}
                    onChange={(e) => set({ rideDestination: e.currentTarget.value })}
                  />
                  <TextInput
                    type="time"
                    label={intl.formatMessage({ id: 'care.form.rideAppointment' })}
                    value={draft.rideAppointment}
                    error={fieldError('rideAppointment')}
                    onChange={(e) => set({ rideAppointment: e.currentTarget.value })}
                  />
                  <Stack gap={6} justify="flex-end">
                    <Checkbox label={intl.formatMessage({ id: 'care.form.rideReturn' })} checked={draft.rideReturn} onChange={(e) => set({ rideReturn: e.currentTarget.checked })} />
                    <Checkbox label={intl.formatMessage({ id: 'care.form.rideWheelchair' })} checked={draft.rideWheelchair} onChange={(e) => set({ rideWheelchair: e.currentTarget.checked })} />
                    <Checkbox label={intl.formatMessage({ id: 'care.form.rideChildSeat' })} checked={draft.rideChildSeat} onChange={(e) => set({ rideChildSeat: e.currentTarget.checked })} />
                  </Stack>
                </SimpleGrid>
              ) : null}
              {!meals && !rides ? (
                <SimpleGrid cols={2}>
                  <Textarea
                    label={intl.formatMessage({ id: 'care.form.what' })}
                    autosize
                    minRows={2}
                    value={draft.careWhat}
                    error={fieldError('careWhat')}
                    onChange={(e) => set({ careWhat: e.currentTarget.value })}
                  />
                  <Stack gap="xs">
                    <TextInput label={intl.formatMessage({ id: 'care.form.where' })} value={draft.careWhere} error={fieldError('careWhere')} onChange={(e) => set({ careWhere: e.currentTarget.value })} />
                    <TextInput
                      label={intl.formatMessage({ id: 'care.form.when' })}
                      description={intl.formatMessage({ id: 'care.form.when.help' })}
                      value={draft.careWhen}
                      error={fieldError('careWhen')}
                      onChange={(e) => set({ careWhen: e.currentTarget.value })}
                    />
                  </Stack>
                </SimpleGrid>
              ) : null}
              <Stack gap="xs">
                <Text fw={500} size="sm">
                  <FormattedMessage id={meals ? 'mealTrains.form.meals' : rides ? 'care.form.rideTimes' : 'care.form.times'} />
                </Text>
                {fieldError('meals') ? (
                  <Text c="red" size="sm">
                    {fieldError('meals')}
                  </Text>
                ) : null}
                {MEALS.map((m) => {
                  const name = words.part(m)
                  return (
                    <Group key={m} align="flex-end">
                      <Checkbox w={120} mb={8} label={name} checked={draft.meals[m].on} onChange={(e) => setMeal(m, { on: e.currentTarget.checked })} />
                      <TextInput
                        type="time"
                        label={intl.formatMessage({ id: 'mealTrains.form.mealFrom' }, { meal: name })}
                        disabled={!draft.meals[m].on}
                        value={draft.meals[m].from}
                        onChange={(e) => setMeal(m, { from: e.currentTarget.value })}
                      />
                      <TextInput
                        type="time"
                        label={intl.formatMessage({ id: 'mealTrains.form.mealTo' }, { meal: name })}
                        disabled={!draft.meals[m].on}
                        value={draft.meals[m].to}
                        onChange={(e) => setMeal(m, { to: e.currentTarget.value })}
                      />
                    </Group>
                  )
                })}
              </Stack>
              {meals ? (
                <SimpleGrid cols={2}>
                  <NumberInput
                    label={intl.formatMessage({ id: 'mealTrains.form.adults' })}
                    min={0}
                    max={50}
                    value={draft.adults}
                    error={fieldError('adults')}
                    onChange={(v) => set({ adults: Number(v) || 0 })}
                  />
                  <NumberInput
                    label={intl.formatMessage({ id: 'mealTrains.form.children' })}
                    min={0}
                    max={50}
                    value={draft.children}
                    error={fieldError('children')}
                    onChange={(v) => set({ children: Number(v) || 0 })}
                  />
                </SimpleGrid>
              ) : null}
              {rides ? null : (
                <Textarea label={intl.formatMessage({ id: 'mealTrains.form.address' })} autosize minRows={2} value={draft.address} onChange={(e) => set({ address: e.currentTarget.value })} />
              )}
              <Textarea
                label={intl.formatMessage({ id: 'mealTrains.form.instructions' })}
                description={intl.formatMessage({ id: 'mealTrains.form.instructions.help' })}
                autosize
                minRows={2}
                value={draft.instructions}
                onChange={(e) => set({ instructions: e.currentTarget.value })}
              />
              {rides ? null : (
                <>
                  {draft.recipientKind === 'member' && householdNeeds.length > 0 ? <HouseholdNeedsList people={householdNeeds} title={intl.formatMessage({ id: 'mealTrains.needs.fromRecords' })} /> : null}
                  <Checkbox.Group
                    label={intl.formatMessage({ id: draft.recipientKind === 'member' ? 'mealTrains.form.dietary.other' : 'mealTrains.form.dietary' })}
                    value={draft.dietary}
                    onChange={(v) => set({ dietary: v })}
                  >
                    <SimpleGrid cols={3} mt="xs" spacing="xs">
                      {DIETARY_NEEDS.map((n) => (
                        <Checkbox key={n} value={n} label={intl.formatMessage({ id: dietaryLabel(n) })} />
                      ))}
                    </SimpleGrid>
                  </Checkbox.Group>
                  <Textarea label={intl.formatMessage({ id: 'mealTrains.form.dietaryNotes' })} autosize value={draft.dietaryNotes} onChange={(e) => set({ dietaryNotes: e.currentTarget.value })} />
                </>
              )}
              <SimpleGrid cols={2}>
                {meals ? (
                  <>
                    <TextInput label={intl.formatMessage({ id: 'mealTrains.form.favouriteMeals' })} value={draft.favouriteMeals} onChange={(e) => set({ favouriteMeals: e.currentTarget.value })} />
                    <TextInput label={intl.formatMessage({ id: 'mealTrains.form.dislikedMeals' })} value={draft.dislikedMeals} onChange={(e) => set({ dislikedMeals: e.currentTarget.value })} />
                  </>
                ) : null}
                <TextInput label={intl.formatMessage({ id: 'mealTrains.form.coordinatorName' })} value={draft.coordinatorName} onChange={(e) => set({ coordinatorName: e.currentTarget.value })} />
                <TextInput label={intl.formatMessage({ id: 'mealTrains.form.coordinatorPhone' })} value={draft.coordinatorPhone} onChange={(e) => set({ coordinatorPhone: e.currentTarget.value })} />
              </SimpleGrid>
              {/* Beside the button the person just pressed, so it is seen without scrolling back up. */}
              {error ? <Alert color="red">{error.message}</Alert> : null}
              <Group justify="flex-end">
                <Button variant="default" onClick={guard.close}>
                  <FormattedMessage id="app.cancel" />
                </Button>
                <Button type="submit" loading={create.isPending || update.isPending || previewUpdate.isPending}>
                  <FormattedMessage id={train ? 'mealTrains.form.save' : meals ? 'mealTrains.form.create' : 'care.form.create'} />
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </>
  )
}
