import { Card, Group, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { PrintRequest } from '../../main/contract/print'
import { Section } from '../shell/Section'
import { PrintButton } from './PrintButton'

function DocumentRow({ request, name, help }: { request: PrintRequest; name: ReactNode; help: ReactNode }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="md">
      <Text size="sm" c="dimmed">
        {help}
      </Text>
      <PrintButton request={request} miw={260}>
        {name}
      </PrintButton>
    </Group>
  )
}

function DocumentGroup({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  )
}

export function PrintScreen() {
  const intl = useIntl()
  return (
    <Section title={intl.formatMessage({ id: 'nav.print' })} intro={<FormattedMessage id="print.intro" />}>
      <Stack maw={900} gap="md">
        <DocumentGroup title={<FormattedMessage id="print.members" />}>
          <DocumentRow request={{ document: 'directory' }} name={<FormattedMessage id="print.document.directory" />} help={<FormattedMessage id="print.document.directory.help" />} />
          <DocumentRow request={{ document: 'phoneList' }} name={<FormattedMessage id="print.document.phoneList" />} help={<FormattedMessage id="print.document.phoneList.help" />} />
        </DocumentGroup>
      </Stack>
    </Section>
  )
}
