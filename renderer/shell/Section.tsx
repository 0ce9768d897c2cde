import { Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'

/** One section's page: a heading (focusable, so the shell can move focus to it), a short intro, then content. */
export function Section({ title, intro, actions, children }: { title: string; intro?: ReactNode; actions?: ReactNode; children?: ReactNode }) {
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16, flexWrap: 'wrap' }}>
          <Title order={1} tabIndex={-1} style={{ outline: 'none' }}>
            {title}
          </Title>
          {actions}
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
