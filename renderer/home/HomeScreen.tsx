import { Alert, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useId, useState } from 'react'
import { FormattedMessage, FormattedRelativeTime, useIntl } from 'react-intl'
import type { HomeSpan, HomeView, PrayerHappening } from '../../main/contract/home'
import { useHearthMutation, useHearthQuery } from '../api'
import type { MessageId } from '../../main/contract/i18n/en'
import { PhoneText } from '../i18n/Isolated'
import { useJoin } from '../i18n/lists'
import { useDayFormat } from '../meal-trains/days'
import { go } from '../shell/route'
import { Section } from '../shell/Section'
import { FirstRun, setupComplete } from './FirstRun'

const DAY_MS = 86_400_000

/** The screen Hearth opens on: what needs a person in the days ahead, what is planned, and the reminders. */
export function HomeScreen() {
  const intl = useIntl()
  const days = useDayFormat()
  const [span, setSpan] = useState<HomeSpan>(7)
  // The home sums up every other section, so it asks afresh each time it opens.
  const view = useHearthQuery('home.view', { span }, { staleTime: 0 })
  const data = view.data

  return (
    <Section
      title={intl.formatMessage({ id: `home.title.${span}` })}
      intro={data ? <FormattedMessage id="home.intro" values={{ from: days.long(data.today), until: days.long(data.until) }} /> : <FormattedMessage id="home.loading" />}
      actions={
        <SegmentedControl
          aria-label={intl.formatMessage({ id: 'home.span' })}
          value={String(span)}
          onChange={(v) => setSpan(Number(v) as HomeSpan)}
          data={([7, 14, 30] as const).map((n) => ({ value: String(n), label: intl.formatMessage({ id: `home.span.${n}` }) }))}
        />
      }
    >
      {view.error ? <Alert color="red">{view.error.message}</Alert> : null}
      {data ? <HomeBody data={data} /> : null}
    </Section>
  )
}

function HomeBody({ data }: { data: HomeView }) {
  const busy = data.setup.people > 0 || data.days.length > 0
  return (
    <Stack gap="lg">
      {data.example ? <ExampleNotice /> : null}
      {!data.example && !setupComplete(data.setup) ? <FirstRun setup={data.setup} /> : null}
      {busy ? <Needs data={data} /> : null}
      {data.days.length ? <Happening data={data} /> : null}
      {data.expiringRequests.length ? <Requests data={data} /> : null}
      {data.birthdays.length ? <Birthdays data={data} /> : null}
      <BackupCard data={data} />
    </Stack>
  )
}

/** Switching files changes every answer Hearth gave, so every cached read is thrown away. */
export function useSwitchFile(channel: 'home.openExample' | 'home.leaveExample') {
  const client = useQueryClient()
  const mutation = useHearthMutation(channel, [])
  return {
    pending: mutation.isPending,
    run: () =>
      mutation.mutate(
        {},
        {
          onSuccess: () => {
            void client.resetQueries()
            go('home')
          },
          onError: (err) => notifications.show({ color: 'red', message: err.message }),
        },
      ),
  }
}

function ExampleNotice() {
  const leave = useSwitchFile('home.leaveExample')
  return (
    <Alert color="grape" title={<FormattedMessage id="home.example.badge" />}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">
          <FormattedMessage id="home.example.notice" />
        </Text>
        <Button color="grape" loading={leave.pending} onClick={leave.run}>
          <FormattedMessage id="home.example.leave" />
        </Button>
      </Stack>
    </Alert>
  )
}

export function Card({ title, children }: { title: ReactNode; children: ReactNode }) {
  const id = useId()
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  )
}

/** One thing that needs doing: what it is on the left, the one button that goes to fixing it on the right. */
function Need({ children, action, onClick }: { children: ReactNode; action: string; onClick: () => void }) {
  return (
    <Group justify="space-between" wrap="wrap" gap="xs" py={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
      <div className="wrap-words" style={{ flex: '1 1 18em' }}>
        {children}
      </div>
      <Button size="sm" variant="light" onClick={onClick} className="wrap-words" styles={{ root: { height: 'auto', minHeight: 34 }, label: { whiteSpace: 'normal', paddingBlock: 6 } }}>
        {action}
      </Button>
    </Group>
  )
}

/** A few days named in full, then "and N more", so a month-long train does not fill the screen. */
function DayList({ dates, limit = 6 }: { dates: string[]; limit?: number }) {
  const days = useDayFormat()
  const join = useJoin()
  const shown = dates.slice(0, limit).map((d) => days.long(d))
  return (
    <Text size="sm" c="dimmed">
      {join(shown)}
      {dates.length > limit ? (
        <>
          {' '}
          <FormattedMessage id="home.needs.more" values={{ count: dates.length - limit }} />
        </>
      ) : null}
    </Text>
  )
}

function Needs({ data }: { data: HomeView }) {
  const intl = useIntl()
  const days = useDayFormat()
  const t = (id: MessageId, values?: Record<string, string | number>) => intl.formatMessage({ id }, values)
  const join = useJoin()
  const none = !data.openMeals.length && !data.prayerGaps.length && !data.substitutes.length && !data.rescheduling.length
  return (
    <Card title={<FormattedMessage id="home.needs.title" />}>
      {none ? (
        <Text>
          <FormattedMessage id="home.needs.none" />
        </Text>
      ) : null}
      {data.openMeals.map((m) => (
        // A meal train is short of cooks; any other calendar (rides, visits…) of volunteers.
        <Need key={`meals-${m.trainId}`} action={t(m.kind === 'meals' ? 'home.needs.meals.action' : 'home.needs.care.action', { name: m.recipientName })} onClick={() => go('meal-trains', 'train', m.trainId)}>
          <Text fw={600}><FormattedMessage id={m.kind === 'meals' ? 'home.needs.meals' : 'home.needs.care'} values={{ name: <bdi>{m.recipientName}</bdi>, count: m.slots.length }} /></Text>
          <DayList dates={m.slots.map((s) => s.date)} />
        </Need>
      ))}
      {data.prayerGaps.map((g) => (
        <Need key={`gaps-${g.scheduleId}`} action={t('home.needs.gaps.action', { title: g.title })} onClick={() => go('prayer-circles', 'schedule', g.circleId, g.scheduleId)}>
          <Text fw={600}><FormattedMessage id="home.needs.gaps" values={{ title: <bdi>{g.title}</bdi>, circle: <bdi>{g.circleName}</bdi>, count: g.slots.length }} /></Text>
          <Text size="sm" c="dimmed">
            {join(g.slots.slice(0, 8).map((s) => `${days.dayOfMonth(s.date)} ${s.start}`))}
            {g.slots.length > 8 ? ` ${t('home.needs.more', { count: g.slots.length - 8 })}` : ''}
          </Text>
        </Need>
      ))}
      {data.substitutes.map((s) => (
        <Need key={`sub-${s.assignmentId}`} action={t('home.needs.substitute.action', { name: s.name })} onClick={() => go('prayer-circles', 'schedule', s.circleId, s.scheduleId)}>
          <Text fw={600}><FormattedMessage id="home.needs.substitute" values={{ name: <bdi>{s.name}</bdi>, title: <bdi>{s.title}</bdi>, day: days.long(s.date), time: s.start }} /></Text>
          {s.phone ? <Text size="sm"><PhoneText>{s.phone}</PhoneText></Text> : null}
        </Need>
      ))}
      {data.rescheduling.map((r) => (
        <Need key={`re-${r.signupId}`} action={t('home.needs.reschedule.action', { name: r.volunteerName })} onClick={() => go('meal-trains', 'train', r.trainId)}>
          <Text fw={600}><FormattedMessage id="home.needs.reschedule" values={{ name: <bdi>{r.volunteerName}</bdi>, recipient: <bdi>{r.recipientName}</bdi>, day: days.long(r.date) }} /></Text>
          {r.volunteerPhone ? <Text size="sm"><PhoneText>{r.volunteerPhone}</PhoneText></Text> : null}
        </Need>
      ))}
    </Card>
  )
}

function Contact({ name, phone }: { name: string; phone: string | null }) {
  return (
    <span className="wrap-words">
      <strong>
        <bdi>{name}</bdi>
      </strong>
      {phone ? <> · <PhoneText>{phone}</PhoneText></> : null}
    </span>
  )
}

/** A day's prayer slots, one group per vigil or rota, so a night of prayer reads as one list of hours. */
function bySchedule(prayers: PrayerHappening[]): PrayerHappening[][] {
  const groups = new Map<number, PrayerHappening[]>()
  for (const p of prayers) groups.set(p.scheduleId, [...(groups.get(p.scheduleId) ?? []), p])
  return [...groups.values()]
}

function Happening({ data }: { data: HomeView }) {
  const intl = useIntl()
  const days = useDayFormat()
  return (
    <Card title={<FormattedMessage id="home.happening.title" />}>
      {data.days.map((d) => (
        <Stack key={d.date} gap={4}>
          <Title order={3} size="h5">
            {days.long(d.date)}
          </Title>
          <ul className="home-list">
            {d.meals.map((m) => (
              <li key={`${m.trainId}-${m.meal}`}>
                <Text span size="sm">
                  <FormattedMessage id="home.happening.meal" values={{ meal: intl.formatMessage({ id: `mealTrains.meal.${m.meal}` }), recipient: <bdi>{m.recipientName}</bdi>, from: m.from, to: m.to }} />{' '}
                </Text>
                <Contact {...m.volunteer} />
                {m.dish ? <Text span size="sm" c="dimmed">{' · '}<bdi>{m.dish}</bdi></Text> : null}
              </li>
            ))}
            {bySchedule(d.prayers).map((hours) => (
              <li key={hours[0]!.scheduleId}>
                <Text span size="sm">
                  <FormattedMessage id="home.happening.prayer" values={{ title: <bdi>{hours[0]!.title}</bdi>, circle: <bdi>{hours[0]!.circleName}</bdi> }} />
                </Text>
                <ul className="home-hours">
                  {hours.map((p) => (
                    <li key={p.start}>
                      <Text span size="sm">{`${p.start}–${p.end} `}</Text>
                      {p.people.map((person, i) => (
                        <span key={i}>
                          {i > 0 ? ', ' : null}
                          <Contact {...person} />
                        </span>
                      ))}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </Stack>
      ))}
    </Card>
  )
}

function Requests({ data }: { data: HomeView }) {
  const intl = useIntl()
  const days = useDayFormat()
  return (
    <Card title={<FormattedMessage id="home.requests.title" />}>
      {data.expiringRequests.map((r) => (
        <Need
          key={r.requestId}
          action={intl.formatMessage({ id: 'home.requests.open' }, { circle: r.circleName })}
          onClick={() => go('prayer-circles', 'circle', r.circleId)}
        >
          <Text>{r.body ?? <FormattedMessage id="home.requests.private" />}</Text>
          <Text size="sm" c="dimmed">
            <bdi>{r.circleName}</bdi> · <FormattedMessage id="home.requests.until" values={{ day: days.long(r.expiresOn) }} />
          </Text>
        </Need>
      ))}
    </Card>
  )
}

function Birthdays({ data }: { data: HomeView }) {
  const days = useDayFormat()
  return (
    <Card title={<FormattedMessage id="home.birthdays.title" />}>
      <ul className="home-list">
        {data.birthdays.map((b) => (
          <li key={b.personId}>
            <FormattedMessage id="layout.labelled" values={{ label: <Text span size="sm">{days.long(b.date)}</Text>, value: <Contact name={b.name} phone={b.phone} /> }} />
          </li>
        ))}
      </ul>
    </Card>
  )
}

function BackupCard({ data }: { data: HomeView }) {
  const { lastBackupAt, due } = data.backup
  return (
    <Card title={<FormattedMessage id="home.backup.title" />}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text>
          {lastBackupAt ? (
            <FormattedMessage
              id="home.backup.last"
              values={{ when: <FormattedRelativeTime value={-Math.floor(Math.max(0, Date.now() - Date.parse(lastBackupAt)) / DAY_MS)} unit="day" numeric="auto" /> }}
            />
          ) : (
            <FormattedMessage id="home.backup.never" />
          )}{' '}
          {lastBackupAt && due ? <FormattedMessage id="home.backup.due" /> : null}
        </Text>
        {data.example ? null : (
          <Button variant={due ? 'filled' : 'default'} onClick={() => go('backup')}>
            <FormattedMessage id={due ? 'home.backup.action' : 'home.backup.open'} />
          </Button>
        )}
      </Group>
    </Card>
  )
}
