import { Alert, Button, Group, Table, Tabs } from '@mantine/core'
import { type ReactNode, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { MessageId } from '../../main/contract/i18n/en'
import { Section } from '../shell/Section'

// The pieces the prayer-circle screens (circles, one circle, a standing week, its pool) draw alike.

/** A table's column headings, and an unnamed last column for the row's buttons. */
export function ColumnHeads({ ids }: { ids: MessageId[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {ids.map((id) => (
          <Table.Th key={id}>
            <FormattedMessage id={id} />
          </Table.Th>
        ))}
        <Table.Th />
      </Table.Tr>
    </Table.Thead>
  )
}

/** "Open" on a list's row, named after the row for a screen reader ("Open Adorers"). */
export function OpenButton({ name, onOpen }: { name: string; onOpen: () => void }) {
  const intl = useIntl()
  return (
    <Button size="xs" variant="light" onClick={onOpen} aria-label={intl.formatMessage({ id: 'prayerCircles.openNamed' }, { name })}>
      <FormattedMessage id="prayerCircles.open" />
    </Button>
  )
}

/**
 * A screen's tabs (each a value and its words), the first open at the start; only the open tab's panel is drawn.
 * The panels are the children, each a <Tabs.Panel>.
 */
function ViewTabs({ tabs, children }: { tabs: [value: string, label: MessageId][]; children: ReactNode }) {
  const [tab, setTab] = useState<string | null>(tabs[0]![0])
  return (
    <Tabs value={tab} onChange={setTab} keepMounted={false}>
      <Tabs.List>
        {tabs.map(([value, label]) => (
          <Tabs.Tab key={value} value={value}>
            <FormattedMessage id={label} />
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {children}
    </Tabs>
  )
}

/**
 * One circle or one standing schedule: its title, its header buttons with the way back last, what went wrong
 * reading it, and its tabs once it has loaded (`panels`, null until then: each a <Tabs.Panel>). `children` (its
 * dialogs) come after.
 */
export function TabbedView({
  title,
  intro,
  buttons,
  back,
  onBack,
  error,
  tabs,
  panels,
  children,
}: {
  title: string
  intro?: ReactNode
  buttons: ReactNode
  back: 'prayerCircles.backToList' | 'prayerCircles.backToCircle'
  onBack: () => void
  error: { message: string } | null
  tabs: [value: string, label: MessageId][]
  panels: ReactNode
  children?: ReactNode
}) {
  return (
    <Section
      title={title}
      intro={intro}
      actions={
        <Group>
          {buttons}
          <Button variant="default" onClick={onBack}>
            <FormattedMessage id={back} />
          </Button>
        </Group>
      }
    >
      {error ? <Alert color="red">{error.message}</Alert> : null}
      {panels ? <ViewTabs tabs={tabs}>{panels}</ViewTabs> : null}
      {children}
    </Section>
  )
}

/** A one-line form (a member to choose, perhaps a date, and its button), its fields wrapping on a narrow window. */
export function InlineForm({ onSubmit, children }: { onSubmit: () => void; children: ReactNode }) {
  return (
    <form noValidate
      onSubmit={(e) => {
        e.preventDefault()
        onSubmit()
      }}
    >
      <Group align="flex-end" wrap="wrap">
        {children}
      </Group>
    </form>
  )
}
