import { Alert, Button, Group, List, Menu, NumberInput, Radio, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { CommunalMealDetail, NeedView } from '../../main/contract/communal-meals'
import type { PersonChoice } from '../../main/contract/members'
import type { PrintRequest } from '../../main/contract/print'
import { useHearthMutation, useHearthQuery } from '../api'
import { useJoin } from '../i18n/lists'
import { useDayFormat } from '../meal-trains/days'
import { PersonPicker } from '../members/PersonPicker'
import { PrintDialog } from '../print/PrintDialog'
import { Section } from '../shell/Section'
import { MealForm } from './MealForm'
import { SignupDialog } from './SignupDialog'
import { useNeedName } from './words'

/** One meal: what is needed and who took it, who is coming, and what Hearth warns of. */
export function MealView({ id, onBack, onSeries }: { id: number; onBack: () => void; onSeries: (id: number) => void }) {
  const intl = useIntl()
  const day = useDayFormat()
  const meal = useHearthQuery('communalMeals.get', { id })
  const [signingUp, setSigningUp] = useState<NeedView | null>(null)
  const [editing, setEditing] = useState(false)
  const [printing, setPrinting] = useState<PrintRequest | null>(null)
  const copy = useHearthMutation('communalMeals.copyStillNeeded', [])
  const m = meal.data
  if (meal.error) return <Alert color="red">{meal.error.message}</Alert>
  if (!m) return null
  const when = [day.long(m.date), m.time, m.place].filter(Boolean).join(' · ')
  return (
    <Section
      title={m.title}
      intro={when}
      actions={
        <Group role="group" aria-label={intl.formatMessage({ id: 'communalMeals.view.actions' })}>
          <Button variant="default" onClick={onBack}>
            <FormattedMessage id="communalMeals.view.back" />
          </Button>
          {m.seriesId ? (
            <Button variant="default" onClick={() => onSeries(m.seriesId!)}>
              <FormattedMessage id="communalMeals.series.open" />
            </Button>
          ) : null}
          {m.status === 'active' ? (
            <Button variant="default" onClick={() => setEditing(true)}>
              <FormattedMessage id="communalMeals.view.edit" />
            </Button>
          ) : null}
          <Menu position="bottom-end">
            <Menu.Target>
              <Button variant="default">
                <FormattedMessage id="communalMeals.view.print" />
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {(['communalSheet', 'communalKitchen', 'communalDishCards'] as const).map((document) => (
                <Menu.Item key={document} onClick={() => setPrinting({ document, mealId: id })}>
                  <FormattedMessage id={`print.document.${document}`} />
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          <Button
            variant="default"
            disabled={!m.stillNeededMessage}
            loading={copy.isPending}
            onClick={() => copy.mutate({ id }, { onSuccess: (r) => notifications.show({ message: intl.formatMessage({ id: 'communalMeals.view.copied' }, { text: r.text }), color: 'green' }) })}
          >
            <FormattedMessage id="communalMeals.view.copy" />
          </Button>
        </Group>
      }
    >
      {m.purpose ? <Text style={{ whiteSpace: 'pre-wrap' }}>{m.purpose}</Text> : null}
      <Text fw={600} role="status">
        {m.headcountDetail.summary}
      </Text>
      {m.warnings.length ? (
        <Alert color="orange" title={intl.formatMessage({ id: 'communalMeals.view.warnings' })}>
          <List size="sm">
            {m.warnings.map((w) => (
              <List.Item key={w.message}>{w.message}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      {m.stillNeededMessage ? <Text c="dimmed">{m.stillNeededMessage}</Text> : null}
      <Needs meal={m} onSignUp={setSigningUp} />
      <Coming meal={m} />
      {signingUp ? <SignupDialog need={signingUp} onClose={() => setSigningUp(null)} /> : null}
      {printing ? <PrintDialog request={printing} opened onClose={() => setPrinting(null)} /> : null}
      {editing ? <MealForm meal={m} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} /> : null}
    </Section>
  )
}

function Needs({ meal, onSignUp }: { meal: CommunalMealDetail; onSignUp: (need: NeedView) => void }) {
  const intl = useIntl()
  const join = useJoin()
  const needName = useNeedName()
  const cancel = useHearthMutation('communalMeals.cancelSignup')
  const open = meal.status === 'active'
  return (
    <Stack gap="xs">
      <Title order={2} size="h3" id="communal-needs">
        <FormattedMessage id="communalMeals.view.needs" />
      </Title>
      <Table aria-labelledby="communal-needs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>
              <FormattedMessage id="communalMeals.view.item" />
            </Table.Th>
            <Table.Th>
              <FormattedMessage id="communalMeals.view.takenHead" />
            </Table.Th>
            <Table.Th>
              <FormattedMessage id="communalMeals.view.who" />
            </Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {meal.needs.map((n) => {
            const item = needName(n)
            return (
              <Table.Tr key={n.id}>
                <Table.Td>
                  {item}
                  {n.serves ? (
                    <Text size="xs" c="dimmed">
                      <FormattedMessage id="communalMeals.view.serves" values={{ count: n.serves }} />
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600} c={n.taken >= n.wanted ? 'green.8' : 'orange.9'} style={{ whiteSpace: 'nowrap' }}>
                    <FormattedMessage id="communalMeals.view.taken" values={{ taken: n.taken, wanted: n.wanted }} />
                  </Text>
                </Table.Td>
                <Table.Td>
                  {n.signups.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      <FormattedMessage id="communalMeals.view.nobody" />
                    </Text>
                  ) : (
                    <Stack gap={4}>
                      {n.signups.map((s) => (
                        <Group key={s.id} gap="xs" wrap="nowrap" align="flex-start">
                          <Text size="sm" className="wrap-words">
                            <b>{s.name}</b>
                            {s.quantity > 1 ? ` × ${s.quantity}` : ''}
                            {s.dish ? ` — ${s.dish}` : ''}
                            {s.contains.length ? (
                              <Text span size="xs" c="dimmed">
                                {' '}
                                <FormattedMessage id="communalMeals.view.contains" values={{ allergens: join(s.contains.map((a) => intl.formatMessage({ id: `communalMeals.allergen.${a}` }))) }} />
                              </Text>
                            ) : null}
                            {s.labels.length ? (
                              <Text span size="xs" c="teal.9">
                                {' '}
                                {join(s.labels.map((l) => intl.formatMessage({ id: `members.dietary.${l}` })))}
                              </Text>
                            ) : null}
                          </Text>
                          {open ? (
                            <Button size="compact-xs" variant="subtle" color="red" style={{ flexShrink: 0 }} aria-label={intl.formatMessage({ id: 'communalMeals.view.cancel' }, { name: s.name, item })} onClick={() => cancel.mutate({ signupId: s.id })}>
                              <FormattedMessage id="app.cancel" />
                            </Button>
                          ) : null}
                        </Group>
                      ))}
                    </Stack>
                  )}
                </Table.Td>
                <Table.Td>
                  {open ? (
                    <Button size="xs" variant={n.taken >= n.wanted ? 'default' : 'filled'} aria-label={intl.formatMessage({ id: 'communalMeals.view.signUp' }, { item })} onClick={() => onSignUp(n)}>
                      <FormattedMessage id="communalMeals.signup.save" />
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}

/** Who is coming, by household, and a line to add the next answer without leaving the page. */
function Coming({ meal }: { meal: CommunalMealDetail }) {
  const intl = useIntl()
  const [who, setWho] = useState<'member' | 'writeIn'>('member')
  const [person, setPerson] = useState<PersonChoice | null>(null)
  const [name, setName] = useState('')
  const [adults, setAdults] = useState<number | string>(1)
  const [children, setChildren] = useState<number | string>(0)
  const rsvp = useHearthMutation('communalMeals.rsvp')
  const remove = useHearthMutation('communalMeals.removeRsvp')
  const add = () => {
    if (rsvp.isPending) return
    rsvp.mutate(
      { mealId: meal.id, who: who === 'member' && person ? { personId: person.id } : { name, phone: null }, adults: Number(adults) || 0, children: Number(children) || 0 },
      {
        onSuccess: () => {
          setPerson(null)
          setName('')
          setAdults(1)
          setChildren(0)
        },
      },
    )
  }
  return (
    <Stack gap="xs">
      <Title order={2} size="h3" id="communal-coming">
        <FormattedMessage id="communalMeals.view.coming" />
      </Title>
      {meal.rsvps.length ? (
        <Table aria-labelledby="communal-coming" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                <FormattedMessage id="communalMeals.view.household" />
              </Table.Th>
              <Table.Th>
                <FormattedMessage id="communalMeals.view.adults" />
              </Table.Th>
              <Table.Th>
                <FormattedMessage id="communalMeals.view.children" />
              </Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {meal.rsvps.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td className="wrap-words">{r.name}</Table.Td>
                <Table.Td>{r.adults}</Table.Td>
                <Table.Td>{r.children}</Table.Td>
                <Table.Td>
                  {meal.status === 'active' ? (
                    <Button size="compact-xs" variant="subtle" color="red" aria-label={intl.formatMessage({ id: 'communalMeals.view.remove' }, { name: r.name })} onClick={() => remove.mutate({ rsvpId: r.id })}>
                      <FormattedMessage id="communalMeals.view.removeShort" />
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm" c="dimmed">
          <FormattedMessage id="communalMeals.view.nobodyComing" />
        </Text>
      )}
      {meal.status === 'active' ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            add()
          }}
        >
          <Stack gap="xs">
            {rsvp.error ? <Alert color="red">{rsvp.error.message}</Alert> : null}
            <Radio.Group label={intl.formatMessage({ id: 'communalMeals.view.addComing' })} value={who} onChange={(v) => setWho(v as typeof who)}>
              <Group mt="xs">
                <Radio value="member" label={intl.formatMessage({ id: 'communalMeals.signup.who.member' })} />
                <Radio value="writeIn" label={intl.formatMessage({ id: 'communalMeals.signup.who.writeIn' })} />
              </Group>
            </Radio.Group>
            <Group align="flex-end" wrap="wrap">
              {who === 'member' ? (
                <PersonPicker label={intl.formatMessage({ id: 'communalMeals.view.comingMember' })} value={person?.id ?? null} onChange={setPerson} w={280} />
              ) : (
                <TextInput label={intl.formatMessage({ id: 'communalMeals.signup.name' })} value={name} onChange={(e) => setName(e.currentTarget.value)} w={280} />
              )}
              <NumberInput label={intl.formatMessage({ id: 'communalMeals.view.adults' })} min={0} max={100} value={adults} onChange={setAdults} w={100} />
              <NumberInput label={intl.formatMessage({ id: 'communalMeals.view.children' })} min={0} max={100} value={children} onChange={setChildren} w={100} />
              <Button type="submit" loading={rsvp.isPending} disabled={who === 'member' ? !person : !name.trim()}>
                <FormattedMessage id="communalMeals.view.addComingSave" />
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  )
}
