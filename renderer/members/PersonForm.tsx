import { Fieldset, Modal, MultiSelect, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { FormattedMessage, useIntl } from 'react-intl'
import { CONTACT_METHODS, DIETARY_NEEDS, HOUSEHOLD_ROLES, MEMBER_STATUSES, type ContactMethod, type DietaryNeed, type HouseholdRole, type MemberStatus } from '../../main/contract/values'
import type { PersonDetail } from '../../main/contract/members'
import { useHearthQuery } from '../api'
import { DateField } from '../i18n/DateField'
import { ErrorSummary, FormFooter } from '../shell/forms'
import { contactLabel, dietaryLabel, roleLabel, statusLabel } from './labels'
import { useRecordForm } from './useRecordForm'

const ADDRESS_KEYS = new Set<string>(['line1', 'line2', 'city', 'region', 'postalCode', 'country'])

interface Draft {
  firstName: string
  lastName: string
  preferredName: string
  status: MemberStatus
  householdId: string
  householdRole: HouseholdRole | null
  mobilePhone: string
  otherPhone: string
  email: string
  preferredContact: ContactMethod | null
  birthday: string
  joinedOn: string
  line1: string
  line2: string
  city: string
  region: string
  postalCode: string
  country: string
  dietary: DietaryNeed[]
  dietaryNotes: string
  skills: string[]
  tags: string[]
}

function draftOf(p: PersonDetail | null): Draft {
  const a = p?.address
  return {
    firstName: p?.firstName ?? '',
    lastName: p?.lastName ?? '',
    preferredName: p?.preferredName ?? '',
    status: p?.status ?? 'member',
    householdId: p?.householdId ? String(p.householdId) : '',
    householdRole: p?.householdRole ?? null,
    mobilePhone: p?.mobilePhone ?? '',
    otherPhone: p?.otherPhone ?? '',
    email: p?.email ?? '',
    preferredContact: p?.preferredContact ?? null,
    birthday: p?.birthday ?? '',
    joinedOn: p?.joinedOn ?? '',
    line1: a?.line1 ?? '',
    line2: a?.line2 ?? '',
    city: a?.city ?? '',
    region: a?.region ?? '',
    postalCode: a?.postalCode ?? '',
    country: a?.country ?? '',
    dietary: p?.dietary ?? [],
    dietaryNotes: p?.dietaryNotes ?? '',
    skills: p?.skills ?? [],
    tags: p?.tags ?? [],
  }
}

/** Add a person (person = null) or edit one. Closes with the saved person's id, or null when cancelled. */
export function PersonForm({ opened, person, onClose }: { opened: boolean; person: PersonDetail | null; onClose: (savedId: number | null) => void }) {
  const intl = useIntl()
  const households = useHearthQuery('households.all', {}, { enabled: opened })
  const choices = useHearthQuery('members.choices', {}, { enabled: opened })
  const { d, setD, create, update, error, formRef, errors, fields, guard, saving } = useRecordForm(
    opened,
    () => draftOf(person),
    { create: 'members.create', update: 'members.update' },
    () => onClose(null),
  )

  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) => {
      errors.edited(ADDRESS_KEYS.has(key) ? [`address.${key}`, 'address'] : [key])
      setD((old) => ({ ...old, [key]: value }))
    }
  const text = (key: keyof Draft, label: string, extra: Record<string, unknown> = {}) => (
    <TextInput label={label} value={d[key] as string} onChange={(e) => set(key)(e.currentTarget.value as never)} error={fields[key]} {...extra} />
  )

  const submit = () => {
    const input = {
      firstName: d.firstName,
      lastName: d.lastName,
      preferredName: d.preferredName,
      status: d.status,
      householdId: d.householdId ? Number(d.householdId) : null,
      householdRole: d.householdId ? d.householdRole : null,
      mobilePhone: d.mobilePhone,
      otherPhone: d.otherPhone,
      email: d.email,
      preferredContact: d.preferredContact,
      birthday: d.birthday,
      joinedOn: d.joinedOn,
      address: { line1: d.line1, line2: d.line2, city: d.city, region: d.region, postalCode: d.postalCode, country: d.country },
      dietary: d.dietary,
      dietaryNotes: d.dietaryNotes,
      skills: d.skills,
      tags: d.tags,
    }
    if (person) update.mutate({ id: person.id, ...input }, { onSuccess: () => onClose(person.id) })
    else
      create.mutate(input, {
        onSuccess: ({ id }) => {
          notifications.show({ message: intl.formatMessage({ id: 'members.form.added' }, { name: `${d.preferredName || d.firstName} ${d.lastName}`.trim() }), color: 'green' })
          onClose(id)
        },
      })
  }

  const addressError = (k: string) => fields[`address.${k}`]

  return (
    <>
      {guard.dialog}
      <Modal
        opened={opened}
        onClose={guard.close}
        size="xl"
        title={person ? intl.formatMessage({ id: 'members.form.editTitle' }, { name: person.name }) : intl.formatMessage({ id: 'members.form.addTitle' })}
      >
        <form
          ref={formRef}
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            submit()
          }}
        >
          <Stack gap="sm">
            <ErrorSummary error={error} shown={fields} />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {text('firstName', intl.formatMessage({ id: 'members.form.firstName' }), { required: true, 'data-autofocus': true })}
              {text('lastName', intl.formatMessage({ id: 'members.form.lastName' }), { required: true })}
              {text('preferredName', intl.formatMessage({ id: 'members.form.preferredName' }), { description: intl.formatMessage({ id: 'members.form.preferredName.help' }) })}
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={intl.formatMessage({ id: 'members.form.status' })}
                data={MEMBER_STATUSES.map((s) => ({ value: s, label: intl.formatMessage({ id: statusLabel(s) }) }))}
                value={d.status}
                allowDeselect={false}
                onChange={(v) => v && set('status')(v as MemberStatus)}
                error={fields.status}
              />
              <Select
                label={intl.formatMessage({ id: 'members.form.household' })}
                // Empty until chosen, so typing searches at once (a shown "No household" would be searched for too).
                data={(households.data ?? []).map((h) => ({ value: String(h.id), label: h.displayName }))}
                value={d.householdId || null}
                placeholder={intl.formatMessage({ id: 'members.form.household.none' })}
                searchable
                clearable
                limit={100}
                nothingFoundMessage={intl.formatMessage({ id: 'members.form.household.nothing' })}
                onChange={(v) => set('householdId')(v ?? '')}
                error={fields.householdId}
              />
              <Select
                label={intl.formatMessage({ id: 'members.form.role' })}
                data={HOUSEHOLD_ROLES.map((r) => ({ value: r, label: intl.formatMessage({ id: roleLabel(r) }) }))}
                value={d.householdRole}
                clearable
                disabled={!d.householdId}
                onChange={(v) => set('householdRole')(v as HouseholdRole | null)}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {text('mobilePhone', intl.formatMessage({ id: 'members.form.mobilePhone' }), { type: 'tel' })}
              {text('otherPhone', intl.formatMessage({ id: 'members.form.otherPhone' }), { type: 'tel' })}
              {text('email', intl.formatMessage({ id: 'members.form.email' }), { type: 'email' })}
              <Select
                label={intl.formatMessage({ id: 'members.form.preferredContact' })}
                data={CONTACT_METHODS.map((c) => ({ value: c, label: intl.formatMessage({ id: contactLabel(c) }) }))}
                value={d.preferredContact}
                clearable
                onChange={(v) => set('preferredContact')(v as ContactMethod | null)}
              />
              <DateField label={intl.formatMessage({ id: 'members.form.birthday' })} value={d.birthday} onChange={(e) => set('birthday')(e.currentTarget.value)} error={fields.birthday} />
              <DateField label={intl.formatMessage({ id: 'members.form.joinedOn' })} value={d.joinedOn} onChange={(e) => set('joinedOn')(e.currentTarget.value)} error={fields.joinedOn} />
            </SimpleGrid>
            <Fieldset legend={intl.formatMessage({ id: 'members.form.ownAddress' })}>
              <Stack gap="xs">
                <Text size="sm" c="dimmed">
                  <FormattedMessage id="members.form.ownAddress.help" />
                </Text>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  {(['line1', 'line2', 'city', 'region', 'postalCode', 'country'] as const).map((k) => (
                    <TextInput key={k} label={intl.formatMessage({ id: `members.form.${k}` })} value={d[k]} onChange={(e) => set(k)(e.currentTarget.value)} error={addressError(k)} />
                  ))}
                </SimpleGrid>
              </Stack>
            </Fieldset>
            <MultiSelect
              label={intl.formatMessage({ id: 'members.form.dietary' })}
              data={DIETARY_NEEDS.map((n) => ({ value: n, label: intl.formatMessage({ id: dietaryLabel(n) }) }))}
              value={d.dietary}
              searchable
              onChange={(v) => set('dietary')(v as DietaryNeed[])}
            />
            <Textarea label={intl.formatMessage({ id: 'members.form.dietaryNotes' })} autosize minRows={1} value={d.dietaryNotes} onChange={(e) => set('dietaryNotes')(e.currentTarget.value)} error={fields.dietaryNotes} />
            <TagsInput
              label={intl.formatMessage({ id: 'members.form.skills' })}
              description={intl.formatMessage({ id: 'members.form.skills.help' })}
              data={choices.data?.skills ?? []}
              value={d.skills}
              onChange={set('skills')}
              error={fields.skills}
            />
            <TagsInput
              label={intl.formatMessage({ id: 'members.form.tags' })}
              description={intl.formatMessage({ id: 'members.form.tags.help' })}
              data={choices.data?.tags ?? []}
              value={d.tags}
              onChange={set('tags')}
              error={fields.tags}
            />
            <FormFooter onCancel={guard.close} saving={saving} />
          </Stack>
        </form>
      </Modal>
    </>
  )
}
