import { Alert, Button, Group, List, Loader, Modal, PasswordInput, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useEffect, useState } from 'react'
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl'
import type { RestoreChoice } from '../../main/contract/backup'
import { useHearthMutation } from '../api'

/**
 * The chosen file is checked before anything changes: an encrypted one asks for its passphrase, then the person
 * sees when it was made and what it holds, and only an explicit confirmation replaces the data.
 */
export function RestoreDialog({ choice, onClose }: { choice: RestoreChoice | null; onClose: () => void }) {
  const intl = useIntl()
  const [passphrase, setPassphrase] = useState('')
  const inspecting = useHearthMutation('backup.inspect', [])
  const restoring = useHearthMutation('backup.restore', 'all')
  const preview = inspecting.data ?? null
  const error = restoring.error ?? inspecting.error
  const inspect = (chosen: RestoreChoice, withPassphrase: string | null) => {
    restoring.reset()
    inspecting.mutate({ token: chosen.token, passphrase: withPassphrase })
  }

  useEffect(() => {
    setPassphrase('')
    inspecting.reset()
    restoring.reset()
    if (choice && !choice.encrypted) inspect(choice, null)
  }, [choice])

  const restore = () => {
    if (!choice) return
    restoring.mutate(
      { token: choice.token, passphrase: choice.encrypted ? passphrase : null },
      {
        onSuccess: (done) => {
          notifications.show({
            message: intl.formatMessage({ id: 'backup.restore.done' }, { fileName: done.fileName, path: done.safetyCopyPath }),
            color: 'green',
            autoClose: 10_000,
          })
          onClose()
        },
      },
    )
  }

  const c = preview?.contents
  return (
    <Modal
      opened={choice !== null}
      onClose={onClose}
      size="lg"
      title={choice ? intl.formatMessage({ id: 'backup.restore.dialog' }, { fileName: choice.fileName }) : ''}
      closeButtonProps={{ 'aria-label': intl.formatMessage({ id: 'app.close' }) }}
    >
      <Stack gap="md">
        {choice?.encrypted && !preview ? (
          <form noValidate
            onSubmit={(e) => {
              e.preventDefault()
              inspect(choice, passphrase)
            }}
          >
            <Stack gap="sm">
              <PasswordInput
                label={intl.formatMessage({ id: 'backup.restore.passphrase' })}
                value={passphrase}
                autoComplete="off"
                data-autofocus
                error={error?.fields.passphrase}
                onChange={(e) => setPassphrase(e.currentTarget.value)}
              />
              <Group>
                <Button type="submit" loading={inspecting.isPending}>
                  <FormattedMessage id="backup.restore.open" />
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
        {inspecting.isPending && !choice?.encrypted ? (
          <Group>
            <Loader size="sm" />
            <Text>
              <FormattedMessage id="backup.restore.checking" />
            </Text>
          </Group>
        ) : null}
        {error && !error.fields.passphrase ? (
          <Alert color="red" role="alert">
            {error.message}
          </Alert>
        ) : null}
        {preview && c ? (
          <Stack gap="sm">
            <Text fw={600}>
              {c.madeAt ? (
                <FormattedMessage
                  id="backup.restore.madeAt"
                  values={{ when: <FormattedDate value={c.madeAt} dateStyle="full" timeStyle="short" /> }}
                />
              ) : (
                <FormattedMessage id="backup.restore.madeUnknown" />
              )}
            </Text>
            <Text>
              <FormattedMessage id="backup.restore.contents" />
            </Text>
            <List>
              <List.Item>
                <FormattedMessage id="backup.restore.people" values={{ count: c.people }} />
              </List.Item>
              <List.Item>
                <FormattedMessage id="backup.restore.households" values={{ count: c.households }} />
              </List.Item>
              <List.Item>
                <FormattedMessage id="backup.restore.mealTrains" values={{ count: c.mealTrains }} />
              </List.Item>
              <List.Item>
                <FormattedMessage id="backup.restore.prayerCircles" values={{ count: c.prayerCircles }} />
              </List.Item>
            </List>
            {preview.verified ? null : (
              <Alert color="orange" role="note">
                <Text fw={700} size="sm">
                  <FormattedMessage id="backup.restore.unsealed.title" />
                </Text>
                <Text size="sm">
                  <FormattedMessage id="backup.restore.unsealed" />
                </Text>
              </Alert>
            )}
            {preview.needsUpdate ? (
              <Text size="sm">
                <FormattedMessage id="backup.restore.older" />
              </Text>
            ) : null}
            <Alert color="orange">
              <FormattedMessage id="backup.restore.warning" />
            </Alert>
            <Group>
              <Button color="red" onClick={restore} loading={restoring.isPending}>
                <FormattedMessage id="backup.restore.confirm" />
              </Button>
              <Button variant="default" onClick={onClose} disabled={restoring.isPending}>
                <FormattedMessage id="app.cancel" />
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </Modal>
  )
}
