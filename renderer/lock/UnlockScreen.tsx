import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { LockStatus } from '../../main/contract/lock'
import { call, type HearthCallError } from '../api'

/** The calm screen Hearth shows while locked: the congregation's name, one field, and nothing else of the records. */
export function UnlockScreen({ status }: { status: LockStatus }) {
  const intl = useIntl()
  const client = useQueryClient()
  const [secret, setSecret] = useState('')
  const [withRecovery, setWithRecovery] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const [pending, setPending] = useState(false)

  const unlock = async (e: FormEvent) => {
    e.preventDefault()
    if (pending) return
    setPending(true)
    setFailure(null)
    try {
      const next = await call('lock.unlock', { secret, with: withRecovery ? 'recoveryKey' : 'passphrase' })
      setSecret('')
      client.setQueryData(['lock.status', {}], next)
      // Every screen asked while locked was refused; each asks again now.
      await client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'lock.status' })
    } catch (err) {
      setFailure((err as HearthCallError).message)
    } finally {
      setPending(false)
    }
  }

  const label = intl.formatMessage({ id: withRecovery ? 'lock.screen.recoveryKey' : 'lock.screen.passphrase' })
  return (
    <Center className="lock-screen" h="100vh" p="md" bg="#fdfbf7" role="main">
      <Paper withBorder radius="lg" p="xl" maw={460} w="100%" shadow="sm">
        <form noValidate onSubmit={(e) => void unlock(e)}>
          <Stack gap="md">
            <Title order={1} size="h2" c="orange.9">
              <FormattedMessage id="lock.screen.title" />
            </Title>
            {status.congregationName ? (
              <Text size="lg" fw={600} className="wrap-words">
                <FormattedMessage id="lock.screen.for" values={{ name: status.congregationName }} />
              </Text>
            ) : null}
            <Text>
              <FormattedMessage id="lock.screen.intro" />
            </Text>
            {withRecovery ? (
              <TextInput
                label={label}
                value={secret}
                autoFocus
                autoComplete="off"
                spellCheck={false}
                placeholder="····-····-····-····-····-····-····-····"
                styles={{ input: { fontFamily: 'monospace', letterSpacing: '0.05em' } }}
                onChange={(e) => setSecret(e.currentTarget.value)}
              />
            ) : (
              <PasswordInput label={label} value={secret} autoFocus autoComplete="current-password" onChange={(e) => setSecret(e.currentTarget.value)} />
            )}
            {failure ? (
              <Alert color="red" role="alert">
                {failure}
              </Alert>
            ) : null}
            {status.waitSeconds > 0 && !failure ? (
              <Text size="sm" c="dimmed" role="status">
                <FormattedMessage id="lock.screen.waiting" values={{ seconds: status.waitSeconds }} />
              </Text>
            ) : null}
            <Button type="submit" size="md" loading={pending} disabled={secret.trim() === ''}>
              <FormattedMessage id="lock.screen.unlock" />
            </Button>
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => {
                setWithRecovery((r) => !r)
                setSecret('')
                setFailure(null)
              }}
            >
              <FormattedMessage id={withRecovery ? 'lock.screen.usePassphrase' : 'lock.screen.useRecovery'} />
            </Anchor>
          </Stack>
        </form>
      </Paper>
    </Center>
  )
}
