import { Button, Stack, Text, Title } from '@mantine/core'
import { useClickOutside } from '@mantine/hooks'
import { type ReactNode, type RefObject, useId, useLayoutEffect, useRef, useState } from 'react'
import { FormattedMessage } from 'react-intl'

/**
 * One section's page: a heading (focusable, so the shell can move focus to it), a short intro, then content.
 * On a narrow window the header's actions fold behind one "Actions" button instead of wrapping into rows; they
 * stay mounted either way, so a dialog an action opened survives the fold.
 */
export function Section({
  title,
  intro,
  actions,
  actionsOwnRow = false,
  children,
}: {
  title: string
  intro?: ReactNode
  actions?: ReactNode
  /** Actions that do not fit beside the title take a row of their own below it, and fold only when that is too narrow. */
  actionsOwnRow?: boolean
  children?: ReactNode
}) {
  const [open, setOpen] = useState(false)
  const panelId = useId()
  const ref = useClickOutside(() => setOpen(false))
  const head = useRef<HTMLDivElement>(null)
  const fold = useFold(head, Boolean(actions), actionsOwnRow)
  return (
    <Stack gap="md" className="section">
      <Stack gap={4}>
        <div className="section-head" ref={head} data-fold={fold || undefined} data-own-row={actionsOwnRow || undefined}>
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
                  onClickCapture={(e) => {
                    // A button that opens its own menu (Print…) must stay on screen, or its menu has nothing to hang from.
                    if (!(e.target instanceof Element && e.target.closest('[aria-haspopup]'))) setOpen(false)
                  }}
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

/**
 * Whether the header's actions fold behind "Actions": below 56em, or when they would leave the title less than
 * its own width (at most about eight letters) (a vigil has six actions, which squeeze its title to a column even on a wide window).
 * With `ownRow` they fold only when even a row of their own is too narrow for them.
 * It measures the actions laid out in a row by lifting the fold for that moment, before anything is painted.
 */
function useFold(head: RefObject<HTMLDivElement | null>, hasActions: boolean, ownRow: boolean): boolean {
  const [fold, setFold] = useState(false)
  useLayoutEffect(() => {
    const el = head.current
    if (!el || !hasActions) return
    const decide = () => {
      // How much taller than its title the header is (a row of actions below it), for content sized to the window.
      el.closest<HTMLElement>('.section')?.style.setProperty('--section-head-extra', `${Math.max(0, el.offsetHeight - (el.querySelector('h1')?.offsetHeight ?? 0))}px`)
      const folded = el.hasAttribute('data-fold')
      el.removeAttribute('data-fold')
      const actions = el.querySelector<HTMLElement>('.section-actions-wrap')?.offsetWidth ?? 0
      const title = el.querySelector('h1')
      const em = parseFloat(getComputedStyle(el).fontSize)
      let titleRoom = 0
      if (title) {
        // A short title needs only its own width; a long one may wrap, but keeps about eight letters a line.
        title.style.whiteSpace = 'nowrap'
        titleRoom = Math.min(title.scrollWidth, 8 * parseFloat(getComputedStyle(title).fontSize))
        title.style.whiteSpace = ''
      }
      if (folded) el.setAttribute('data-fold', '')
      const width = el.clientWidth
      setFold(width <= 56 * em || actions + (ownRow ? 0 : 16 + titleRoom) > width)
    }
    decide()
    const observer = new ResizeObserver(decide)
    observer.observe(el)
    // Actions that arrive or grow once the data has loaded change what fits, though the header keeps its width.
    const panel = el.querySelector('.section-actions')
    if (panel) observer.observe(panel)
    return () => observer.disconnect()
  }, [head, hasActions, ownRow])
  return fold
}

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <Text c="dimmed" py="xl" ta="center">
      {children}
    </Text>
  )
}
