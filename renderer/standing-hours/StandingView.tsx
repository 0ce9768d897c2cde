import { Button, Group, Menu, Stack, Tabs, Text } from '@mantine/core'
import { keepPreviousData } from '@tanstack/react-query'
import { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { useHearthMutation, useHearthQuery } from '../api'
import type { PrintRequest } from '../../main/contract/print'
import { PrintDialog } from '../print/PrintDialog'
import { ConfirmDelete } from '../prayer-circles/ConfirmDelete'
import { formatDay } from '../prayer-circles/format'
import { TabbedView } from '../prayer-circles/parts'
import { addDays, localToday } from '../meal-trains/days'
import { FillMonth, WeekSummary } from './WeekSummary'
import { WeekGrid } from './WeekGrid'
import { SlotDialog } from './SlotDialog'
import { Pool } from './Pool'

/** One standing schedule: the week grid with who holds what, what is open, and the substitute pool. */
export function StandingView({ scheduleId, onBack }: { scheduleId: number; onBack: () => void }) {
  const intl = useIntl()
  const [date, setDate] = useState(localToday)
  const [open, setOpen] = useState<{ hourId: number; date: string } | null>(null)
  const [deleting, setDeleting] = useState(false)
  const [printing, setPrinting] = useState<PrintRequest | null>(null)
  const del = useHearthMutation('standingHours.delete')
  const week = useHearthQuery('standingHours.week', { scheduleId, date }, { placeholderData: keepPreviousData })
  const w = week.data
  const slot = open && w ? (w.slots.find((s) => s.hourId === open.hourId && s.date === open.date) ?? null) : null
  return (
    <TabbedView
      title={w?.title ?? ''}
      intro={w ? <FormattedMessage id="standing.view.intro" values={{ circle: w.circleName, zone: w.timeZone, people: w.peoplePerSlot }} /> : undefined}
      buttons={
        <>
          <Menu position="bottom-start">
            <Menu.Target>
              <Button variant="default">
                <FormattedMessage id="standing.print" />
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => setPrinting({ document: 'standingWeek', scheduleId, date })}>
                <FormattedMessage id="standing.print.week" />
              </Menu.Item>
              <Menu.Item onClick={() => setPrinting({ document: 'standingNeeds', scheduleId, month: (w?.dates[3] ?? date).slice(0, 7) })}>
                <FormattedMessage id="standing.print.needs" />
              </Menu.Item>
              <Menu.Item onClick={() => setPrinting({ document: 'standingSignIn', scheduleId, date })}>
                <FormattedMessage id="standing.print.signIn" />
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
          <Button variant="subtle" color="red" onClick={() => setDeleting(true)}>
            <FormattedMessage id="standing.delete" />
          </Button>
        </>
      }
      back="prayerCircles.backToCircle"
      onBack={onBack}
      error={week.error}
      tabs={[
        ['week', 'standing.tab.week'],
        ['pool', 'standing.tab.pool'],
      ]}
      panels={
        w ? (
          <>
            <Tabs.Panel value="week" pt="md">
              <Stack>
                <Group>
                  <Button variant="default" size="xs" onClick={() => setDate(addDays(w.dates[0]!, -7))}>
                    <FormattedMessage id="standing.week.previous" />
                  </Button>
                  <Button variant="default" size="xs" onClick={() => setDate(localToday())}>
                    <FormattedMessage id="standing.week.this" />
                  </Button>
                  <Button variant="default" size="xs" onClick={() => setDate(addDays(w.dates[0]!, 7))}>
                    <FormattedMessage id="standing.week.next" />
                  </Button>
                  <Text fw={600}>
                    <FormattedMessage id="standing.week.range" values={{ from: formatDay(intl, w.dates[0]!), to: formatDay(intl, w.dates[6]!) }} />
                  </Text>
                </Group>
                <WeekSummary week={w} />
                <FillMonth scheduleId={scheduleId} month={w.dates[3]!.slice(0, 7)} />
                <WeekGrid week={w} onOpen={(s) => setOpen({ hourId: s.hourId, date: s.date })} />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="pool" pt="md">
              <Pool scheduleId={scheduleId} />
            </Tabs.Panel>
          </>
        ) : null
      }
    >
      {slot && w ? <SlotDialog slot={slot} week={w} onClose={() => setOpen(null)} /> : null}
      {printing ? <PrintDialog request={printing} opened onClose={() => setPrinting(null)} /> : null}
      <ConfirmDelete
        opened={deleting}
        title={intl.formatMessage({ id: 'prayerCircles.deleteSchedule.title' }, { name: w?.title ?? '' })}
        confirmLabel={intl.formatMessage({ id: 'standing.delete' })}
        pending={del.isPending}
        error={del.error?.message ?? null}
        onClose={() => setDeleting(false)}
        onConfirm={() => del.mutate({ scheduleId }, { onSuccess: onBack })}
      >
        <FormattedMessage id="standing.delete.body" />
      </ConfirmDelete>
    </TabbedView>
  )
}
