import { DatesProvider } from '@mantine/dates'
import 'dayjs/locale/ar'
import 'dayjs/locale/de'
import 'dayjs/locale/es'
import 'dayjs/locale/fr'
import 'dayjs/locale/pl'
import 'dayjs/locale/pt'
import type { ReactNode } from 'react'
import { IntlProvider } from 'react-intl'
import type { Language } from '../../main/contract/i18n/language'
import { firstDayOfWeek, weekendDays } from '../../main/contract/i18n/week'
import { speakErrorsIn } from './errors'
import { messagesOf } from './languages'

// Mantine counts days from Sunday = 0; Hearth from Monday = 1 to Sunday = 7 (ISO).
const mantineDay = (iso: number) => (iso % 7) as 0 | 1 | 2 | 3 | 4 | 5 | 6

/**
 * The chosen language's messages, formatted (dates, numbers, plurals) for the given locale; date pickers show its
 * month names and start the week on its first day (dayjs has a locale for each language Hearth speaks).
 */
export function I18n({ language, locale, children }: { language: Language; locale: string; children: ReactNode }) {
  const messages = messagesOf(language)
  speakErrorsIn(locale, messages)
  return (
    <IntlProvider key={language.code} locale={locale} defaultLocale="en" messages={messages}>
      <DatesProvider settings={{ locale: language.code, firstDayOfWeek: mantineDay(firstDayOfWeek(locale)), weekendDays: weekendDays(locale).map(mantineDay) }}>{children}</DatesProvider>
    </IntlProvider>
  )
}
