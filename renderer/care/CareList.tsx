import { Stack, Table, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { FormattedMessage } from 'react-intl'
import type { MessageId } from '../../main/contract/i18n/en'
import { EmptyState } from '../shell/Section'

/**
 * One titled list of the Asks and offers screen: its heading names the table, a plain sentence stands in for an
 * empty list once it has loaded, and the last column holds the row's buttons. What a row says is the caller's.
 */
export function CareList<T extends { id: number }>({
  headingId,
  title,
  empty,
  columns,
  list,
  cells,
  actions,
}: {
  headingId: string
  title: MessageId
  empty: MessageId
  /** The headings of the columns before the actions column, each a column of `cells`. */
  columns: MessageId[]
  list: { isSuccess: boolean; data?: T[] }
  cells: (item: T) => ReactNode[]
  actions: (item: T) => ReactNode
}) {
  return (
    <Stack gap="xs">
      <Title order={2} size="h3" id={headingId}>
        <FormattedMessage id={title} />
      </Title>
      {list.isSuccess && list.data?.length === 0 ? (
        <EmptyState>
          <FormattedMessage id={empty} />
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={0}>
          <Table aria-labelledby={headingId} striped>
            <Table.Thead>
              <Table.Tr>
                {[...columns, 'care.col.actions' as const].map((id) => (
                  <Table.Th key={id}>
                    <FormattedMessage id={id} />
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(list.data ?? []).map((item) => (
                <Table.Tr key={item.id}>
                  {cells(item).map((cell, i) => (
                    <Table.Td key={columns[i]} className="wrap-words">
                      {cell}
                    </Table.Td>
                  ))}
                  <Table.Td>{actions(item)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  )
}
