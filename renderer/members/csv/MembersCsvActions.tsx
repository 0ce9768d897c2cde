import { Button, Group } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { MemberFilter } from '../../../main/contract/members'
import type { CsvFilePreview, CsvReadChoice } from '../../../main/contract/members-csv'
import { call, HearthCallError, useHearthMutation } from '../../api'
import { ImportDialog } from './ImportDialog'

function showError(err: unknown) {
  notifications.show({ color: 'red', message: err instanceof HearthCallError ? err.message : String(err) })
}

/** The members screen's spreadsheet buttons: import a CSV (with a checking dialog) and export the list as shown. */
export function MembersCsvActions({ filter }: { filter: MemberFilter }) {
  const intl = useIntl()
  const [preview, setPreview] = useState<CsvFilePreview | null>(null)
  const [opening, setOpening] = useState(false)
  const exportList = useHearthMutation('membersCsv.export', [])

  const chooseFile = async () => {
    setOpening(true)
    try {
      const picked = await call('membersCsv.openFile', {})
      if (picked) setPreview(picked)
    } catch (err) {
      showError(err)
    } finally {
      setOpening(false)
    }
  }

  // The file is read again in the code page or from the sheet chosen; the dialog starts afresh with the columns guessed from it.
  const readAs = async (token: string, choice: CsvReadChoice) => {
    try {
      setPreview(await call('membersCsv.readAs', { token, ...choice }))
    } catch (err) {
      showError(err)
    }
  }

  const save = () =>
    exportList.mutate(
      { filter },
      {
        onSuccess: (result) => {
          if (result) notifications.show({ color: 'green', message: intl.formatMessage({ id: 'membersCsv.exported' }, { count: result.count, fileName: result.fileName }) })
        },
        onError: showError,
      },
    )

  return (
    <Group gap="sm">
      <Button variant="default" loading={opening} onClick={() => void chooseFile()}>
        <FormattedMessage id="membersCsv.import" />
      </Button>
      <Button variant="default" loading={exportList.isPending} onClick={save}>
        <FormattedMessage id="membersCsv.export" />
      </Button>
      {preview ? (
        <ImportDialog
          key={`${preview.token} ${preview.encoding} ${preview.sheet ?? ''}`}
          preview={preview}
          onClose={() => setPreview(null)}
          onReadAs={(choice) => void readAs(preview.token, choice)}
        />
      ) : null}
    </Group>
  )
}
