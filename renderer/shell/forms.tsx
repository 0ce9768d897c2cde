import { Alert, Button, Group, List, Modal, Text } from '@mantine/core'
import { type ReactNode, type RefObject, useEffect, useId, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { HELD_BACK, NOT_A_DAY } from '../i18n/DateField'

// Forms that forgive: closing one with unsaved changes asks first (Escape, ×, Cancel, or leaving the section), a
// field's error goes as soon as the field is changed, and on a failed save the first field in error is brought
// into view and focused.

const dirtyForms = new Set<string>()

/**
 * One guard for every form, installed once: a form holding text that is no day on the calendar is not sent (the
 * box says why and takes the focus), the browser's own bubbles ("Please fill in this field", in the computer's
 * language) never show (forms are sent with noValidate and main answers in the app's words), and typing into a
 * picker replaces its text.
 */
export function installFormGuards(): void {
  document.addEventListener(
    'submit',
    (e) => {
      const held = (e.target as HTMLElement).querySelector<HTMLElement>(`[${NOT_A_DAY}]`)
      if (!held) return
      e.preventDefault()
      e.stopPropagation()
      held.dispatchEvent(new Event(HELD_BACK))
      held.scrollIntoView({ block: 'center' })
      held.focus()
    },
    true,
  )
  document.addEventListener('invalid', (e) => e.preventDefault(), true)
  selectPickerTextOnFocus()
}

/** A picker one can type into (time zone, member, household): its text, once it has taken the focus. */
const PICKER = 'input[aria-haspopup="listbox"]:not([readonly])'

/**
 * A picker's text is selected when it takes the focus, so what is typed replaces the shown choice ("London", not
 * "UTCLondon"). A click places the caret after the focus has moved, so the text is selected again on that
 * click's mouseup, and only then: a second click in the box still places the caret where it lands.
 */
function selectPickerTextOnFocus(): void {
  let justFocused: HTMLInputElement | null = null
  document.addEventListener(
    'focusin',
    (e) => {
      const box = e.target
      if (!(box instanceof HTMLInputElement) || !box.matches(PICKER)) return
      justFocused = box
      box.select()
      // Mantine's picker rewrites its text as it opens, which drops the selection: select again once it has,
      // unless typing has already begun.
      const shown = box.value
      setTimeout(() => {
        if (document.activeElement === box && box.value === shown) box.select()
      })
    },
    true,
  )
  document.addEventListener(
    'mouseup',
    (e) => {
      if (justFocused && e.target === justFocused) {
        e.preventDefault()
        justFocused.select()
      }
      justFocused = null
    },
    true,
  )
}

/** Whether any open form has unsaved changes (the shell asks before switching section). */
export function hasUnsavedForm(): boolean {
  return dirtyForms.size > 0
}

/** Forgets every open form's changes: the volunteer chose to discard them by leaving. */
export function forgetUnsavedForms(): void {
  dirtyForms.clear()
}

/** Asks "Discard changes?"; `onDiscard` runs only when they say so. */
export function DiscardDialog({ opened, onKeep, onDiscard }: { opened: boolean; onKeep: () => void; onDiscard: () => void }) {
  const intl = useIntl()
  return (
    <Modal opened={opened} onClose={onKeep} title={intl.formatMessage({ id: 'forms.discard.title' })} zIndex={400} centered>
      <Text size="sm" mb="md">
        <FormattedMessage id="forms.discard.body" />
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onKeep} data-autofocus>
          <FormattedMessage id="forms.discard.keep" />
        </Button>
        <Button color="red" onClick={onDiscard}>
          <FormattedMessage id="forms.discard.confirm" />
        </Button>
      </Group>
    </Modal>
  )
}

/** Cancel and the form's submit button, at the foot of a form. `save` defaults to "Save". */
export function FormFooter({ onCancel, saving, save }: { onCancel: () => void; saving: boolean; save?: ReactNode }) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        <FormattedMessage id="app.cancel" />
      </Button>
      <Button type="submit" loading={saving}>
        {save ?? <FormattedMessage id="app.save" />}
      </Button>
    </Group>
  )
}

/**
 * Wraps a form's close so that unsaved changes are not lost by accident. Use `close` for Escape, × and Cancel;
 * render `dialog`. A saved form calls `close.now()` (or its own onSaved) to leave without asking.
 */
export function useDiscardGuard(dirty: boolean, onClose: () => void): { close: () => void; dialog: ReactNode } {
  const id = useId()
  const [asking, setAsking] = useState(false)
  useEffect(() => {
    if (dirty) dirtyForms.add(id)
    else dirtyForms.delete(id)
    return () => {
      dirtyForms.delete(id)
    }
  }, [dirty, id])
  return {
    close: () => (dirty ? setAsking(true) : onClose()),
    dialog: (
      <DiscardDialog
        opened={asking}
        onKeep={() => setAsking(false)}
        onDiscard={() => {
          setAsking(false)
          dirtyForms.delete(id)
          onClose()
        }}
      />
    ),
  }
}

/**
 * Per-field messages from a failed save that disappear once the field is edited. Call `edited(keys)` from the
 * form's change handler; `fieldError(key)` also finds nested paths ("meals.0.to" under "meals").
 */
export function useFieldErrors(fields: Record<string, string> | undefined, formRef: RefObject<HTMLElement | null>) {
  const [fixed, setFixed] = useState<Set<string>>(new Set())
  const seen = useRef<Record<string, string> | undefined>(undefined)
  if (seen.current !== fields) {
    seen.current = fields
    if (fixed.size) setFixed(new Set())
  }
  useEffect(() => {
    if (!fields || Object.keys(fields).length === 0) return
    // After the messages have rendered: the first invalid field, in the order the form shows them.
    const timer = setTimeout(() => {
      const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')
      if (!first) return
      first.scrollIntoView({ block: 'center' })
      first.focus()
    })
    return () => clearTimeout(timer)
  }, [fields, formRef])
  return {
    fieldError: (key: string): string | undefined => {
      if (!fields || fixed.has(key)) return undefined
      return fields[key] ?? Object.entries(fields).find(([k]) => k.startsWith(`${key}.`))?.[1]
    },
    edited: (keys: string[]) => setFixed((prev) => (keys.every((k) => prev.has(k)) ? prev : new Set([...prev, ...keys]))),
  }
}

/**
 * The message above a form after a failed save, kept true while the volunteer mends it: `shown` holds each field's
 * message still on screen (undefined once that field was edited), so a mended field leaves the summary at once
 * and the summary goes when none is left. An error about no field in particular stays until the next save.
 */
export function ErrorSummary({ error, shown }: { error: { message: string; fields: Record<string, string> } | null; shown: Record<string, string | undefined> }) {
  if (!error) return null
  const all = Object.keys(error.fields)
  const left = [...new Set(Object.values(shown).filter((m): m is string => !!m))]
  if (all.length > 0 && left.length === 0) return null
  return (
    <Alert color="red" role="alert">
      {all.length === 0 || left.length === all.length ? (
        error.message
      ) : left.length === 1 ? (
        left[0]
      ) : (
        <List size="sm">
          {left.map((m) => (
            <List.Item key={m}>{m}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  )
}
