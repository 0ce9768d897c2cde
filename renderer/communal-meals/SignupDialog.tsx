import { Alert, Button, Checkbox, Group, List, Modal, NumberInput, Radio, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { NeedView } from '../../main/contract/communal-meals'
import type { PersonChoice } from '../../main/contract/members'
import { ALLERGENS, type Allergen, DISH_LABELS, type DishLabel } from '../../main/contract/values'
import { useHearthMutation, useHearthQuery } from '../api'
import { PersonPicker } from '../members/PersonPicker'
import { useNeedName } from './words'

/**
 * Takes one item of a meal: who, how many, and for a dish what it is and what is in it. The checklist names the
 * UK/EU 14 and US 9 allergens together, and the faith and diet labels; warnings show as it is filled in, never block.
 */
export function SignupDialog({ need, onClose }: { need: NeedView; onClose: () => void }) {
  const intl = useIntl()
  const needName = useNeedName()
  const dish = need.kind === 'dish'
  const [who, setWho] = useState<'member' | 'writeIn'>('member')
  const [person, setPerson] = useState<PersonChoice | null>(null)
  const [missingPerson, setMissingPerson] = useState(false)
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [quantity, setQuantity] = useState<number | string>(1)
  const [what, setWhat] = useState('')
  const [contains, setContains] = useState<Allergen[]>([])
  const [labels, setLabels] = useState<DishLabel[]>([])
  const [notes, setNotes] = useState('')
  const [whatQuery] = useDebouncedValue(what, 250)
  const check = useHearthQuery('communalMeals.checkSignup', { needId: need.id, dish: dish ? whatQuery || null : null, contains: dish ? contains : [], labels: dish ? labels : [] })
  const signUp = useHearthMutation('communalMeals.signUp')
  const item = needName(need)

  const save = () => {
    if (signUp.isPending) return
    if (who === 'member' && person === null) {
      setMissingPerson(true)
      return
    }
    signUp.mutate(
      {
        needId: need.id,
        who: who === 'member' && person ? { personId: person.id } : { name, phone: phone || null },
        quantity: Number(quantity) || 1,
        dish: dish ? what || null : null,
        contains: dish ? contains : [],
        labels: dish ? labels : [],
        notes: notes || null,
      },
      {
        onSuccess: () => {
          notifications.show({ message: intl.formatMessage({ id: 'communalMeals.signup.saved' }, { name: who === 'member' ? (person?.name ?? '') : name, item }), color: 'green' })
          onClose()
        },
      },
    )
  }
  const warnings = check.data?.warnings ?? []

  return (
    <Modal opened onClose={onClose} size="lg" title={intl.formatMessage({ id: 'communalMeals.signup.title' }, { item })}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          save()
        }}
      >
        <Stack gap="md">
          {signUp.error ? <Alert color="red">{signUp.error.message}</Alert> : null}
          <Radio.Group label={intl.formatMessage({ id: 'communalMeals.signup.who' })} value={who} onChange={(v) => setWho(v as typeof who)}>
            <Group mt="xs">
              <Radio value="member" label={intl.formatMessage({ id: 'communalMeals.signup.who.member' })} />
              <Radio value="writeIn" label={intl.formatMessage({ id: 'communalMeals.signup.who.writeIn' })} />
            </Group>
          </Radio.Group>
          {who === 'member' ? (
            <PersonPicker
              label={intl.formatMessage({ id: 'communalMeals.signup.member' })}
              value={person?.id ?? null}
              required
              data-autofocus
              error={missingPerson ? intl.formatMessage({ id: 'communalMeals.signup.chooseMember' }) : signUp.error?.fields.who}
              onChange={(p) => {
                setPerson(p)
                setMissingPerson(false)
              }}
            />
          ) : (
            <Group grow>
              <TextInput label={intl.formatMessage({ id: 'communalMeals.signup.name' })} required value={name} error={signUp.error?.fields['who.name']} onChange={(e) => setName(e.currentTarget.value)} />
              <TextInput label={intl.formatMessage({ id: 'communalMeals.signup.phone' })} value={phone} onChange={(e) => setPhone(e.currentTarget.value)} />
            </Group>
          )}
          <NumberInput label={intl.formatMessage({ id: dish ? 'communalMeals.signup.quantity' : 'communalMeals.signup.people' })} min={1} max={500} value={quantity} onChange={setQuantity} w={160} />
          {dish ? (
            <>
              <TextInput label={intl.formatMessage({ id: 'communalMeals.signup.dish' })} value={what} onChange={(e) => setWhat(e.currentTarget.value)} />
              <Checkbox.Group label={intl.formatMessage({ id: 'communalMeals.signup.contains' })} value={contains} onChange={(v) => setContains(v as Allergen[])}>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt="xs">
                  {ALLERGENS.map((a) => (
                    <Checkbox key={a} value={a} label={intl.formatMessage({ id: `communalMeals.allergen.${a}` })} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
              <Checkbox.Group label={intl.formatMessage({ id: 'communalMeals.signup.labels' })} value={labels} onChange={(v) => setLabels(v as DishLabel[])}>
                <SimpleGrid cols={{ base: 2, sm: 3 }} spacing={6} mt="xs">
                  {DISH_LABELS.map((l) => (
                    <Checkbox key={l} value={l} label={intl.formatMessage({ id: `members.dietary.${l}` })} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
            </>
          ) : null}
          <Textarea label={intl.formatMessage({ id: 'communalMeals.signup.notes' })} autosize value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
          {warnings.length ? (
            <Alert color="orange" title={intl.formatMessage({ id: 'communalMeals.signup.warnings' })} role="status">
              <List size="sm">
                {warnings.map((w) => (
                  <List.Item key={w.message}>{w.message}</List.Item>
                ))}
              </List>
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              <FormattedMessage id="app.cancel" />
            </Button>
            <Button type="submit" loading={signUp.isPending}>
              <FormattedMessage id="communalMeals.signup.save" />
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
