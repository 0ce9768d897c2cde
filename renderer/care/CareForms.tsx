import { Alert, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { type ReactNode, type RefObject, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { CareAsk, CareOffer } from '../../main/contract/care'
import { CARE_KINDS, type CareKind } from '../../main/contract/values'
import { type HearthCallError, useHearthMutation } from '../api'
import { PersonPicker } from '../members/PersonPicker'
import { FormFooter, useDiscardGuard, useFieldErrors } from '../shell/forms'

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7]

/** Records or edits an ask for help. Its words may be private, and the form says so. */
export function AskForm({ ask, onClose }: { ask?: CareAsk; onClose: () => void }) {
  const intl = useIntl()
  const initial = {
    personId: ask?.personId ?? null,
    householdId: ask?.householdId ?? null,
    recipientName: ask?.recipientName ?? '',
    kind: ask?.kind ?? ('meals' as CareKind),
    title: ask?.title ?? '',
    details: ask?.details ?? '',
  }
  const [draft, setDraft] = useState(initial)
  const [lookupError, setLookupError] = useState<HearthCallError | null>(null)
  const guard = useDiscardGuard(JSON.stringify(draft) !== JSON.stringify(initial), onClose)
  const formRef = useRef<HTMLFormElement>(null)
  const create = useHearthMutation('care.createAsk', ['care'])
  const update = useHearthMutation('care.updateAsk', ['care'])
  const recipientDefaults = useHearthMutation('mealTrains.recipientDefaults', [])
  const error = create.error ?? update.error
  const errors = useFieldErrors(error?.fields, formRef)
  const set = (patch: Partial<typeof draft>) => {
    errors.edited(Object.keys(patch))
    setDraft((d) => ({ ...d, ...patch }))
  }
  const chooseMember = async (personId: number | null, name: string | null) => {
    set({ personId, householdId: null, ...(name ? { recipientName: name } : {}) })
    if (personId === null) return
    try {
      const d = await recipientDefaults.mutateAsync({ personId })
      set({ personId, householdId: d.recipientHouseholdId, recipientName: name ?? d.recipientName })
    } catch (err) {
      setLookupError(err as HearthCallError)
    }
  }
  const save = () => {
    const fields = { ...draft, details: draft.details || null }
    const done = () => {
      notifications.show({ message: intl.formatMessage({ id: 'care.askForm.saved' }), color: 'green' })
      onClose()
    }
    if (ask) update.mutate({ id: ask.id, fields }, { onSuccess: done })
    else create.mutate(fields, { onSuccess: done })
  }
  return (
    <CareFormDialog
      title={intl.formatMessage({ id: ask ? 'care.askForm.edit' : 'care.askForm.new' })}
      guard={guard}
      formRef={formRef}
      onSubmit={save}
      error={error}
      saving={create.isPending || update.isPending}
    >
      {lookupError ? <Alert color="red">{lookupError.message}</Alert> : null}
      {ask ? null : (
        // Who an ask is for is chosen once; the member list may not hold them among its first names to show.
        <PersonPicker
          label={intl.formatMessage({ id: 'care.askForm.member' })}
          value={draft.personId}
          error={errors.fieldError('personId')}
          onChange={(p) => void chooseMember(p?.id ?? null, p?.name ?? null)}
        />
      )}
      <TextInput
        label={intl.formatMessage({ id: 'care.askForm.recipientName' })}
        required
        value={draft.recipientName}
        error={errors.fieldError('recipientName')}
        onChange={(e) => set({ recipientName: e.currentTarget.value })}
      />
      <Select
        label={intl.formatMessage({ id: 'care.askForm.kind' })}
        required
        allowDeselect={false}
        data={CARE_KINDS.map((k) => ({ value: k, label: intl.formatMessage({ id: `care.kind.${k}` }) }))}
        value={draft.kind}
        error={errors.fieldError('kind')}
        onChange={(v) => v && set({ kind: v as CareKind })}
      />
      <Text size="sm" id="care-ask-sensitive">
        <FormattedMessage id="care.askForm.sensitive" />
      </Text>
      <TextInput
        label={intl.formatMessage({ id: 'care.askForm.title' })}
        placeholder={intl.formatMessage({ id: 'care.askForm.title.placeholder' })}
        required
        aria-describedby="care-ask-sensitive"
        value={draft.title}
        error={errors.fieldError('title')}
        onChange={(e) => set({ title: e.currentTarget.value })}
      />
      <Textarea
        label={intl.formatMessage({ id: 'care.askForm.details' })}
        autosize
        minRows={2}
        value={draft.details}
        error={errors.fieldError('details')}
        onChange={(e) => set({ details: e.currentTarget.value })}
      />
    </CareFormDialog>
  )
}

/** Records or edits a member's standing offer of help. */
export function OfferForm({ offer, onClose }: { offer?: CareOffer; onClose: () => void }) {
  const intl = useIntl()
  const initial = {
    personId: offer?.personId ?? null,
    title: offer?.title ?? '',
    kinds: offer?.kinds ?? ([] as CareKind[]),
    weekdays: (offer?.weekdays ?? WEEKDAYS).map(String),
    from: offer?.from ?? '',
    to: offer?.to ?? '',
    notes: offer?.notes ?? '',
  }
  const [draft, setDraft] = useState(initial)
  const [missingPerson, setMissingPerson] = useState(false)
  const guard = useDiscardGuard(JSON.stringify(draft) !== JSON.stringify(initial), onClose)
  const formRef = useRef<HTMLFormElement>(null)
  const create = useHearthMutation('care.createOffer', ['care'])
  const update = useHearthMutation('care.updateOffer', ['care'])
  const error = create.error ?? update.error
  const errors = useFieldErrors(error?.fields, formRef)
  const set = (patch: Partial<typeof draft>) => {
    errors.edited(Object.keys(patch))
    setDraft((d) => ({ ...d, ...patch }))
  }
  const save = () => {
    if (draft.personId === null) {
      setMissingPerson(true)
      return
    }
    const fields = {
      personId: draft.personId,
      title: draft.title,
      kinds: draft.kinds,
      weekdays: draft.weekdays.map(Number).sort(),
      from: draft.from || null,
      to: draft.to || null,
      notes: draft.notes || null,
    }
    const done = () => {
      notifications.show({ message: intl.formatMessage({ id: 'care.offerForm.saved' }), color: 'green' })
      onClose()
    }
    if (offer) update.mutate({ id: offer.id, fields }, { onSuccess: done })
    else create.mutate(fields, { onSuccess: done })
  }
  return (
    <CareFormDialog
      title={intl.formatMessage({ id: offer ? 'care.offerForm.edit' : 'care.offerForm.new' })}
      guard={guard}
      formRef={formRef}
      onSubmit={save}
      error={error}
      saving={create.isPending || update.isPending}
    >
      {offer ? (
        <TextInput label={intl.formatMessage({ id: 'care.offerForm.member' })} value={offer.personName} readOnly />
      ) : (
        <PersonPicker
          label={intl.formatMessage({ id: 'care.offerForm.member' })}
          required
          value={draft.personId}
          error={missingPerson ? intl.formatMessage({ id: 'mealTrains.signup.chooseMember' }) : errors.fieldError('personId')}
          onChange={(p) => {
            setMissingPerson(false)
            set({ personId: p?.id ?? null })
          }}
        />
      )}
      <TextInput
        label={intl.formatMessage({ id: 'care.offerForm.title' })}
        placeholder={intl.formatMessage({ id: 'care.offerForm.title.placeholder' })}
        required
        value={draft.title}
        error={errors.fieldError('title')}
        onChange={(e) => set({ title: e.currentTarget.value })}
      />
      <Checkbox.Group label={intl.formatMessage({ id: 'care.offerForm.kinds' })} required value={draft.kinds} error={errors.fieldError('kinds')} onChange={(v) => set({ kinds: v as CareKind[] })}>
        <SimpleGrid cols={{ base: 1, xs: 2 }} mt="xs" spacing="xs">
          {CARE_KINDS.map((k) => (
            <Checkbox key={k} value={k} label={intl.formatMessage({ id: `care.kind.${k}` })} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Checkbox.Group label={intl.formatMessage({ id: 'care.offerForm.weekdays' })} value={draft.weekdays} error={errors.fieldError('weekdays')} onChange={(v) => set({ weekdays: v })}>
        <Group mt="xs" gap="sm">
          {WEEKDAYS.map((d) => (
            <Checkbox key={d} value={String(d)} label={intl.formatMessage({ id: `mealTrains.weekday.${d}` as 'mealTrains.weekday.1' })} />
          ))}
        </Group>
      </Checkbox.Group>
      <Group grow align="flex-start">
        <TextInput type="time" label={intl.formatMessage({ id: 'care.offerForm.from' })} value={draft.from} error={errors.fieldError('from')} onChange={(e) => set({ from: e.currentTarget.value })} />
        <TextInput type="time" label={intl.formatMessage({ id: 'care.offerForm.to' })} value={draft.to} error={errors.fieldError('to')} onChange={(e) => set({ to: e.currentTarget.value })} />
      </Group>
      <Textarea label={intl.formatMessage({ id: 'care.offerForm.notes' })} autosize value={draft.notes} onChange={(e) => set({ notes: e.currentTarget.value })} />
    </CareFormDialog>
  )
}

/** The dialog both forms share: a guarded modal holding a form, with any error not tied to a field on top. */
function CareFormDialog(props: {
  title: string
  guard: { close: () => void; dialog: ReactNode }
  formRef: RefObject<HTMLFormElement | null>
  onSubmit: () => void
  error: HearthCallError | null
  saving: boolean
  children: ReactNode
}) {
  const { title, guard, formRef, onSubmit, error, saving, children } = props
  return (
    <>
      {guard.dialog}
      <Modal opened onClose={guard.close} size="lg" title={title}>
        <form
          ref={formRef}
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            onSubmit()
          }}
        >
          <Stack gap="md">
            {error && !Object.keys(error.fields).length ? <Alert color="red">{error.message}</Alert> : null}
            {children}
            <FormFooter onCancel={guard.close} saving={saving} />
          </Stack>
        </form>
      </Modal>
    </>
  )
}
