import { dietaryLabel } from '../members/labels'
import { Alert, Button, Group, List, Modal, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { Meal } from '../../main/contract/values'
import type { MealTrainDetail } from '../../main/contract/meal-trains'
import type { PersonChoice } from '../../main/contract/members'
import { useHearthMutation, useHearthQuery } from '../api'
import { SuggestedHelpers } from '../care/SuggestedHelpers'
import { useJoin } from '../i18n/lists'
import { PersonPicker } from '../members/PersonPicker'
import { useCareWords } from './care'
import { HouseholdNeedsList } from './HouseholdNeeds'

/**
 * Signs a volunteer up for one open slot. While the coordinator types, Hearth shows what is already planned
 * and any warnings (away that day, busy that day, a dish the family can't eat) — warnings never block.
 */
export function SignupDialog({ train, date, meal, onClose }: { train: MealTrainDetail; date: string; meal: Meal; onClose: () => void }) {
  const intl = useIntl()
  const join = useJoin()
  const words = useCareWords(train)
  const meals = train.kind === 'meals'
  const [who, setWho] = useState<'member' | 'writeIn'>('member')
  const [person, setPerson] = useState<PersonChoice | null>(null)
  const [missingPerson, setMissingPerson] = useState(false)
  const personId = person?.id ?? null
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [kind, setKind] = useState<'meal' | 'gift_card'>('meal')
  const [dish, setDish] = useState('')
  const [notes, setNotes] = useState('')
  const [dishQuery] = useDebouncedValue(dish, 250)
  const check = useHearthQuery('mealTrains.checkSignup', {
    trainId: train.id,
    date,
    meal,
    personId: who === 'member' ? personId : null,
    dish: meals && kind === 'meal' ? dishQuery || null : null,
  })
  const signUp = useHearthMutation('mealTrains.signUp', ['mealTrains'])
  const mealName = words.slot(meal)
  const window = train.meals.find((m) => m.meal === meal)

  const save = () => {
    if (who === 'member' && person === null) {
      setMissingPerson(true)
      return
    }
    signUp.mutate(
      {
        trainId: train.id,
        date,
        meal,
        volunteer: person !== null && who === 'member' ? { personId: person.id } : { name, phone: phone || null },
        kind,
        dish: meals && kind === 'meal' ? dish || null : null,
        notes: notes || null,
      },
      {
        onSuccess: () => {
          notifications.show({ message: intl.formatMessage({ id: 'mealTrains.signup.saved' }, { name: who === 'member' ? person?.name : name }), color: 'green' })
          onClose()
        },
      },
    )
  }

  const warnings = check.data?.warnings ?? []
  const planned = check.data?.planned ?? []
  const needs = train.dietary.map((n) => intl.formatMessage({ id: dietaryLabel(n) }))

  return (
    <Modal opened onClose={onClose} size="lg" title={intl.formatMessage({ id: 'mealTrains.signup.title' }, { meal: mealName, date: words.day(date) })}>
      <form noValidate
        onSubmit={(e) => {
          e.preventDefault()
          save()
        }}
      >
        <Stack gap="md">
          {signUp.error ? <Alert color="red">{signUp.error.message}</Alert> : null}
          {train.kind === 'rides' ? (
            <Stack gap={2}>
              <Text size="sm">
                <FormattedMessage id="layout.labelled" values={{ label: <b>{intl.formatMessage({ id: 'care.form.ridePickup' })}</b>, value: train.ridePickup }} />
              </Text>
              <Text size="sm">
                <FormattedMessage id="layout.labelled" values={{ label: <b>{intl.formatMessage({ id: 'care.form.rideDestination' })}</b>, value: train.rideDestination }} />
              </Text>
              {window ? (
                <Text size="sm">
                  <FormattedMessage id="care.view.rideWindow" values={{ from: window.from, to: window.to }} />
                  {train.rideAppointment ? <> · <FormattedMessage id="care.view.appointment" values={{ time: train.rideAppointment }} /></> : null}
                </Text>
              ) : null}
            </Stack>
          ) : !meals && (train.careWhat || train.careWhere || train.careWhen) ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {[train.careWhat, train.careWhere, train.careWhen].filter(Boolean).join(' · ')}
            </Text>
          ) : null}
          {train.kind !== 'rides' && train.householdNeeds.length > 0 ? <HouseholdNeedsList people={train.householdNeeds} title={intl.formatMessage({ id: 'mealTrains.needs.household' })} /> : null}
          {train.kind !== 'rides' && (needs.length || train.dietaryNotes) ? (
            <Text size="sm">
              <FormattedMessage id="mealTrains.signup.family" values={{ needs: join([...needs, train.dietaryNotes].filter((n): n is string => !!n)) }} />
            </Text>
          ) : null}
          <SuggestedHelpers trainId={train.id} date={date} meal={meal} onSigned={onClose} />
          <Radio.Group label={intl.formatMessage({ id: 'mealTrains.signup.volunteerKind' })} value={who} onChange={(v) => setWho(v as typeof who)}>
            <Group mt="xs">
              <Radio value="member" label={intl.formatMessage({ id: 'mealTrains.signup.volunteerKind.member' })} />
              <Radio value="writeIn" label={intl.formatMessage({ id: 'mealTrains.signup.volunteerKind.writeIn' })} />
            </Group>
          </Radio.Group>
          {who === 'member' ? (
            <PersonPicker
              label={intl.formatMessage({ id: meals ? 'mealTrains.signup.member' : 'care.signup.member' })}
              value={personId}
              required
              error={missingPerson ? intl.formatMessage({ id: 'mealTrains.signup.chooseMember' }) : signUp.error?.fields.volunteer}
              onChange={(p) => {
                setPerson(p)
                setMissingPerson(false)
              }}
            />
          ) : (
            <Group grow>
              <TextInput
                label={intl.formatMessage({ id: 'mealTrains.signup.name' })}
                required
                value={name}
                error={signUp.error?.fields['volunteer.name']}
                onChange={(e) => setName(e.currentTarget.value)}
              />
              <TextInput label={intl.formatMessage({ id: 'mealTrains.signup.phone' })} value={phone} onChange={(e) => setPhone(e.currentTarget.value)} />
            </Group>
          )}
          {meals ? (
            <Radio.Group label={intl.formatMessage({ id: 'mealTrains.signup.kind' })} value={kind} onChange={(v) => setKind(v as typeof kind)}>
              <Group mt="xs">
                <Radio value="meal" label={intl.formatMessage({ id: 'mealTrains.signup.kind.meal' })} />
                <Radio value="gift_card" label={intl.formatMessage({ id: 'mealTrains.signup.kind.gift_card' })} />
              </Group>
            </Radio.Group>
          ) : null}
          {meals && kind === 'meal' ? (
            <TextInput label={intl.formatMessage({ id: 'mealTrains.signup.dish' })} value={dish} onChange={(e) => setDish(e.currentTarget.value)} />
          ) : null}
          <Textarea label={intl.formatMessage({ id: 'mealTrains.signup.notes' })} autosize value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
          {warnings.length ? (
            <Alert color="orange" title={intl.formatMessage({ id: 'mealTrains.signup.warnings' })} role="status">
              <List size="sm">
                {warnings.map((w) => (
                  <List.Item key={w.message}>{w.message}</List.Item>
                ))}
              </List>
            </Alert>
          ) : null}
          {meals ? (
            <Stack gap={4}>
              <Text fw={500} size="sm">
                <FormattedMessage id="mealTrains.signup.planned" />
              </Text>
              {planned.length === 0 ? (
                <Text size="sm" c="dimmed">
                  <FormattedMessage id="mealTrains.signup.nothingPlanned" />
                </Text>
              ) : (
                <List size="sm" aria-label={intl.formatMessage({ id: 'mealTrains.signup.planned' })}>
                  {planned.map((p) => (
                    <List.Item key={`${p.date}-${p.meal}`}>
                      <FormattedMessage
                        id="mealTrains.signup.plannedItem"
                        values={{ date: words.day(p.date), dish: p.kind === 'gift_card' ? intl.formatMessage({ id: 'mealTrains.view.giftCard' }) : p.dish, name: p.volunteerName }}
                      />
                    </List.Item>
                  ))}
                </List>
              )}
            </Stack>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              <FormattedMessage id="app.cancel" />
            </Button>
            <Button type="submit" loading={signUp.isPending}>
              <FormattedMessage id="mealTrains.signup.save" />
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
