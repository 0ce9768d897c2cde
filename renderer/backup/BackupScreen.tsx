import { Alert, Button, Checkbox, Code, Group, NumberInput, Paper, PasswordInput, Stack, Switch, Table, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { FormattedDate, FormattedMessage, FormattedNumber, useIntl } from 'react-intl'
import type { BackupDone, RestoreChoice } from '../../main/contract/backup'
import { useHearthMutation, useHearthQuery } from '../api'
import { Section } from '../shell/Section'
import { RecoverySheetDialog } from './RecoverySheetDialog'
import { RestoreDialog } from './RestoreDialog'

const REFRESH = ['backup', 'app', 'settings']

export function BackupScreen() {
  const intl = useIntl()
  const status = useHearthQuery('backup.status', {}, { staleTime: 0 })
  const chooseFolder = useHearthMutation('backup.chooseFolder', REFRESH)
  const [restoreChoice, setRestoreChoice] = useState<RestoreChoice | null>(null)
  const chooseRestoreFile = useHearthMutation('backup.chooseRestoreFile', [])
  const pickBackup = () => chooseRestoreFile.mutate({}, { onSuccess: setRestoreChoice })

  return (
    <Section title={intl.formatMessage({ id: 'nav.backup' })} intro={<FormattedMessage id="backup.intro" />}>
      <Paper withBorder p="md" radius="md" maw={760} component="section" aria-labelledby="backup-folder-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="backup-folder-title">
            <FormattedMessage id="backup.folder.title" />
          </Title>
          {status.data?.folder ? (
            <>
              <Code block>{status.data.folder}</Code>
              <Text size="sm" c={status.data.folderPresent ? 'green.8' : 'orange.8'}>
                <FormattedMessage id={status.data.folderPresent ? 'backup.folder.present' : 'backup.folder.missing'} />
              </Text>
            </>
          ) : (
            <Text c="dimmed">
              <FormattedMessage id="backup.folder.none" />
            </Text>
          )}
          {chooseFolder.error ? <Alert color="red">{chooseFolder.error.message}</Alert> : null}
          <Group>
            <Button variant="default" onClick={() => chooseFolder.mutate({})} loading={chooseFolder.isPending}>
              <FormattedMessage id={status.data?.folder ? 'backup.folder.change' : 'backup.folder.choose'} />
            </Button>
          </Group>
        </Stack>
      </Paper>

      <BackUpNow />

      <Paper withBorder p="md" radius="md" maw={760} component="section" aria-labelledby="backup-restore-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="backup-restore-title">
            <FormattedMessage id="backup.restore.title" />
          </Title>
          <Text size="sm">
            <FormattedMessage id="backup.restore.intro" />
          </Text>
          {chooseRestoreFile.error ? (
            <Alert color="red" role="alert">
              {chooseRestoreFile.error.message}
            </Alert>
          ) : null}
          <Group>
            <Button variant="default" onClick={pickBackup} loading={chooseRestoreFile.isPending}>
              <FormattedMessage id="backup.restore.choose" />
            </Button>
          </Group>
        </Stack>
      </Paper>
      <RestoreDialog choice={restoreChoice} onClose={() => setRestoreChoice(null)} />

      <BackupOptions />

      {status.data?.folderPresent ? (
        <Paper withBorder p="md" radius="md" maw={760} component="section" aria-labelledby="backup-list-title">
          <Stack gap="sm">
            <Title order={2} size="h4" id="backup-list-title">
              <FormattedMessage id="backup.list.title" />
            </Title>
            {status.data.backups.length === 0 ? (
              <Text c="dimmed">
                <FormattedMessage id="backup.list.none" />
              </Text>
            ) : (
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>
                      <FormattedMessage id="backup.list.file" />
                    </Table.Th>
                    <Table.Th>
                      <FormattedMessage id="backup.list.made" />
                    </Table.Th>
                    <Table.Th>
                      <FormattedMessage id="backup.list.locked" />
                    </Table.Th>
                    <Table.Th>
                      <FormattedMessage id="backup.list.size" />
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {status.data.backups.map((b) => (
                    <Table.Tr key={b.fileName}>
                      <Table.Td>{b.fileName}</Table.Td>
                      <Table.Td>{b.madeAt ? <FormattedDate value={b.madeAt} dateStyle="medium" timeStyle="short" /> : null}</Table.Td>
                      <Table.Td>
                        <FormattedMessage id={b.encrypted ? 'backup.list.yes' : 'backup.list.no'} />
                      </Table.Td>
                      <Table.Td>
                        <FormattedNumber value={b.bytes / 1024} style="unit" unit="kilobyte" maximumFractionDigits={0} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        </Paper>
      ) : null}
    </Section>
  )
}

function BackUpNow() {
  const intl = useIntl()
  const [encrypt, setEncrypt] = useState(true)
  const [passphrase, setPassphrase] = useState('')
  const [confirm, setConfirm] = useState('')
  const [mismatch, setMismatch] = useState(false)
  const [done, setDone] = useState<BackupDone | null>(null)
  const [sheetOpen, setSheetOpen] = useState(false)
  const run = useHearthMutation('backup.run', REFRESH)

  const submit = () => {
    setDone(null)
    if (encrypt && passphrase !== confirm) {
      setMismatch(true)
      return
    }
    setMismatch(false)
    run.mutate(
      { passphrase: encrypt ? passphrase : null },
      {
        onSuccess: (result) => {
          setDone(result)
          if (result) notifications.show({ message: intl.formatMessage({ id: 'backup.now.done' }, { fileName: result.fileName }), color: 'green' })
        },
      },
    )
  }

  return (
    <Paper withBorder p="md" radius="md" maw={760} component="section" aria-labelledby="backup-now-title">
      <form noValidate
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4" id="backup-now-title">
            <FormattedMessage id="backup.now.title" />
          </Title>
          <Checkbox
            label={intl.formatMessage({ id: 'backup.now.encrypt' })}
            description={intl.formatMessage({ id: 'backup.now.encrypt.help' })}
            checked={encrypt}
            onChange={(e) => setEncrypt(e.currentTarget.checked)}
          />
          {encrypt ? (
            <>
              <PasswordInput
                label={intl.formatMessage({ id: 'backup.now.passphrase' })}
                description={intl.formatMessage({ id: 'backup.now.passphrase.help' })}
                value={passphrase}
                autoComplete="new-password"
                error={run.error?.fields.passphrase}
                onChange={(e) => setPassphrase(e.currentTarget.value)}
              />
              <PasswordInput
                label={intl.formatMessage({ id: 'backup.now.confirm' })}
                value={confirm}
                autoComplete="new-password"
                error={mismatch ? intl.formatMessage({ id: 'backup.now.mismatch' }) : undefined}
                onChange={(e) => setConfirm(e.currentTarget.value)}
              />
            </>
          ) : null}
          {run.error && !run.error.fields.passphrase ? (
            <Alert color="red" role="alert">
              {run.error.message}
            </Alert>
          ) : null}
          {done ? (
            <Alert color="green" role="status">
              <FormattedMessage id="backup.now.done" values={{ fileName: done.fileName }} />{' '}
              {done.removed.length > 0 ? <FormattedMessage id="backup.now.removed" values={{ count: done.removed.length }} /> : null}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={run.isPending}>
              <FormattedMessage id="backup.now.button" />
            </Button>
            {encrypt ? (
              <Button variant="subtle" onClick={() => setSheetOpen(true)}>
                <FormattedMessage id="backup.sheet.button" />
              </Button>
            ) : null}
          </Group>
        </Stack>
      </form>
      <RecoverySheetDialog passphrase={passphrase} opened={sheetOpen} onClose={() => setSheetOpen(false)} />
    </Paper>
  )
}

function BackupOptions() {
  const intl = useIntl()
  const settings = useHearthQuery('settings.get', {})
  const update = useHearthMutation('settings.update', REFRESH)
  const client = useQueryClient()
  const [keep, setKeep] = useState<number | string>(10)
  const [reminder, setReminder] = useState<number | string>(7)
  const [onQuit, setOnQuit] = useState(false)

  useEffect(() => {
    if (!settings.data) return
    setKeep(settings.data.backupKeep)
    setReminder(settings.data.backupReminderDays)
    setOnQuit(settings.data.backupOnQuit)
  }, [settings.data])

  return (
    <Paper withBorder p="md" radius="md" maw={760} component="section" aria-labelledby="backup-options-title">
      <form noValidate
        onSubmit={(e) => {
          e.preventDefault()
          update.mutate(
            { backupKeep: Number(keep), backupReminderDays: Number(reminder), backupOnQuit: onQuit },
            {
              onSuccess: () => {
                void client.invalidateQueries()
                notifications.show({ message: intl.formatMessage({ id: 'app.saved' }), color: 'green' })
              },
            },
          )
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4" id="backup-options-title">
            <FormattedMessage id="backup.options.title" />
          </Title>
          {update.error && Object.keys(update.error.fields).length === 0 ? <Alert color="red">{update.error.message}</Alert> : null}
          <NumberInput
            label={intl.formatMessage({ id: 'backup.options.keep' })}
            description={intl.formatMessage({ id: 'backup.options.keep.help' })}
            min={1}
            max={100}
            allowDecimal={false}
            value={keep}
            error={update.error?.fields.backupKeep}
            onChange={setKeep}
            maw={440}
          />
          <NumberInput
            label={intl.formatMessage({ id: 'backup.options.reminder' })}
            min={1}
            max={365}
            allowDecimal={false}
            value={reminder}
            error={update.error?.fields.backupReminderDays}
            onChange={setReminder}
            maw={440}
          />
          <Switch
            label={intl.formatMessage({ id: 'backup.options.onQuit' })}
            description={intl.formatMessage({ id: 'backup.options.onQuit.help' })}
            checked={onQuit}
            onChange={(e) => setOnQuit(e.currentTarget.checked)}
          />
          <Group>
            <Button type="submit" variant="default" loading={update.isPending}>
              <FormattedMessage id="backup.options.save" />
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}
