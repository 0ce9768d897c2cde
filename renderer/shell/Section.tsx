import { Button, Stack, Text, Title } from '@mantine/core'
import { useClickOutside } from '@mantine/hooks'
import { type ReactNode, useId, useState } from 'react'
import { FormattedMessage } from 'react-intl'

/**
 * One section's page: a heading (focusable, so the shell can move focus to it), a short intro, then content.
 * On a narrow window the header's actions fold behind one "Actions" button instead of wrapping into rows; they
 * stay mounted either way, so a dialog an action opened survives the fold.
 */
export function Section({ title, intro, actions, children }: { title: string; intro?: ReactNode; actions?: ReactNode; children?: ReactNode }) {
  const [open, setOpen] = useState(false)
  const panelId = useId()
  const ref = useClickOutside(() => setOpen(false))
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <div className="section-head">
          <div className="section-head-row">
            <Title order={1} tabIndex={-1} style={{ outline: 'none' }} className="wrap-words">
              {title}
            </Title>
            {actions ? (
              <div className="section-actions-wrap" ref={ref}>
                <Button variant="default" className="section-more" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
                  <FormattedMessage id="app.actions" />
                </Button>
                <div
                  id={panelId}
                  className="section-actions"
                  data-open={open || undefined}
                  onKeyDown={(e) => {
                    if (e.key === 'Escape') setOpen(false)
                  }}
                  onClickCapture={() => setOpen(false)}
                >
                  {actions}
                </div>
              </div>
            ) : null}
          </div>
        </div>
        {intro ? <Text c="dimmed">{intro}</Text> : null}
      </Stack>
      {children}
    </Stack>
  )
}

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <Text c="dimmed" py="xl" ta="center">
      {children}
    </Text>
  )
}
