import { Alert, Button, Group, Loader, Modal, ScrollArea, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { FormattedMessage, useIntl } from 'react-intl'
import { useHearthMutation, useHearthQuery } from '../api'
import { PdfPreview } from '../print/PdfPreview'

/** Shows the recovery sheet exactly as it will print, then prints it. */
export function RecoverySheetDialog({ passphrase, opened, onClose }: { passphrase: string; opened: boolean; onClose: () => void }) {
  const intl = useIntl()
  const ready = passphrase.length >= 8
  const sheet = useHearthQuery('backup.recoverySheet', { passphrase }, { enabled: opened && ready, staleTime: 0, gcTime: 0 })
  const printSheet = useHearthMutation('backup.printRecoverySheet', [])
  const print = () =>
    printSheet.mutate(
      { passphrase },
      {
        onSuccess: ({ printed }) => {
          if (printed) notifications.show({ message: intl.formatMessage({ id: 'backup.sheet.printed' }), color: 'green' })
        },
      },
    )

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="auto"
      title={intl.formatMessage({ id: 'backup.sheet.title' })}
      closeButtonProps={{ 'aria-label': intl.formatMessage({ id: 'app.close' }) }}
    >
      <Stack gap="md" w={720} maw="100%">
        <Text size="sm">
          <FormattedMessage id="backup.sheet.intro" />
        </Text>
        {!ready ? (
          <Alert color="orange">
            <FormattedMessage id="backup.sheet.needsPassphrase" />
          </Alert>
        ) : null}
        {sheet.error ? <Alert color="red">{sheet.error.message}</Alert> : null}
        {printSheet.error ? <Alert color="red">{printSheet.error.message}</Alert> : null}
        <Group>
          <Button onClick={print} disabled={!sheet.data} loading={printSheet.isPending}>
            <FormattedMessage id="backup.sheet.print" />
          </Button>
          <Button variant="subtle" onClick={onClose}>
            <FormattedMessage id="app.close" />
          </Button>
        </Group>
        {ready ? (
          <ScrollArea.Autosize mah="60vh" type="auto" bg="gray.1" p="sm" aria-label={intl.formatMessage({ id: 'print.preview.label' })}>
            {sheet.data ? (
              <PdfPreview pdfBase64={sheet.data.pdfBase64} />
            ) : (
              <Group justify="center" p="xl">
                <Loader aria-label={intl.formatMessage({ id: 'print.preview.making' })} />
              </Group>
            )}
          </ScrollArea.Autosize>
        ) : null}
      </Stack>
    </Modal>
  )
}
