import { Alert, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { PrintRequest } from '../../main/contract/print'
import { useHearthMutation, useHearthQuery } from '../api'
import { PrintDialog } from '../print/PrintDialog'
import { DateField } from '../i18n/DateField'
import { useJoin } from '../i18n/lists'
import { useDayFormat } from '../meal-trains/days'
import { routeParams } from '../shell/route'
import { EmptyState, Section } from '../shell/Section'
import { MealForm, SeriesForm } from './MealForm'
import { MealView } from './MealView'

type View = { kind: 'list' } | { kind: 'meal'; id: number } | { kind: 'series'; id: number }

/** The home links straight to a meal: "#/communal-meals/meal/4". */
function openedAt(): View {
  const [kind, id] = routeParams()
  return kind === 'meal' && Number(id) > 0 ? { kind: 'meal', id: Number(id) } : { kind: 'list' }
}

export function CommunalMealsScreen() {
  const [view, setView] = useState<View>(openedAt)
  const [creating, setCreating] = useState<'meal' | 'series' | null>(null)
  const list = () => setView({ kind: 'list' })
  return (
    <>
      {view.kind === 'meal' ? (
        <MealView key={view.id} id={view.id} onBack={list} onSeries={(id) => setView({ kind: 'series', id })} />
      ) : view.kind === 'series' ? (
        <SeriesView id={view.id} onBack={list} onOpen={(id) => setView({ kind: 'meal', id })} />
      ) : (
        <MealList onNew={() => setCreating('meal')} onNewSeries={() => setCreating('series')} onOpen={(id) => setView({ kind: 'meal', id })} />
      )}
      {creating === 'meal' ? (
        <MealForm
          onClose={() => setCreating(null)}
          onSaved={(id) => {
            setCreating(null)
            setView({ kind: 'meal', id })
          }}
        />
      ) : null}
      {creating === 'series' ? (
        <SeriesForm
          onClose={() => setCreating(null)}
          onSaved={(id) => {
            setCreating(null)
            setView({ kind: 'series', id })
          }}
        />
      ) : null}
    </>
  )
}

function MealList({ onNew, onNewSeries, onOpen }: { onNew: () => void; onNewSeries: () => void; onOpen: (id: number) => void }) {
  const intl = useIntl()
  const day = useDayFormat()
  const meals = useHearthQuery('communalMeals.list', { includeArchived: false })
  const all = meals.data ?? []
  return (
    <Section
      title={intl.formatMessage({ id: 'nav.communalMeals' })}
      intro={<FormattedMessage id="communalMeals.intro" />}
      actions={
        <Group>
          <Button variant="default" onClick={onNewSeries}>
            <FormattedMessage id="communalMeals.newSeries" />
          </Button>
          <Button onClick={onNew}>
            <FormattedMessage id="communalMeals.new" />
          </Button>
        </Group>
      }
    >
      {meals.isSuccess && all.length === 0 ? (
        <EmptyState>
          <FormattedMessage id="communalMeals.empty" />
        </EmptyState>
      ) : null}
      {all.length ? (
        <Table striped highlightOnHover aria-label={intl.formatMessage({ id: 'nav.communalMeals' })}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                <FormattedMessage id="communalMeals.list.meal" />
              </Table.Th>
              <Table.Th>
                <FormattedMessage id="communalMeals.list.date" />
              </Table.Th>
              <Table.Th>
                <FormattedMessage id="communalMeals.list.needed" />
              </Table.Th>
              <Table.Th>
                <FormattedMessage id="communalMeals.list.coming" />
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {all.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>
                  <Button variant="subtle" px={4} onClick={() => onOpen(m.id)} aria-label={intl.formatMessage({ id: 'communalMeals.list.open' }, { title: m.title, date: day.long(m.date) })}>
                    {m.title}
                  </Button>
                </Table.Td>
                <Table.Td>
                  {day.long(m.date)}
                  {m.time ? ` · ${m.time}` : ''}
                </Table.Td>
                <Table.Td>
                  <Badge color={m.stillNeeded > 0 ? 'orange' : 'green'} variant="light">
                    <FormattedMessage id="communalMeals.list.neededCount" values={{ count: m.stillNeeded }} />
                  </Badge>
                </Table.Td>
                <Table.Td>{m.headcount}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Section>
  )
}

/** A series as a month calendar: each night with its hosts, the nights still needing a sponsor marked. */
function SeriesView({ id, onBack, onOpen }: { id: number; onBack: () => void; onOpen: (id: number) => void }) {
  const intl = useIntl()
  const day = useDayFormat()
  const join = useJoin()
  const series = useHearthQuery('communalMeals.getSeries', { id })
  const move = useHearthMutation('communalMeals.moveSeries')
  const [startsOn, setStartsOn] = useState('')
  const [printing, setPrinting] = useState<PrintRequest | null>(null)
  const s = series.data
  if (series.error) return <Alert color="red">{series.error.message}</Alert>
  if (!s) return null
  const open = s.nights.filter((n) => n.needsHost).length
  return (
    <Section
      title={s.title}
      intro={<FormattedMessage id="communalMeals.series.intro" values={{ count: s.nights.length, open }} />}
      actions={
        <Group>
          <Button variant="default" onClick={onBack}>
            <FormattedMessage id="communalMeals.view.back" />
          </Button>
          <Button variant="default" onClick={() => setPrinting({ document: 'communalCalendar', seriesId: id })}>
            <FormattedMessage id="print.document.communalCalendar" />
          </Button>
        </Group>
      }
    >
      {printing ? <PrintDialog request={printing} opened onClose={() => setPrinting(null)} /> : null}
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="xs" role="list" aria-label={intl.formatMessage({ id: 'communalMeals.series.calendar' })}>
        {s.nights.map((n) => (
          <Paper key={n.mealId} withBorder p="xs" role="listitem" bg={n.needsHost ? 'var(--mantine-color-orange-0)' : undefined}>
            <Stack gap={2}>
              <Button
                variant="subtle"
                size="compact-sm"
                px={0}
                justify="flex-start"
                onClick={() => onOpen(n.mealId)}
                aria-label={intl.formatMessage({ id: 'communalMeals.list.open' }, { title: n.closing ? n.title : intl.formatMessage({ id: 'communalMeals.series.night' }, { number: n.number }), date: day.long(n.date) })}
              >
                {n.closing ? n.title : <FormattedMessage id="communalMeals.series.night" values={{ number: n.number }} />}
              </Button>
              <Text size="xs">{day.dayOfMonth(n.date)}</Text>
              {n.hosts.length ? (
                <Text size="xs" className="wrap-words">
                  {join(n.hosts)}
                </Text>
              ) : null}
              {n.needsHost ? (
                <Badge color="orange" variant="light" size="sm">
                  <FormattedMessage id="communalMeals.series.needsHost" />
                </Badge>
              ) : null}
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>
      <Stack gap="xs">
        <Title order={2} size="h3">
          <FormattedMessage id="communalMeals.series.suggest" />
        </Title>
        <List size="sm">
          {s.suggestions.map((h) => (
            <List.Item key={h.householdId}>
              {h.name} — <FormattedMessage id="communalMeals.series.hostedCount" values={{ count: h.hosted }} />
            </List.Item>
          ))}
        </List>
      </Stack>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          if (!move.isPending) move.mutate({ id, startsOn }, { onSuccess: () => notifications.show({ message: intl.formatMessage({ id: 'communalMeals.series.moved' }), color: 'green' }) })
        }}
      >
        <Group align="flex-end">
          <DateField label={intl.formatMessage({ id: 'communalMeals.series.move' })} value={startsOn} error={move.error?.message} onChange={(e) => setStartsOn(e.currentTarget.value)} />
          <Button type="submit" variant="default" loading={move.isPending} disabled={!startsOn}>
            <FormattedMessage id="communalMeals.series.moveSave" />
          </Button>
        </Group>
      </form>
    </Section>
  )
}
