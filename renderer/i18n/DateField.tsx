import { DateInput } from '@mantine/dates'
import type { ReactNode } from 'react'
import { useIntl } from 'react-intl'
import { numericDateFormat, parseTypedDate } from './dates'

interface DateFieldProps {
  label: ReactNode
  /** 'YYYY-MM-DD', or '' for none. */
  value: string
  /** Called as a text input's onChange is, so a date input becomes a DateField by its name alone. */
  onChange: (event: { currentTarget: { value: string } }) => void
  description?: ReactNode
  error?: ReactNode
  required?: boolean
  size?: 'xs' | 'sm' | 'md'
  w?: number
  'data-autofocus'?: boolean
}

/**
 * A day, typed or picked, in the language chosen in Hearth: its order of day and month, its month and weekday
 * names, its first day of the week (from <I18n>'s DatesProvider). A native date input would follow the
 * computer's language instead.
 */
export function DateField({ value, onChange, ...rest }: DateFieldProps) {
  const intl = useIntl()
  const { locale } = intl
  return (
    <DateInput
      {...rest}
      value={value || null}
      onChange={(day) => onChange({ currentTarget: { value: day ?? '' } })}
      valueFormat={numericDateFormat(locale)}
      dateParser={(text) => parseTypedDate(text, locale)}
      clearable={!rest.required}
      popoverProps={{ withinPortal: true }}
      previousLabel={intl.formatMessage({ id: 'app.dates.previous' })}
      nextLabel={intl.formatMessage({ id: 'app.dates.next' })}
      // The neighbouring months' days are drawn too faint to read; the month shows only its own days.
      hideOutsideDates
    />
  )
}
