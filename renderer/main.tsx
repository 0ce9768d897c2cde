import '@mantine/core/styles.css'
import '@mantine/dates/styles.css'
import '@mantine/notifications/styles.css'
import './shell/global.css'
import { DirectionProvider, MantineProvider, useDirection } from '@mantine/core'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode, useEffect, useRef } from 'react'
import { createRoot } from 'react-dom/client'
import { useHearthQuery } from './api'
import { I18n } from './i18n/I18n'
import { formattingLocale, languageFor } from './i18n/languages'
import { UndoNotices } from './history/UndoNotices'
import { App } from './shell/App'
import { LockGate } from './lock/LockGate'
import './shell/notices'
import { installFormGuards } from './shell/forms'
import { ROOT_FONT_SIZE, theme } from './shell/theme'

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 } },
})

function Root() {
  const info = useHearthQuery('app.info', {})
  const settings = useHearthQuery('settings.get', {})
  useEffect(() => {
    if (settings.data) document.documentElement.style.fontSize = ROOT_FONT_SIZE[settings.data.textSize]
  }, [settings.data])
  const systemLocale = info.data?.locale ?? navigator.language
  const language = languageFor(settings.data?.language, systemLocale)
  const locale = formattingLocale(language, systemLocale)
  // Arabic (and any right-to-left language) mirrors the whole layout: Mantine's direction and <html dir>.
  const { setDirection } = useDirection()
  useEffect(() => {
    document.documentElement.lang = locale
    setDirection(language.dir)
  }, [locale, language.dir, setDirection])
  // What main worded (a dish warning, a history sentence, a printout's name) is asked for again in the new
  // language, so a switch rewords the whole screen at once rather than after a reload.
  const spoken = useRef(language.code)
  useEffect(() => {
    if (spoken.current === language.code) return
    spoken.current = language.code
    void queryClient.invalidateQueries()
  }, [language.code])
  return (
    <I18n language={language} locale={locale}>
      <LockGate>
        <UndoNotices />
        <App />
      </LockGate>
    </I18n>
  )
}

installFormGuards()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DirectionProvider>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <QueryClientProvider client={queryClient}>
          <Root />
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  </StrictMode>,
)
