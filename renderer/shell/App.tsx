import { Anchor, AppShell, Burger, Group, MantineThemeProvider, NavLink, Text, Title } from '@mantine/core'
import { useHotkeys } from '@mantine/hooks'
import { Notifications } from '@mantine/notifications'
import { type MouseEvent, useEffect, useMemo, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { BackupStatus } from './BackupStatus'
import { ExampleBadge } from './ExampleBadge'
import { LockNowButton } from '../lock/LockNowButton'
import { DiscardDialog, forgetUnsavedForms, hasUnsavedForm } from './forms'
import { currentRoute, go } from './route'
import { allSections } from './sections'

// The hash holds the route, so the skip link moves focus itself instead of following "#main".
function skipToContent(e: MouseEvent<HTMLAnchorElement>): void {
  e.preventDefault()
  document.querySelector<HTMLElement>('#main h1')?.focus()
}

function sectionFromHash(): string {
  const id = currentRoute()[0]
  return allSections.some((s) => s.id === id) ? (id as string) : 'home'
}

export function App() {
  const intl = useIntl()
  const [current, setCurrent] = useState(sectionFromHash)
  const [opened, setOpened] = useState(0)
  const [navOpen, setNavOpen] = useState(false)
  const [leavingFor, setLeavingFor] = useState<string | null>(null)

  // Every change of section (the navigation, a shortcut, a link on the home) goes through the hash.
  useEffect(() => {
    const onHash = () => {
      setCurrent(sectionFromHash())
      setOpened((n) => n + 1)
    }
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])

  const leaveFor = (id: string) => {
    setNavOpen(false)
    go(id)
  }

  // Leaving a section with a form half filled in asks first, as closing the form would.
  const open = (id: string) => {
    if (id !== sectionFromHash() && hasUnsavedForm()) setLeavingFor(id)
    else leaveFor(id)
  }

  // Choosing a section moves focus to its heading, so a keyboard or screen-reader user lands at its top.
  useEffect(() => {
    if (opened > 0) document.querySelector<HTMLElement>('#main h1')?.focus()
  }, [opened])

  useHotkeys(allSections.map((s) => [`mod+${s.key}`, () => open(s.id)] as [string, () => void]), [])

  const active = allSections.find((s) => s.id === current) ?? allSections[0]!
  const Screen = active.Screen
  const navLabel = intl.formatMessage({ id: 'app.navigation' })
  // Every dialog's × button gets a name a screen reader can say, in the reader's language.
  const close = intl.formatMessage({ id: 'app.close' })
  const labelled = useMemo(
    () => ({
      components: {
        Modal: { defaultProps: { closeButtonProps: { 'aria-label': close } } },
        Drawer: { defaultProps: { closeButtonProps: { 'aria-label': close } } },
        CloseButton: { defaultProps: { 'aria-label': close } },
      },
    }),
    [close],
  )

  return (
    <MantineThemeProvider theme={labelled}>
      {/* Inside the labelled theme, so each notice's × is named too. Bottom left, over the empty foot of the
          navigation where no button sits; below dialogs (Mantine's modals are at 200), so an open dialog's controls
          are never covered. */}
      <Notifications position="bottom-left" containerWidth={220} limit={3} zIndex={150} />
      {/* No slide: at start the layout would otherwise visibly slide into place, and the menu opens at once. */}
      <AppShell header={{ height: 56 }} navbar={{ width: 210, breakpoint: 1000, collapsed: { mobile: !navOpen } }} padding="md" transitionDuration={0}>
        <Anchor href="#main" className="skip-link" onClick={skipToContent}>
          <FormattedMessage id="app.skipToContent" />
        </Anchor>
        <AppShell.Header px="md">
          <Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
            <Group wrap="nowrap" gap="sm">
              <Burger className="nav-toggle" opened={navOpen} onClick={() => setNavOpen((o) => !o)} size="sm" aria-label={navLabel} aria-expanded={navOpen} />
              <Title order={2} size="h3" c="orange.9">
                <FormattedMessage id="app.name" />
              </Title>
              <ExampleBadge />
            </Group>
            <Group wrap="nowrap" gap="xs">
              <BackupStatus onOpen={() => open('backup')} />
              <LockNowButton />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="sm" component="nav" aria-label={navLabel} className="app-navbar" data-open={navOpen || undefined}>
          {allSections.map((s) => (
            <NavLink
              key={s.id}
              component="button"
              label={intl.formatMessage({ id: s.label })}
              description={
                <Text span size="xs" c="inherit">
                  {intl.formatMessage({ id: 'nav.shortcut' }, { key: s.key })}
                </Text>
              }
              active={s.id === current}
              variant="filled"
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
            if (id) leaveFor(id)
          }}
        />
        <AppShell.Main id="main">
          {/* Each visit opens the section afresh, at the place the hash names. */}
          <Screen key={`${active.id}-${opened}`} />
        </AppShell.Main>
      </AppShell>
    </MantineThemeProvider>
  )
}
