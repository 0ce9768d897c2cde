import { Alert, Card, Group, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { PrintRequest } from '../../main/contract/print'
import { useHearthQuery } from '../api'
import { BirthdaysRow } from '../reach/BirthdaysRow'
import { Section } from '../shell/Section'
import { PrintButton } from './PrintButton'

function DocumentRow({ request, name, help }: { request: PrintRequest; name: ReactNode; help: ReactNode }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="md">
      <Text size="sm" c="dimmed">
        {help}
      </Text>
      <PrintButton request={request} miw={260}>
        {name}
      </PrintButton>
    </Group>
  )
}

function DocumentGroup({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  )
}

function DateRange({ from, to }: { from: string; to: string }) {
  const intl = useIntl()
  // Calendar days: formatted at UTC midnight so the day shown is the day stored.
  return <>{intl.formatDateTimeRange(new Date(`${from}T00:00:00Z`), new Date(`${to}T00:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' })}</>
}

/** One item (a train, a circle) with its documents as buttons, grouped under its name for screen readers. */
function ItemRow({ name, detail, children }: { name: string; detail?: ReactNode; children: ReactNode }) {
  return (
    <Group justify="space-between" wrap="wrap" gap="sm" role="group" aria-label={name}>
      <Stack gap={0}>
        <Text fw={600}>{name}</Text>
        {detail ? (
          <Text size="sm" c="dimmed">
            {detail}
          </Text>
        ) : null}
      </Stack>
      <Group gap="xs">{children}</Group>
    </Group>
  )
}

function MealTrainDocuments() {
  const trains = useHearthQuery('mealTrains.list', { includeArchived: false })
  if (trains.error) return <Alert color="red">{trains.error.message}</Alert>
  if (!trains.data) return null
  if (!trains.data.length)
    return (
      <Text size="sm" c="dimmed">
        <FormattedMessage id="print.mealTrains.none" />
      </Text>
    )
  return (
    <>
      {trains.data.map((t) => (
        <ItemRow key={t.id} name={t.recipientName} detail={<DateRange from={t.startsOn} to={t.endsOn} />}>
          <PrintButton request={{ document: 'mealTrainSheet', trainId: t.id }}>
            <FormattedMessage id="print.document.mealTrainSheet" />
          </PrintButton>
          <PrintButton request={{ document: 'mealTrainCalendar', trainId: t.id }}>
            <FormattedMessage id="print.document.mealTrainCalendar" />
          </PrintButton>
          <PrintButton request={{ document: 'mealTrainFamily', trainId: t.id }}>
            <FormattedMessage id="print.document.mealTrainFamily" />
          </PrintButton>
        </ItemRow>
      ))}
    </>
  )
}

function CircleDocuments({ circleId, name }: { circleId: number; name: string }) {
  const intl = useIntl()
  const circle = useHearthQuery('prayerCircles.get', { circleId })
  return (
    <Stack gap={6}>
      <ItemRow name={name}>
        <PrintButton request={{ document: 'prayerCircle', circleId }}>
          <FormattedMessage id="print.document.prayerCircle" />
        </PrintButton>
      </ItemRow>
      {circle.data?.schedules.map((sc) => (
        <ItemRow key={sc.id} name={intl.formatMessage({ id: 'print.schedule.name' }, { circle: name, title: sc.title })}>
          <PrintButton request={{ document: 'prayerSheet', scheduleId: sc.id }}>
            <FormattedMessage id="print.document.prayerSheet" />
          </PrintButton>
        </ItemRow>
      ))}
    </Stack>
  )
}

function PrayerDocuments() {
  const circles = useHearthQuery('prayerCircles.list', {})
  if (circles.error) return <Alert color="red">{circles.error.message}</Alert>
  if (!circles.data) return null
  if (!circles.data.length)
    return (
      <Text size="sm" c="dimmed">
        <FormattedMessage id="print.prayerCircles.none" />
      </Text>
    )
  return (
    <>
      {circles.data.map((c) => (
        <CircleDocuments key={c.id} circleId={c.id} name={c.name} />
      ))}
    </>
  )
}

export function PrintScreen() {
  const intl = useIntl()
  const settings = useHearthQuery('settings.get', {})
  const paper = settings.data?.paperSize
  return (
    <Section title={intl.formatMessage({ id: 'nav.print' })} intro={<FormattedMessage id="print.intro" />}>
      <Stack maw={900} gap="md">
        <DocumentGroup title={<FormattedMessage id="print.members" />}>
          <DocumentRow request={{ document: 'directory' }} name={<FormattedMessage id="print.document.directory" />} help={<FormattedMessage id="print.document.directory.help" />} />
          <DocumentRow
            request={{ document: 'mailingLabels', options: { sheet: paper === 'Letter' ? '5160' : 'L7160' } }}
            name={<FormattedMessage id="print.document.mailingLabels" />}
            help={<FormattedMessage id="print.document.mailingLabels.help" />}
          />
          <DocumentRow request={{ document: 'phoneList' }} name={<FormattedMessage id="print.document.phoneList" />} help={<FormattedMessage id="print.document.phoneList.help" />} />
          <BirthdaysRow />
        </DocumentGroup>
        <DocumentGroup title={<FormattedMessage id="print.mealTrains" />}>
          <Text size="sm" c="dimmed">
            <FormattedMessage id="print.document.mealTrainSheet.help" /> <FormattedMessage id="print.document.mealTrainCalendar.help" />{' '}
            <FormattedMessage id="print.document.mealTrainFamily.help" />
          </Text>
          <MealTrainDocuments />
        </DocumentGroup>
        <DocumentGroup title={<FormattedMessage id="print.prayerCircles" />}>
          <Text size="sm" c="dimmed">
            <FormattedMessage id="print.document.prayerCircle.help" /> <FormattedMessage id="print.document.prayerSheet.help" />
          </Text>
          <PrayerDocuments />
        </DocumentGroup>
      </Stack>
    </Section>
  )
}
