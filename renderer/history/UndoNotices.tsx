import { Button, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useEffect } from 'react'
import { useIntl } from 'react-intl'
import type { ChangeNotice } from '../../main/contract'
import { onRecordedChange, useHearthMutation } from '../api'

const NOTICE_ID = 'hearth-undo'

/** Undoes a change from anywhere (a notification, the History screen), refreshes every screen and says so. */
export function useUndo() {
  const intl = useIntl()
  const undo = useHearthMutation('history.undo', 'all')
  return (changeId: number): Promise<boolean> => {
    notifications.hide(NOTICE_ID)
    return undo.mutateAsync({ changeId }).then(
      ({ summary, keptCleared }) => {
        notifications.show({
          message: intl.formatMessage({ id: keptCleared ? 'history.undone.keptCleared' : 'history.undone' }, { summary }),
          color: 'green',
          autoClose: keptCleared ? 10_000 : undefined,
        })
        return true
      },
      (err: Error) => {
        notifications.show({ message: err.message, color: 'red', autoClose: 10_000 })
        return false
      },
    )
  }
}

/**
 * Every destructive change (a delete, a cancelled sign-up, an archive) gets one notification with Undo, whatever
 * screen made it. There is only ever one: a newer change replaces it, so they never pile up over the controls.
 */
export function UndoNotices() {
  const intl = useIntl()
  const undo = useUndo()
  useEffect(
    () =>
      onRecordedChange((change: ChangeNotice) => {
        if (!change.destructive) return
        notifications.hide(NOTICE_ID)
        // Shown after the hide has landed: the store ignores a notification whose id is still on screen.
        setTimeout(() =>
          notifications.show({
            id: NOTICE_ID,
            autoClose: 20_000,
            message: (
              // Text above the button: the notice is narrow, so it sits over the foot of the navigation only.
              <Stack gap={6} align="flex-start">
                <Text size="sm">{change.summary}</Text>
                <Button size="compact-sm" variant="light" onClick={() => void undo(change.id)} aria-label={intl.formatMessage({ id: 'history.undoThis' }, { summary: change.summary })}>
                  {intl.formatMessage({ id: 'history.undo' })}
                </Button>
              </Stack>
            ),
          }),
        )
      }),
    [undo, intl],
  )
  return null
}
