import { Alert, Badge, Card, Checkbox, Group, Radio, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { CALL_RANGES, type CallDuty, type CallPerson, type CallRange, type CallRangePreset } from '../../main/contract/reach'
import { useHearthMutation, useHearthQuery } from '../api'
import { PrintButton } from '../print/PrintButton'
import { EmptyState, Section } from '../shell/Section'
import { PhoneText } from '../i18n/Isolated'
import { useJoin } from '../i18n/lists'
import { ContactMenu } from './ContactMenu'
import { CopyMessageButton } from './CopyMessageButton'

function useWhen() {
  const intl = useIntl()
  // Calendar days are shown at UTC midnight so the computer's own zone never moves one; times are the stored 'HH:MM'.
  const day = (iso: string) => intl.formatDate(new Date(`${iso}T00:00:00Z`), { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' })
  const time = (hhmm: string) => intl.formatTime(new Date(`2000-01-01T${hhmm}:00Z`), { timeZone: 'UTC', hour: 'numeric', minute: '2-digit' })
  return (d: Pick<CallDuty, 'date' | 'from' | 'to'>) => (d.from && d.to ? intl.formatMessage({ id: 'reach.when' }, { day: day(d.date), from: time(d.from), to: time(d.to) }) : day(d.date))
}

function Phones({ person }: { person: CallPerson }) {
  const lines = [
    person.mobile ? <FormattedMessage key="m" id="reach.mobile" values={{ phone: <PhoneText>{person.mobile}</PhoneText> }} /> : null,
    person.homePhone ? <FormattedMessage key="h" id="reach.home" values={{ phone: <PhoneText>{person.homePhone}</PhoneText> }} /> : null,
    person.otherPhone ? <FormattedMessage key="o" id="reach.other" values={{ phone: <PhoneText>{person.otherPhone}</PhoneText> }} /> : null,
  ].filter(Boolean)
  return (
    <Text size="sm">
      {lines.length ? lines.map((l, i) => <span key={i}>{i > 0 ? ' · ' : null}{l}</span>) : <FormattedMessage id="reach.noPhone" />}
    </Text>
  )
}

function PersonCard({ person, range }: { person: CallPerson; range: CallRange }) {
  const intl = useIntl()
  const join = useJoin()
  const when = useWhen()
  const tick = useHearthMutation('reach.setReminded', ['reach'])
  return (
    <Card withBorder padding="sm" component="li" aria-label={person.name}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Stack gap={0}>
            <Group gap="xs">
              <Title order={3} size="h5">
                {person.name}
              </Title>
              {person.preferredContact ? (
                <Badge variant="light" color="blue" c="blue.9" tt="none">
                  <FormattedMessage id="reach.prefers" values={{ method: intl.formatMessage({ id: `reach.contact.${person.preferredContact}` }) }} />
                </Badge>
              ) : null}
            </Group>
            <Phones person={person} />
            {person.email ? <Text size="sm">{person.email}</Text> : null}
          </Stack>
          <CopyMessageButton request={{ kind: 'reminder', personKey: person.key, range }} size="xs" aria-label={intl.formatMessage({ id: 'reach.copyReminder.for' }, { name: person.name })}>
            <FormattedMessage id="reach.copyReminder" />
          </CopyMessageButton>
        </Group>
        <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {person.duties.map((d) => (
            <li key={d.key}>
              <Checkbox
                checked={d.reminded}
                disabled={tick.isPending}
                onChange={(e) => tick.mutate({ key: d.key, reminded: e.currentTarget.checked })}
                aria-label={intl.formatMessage({ id: 'reach.remindedLabel' }, { name: person.name, what: d.what, when: when(d) })}
                label={
                  <Text size="sm" component="span">
                    <strong>{when(d)}</strong> · <bdi>{d.what}</bdi>
                    {d.where ? <> · <FormattedMessage id="reach.where" values={{ where: <bdi>{join(d.where.split(/\s*\n\s*/))}</bdi> }} /></> : null}
                  </Text>
                }
              />
            </li>
          ))}
        </Stack>
        {tick.error ? <Alert color="red">{tick.error.message}</Alert> : null}
      </Stack>
    </Card>
  )
}

export function CallListScreen() {
  const intl = useIntl()
  const [preset, setPreset] = useState<CallRangePreset>('tomorrow')
  const range: CallRange = { preset }
  const list = useHearthQuery('reach.callList', { range })
  const when = useWhen()
  const data = list.data
  const day = (iso: string) => intl.formatDate(new Date(`${iso}T00:00:00Z`), { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' })

  return (
    <Section
      title={intl.formatMessage({ id: 'nav.callList' })}
      intro={<FormattedMessage id="reach.intro" />}
      actions={
        data ? (
          <Group gap="xs">
            <PrintButton request={{ document: 'callList', from: data.from, to: data.to }} />
            <ContactMenu source={{ of: 'callList', range }} />
          </Group>
        ) : null
      }
    >
      <Radio.Group label={intl.formatMessage({ id: 'reach.range' })} value={preset} onChange={(v) => setPreset(v as CallRangePreset)}>
        <Group mt={4} gap="md">
          {CALL_RANGES.map((r) => (
            <Radio key={r} value={r} label={intl.formatMessage({ id: `reach.range.${r}` })} />
          ))}
        </Group>
      </Radio.Group>
      {list.error ? <Alert color="red">{list.error.message}</Alert> : null}
      {data ? (
        <Stack gap="lg">
          <Text c="dimmed" size="sm">
            {data.from === data.to ? day(data.from) : <FormattedMessage id="reach.days" values={{ from: day(data.from), to: day(data.to) }} />}
          </Text>
          <Stack gap="xs">
            <Title order={2} size="h4">
              <FormattedMessage id="reach.people" />
            </Title>
            {data.people.length ? (
              <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {data.people.map((p) => (
                  <PersonCard key={p.key} person={p} range={range} />
                ))}
              </Stack>
            ) : (
              <EmptyState>
                <FormattedMessage id="reach.people.none" />
              </EmptyState>
            )}
          </Stack>
          {data.substitutes.length ? (
            <Stack gap="xs">
              <Title order={2} size="h4">
                <FormattedMessage id="reach.substitutes" />
              </Title>
              <Text size="sm" c="dimmed">
                <FormattedMessage id="reach.substitutes.help" />
              </Text>
              <Stack gap={4} component="ul" style={{ paddingInlineStart: 20, margin: 0 }}>
                {data.substitutes.map((s) => (
                  <li key={s.duty.key}>
                    <Text size="sm">
                      <strong>{s.name}</strong>
                      {s.phone ? <> (<PhoneText>{s.phone}</PhoneText>)</> : null} · {when(s.duty)} · <bdi>{s.duty.what}</bdi>
                    </Text>
                  </li>
                ))}
              </Stack>
            </Stack>
          ) : null}
          {data.gaps.length ? (
            <Stack gap="xs">
              <Title order={2} size="h4">
                <FormattedMessage id="reach.gaps" />
              </Title>
              <Text size="sm" c="dimmed">
                <FormattedMessage id="reach.gaps.help" />
              </Text>
              <Stack gap={4} component="ul" style={{ paddingInlineStart: 20, margin: 0 }}>
                {data.gaps.map((g) => (
                  <li key={`${g.ref.area}-${g.ref.id}-${g.date}-${g.from}-${g.what}`}>
                    <Text size="sm">
                      <strong>{when(g)}</strong> · <bdi>{g.what}</bdi> · <FormattedMessage id="reach.gaps.places" values={{ count: g.open }} />
                    </Text>
                  </li>
                ))}
              </Stack>
            </Stack>
          ) : null}
        </Stack>
      ) : null}
    </Section>
  )
}
