import { Alert, Button, Group, List, Loader, Modal, PasswordInput, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl'
import type { RestoreChoice, RestorePreview } from '../../main/contract/backup'
import { call, type HearthCallError } from '../api'

/**
 * The chosen file is checked before anything changes: an encrypted one asks for its passphrase, then the person
 * sees when it was made and what it holds, and only an explicit confirmation replaces the data.
 */
export function RestoreDialog({ choice, onClose }: { choice: RestoreChoice | null; onClose: () => void }) {
  const intl = useIntl()
  const client = useQueryClient()
  const [passphrase, setPassphrase] = useState('')
  const [preview, setPreview] = useState<RestorePreview | null>(null)
  const [busy, setBusy] = useState<'inspect' | 'restore' | null>(null)
  const [error, setError] = useState<HearthCallError | null>(null)

  const inspect = async (chosen: RestoreChoice, withPassphrase: string | null) => {
    setBusy('inspect')
    setError(null)
    try {
      setPreview(await call('backup.inspect', { token: chosen.token, passphrase: withPassphrase }))
    } catch (err) {
      setError(err as HearthCallError)
    } finally {
      setBusy(null)
    }
  }

  useEffect(() => {
    setPassphrase('')
    setPreview(null)
    setError(null)
    if (choice && !choice.encrypted) void inspect(choice, null)
  }, [choice])

  const restore = async () => {
    if (!choice) return
    setBusy('restore')
    setError(null)
    try {
      const done = await call('backup.restore', { token: choice.token, passphrase: choice.encrypted ? passphrase : null })
      await client.invalidateQueries()
      notifications.show({
        message: intl.formatMessage({ id: 'backup.restore.done' }, { fileName: done.fileName, path: done.safetyCopyPath }),
        color: 'green',
        autoClose: 10_000,
      })
      onClose()
    } catch (err) {
      setError(err as HearthCallError)
    } finally {
      setBusy(null)
    }
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
          <form
            onSubmit={(e) => {
              e.preventDefault()
              void inspect(choice, passphrase)
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
                <Button type="submit" loading={busy === 'inspect'}>
                  <FormattedMessage id="backup.restore.open" />
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
        {busy === 'inspect' && !choice?.encrypted ? (
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
              <Button color="red" onClick={() => void restore()} loading={busy === 'restore'}>
                <FormattedMessage id="backup.restore.confirm" />
              </Button>
              <Button variant="default" onClick={onClose} disabled={busy === 'restore'}>
                <FormattedMessage id="app.cancel" />
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </Modal>
  )
}
