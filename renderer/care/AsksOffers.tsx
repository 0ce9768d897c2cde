import { Badge, Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { CareAsk, CareOffer } from '../../main/contract/care'
import { useHearthMutation, useHearthQuery } from '../api'
import { isolate } from '../i18n/bidi'
import { Section } from '../shell/Section'
import { CareList } from './CareList'
import { AskForm, OfferForm } from './CareForms'

type Editing = { kind: 'ask'; ask?: CareAsk } | { kind: 'offer'; offer?: CareOffer } | null

/**
 * Members' standing offers and people's open asks, searchable together. An ask can become a care calendar in one
 * step (`onMakeCalendar` opens the calendar form filled in from it).
 */
export function AsksOffers({ onBack, onMakeCalendar, onOpenCalendar }: { onBack: () => void; onMakeCalendar: (ask: CareAsk) => void; onOpenCalendar: (trainId: number) => void }) {
  const intl = useIntl()
  const [search, setSearch] = useState('')
  const [query] = useDebouncedValue(search, 150)
  const [includeClosed, setIncludeClosed] = useState(false)
  const [editing, setEditing] = useState<Editing>(null)
  const [closing, setClosing] = useState<CareAsk | null>(null)
  const asks = useHearthQuery('care.listAsks', { query, includeClosed })
  const offers = useHearthQuery('care.listOffers', { query, includeClosed })
  const closeAsk = useHearthMutation('care.closeAsk', ['care'])
  const closeOffer = useHearthMutation('care.closeOffer', ['care'])
  const kind = (k: string) => intl.formatMessage({ id: `care.kind.${k}` as 'care.kind.meals' })

  return (
    <Section
      title={intl.formatMessage({ id: 'care.asksOffers' })}
      intro={<FormattedMessage id="care.asksOffers.intro" />}
      actions={
        <Group>
          <Button variant="default" onClick={onBack}>
            <FormattedMessage id="mealTrains.backToList" />
          </Button>
          <Button variant="default" onClick={() => setEditing({ kind: 'offer' })}>
            <FormattedMessage id="care.newOffer" />
          </Button>
          <Button onClick={() => setEditing({ kind: 'ask' })}>
            <FormattedMessage id="care.newAsk" />
          </Button>
        </Group>
      }
    >
      <Group align="flex-end" wrap="wrap">
        <TextInput
          type="search"
          label={intl.formatMessage({ id: 'care.search' })}
          placeholder={intl.formatMessage({ id: 'care.search.placeholder' })}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          style={{ flex: '1 1 16rem' }}
        />
        <Checkbox label={intl.formatMessage({ id: 'care.showClosed' })} checked={includeClosed} onChange={(e) => setIncludeClosed(e.currentTarget.checked)} mb={8} />
      </Group>

      <CareList
        headingId="care-asks"
        title="care.asks"
        empty="care.asks.empty"
        columns={['care.col.for', 'care.col.what']}
        list={asks}
        cells={(a) => [
          a.recipientName,
          <>
            <Badge variant="light" color="blue" me="xs">
              {kind(a.kind)}
            </Badge>
            {a.closedAt ? (
              <Badge variant="light" color="gray">
                <FormattedMessage id="care.closed" />
              </Badge>
            ) : (
              <>
                {a.title}
                {a.details ? (
                  <Text size="sm" c="dimmed" className="wrap-words">
                    {a.details}
                  </Text>
                ) : null}
              </>
            )}
          </>,
        ]}
        actions={(a) => (
          <Group gap="xs">
            {a.trainId !== null ? (
              <Button size="compact-sm" variant="light" onClick={() => onOpenCalendar(a.trainId!)}>
                <FormattedMessage id="care.ask.openCalendar" />
              </Button>
            ) : a.closedAt === null ? (
              <Button size="compact-sm" variant="light" aria-label={intl.formatMessage({ id: 'care.ask.toCalendar.label' }, { name: a.recipientName })} onClick={() => onMakeCalendar(a)}>
                <FormattedMessage id="care.ask.toCalendar" />
              </Button>
            ) : null}
            {a.closedAt === null ? (
              <>
                <Button size="compact-sm" variant="default" aria-label={intl.formatMessage({ id: 'care.ask.edit.label' }, { name: a.recipientName })} onClick={() => setEditing({ kind: 'ask', ask: a })}>
                  <FormattedMessage id="care.edit" />
                </Button>
                <Button size="compact-sm" variant="default" aria-label={intl.formatMessage({ id: 'care.ask.close.label' }, { name: a.recipientName })} onClick={() => setClosing(a)}>
                  <FormattedMessage id="care.close" />
                </Button>
              </>
            ) : null}
          </Group>
        )}
      />

      <CareList
        headingId="care-offers"
        title="care.offers"
        empty="care.offers.empty"
        columns={['care.col.who', 'care.col.what', 'care.col.when']}
        list={offers}
        cells={(o) => [
          <>
            {o.personName}
            {o.phone ? (
              <Text size="sm" c="dimmed">
                {isolate(o.phone)}
              </Text>
            ) : null}
          </>,
          <>
            {o.title}
            <Group gap={4} mt={4}>
              {o.kinds.map((k) => (
                <Badge key={k} variant="light" color="blue">
                  {kind(k)}
                </Badge>
              ))}
              {o.closed ? (
                <Badge variant="light" color="gray">
                  <FormattedMessage id="care.closed" />
                </Badge>
              ) : null}
            </Group>
          </>,
          <>
            {o.weekdays.length === 7 ? <FormattedMessage id="care.every.day" /> : o.weekdays.map((d) => intl.formatMessage({ id: `mealTrains.weekday.${d}` as 'mealTrains.weekday.1' })).join(', ')}
            {o.from && o.to ? <Text size="sm">{`${o.from}–${o.to}`}</Text> : null}
          </>,
        ]}
        actions={(o) =>
          o.closed ? null : (
            <Group gap="xs">
              <Button size="compact-sm" variant="default" aria-label={intl.formatMessage({ id: 'care.offer.edit.label' }, { name: o.personName })} onClick={() => setEditing({ kind: 'offer', offer: o })}>
                <FormattedMessage id="care.edit" />
              </Button>
              <Button
                size="compact-sm"
                variant="default"
                aria-label={intl.formatMessage({ id: 'care.offer.close.label' }, { name: o.personName })}
                loading={closeOffer.isPending && closeOffer.variables?.id === o.id}
                onClick={() => closeOffer.mutate({ id: o.id }, { onSuccess: () => notifications.show({ message: intl.formatMessage({ id: 'care.offer.closed' }), color: 'green' }) })}
              >
                <FormattedMessage id="care.close" />
              </Button>
            </Group>
          )
        }
      />

      {editing?.kind === 'ask' ? <AskForm ask={editing.ask} onClose={() => setEditing(null)} /> : null}
      {editing?.kind === 'offer' ? <OfferForm offer={editing.offer} onClose={() => setEditing(null)} /> : null}
      {closing ? (
        <Modal opened onClose={() => setClosing(null)} title={intl.formatMessage({ id: 'care.ask.closeConfirm.title' })}>
          <Stack>
            <Text size="sm">
              <FormattedMessage id="care.ask.closeConfirm.body" values={{ name: closing.recipientName }} />
            </Text>
            {closeAsk.error ? <Text c="red">{closeAsk.error.message}</Text> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setClosing(null)} data-autofocus>
                <FormattedMessage id="app.cancel" />
              </Button>
              <Button
                color="red"
                loading={closeAsk.isPending}
                onClick={() =>
                  closeAsk.mutate(
                    { id: closing.id },
                    {
                      onSuccess: () => {
                        notifications.show({ message: intl.formatMessage({ id: 'care.ask.closed' }), color: 'green' })
                        setClosing(null)
                      },
                    },
                  )
                }
              >
                <FormattedMessage id="care.ask.closeConfirm.button" />
              </Button>
            </Group>
          </Stack>
        </Modal>
      ) : null}
    </Section>
  )
}
