import { Badge, Button, Group, Stack, Table, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { dayNumber, type MealTrainPhase, type MealTrainSummary } from '../../main/contract/meal-trains'
import { useHearthMutation, useHearthQuery } from '../api'
import { routeParams } from '../shell/route'
import { EmptyState, Section } from '../shell/Section'
import { useDayFormat } from './days'
import type { CareAsk } from '../../main/contract/care'
import { AsksOffers } from '../care/AsksOffers'
import { HelpedLately } from '../care/HelpedLately'
import { TrainForm } from './TrainForm'
import { TrainView } from './TrainView'
import { Whole } from '../i18n/Isolated'

type View = { kind: 'list' } | { kind: 'train'; id: number } | { kind: 'load' } | { kind: 'asks' }

const PHASES: MealTrainPhase[] = ['active', 'upcoming', 'finished', 'archived']

/** The home links straight to a train: "#/meal-trains/train/4". */
function openedAt(): View {
  const [kind, id] = routeParams()
  return kind === 'train' && Number(id) > 0 ? { kind: 'train', id: Number(id) } : { kind: 'list' }
}

export function MealTrainsScreen() {
  const [view, setView] = useState<View>(openedAt)
  const [creating, setCreating] = useState(false)
  const linkAsk = useHearthMutation('care.linkAsk', ['care'])
  const [fromAsk, setFromAsk] = useState<CareAsk | null>(null)
  const open = (id: number) => setView({ kind: 'train', id })

  return (
    <>
      {view.kind === 'train' ? (
        <TrainView id={view.id} onBack={() => setView({ kind: 'list' })} onOpen={open} />
      ) : view.kind === 'load' ? (
        <HelpedLately onBack={() => setView({ kind: 'list' })} />
      ) : view.kind === 'asks' ? (
        <AsksOffers onBack={() => setView({ kind: 'list' })} onMakeCalendar={setFromAsk} onOpenCalendar={open} />
      ) : (
        <TrainList onNew={() => setCreating(true)} onLoad={() => setView({ kind: 'load' })} onAsks={() => setView({ kind: 'asks' })} onOpen={open} />
      )}
      {creating ? (
        <TrainForm
          onClose={() => setCreating(false)}
          onSaved={(id) => {
            setCreating(false)
            open(id)
          }}
        />
      ) : null}
      {fromAsk ? (
        <TrainForm
          fromAsk={{ personId: fromAsk.personId, householdId: fromAsk.householdId, name: fromAsk.recipientName, reason: fromAsk.title ?? '', kind: fromAsk.kind }}
          onClose={() => setFromAsk(null)}
          onSaved={(id) => {
            // The calendar is made whether or not the link holds: it opens either way, and a failed link is said.
            linkAsk.mutate({ id: fromAsk.id, trainId: id }, { onError: (err) => notifications.show({ message: err.message, color: 'red' }) })
            setFromAsk(null)
            open(id)
          }}
        />
      ) : null}
    </>
  )
}

function TrainList({ onNew, onLoad, onAsks, onOpen }: { onNew: () => void; onLoad: () => void; onAsks: () => void; onOpen: (id: number) => void }) {
  const intl = useIntl()
  const trains = useHearthQuery('mealTrains.list', { includeArchived: true })
  const all = trains.data ?? []
  return (
    <Section
      title={intl.formatMessage({ id: 'nav.mealTrains' })}
      intro={<FormattedMessage id="mealTrains.intro" />}
      actions={
        <Group>
          <Button variant="default" onClick={onAsks}>
            <FormattedMessage id="care.asksOffers" />
          </Button>
          <Button variant="default" onClick={onLoad}>
            <FormattedMessage id="care.helped.title" />
          </Button>
          <Button onClick={onNew}>
            <FormattedMessage id="mealTrains.new" />
          </Button>
        </Group>
      }
    >
      {trains.isSuccess && all.length === 0 ? (
        <EmptyState>
          <FormattedMessage id="mealTrains.empty" />
        </EmptyState>
      ) : null}
      {PHASES.map((phase) => {
        const rows = all.filter((t) => t.phase === phase)
        return rows.length ? <PhaseTable key={phase} phase={phase} rows={rows} onOpen={onOpen} /> : null
      })}
    </Section>
  )
}

function PhaseTable({ phase, rows, onOpen }: { phase: MealTrainPhase; rows: MealTrainSummary[]; onOpen: (id: number) => void }) {
  const intl = useIntl()
  const day = useDayFormat()
  const headingId = `meal-trains-${phase}`
  return (
    <Stack gap="xs">
      <Title order={2} size="h3" id={headingId}>
        <FormattedMessage id={`mealTrains.phase.${phase}`} />
      </Title>
      <Table aria-labelledby={headingId} striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>
              <FormattedMessage id="mealTrains.list.for" />
            </Table.Th>
            <Table.Th>
              <FormattedMessage id="care.list.kind" />
            </Table.Th>
            <Table.Th>
              <FormattedMessage id="mealTrains.list.dates" />
            </Table.Th>
            <Table.Th>
              <FormattedMessage id="mealTrains.list.open" />
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((t) => (
            <Table.Tr key={t.id}>
              <Table.Td>
                <Button
                  variant="subtle"
                  px={4}
                  onClick={() => onOpen(t.id)}
                  aria-label={intl.formatMessage({ id: 'mealTrains.list.open.button' }, { name: t.recipientName })}
                >
                  {t.recipientName}
                </Button>
              </Table.Td>
              <Table.Td>{t.kind === 'other' && t.title ? t.title : intl.formatMessage({ id: `care.kind.${t.kind}` })}</Table.Td>
              <Table.Td>
                {t.dateKnown ? (
                  <FormattedMessage id="mealTrains.dates" values={{ from: <Whole>{day.short(t.startsOn)}</Whole>, to: <Whole>{day.short(t.endsOn)}</Whole> }} />
                ) : (
                  <FormattedMessage id="care.undated.datesNoLabel" values={{ days: dayNumber(t.endsOn, t.startsOn) }} />
                )}
              </Table.Td>
              <Table.Td>
                <Group gap="xs">
                  <Badge color={t.openSlots > 0 && phase !== 'archived' && phase !== 'finished' ? 'orange' : 'gray'} variant="light">
                    <FormattedMessage id="mealTrains.list.openCount" values={{ open: t.openSlots, total: t.totalSlots }} />
                  </Badge>
                  {t.needsRescheduling > 0 ? (
                    <Badge color="red" variant="light">
                      <FormattedMessage id="mealTrains.list.rescheduling" values={{ count: t.needsRescheduling }} />
                    </Badge>
                  ) : null}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}
