import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { FormattedMessage, useIntl } from 'react-intl'
import { useHearthMutation, useHearthQuery } from '../api'

const REFRESH = ['members', 'households']

/** Asks before deleting and says what else refers to the person; Undo is offered afterwards, as for every delete. */
export function DeleteDialog({ id, onClose }: { id: number | null; onClose: (deleted: boolean) => void }) {
  const intl = useIntl()
  const client = useQueryClient()
  const check = useHearthQuery('members.deleteCheck', { id: id ?? 1 }, { enabled: id !== null, staleTime: 0, gcTime: 0 })
  // Refreshed by hand once the dialog has closed: refreshing with it open would ask again what refers to someone
  // who is gone, and show that failure for a moment.
  const remove = useHearthMutation('members.delete', [])
  const archive = useHearthMutation('members.archive', REFRESH)
  const c = id !== null ? check.data : undefined

  const refresh = () =>
    client.invalidateQueries({ predicate: (q) => typeof q.queryKey[0] === 'string' && REFRESH.some((a) => (q.queryKey[0] as string).startsWith(`${a}.`)) })

  // The notification with Undo comes from the history (renderer/history/UndoNotices.tsx), as for every delete.
  const confirm = () => {
    if (id === null) return
    remove.mutate(
      { id },
      {
        onSuccess: () => {
          onClose(true)
          void refresh()
        },
      },
    )
  }

  return (
    <Modal opened={id !== null} onClose={() => onClose(false)} title={c ? intl.formatMessage({ id: 'members.delete.title' }, { name: c.name }) : ''}>
      {check.error ? <Alert color="red">{check.error.message}</Alert> : null}
      {c ? (
        <Stack gap="sm">
          <Text size="sm">
            <FormattedMessage id="members.delete.intro" values={{ name: c.name }} />
          </Text>
          {c.references.length === 0 ? (
            <Text size="sm">
              <FormattedMessage id="members.delete.nothing" />
            </Text>
          ) : (
            <>
              <Text size="sm" fw={600}>
                <FormattedMessage id="members.delete.refs" />
              </Text>
              <List size="sm">
                {c.references.map((r) => (
                  <List.Item key={`${r.table}-${r.effect}`}>
                    <FormattedMessage id={`members.delete.ref.${r.effect}`} values={{ count: r.count, label: intl.formatMessage({ id: 'members.delete.what' }, { table: r.table, label: r.label }) }} />
                  </List.Item>
                ))}
              </List>
            </>
          )}
          {c.headOf ? (
            <Text size="sm">
              <FormattedMessage id="members.delete.head" values={{ household: c.headOf }} />
            </Text>
          ) : null}
          {!c.canDelete ? (
            <Alert color="yellow">
              <FormattedMessage id="members.delete.blocked" />
            </Alert>
          ) : null}
          {remove.error || archive.error ? <Alert color="red">{(remove.error ?? archive.error)?.message}</Alert> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => onClose(false)}>
              <FormattedMessage id="app.cancel" />
            </Button>
            <Button variant="default" loading={archive.isPending} onClick={() => archive.mutate({ id: c.id }, { onSuccess: () => onClose(false) })}>
              <FormattedMessage id="members.delete.archiveInstead" />
            </Button>
            <Button color="red" disabled={!c.canDelete} loading={remove.isPending} onClick={confirm}>
              <FormattedMessage id="members.delete.confirm" />
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  )
}
