import { type Dispatch, type SetStateAction, useEffect, useRef, useState } from 'react'
import type { Channel } from '../../main/contract'
import { useHearthMutation } from '../api'
import { useDiscardGuard, useFieldErrors } from '../shell/forms'

const REFRESH = ['members', 'households']

/**
 * What the add-or-edit dialogs for a person and a household share: the draft, reset each time the dialog opens
 * (and only then, so a refresh in the background never wipes what is being typed); the create and update calls;
 * field errors that clear once fixed; and the question before unsaved changes are thrown away.
 */
export function useRecordForm<D, Create extends Channel, Update extends Channel>(opened: boolean, fresh: () => D, channels: { create: Create; update: Update }, onCancel: () => void) {
  const [d, setD] = useState<D>(fresh)
  const create = useHearthMutation(channels.create, REFRESH)
  const update = useHearthMutation(channels.update, REFRESH)
  const error = create.error ?? update.error
  const formRef = useRef<HTMLFormElement>(null)
  const errors = useFieldErrors(error?.fields, formRef)
  const fields: Record<string, string | undefined> = Object.fromEntries(Object.keys(error?.fields ?? {}).map((k) => [k, errors.fieldError(k)]))
  const [initial, setInitial] = useState(() => JSON.stringify(fresh()))
  const guard = useDiscardGuard(opened && JSON.stringify(d) !== initial, onCancel)

  useEffect(() => {
    if (!opened) return
    const blank = fresh()
    setD(blank)
    setInitial(JSON.stringify(blank))
    create.reset()
    update.reset()
  }, [opened])

  return { d, setD: setD as Dispatch<SetStateAction<D>>, create, update, error, formRef, errors, fields, guard, saving: create.isPending || update.isPending }
}
