import type { ReactNode } from 'react'
import { IntlProvider } from 'react-intl'
import type { Language } from '../../main/contract/i18n/language'
import { messagesOf } from './languages'

/** The chosen language's messages, formatted (dates, numbers, plurals) for the given locale. */
export function I18n({ language, locale, children }: { language: Language; locale: string; children: ReactNode }) {
  return (
    <IntlProvider key={language.code} locale={locale} defaultLocale="en" messages={messagesOf(language)}>
      {children}
    </IntlProvider>
  )
}
