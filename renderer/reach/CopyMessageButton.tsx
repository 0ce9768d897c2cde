import { Alert, Button, type ButtonProps, Modal, Stack, Textarea } from '@mantine/core'
import { type ReactNode, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { MessageRequest } from '../../main/contract/reach'
import { useHearthMutation } from '../api'

/**
 * "Copy as message": main builds the text and puts it on the clipboard; the dialog shows what was copied, so the
 * volunteer can read it before pasting it into WhatsApp, a text message or an email.
 */
export function CopyMessageButton({ request, children, ...props }: { request: MessageRequest; children?: ReactNode } & ButtonProps & { 'aria-label'?: string }) {
  const intl = useIntl()
  const [text, setText] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const copyMessage = useHearthMutation('reach.copyMessage', [])
  const copy = () => {
    setFailure(null)
    copyMessage.mutate({ request }, { onSuccess: (r) => setText(r.text), onError: (err) => setFailure(err.message) })
  }
  return (
    <>
      <Button variant="default" loading={copyMessage.isPending} onClick={copy} {...props}>
        {children ?? <FormattedMessage id="reach.copyMessage" />}
      </Button>
      <Modal
        opened={text !== null || failure !== null}
        onClose={() => {
          setText(null)
          setFailure(null)
        }}
        title={text !== null ? <FormattedMessage id="reach.copied.title" /> : <FormattedMessage id="reach.copyMessage" />}
        closeButtonProps={{ 'aria-label': intl.formatMessage({ id: 'app.close' }) }}
        size="lg"
      >
        <Stack>
          {failure ? <Alert color="red">{failure}</Alert> : null}
          {text !== null ? <Textarea label={intl.formatMessage({ id: 'reach.copied.text' })} value={text} readOnly autosize minRows={4} maxRows={16} /> : null}
          <Button
            onClick={() => {
              setText(null)
              setFailure(null)
            }}
          >
            <FormattedMessage id="app.close" />
          </Button>
        </Stack>
      </Modal>
    </>
  )
}
