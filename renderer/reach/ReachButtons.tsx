import { Group } from '@mantine/core'
import type { ReactNode } from 'react'
import { useIntl } from 'react-intl'

/** The row of "reach people" buttons on a train, circle or schedule, named as one group for screen readers. */
export function ReachButtons({ children }: { children: ReactNode }) {
  const intl = useIntl()
  return (
    <Group gap="xs" role="group" aria-label={intl.formatMessage({ id: 'reach.group' })}>
      {children}
    </Group>
  )
}
