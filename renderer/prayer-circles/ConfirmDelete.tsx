import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { FormattedMessage } from 'react-intl'

/** Asks before deleting for good; the danger button is not focused first, so Enter alone never deletes. */
export function ConfirmDelete(props: {
  opened: boolean
  title: string
  children: ReactNode
  confirmLabel: string
  pending: boolean
  error: string | null
  onConfirm: () => void
  onClose: () => void
}) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title}>
      <Stack>
        {props.error ? <Alert color="red">{props.error}</Alert> : null}
        <Text>{props.children}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose} data-autofocus>
            <FormattedMessage id="app.cancel" />
          </Button>
          <Button color="red" loading={props.pending} onClick={props.onConfirm}>
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
