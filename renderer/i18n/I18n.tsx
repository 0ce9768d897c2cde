import type { ReactNode } from 'react'
import { IntlProvider } from 'react-intl'
import type { Language } from '../../main/contract/i18n/language'
import { speakErrorsIn } from './errors'
import { messagesOf } from './languages'

/** The chosen language's messages, formatted (dates, numbers, plurals) for the given locale. */
export function I18n({ language, locale, children }: { language: Language; locale: string; children: ReactNode }) {
  const messages = messagesOf(language)
  speakErrorsIn(locale, messages)
  return (
    <IntlProvider key={language.code} locale={locale} defaultLocale="en" messages={messages}>
      {children}
    </IntlProvider>
  )
}
