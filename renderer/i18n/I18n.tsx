import type { ReactNode } from 'react'
import { IntlProvider } from 'react-intl'
import { en } from './en'

const catalogs: Record<string, Record<string, string>> = { en }

/** Picks the catalog for the person's language (English until translations exist) and formats for their locale. */
export function I18n({ locale, children }: { locale: string; children: ReactNode }) {
  const language = locale.split('-')[0] ?? 'en'
  return (
    <IntlProvider locale={locale} defaultLocale="en" messages={catalogs[language] ?? en}>
      {children}
    </IntlProvider>
  )
}
