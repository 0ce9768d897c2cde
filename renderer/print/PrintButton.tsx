import { Button, type ButtonProps } from '@mantine/core'
import { type ReactNode, useState } from 'react'
import { FormattedMessage } from 'react-intl'
import type { PrintRequest } from '../../main/contract/print'
import { PrintDialog } from './PrintDialog'

/** A button that opens the print preview for one document, e.g. on a meal train or a prayer circle. */
export function PrintButton({ request, children, ...props }: { request: PrintRequest; children?: ReactNode } & ButtonProps) {
  const [opened, setOpened] = useState(false)
  return (
    <>
      <Button variant="default" {...props} onClick={() => setOpened(true)}>
        {children ?? <FormattedMessage id="print.button" />}
      </Button>
      {opened ? <PrintDialog request={request} opened onClose={() => setOpened(false)} /> : null}
    </>
  )
}
