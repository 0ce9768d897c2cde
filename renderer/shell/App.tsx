import { Anchor, AppShell, Group, NavLink, Text, Title } from '@mantine/core'
import { useHotkeys } from '@mantine/hooks'
import { useEffect, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { BackupStatus } from './BackupStatus'
import { DiscardDialog, forgetUnsavedForms, hasUnsavedForm } from './forms'
import { sections } from './sections'

function sectionFromHash(): string {
  const id = window.location.hash.replace(/^#\/?/, '').split('/')[0]
  return sections.some((s) => s.id === id) ? (id as string) : 'members'
}

export function App() {
  const intl = useIntl()
  const [current, setCurrent] = useState(sectionFromHash)
  const [opened, setOpened] = useState(0)
  const [leavingFor, setLeavingFor] = useState<string | null>(null)

  useEffect(() => {
    const onHash = () => setCurrent(sectionFromHash())
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])

  const go = (id: string) => {
    window.location.hash = `#/${id}`
    setCurrent(id)
    setOpened((n) => n + 1)
  }

  // Leaving a section with a form half filled in asks first, as closing the form would.
  const open = (id: string) => {
    if (id !== sectionFromHash() && hasUnsavedForm()) setLeavingFor(id)
    else go(id)
  }

  // Choosing a section moves focus to its heading, so a keyboard or screen-reader user lands at its top.
  useEffect(() => {
    if (opened > 0) document.querySelector<HTMLElement>('#main h1')?.focus()
  }, [opened])

  useHotkeys(sections.map((s, i) => [`mod+${i + 1}`, () => open(s.id)] as [string, () => void]), [])

  const active = sections.find((s) => s.id === current) ?? sections[0]!
  const Screen = active.Screen

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 230, breakpoint: 0 }} padding="lg">
      <Anchor href="#main" className="skip-link">
        <FormattedMessage id="app.skipToContent" />
      </Anchor>
      <AppShell.Header px="lg">
        <Group h="100%" justify="space-between">
          <Title order={2} size="h3" c="orange.9">
            <FormattedMessage id="app.name" />
          </Title>
          <BackupStatus onOpen={() => open('backup')} />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" component="nav" aria-label={intl.formatMessage({ id: 'app.navigation' })}>
        {sections.map((s, i) => (
          <NavLink
            key={s.id}
            component="button"
            label={intl.formatMessage({ id: s.label })}
            description={<Text span size="xs" c="dimmed">{intl.formatMessage({ id: 'nav.shortcut' }, { number: i + 1 })}</Text>}
            active={s.id === current}
            aria-current={s.id === current ? 'page' : undefined}
            onClick={() => open(s.id)}
            style={{ borderRadius: 8 }}
          />
        ))}
      </AppShell.Navbar>
      <DiscardDialog
        opened={leavingFor !== null}
        onKeep={() => setLeavingFor(null)}
        onDiscard={() => {
          forgetUnsavedForms()
          const id = leavingFor
          setLeavingFor(null)
          if (id) go(id)
        }}
      />
      <AppShell.Main id="main">
        <Screen key={active.id} />
      </AppShell.Main>
    </AppShell>
  )
}
