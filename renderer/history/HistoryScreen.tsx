import { Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { HistoryEntry, HistorySubjectKind } from '../../main/contract/history'
import { useHearthQuery } from '../api'
import { EmptyState, Section } from '../shell/Section'
import { useUndo } from './UndoNotices'

const KINDS: HistorySubjectKind[] = ['person', 'household', 'train', 'circle']
const PAGE = 50

/** "kind" (everything of a kind) or "kind:id" (one person, train, circle or household). */
function parseFilter(value: string | null): { kind: HistorySubjectKind | null; subject: { kind: HistorySubjectKind; id: number } | null } {
  if (!value) return { kind: null, subject: null }
  const [kind, id] = value.split(':') as [HistorySubjectKind, string | undefined]
  return id ? { kind: null, subject: { kind, id: Number(id) } } : { kind, subject: null }
}

export function HistoryScreen() {
  const intl = useIntl()
  const [filter, setFilter] = useState<string | null>(null)
  const [limit, setLimit] = useState(PAGE)
  const subjects = useHearthQuery('history.subjects', {}, { staleTime: 0 })
  const list = useHearthQuery('history.list', { ...parseFilter(filter), offset: 0, limit }, { staleTime: 0 })
  const settings = useHearthQuery('settings.get', {})
  const undo = useUndo()

  const data = [
    ...KINDS.map((kind) => ({
      group: intl.formatMessage({ id: `history.filter.group.${kind}` }),
      items: [
        { value: kind, label: intl.formatMessage({ id: `history.filter.kind.${kind}` }) },
        ...(subjects.data ?? []).filter((s) => s.kind === kind).map((s) => ({ value: `${kind}:${s.id}`, label: s.label })),
      ],
    })),
  ]
  const when = (at: string) => intl.formatDate(at, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })

  return (
    <Section
      title={intl.formatMessage({ id: 'history.title' })}
      intro={
        <>
          <FormattedMessage id="history.intro" />{' '}
          {settings.data ? <FormattedMessage id="history.kept" values={{ days: settings.data.historyDays }} /> : null}
        </>
      }
    >
      <Select
        label={intl.formatMessage({ id: 'history.filter' })}
        data={data}
        // Empty for everything, so typing a name searches at once.
        value={filter}
        placeholder={intl.formatMessage({ id: 'history.filter.everything' })}
        searchable
        clearable
        maw={420}
        onChange={(v) => {
          setFilter(v || null)
          setLimit(PAGE)
        }}
      />
      {list.error ? <Text c="red">{list.error.message}</Text> : null}
      {list.data && list.data.entries.length === 0 ? (
        <EmptyState>
          <FormattedMessage id="history.empty" />
        </EmptyState>
      ) : null}
      {list.data && list.data.entries.length > 0 ? (
        <Stack gap="sm">
          <Table striped highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={170}>
                  <FormattedMessage id="history.when" />
                </Table.Th>
                <Table.Th>
                  <FormattedMessage id="history.what" />
                </Table.Th>
                <Table.Th w={110} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.entries.map((e: HistoryEntry) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <Text size="sm">{when(e.at)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" td={e.undoneBy !== null ? 'line-through' : undefined}>
                      {e.summary}
                    </Text>
                    <Text size="xs" c="dimmed">
                      <FormattedMessage id="history.records" values={{ count: e.records }} />
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {e.undoneBy !== null ? (
                      <Badge color="gray" variant="light">
                        <FormattedMessage id="history.undone.by" />
                      </Badge>
                    ) : (
                      <Button size="compact-sm" variant="default" aria-label={intl.formatMessage({ id: 'history.undoThis' }, { summary: e.summary })} onClick={() => void undo(e.id)}>
                        <FormattedMessage id="history.undo" />
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {list.data.total > list.data.entries.length ? (
            <Group>
              <Button variant="default" onClick={() => setLimit((n) => Math.min(n + PAGE, 200))} disabled={limit >= 200}>
                <FormattedMessage id="history.more" />
              </Button>
            </Group>
          ) : null}
        </Stack>
      ) : null}
    </Section>
  )
}
