import { ActionIcon, Popover, TextInput } from '@mantine/core'
import { DatePicker } from '@mantine/dates'
import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react'
import { useIntl } from 'react-intl'
import { formatTypedDate, readTypedDate } from './dates'

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

/** Marks a box whose text is not a day: a form holding one is not sent (installFormGuards in shell/forms.tsx). */
export const NOT_A_DAY = 'data-not-a-day'

// Mantine's dialogs close on an Escape seen by the window first, unless its target carries this mark: the box
// and every control of its open calendar carry it, so Escape reaches the calendar and closes it alone.
const KEEP_ESCAPE = 'data-mantine-stop-propagation'

/** Sent to such a box when its form was held back, so it says why at once even before it was left. */
export const HELD_BACK = 'hearth:held-back'

/**
 * A day, typed or picked, in the language chosen in Hearth: its order of day and month, its month and weekday
 * names, its first day of the week (from <I18n>'s DatesProvider). A native date input would follow the
 * computer's language instead.
 *
 * What was typed stays in the box: text that is no day on the calendar ("31/02/1980") is kept, said in words
 * once the box is left, and holds the form back from saving, rather than being emptied without a word. Escape
 * closes the calendar alone, never the form around it.
 */
export function DateField({ value, onChange, error, size, ...rest }: DateFieldProps) {
  const intl = useIntl()
  const { locale } = intl
  const [text, setText] = useState(() => formatTypedDate(value, locale))
  const [left, setLeft] = useState(false)
  // Open beside the box when it is clicked (the focus stays there for typing), or with the focus inside it when
  // opened by its button, so the keyboard can walk its days.
  const [calendar, setCalendar] = useState<'beside' | 'inside' | null>(null)
  const [month, setMonth] = useState<string | undefined>(undefined)
  const input = useRef<HTMLInputElement>(null)
  const read = readTypedDate(text, locale)

  useEffect(() => {
    const box = input.current
    const say = () => setLeft(true)
    box?.addEventListener(HELD_BACK, say)
    return () => box?.removeEventListener(HELD_BACK, say)
  }, [])

  // A value set from outside (a form opened on another record, a day picked in the calendar) replaces the text;
  // the value this box sent itself does not, so the text is never rewritten under the fingers.
  useEffect(() => {
    const shown = readTypedDate(text, locale)
    if (!('day' in shown) || shown.day !== value) setText(formatTypedDate(value, locale))
  }, [value, locale])

  const type = (next: string) => {
    setText(next)
    const r = readTypedDate(next, locale)
    if (!('day' in r)) return
    // The open calendar turns to the month typed.
    if (r.day) setMonth(r.day)
    if (r.day !== value) onChange({ currentTarget: { value: r.day } })
  }
  const pick = (day: string | null) => {
    setCalendar(null)
    setText(formatTypedDate(day ?? '', locale))
    setLeft(false)
    if ((day ?? '') !== value) onChange({ currentTarget: { value: day ?? '' } })
    input.current?.focus()
  }
  const closeCalendar = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !calendar) return
    // The innermost open thing closes first: the calendar, not the dialog it sits in.
    e.stopPropagation()
    e.preventDefault()
    setCalendar(null)
    input.current?.focus()
  }
  const open = (how: 'beside' | 'inside') => {
    setMonth('day' in read && read.day ? read.day : undefined)
    setCalendar(how)
  }
  const notADay = 'notADay' in read ? intl.formatMessage({ id: 'app.dates.notADay' }, { typed: read.notADay, example: formatTypedDate('2026-03-27', locale) }) : null

  return (
    <Popover opened={calendar !== null} onChange={(o) => !o && setCalendar(null)} closeOnEscape={false} trapFocus={calendar === 'inside'} withRoles={false} position="bottom-start" withinPortal shadow="md">
      <Popover.Target>
        <TextInput
          {...rest}
          ref={input}
          size={size}
          value={text}
          onChange={(e) => type(e.currentTarget.value)}
          onClick={() => calendar === null && open('beside')}
          onBlur={() => {
            setLeft(true)
            if (calendar === 'beside') setCalendar(null)
            if ('day' in read) setText(formatTypedDate(read.day, locale))
          }}
          onKeyDown={closeCalendar}
          placeholder={formatTypedDate('2026-03-27', locale)}
          autoComplete="off"
          error={(left && notADay) || error}
          {...{ [NOT_A_DAY]: notADay ? 'true' : undefined, [KEEP_ESCAPE]: calendar !== null ? 'true' : undefined }}
          rightSection={
            <ActionIcon variant="subtle" color="gray" size={size === 'xs' ? 'sm' : 'md'} aria-label={intl.formatMessage({ id: 'app.dates.calendar' })} aria-expanded={calendar !== null} onClick={() => (calendar === null ? open('inside') : setCalendar(null))}>
              <CalendarIcon />
            </ActionIcon>
          }
        />
      </Popover.Target>
      <Popover.Dropdown
        onKeyDown={closeCalendar}
        onFocusCapture={(e) => e.target.setAttribute(KEEP_ESCAPE, 'true')}
        // Beside the box, a click on a day must not take the focus from it (its blur would close the calendar).
        onMouseDown={(e) => calendar === 'beside' && e.preventDefault()}
      >
        <DatePicker
          value={'day' in read && read.day ? read.day : null}
          date={month}
          onDateChange={setMonth}
          onChange={pick}
          allowDeselect={!rest.required}
          previousLabel={intl.formatMessage({ id: 'app.dates.previous' })}
          nextLabel={intl.formatMessage({ id: 'app.dates.next' })}
          // The neighbouring months' days are drawn too faint to read; the month shows only its own days.
          hideOutsideDates
        />
      </Popover.Dropdown>
    </Popover>
  )
}

function CalendarIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M16 3v4M8 3v4M3 10h18" />
    </svg>
  )
}
