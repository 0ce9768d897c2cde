import { Alert, Button, Checkbox, Fieldset, Group, Modal, NumberInput, PasswordInput, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQueryClient } from '@tanstack/react-query'
import { type FormEvent, type ReactNode, useEffect, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { IDLE_MINUTES, type LockStatus } from '../../main/contract/lock'
import { call, type HearthCallError } from '../api'
import { RecoverySheet } from './RecoverySheet'
import { useLockNow, useLockStatus } from './status'

type Dialog = 'set' | 'change' | 'remove' | null

/** Settings' card for the passphrase: offered, recommended, never forced, with the cost of losing it said first. */
export function LockSettings() {
  const intl = useIntl()
  const status = useLockStatus()
  const lockNow = useLockNow()
  const [dialog, setDialog] = useState<Dialog>(null)
  if (!status.data) return null
  const { encrypted } = status.data
  return (
    <Fieldset legend={intl.formatMessage({ id: 'lock.settings.title' })} maw={560} mt="xl">
      <Stack gap="sm">
        <Text>
          <FormattedMessage id={encrypted ? 'lock.settings.on' : 'lock.settings.off'} />
        </Text>
        <Alert color="orange">
          <FormattedMessage id="lock.settings.warning" />
        </Alert>
        {encrypted ? (
          <>
            <IdleMinutes status={status.data} />
            <Group>
              <Button variant="default" onClick={lockNow}>
                <FormattedMessage id="lock.now" />
              </Button>
              <Button variant="default" onClick={() => setDialog('change')}>
                <FormattedMessage id="lock.settings.change" />
              </Button>
              <Button variant="subtle" color="red" onClick={() => setDialog('remove')}>
                <FormattedMessage id="lock.settings.remove" />
              </Button>
            </Group>
          </>
        ) : (
          <Group>
            <Button onClick={() => setDialog('set')}>
              <FormattedMessage id="lock.settings.set" />
            </Button>
          </Group>
        )}
      </Stack>
      <SetPassphraseDialog opened={dialog === 'set'} onClose={() => setDialog(null)} />
      <ChangePassphraseDialog opened={dialog === 'change'} onClose={() => setDialog(null)} />
      <RemovePassphraseDialog opened={dialog === 'remove'} onClose={() => setDialog(null)} />
    </Fieldset>
  )
}

function IdleMinutes({ status }: { status: LockStatus }) {
  const intl = useIntl()
  const client = useQueryClient()
  const [minutes, setMinutes] = useState<number | string>(status.idleMinutes)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => setMinutes(status.idleMinutes), [status.idleMinutes])
  const save = async () => {
    if (minutes === status.idleMinutes) return
    try {
      const next = await call('lock.setIdleMinutes', { minutes: Number(minutes) })
      setError(null)
      client.setQueryData(['lock.status', {}], next)
      notifications.show({ message: intl.formatMessage({ id: 'lock.settings.idleSaved' }, { minutes: next.idleMinutes }), color: 'green' })
    } catch (err) {
      setError((err as HearthCallError).fields.minutes ?? (err as HearthCallError).message)
    }
  }
  return (
    <NumberInput
      label={intl.formatMessage({ id: 'lock.settings.idle' })}
      min={IDLE_MINUTES.min}
      max={IDLE_MINUTES.max}
      allowDecimal={false}
      w={200}
      value={minutes}
      error={error}
      onChange={setMinutes}
      onBlur={() => void save()}
      onKeyDown={(e) => {
        if (e.key === 'Enter') void save()
      }}
    />
  )
}

/** A dialog's form: one submit at a time (a double click rewrites nothing twice), its error shown above the buttons. */
function useSubmit(run: () => Promise<void>) {
  const [pending, setPending] = useState(false)
  const [failure, setFailure] = useState<HearthCallError | null>(null)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (pending) return
    setPending(true)
    setFailure(null)
    try {
      await run()
    } catch (err) {
      setFailure(err as HearthCallError)
    } finally {
      setPending(false)
    }
  }
  return { pending, failure, submit, reset: () => setFailure(null) }
}

function DialogForm({ title, opened, onClose, pending, children }: { title: string; opened: boolean; onClose: () => void; pending: boolean; children: ReactNode }) {
  return (
    <Modal opened={opened} onClose={() => (pending ? undefined : onClose())} title={title} size="lg" closeOnClickOutside={!pending} closeOnEscape={!pending}>
      {children}
    </Modal>
  )
}

function SetPassphraseDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const intl = useIntl()
  const client = useQueryClient()
  const [passphrase, setPassphrase] = useState('')
  const [confirmation, setConfirmation] = useState('')
  const [understood, setUnderstood] = useState(false)
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null)
  const form = useSubmit(async () => {
    const done = await call('lock.setPassphrase', { passphrase, confirmation })
    setPassphrase('')
    setConfirmation('')
    setRecoveryKey(done.recoveryKey)
    client.setQueryData(['lock.status', {}], done.status)
  })
  const close = () => {
    setPassphrase('')
    setConfirmation('')
    setUnderstood(false)
    setRecoveryKey(null)
    form.reset()
    onClose()
  }
  return (
    <DialogForm title={intl.formatMessage({ id: recoveryKey ? 'lock.sheet.title' : 'lock.dialog.setTitle' })} opened={opened} onClose={close} pending={form.pending}>
      {recoveryKey ? (
        <RecoverySheet recoveryKey={recoveryKey} onDone={close} />
      ) : (
        <form noValidate onSubmit={(e) => void form.submit(e)}>
          <Stack gap="md">
            <Alert color="orange">
              <FormattedMessage id="lock.settings.warning" />
            </Alert>
            <PasswordInput
              label={intl.formatMessage({ id: 'lock.dialog.passphrase' })}
              description={intl.formatMessage({ id: 'validation.lock.passphraseShort' })}
              value={passphrase}
              autoComplete="new-password"
              data-autofocus
              error={form.failure?.fields.passphrase}
              onChange={(e) => setPassphrase(e.currentTarget.value)}
            />
            <PasswordInput
              label={intl.formatMessage({ id: 'lock.dialog.confirmation' })}
              value={confirmation}
              autoComplete="new-password"
              error={form.failure?.fields.confirmation}
              onChange={(e) => setConfirmation(e.currentTarget.value)}
            />
            <Checkbox label={intl.formatMessage({ id: 'lock.dialog.understand' })} checked={understood} onChange={(e) => setUnderstood(e.currentTarget.checked)} />
            {form.failure && Object.keys(form.failure.fields).length === 0 ? <Alert color="red">{form.failure.message}</Alert> : null}
            {form.pending ? (
              <Text size="sm" role="status">
                <FormattedMessage id="lock.dialog.working" />
              </Text>
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={close} disabled={form.pending}>
                <FormattedMessage id="app.cancel" />
              </Button>
              <Button type="submit" loading={form.pending} disabled={!understood || passphrase === ''}>
                <FormattedMessage id="lock.dialog.setButton" />
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </DialogForm>
  )
}

function ChangePassphraseDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const intl = useIntl()
  const [current, setCurrent] = useState('')
  const [passphrase, setPassphrase] = useState('')
  const [confirmation, setConfirmation] = useState('')
  const close = () => {
    setCurrent('')
    setPassphrase('')
    setConfirmation('')
    form.reset()
    onClose()
  }
  const form = useSubmit(async () => {
    await call('lock.changePassphrase', { current, passphrase, confirmation })
    notifications.show({ message: intl.formatMessage({ id: 'lock.changed' }), color: 'green' })
    close()
  })
  return (
    <DialogForm title={intl.formatMessage({ id: 'lock.dialog.changeTitle' })} opened={opened} onClose={close} pending={form.pending}>
      <form noValidate onSubmit={(e) => void form.submit(e)}>
        <Stack gap="md">
          <PasswordInput label={intl.formatMessage({ id: 'lock.dialog.current' })} value={current} autoComplete="current-password" data-autofocus error={form.failure?.fields.current} onChange={(e) => setCurrent(e.currentTarget.value)} />
          <PasswordInput
            label={intl.formatMessage({ id: 'lock.dialog.passphrase' })}
            value={passphrase}
            autoComplete="new-password"
            error={form.failure?.fields.passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
          />
          <PasswordInput
            label={intl.formatMessage({ id: 'lock.dialog.confirmation' })}
            value={confirmation}
            autoComplete="new-password"
            error={form.failure?.fields.confirmation}
            onChange={(e) => setConfirmation(e.currentTarget.value)}
          />
          {form.failure && Object.keys(form.failure.fields).length === 0 ? <Alert color="red">{form.failure.message}</Alert> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={form.pending}>
              <FormattedMessage id="app.cancel" />
            </Button>
            <Button type="submit" loading={form.pending}>
              <FormattedMessage id="lock.dialog.changeButton" />
            </Button>
          </Group>
        </Stack>
      </form>
    </DialogForm>
  )
}

function RemovePassphraseDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const intl = useIntl()
  const client = useQueryClient()
  const [current, setCurrent] = useState('')
  const close = () => {
    setCurrent('')
    form.reset()
    onClose()
  }
  const form = useSubmit(async () => {
    const next = await call('lock.removePassphrase', { current })
    client.setQueryData(['lock.status', {}], next)
    notifications.show({ message: intl.formatMessage({ id: 'lock.removed' }), color: 'green' })
    close()
  })
  return (
    <DialogForm title={intl.formatMessage({ id: 'lock.dialog.removeTitle' })} opened={opened} onClose={close} pending={form.pending}>
      <form noValidate onSubmit={(e) => void form.submit(e)}>
        <Stack gap="md">
          <Text>
            <FormattedMessage id="lock.dialog.removeIntro" />
          </Text>
          <PasswordInput label={intl.formatMessage({ id: 'lock.dialog.current' })} value={current} autoComplete="current-password" data-autofocus error={form.failure?.fields.current} onChange={(e) => setCurrent(e.currentTarget.value)} />
          {form.failure && Object.keys(form.failure.fields).length === 0 ? <Alert color="red">{form.failure.message}</Alert> : null}
          {form.pending ? (
            <Text size="sm" role="status">
              <FormattedMessage id="lock.dialog.working" />
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={form.pending}>
              <FormattedMessage id="app.cancel" />
            </Button>
            <Button type="submit" color="red" loading={form.pending}>
              <FormattedMessage id="lock.dialog.removeButton" />
            </Button>
          </Group>
        </Stack>
      </form>
    </DialogForm>
  )
}
