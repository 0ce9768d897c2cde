import { Alert, Button, Code, Group, Loader, ScrollArea, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { call, type HearthCallError, useHearthQuery } from '../api'
import { PdfPreview } from '../print/PdfPreview'

/** The recovery key just made, shown once: on screen in large type and as the one-page sheet to print. */
export function RecoverySheet({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  const intl = useIntl()
  const sheet = useHearthQuery('lock.recoverySheet', { recoveryKey }, { staleTime: 0, gcTime: 0 })
  const [printing, setPrinting] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const print = async () => {
    setPrinting(true)
    setFailure(null)
    try {
      const { printed } = await call('lock.printRecoverySheet', { recoveryKey })
      if (printed) notifications.show({ message: intl.formatMessage({ id: 'lock.sheet.printed' }), color: 'green' })
    } catch (err) {
      setFailure((err as HearthCallError).message)
    } finally {
      setPrinting(false)
    }
  }
  return (
    <Stack gap="md">
      <Text>
        <FormattedMessage id="lock.sheet.intro" />
      </Text>
      <Code block fz="xl" fw={700} ta="center" dir="ltr" aria-label={intl.formatMessage({ id: 'lock.screen.recoveryKey' })}>
        {recoveryKey}
      </Code>
      {failure ? <Alert color="red">{failure}</Alert> : null}
      {sheet.error ? <Alert color="red">{sheet.error.message}</Alert> : null}
      <Group>
        <Button onClick={() => void print()} loading={printing} disabled={!sheet.data}>
          <FormattedMessage id="lock.sheet.print" />
        </Button>
        <Button variant="default" onClick={onDone}>
          <FormattedMessage id="lock.sheet.done" />
        </Button>
      </Group>
      <ScrollArea.Autosize mah="45vh" type="auto" bg="gray.1" p="sm" aria-label={intl.formatMessage({ id: 'print.preview.label' })}>
        {sheet.data ? (
          <PdfPreview pdfBase64={sheet.data.pdfBase64} width={560} />
        ) : (
          <Group justify="center" p="xl">
            <Loader aria-label={intl.formatMessage({ id: 'print.preview.making' })} />
          </Group>
        )}
      </ScrollArea.Autosize>
    </Stack>
  )
}
