import { Badge, Button, Group, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { SetupState } from '../../main/contract/home'
import { go } from '../shell/route'
import { Card, useSwitchFile } from './HomeScreen'
import { useLockStatus } from '../lock/status'

export function setupComplete(setup: SetupState): boolean {
  return setup.congregationName !== '' && setup.backupFolder !== null && setup.people > 0
}

function Step({ n, done, title, detail, children }: { n: number; done: boolean; title: ReactNode; detail?: ReactNode; children?: ReactNode }) {
  return (
    <Group component="li" justify="space-between" wrap="wrap" gap="xs" py={6} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
      <Group wrap="nowrap" gap="sm" align="flex-start" style={{ flex: '1 1 18em' }}>
        {/* The number keeps its round shape beside a step whose words fill two lines. */}
        <Badge color={done ? 'green' : 'gray'} variant={done ? 'filled' : 'outline'} size="lg" circle aria-hidden style={{ flexShrink: 0 }}>
          {n}
        </Badge>
        <Stack gap={0} className="wrap-words">
          <Text fw={600}>{title}</Text>
          <Text size="sm" c="dimmed">
            {done ? <FormattedMessage id="home.setup.done" /> : <FormattedMessage id="home.setup.todo" />}
            {detail ? <> · {detail}</> : null}
          </Text>
        </Stack>
      </Group>
      {done ? null : <Group gap="xs">{children}</Group>}
    </Group>
  )
}

/** What an empty Hearth shows: three steps to get going, and a way to try things on a made-up congregation. */
export function FirstRun({ setup }: { setup: SetupState }) {
  const intl = useIntl()
  const example = useSwitchFile('home.openExample')
  const named = setup.congregationName !== ''
  const lock = useLockStatus()
  return (
    <Card title={<FormattedMessage id="home.setup.title" />}>
      <Text>
        <FormattedMessage id="home.setup.intro" />
      </Text>
      <ol className="home-steps">
        <Step
          n={1}
          done={named}
          title={<FormattedMessage id="home.setup.name" />}
          detail={named ? intl.formatMessage({ id: 'home.setup.name.done' }, { name: setup.congregationName, paper: intl.formatMessage({ id: `settings.paperSize.${setup.paperSize}` }) }) : null}
        >
          <Button variant="default" onClick={() => go('settings')}>
            <FormattedMessage id="home.setup.name.action" />
          </Button>
        </Step>
        <Step
          n={2}
          done={setup.backupFolder !== null}
          title={<FormattedMessage id="home.setup.backup" />}
          detail={setup.backupFolder ? intl.formatMessage({ id: 'home.setup.backup.done' }, { folder: setup.backupFolder }) : null}
        >
          <Button variant="default" onClick={() => go('backup')}>
            <FormattedMessage id="home.setup.backup.action" />
          </Button>
        </Step>
        <Step
          n={3}
          done={setup.people > 0}
          title={<FormattedMessage id="home.setup.people" />}
          detail={setup.people > 0 ? intl.formatMessage({ id: 'home.setup.people.done' }, { count: setup.people }) : null}
        >
          <Button variant="default" onClick={() => go('members')}>
            <FormattedMessage id="home.setup.people.import" />
          </Button>
          <Button variant="default" onClick={() => go('members', 'new')}>
            <FormattedMessage id="home.setup.people.add" />
          </Button>
        </Step>
        {/* Recommended, never required: the setup counts as complete without it. */}
        <Step n={4} done={lock.data?.encrypted ?? false} title={<FormattedMessage id="lock.step.title" />} detail={<FormattedMessage id="lock.step.detail" />}>
          <Button variant="default" onClick={() => go('settings')}>
            <FormattedMessage id="lock.settings.set" />
          </Button>
        </Step>
      </ol>
      {setup.people === 0 ? (
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="sm" style={{ flex: '1 1 20em' }}>
            <FormattedMessage id="home.example.try" />
          </Text>
          <Button variant="light" color="grape" loading={example.pending} onClick={example.run}>
            <FormattedMessage id="home.example.open" />
          </Button>
        </Group>
      ) : null}
    </Card>
  )
}
