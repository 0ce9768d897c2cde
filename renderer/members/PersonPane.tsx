import { Alert, Anchor, Badge, Button, Checkbox, Divider, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { type KeyboardEvent, useState } from 'react'
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl'
import type { PersonDetail, PersonNote } from '../../main/contract/members'
import { useHearthMutation, useHearthQuery } from '../api'
import { DeleteDialog } from './DeleteDialog'
import { contactLabel, dayToDate, dietaryLabel, roleLabel, statusLabel } from './labels'
import type { Selection } from './MembersScreen'
import { PersonForm } from './PersonForm'
import { useDiscardGuard } from '../shell/forms'
import { CalendarButton } from '../reach/CalendarButton'
import { isolate } from '../i18n/bidi'
import { MemberStanding } from '../prayer-circles/MemberStanding'
import { DateField } from '../i18n/DateField'

const REFRESH = ['members', 'households']

function Day({ day }: { day: string }) {
  return <FormattedDate value={dayToDate(day)} year="numeric" month="long" day="numeric" />
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={150} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Group>
  )
}

/** One person in full: what the coordinator sees after choosing someone in the list. */
export function PersonPane({ id, onSelect }: { id: number; onSelect: (s: Selection) => void }) {
  const intl = useIntl()
  const person = useHearthQuery('members.get', { id })
  const archive = useHearthMutation('members.archive', REFRESH)
  const unarchive = useHearthMutation('members.unarchive', REFRESH)
  const [editing, setEditing] = useState(false)
  const [deleting, setDeleting] = useState(false)

  if (person.error) return <Alert color="red">{person.error.message}</Alert>
  const p = person.data
  if (!p) return null

  const address = p.address ?? p.household?.address ?? null
  const addressText = address ? [address.line1, address.line2, address.city, address.region, address.postalCode, address.country].filter(Boolean).join(', ') : ''
  const none = intl.formatMessage({ id: 'members.detail.none' })

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="person-pane-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={2} size="h3" id="person-pane-title">
              {p.name}
            </Title>
            <Group gap={6}>
              <Badge variant="light">
                <FormattedMessage id={statusLabel(p.status)} />
              </Badge>
              {p.archivedAt ? (
                <Badge color="gray">
                  <FormattedMessage id="members.archived" />
                </Badge>
              ) : null}
            </Group>
          </Stack>
          <Group gap="xs">
            <Button variant="default" onClick={() => setEditing(true)}>
              <FormattedMessage id="members.edit" />
            </Button>
            <CalendarButton request={{ of: 'person', personId: id }} />
            {p.archivedAt ? (
              <Button
                variant="default"
                loading={unarchive.isPending}
                onClick={() =>
                  unarchive.mutate({ id }, { onSuccess: () => notifications.show({ message: intl.formatMessage({ id: 'members.unarchived.done' }, { name: p.name }) }) })
                }
              >
                <FormattedMessage id="members.unarchive" />
              </Button>
            ) : (
              <Button
                variant="default"
                loading={archive.isPending}
                onClick={() =>
                  archive.mutate({ id }, { onSuccess: () => notifications.show({ message: intl.formatMessage({ id: 'members.archived.done' }, { name: p.name }) }) })
                }
              >
                <FormattedMessage id="members.archive" />
              </Button>
            )}
            <Button color="red" variant="light" onClick={() => setDeleting(true)}>
              <FormattedMessage id="members.delete" />
            </Button>
          </Group>
        </Group>
        {archive.error || unarchive.error ? <Alert color="red">{(archive.error ?? unarchive.error)?.message}</Alert> : null}
        {p.archivedAt ? (
          <Text size="sm" c="dimmed">
            <FormattedMessage id="members.detail.archivedOn" values={{ date: intl.formatDate(p.archivedAt, { dateStyle: 'long' }) }} />
          </Text>
        ) : null}

        <Divider label={intl.formatMessage({ id: 'members.detail.contact' })} labelPosition="left" />
        <Field label={intl.formatMessage({ id: 'members.form.mobilePhone' })}>{p.mobilePhone ? isolate(p.mobilePhone) : none}</Field>
        {p.otherPhone ? <Field label={intl.formatMessage({ id: 'members.form.otherPhone' })}>{isolate(p.otherPhone)}</Field> : null}
        {p.household?.homePhone ? <Field label={intl.formatMessage({ id: 'households.homePhone' })}>{isolate(p.household.homePhone)}</Field> : null}
        <Field label={intl.formatMessage({ id: 'members.form.email' })}>{p.email ? isolate(p.email) : none}</Field>
        <Field label={intl.formatMessage({ id: p.address ? 'members.detail.address' : 'members.detail.addressFromHousehold' })}>{addressText || none}</Field>
        {p.preferredContact ? (
          <Field label={intl.formatMessage({ id: 'members.detail.preferredContact' })}>
            <FormattedMessage id={contactLabel(p.preferredContact)} />
          </Field>
        ) : null}
        <Field label={intl.formatMessage({ id: 'members.detail.household' })}>
          {p.household ? (
            <Anchor component="button" type="button" onClick={() => onSelect({ kind: 'household', id: p.household!.id })}>
              {p.household.displayName}
              {p.householdRole ? ` (${intl.formatMessage({ id: roleLabel(p.householdRole) })})` : ''}
            </Anchor>
          ) : (
            <FormattedMessage id="members.noHousehold" />
          )}
        </Field>
        {p.birthday ? (
          <Field label={intl.formatMessage({ id: 'members.detail.birthday' })}>
            <Day day={p.birthday} />
          </Field>
        ) : null}
        {p.joinedOn ? (
          <Field label={intl.formatMessage({ id: 'members.detail.joined' })}>
            <Day day={p.joinedOn} />
          </Field>
        ) : null}

        <Divider label={intl.formatMessage({ id: 'members.detail.dietary' })} labelPosition="left" />
        <Text size="sm">
          {p.dietary.length ? p.dietary.map((d) => intl.formatMessage({ id: dietaryLabel(d) })).join(', ') : none}
          {p.dietaryNotes ? ` — ${p.dietaryNotes}` : ''}
        </Text>
        <Field label={intl.formatMessage({ id: 'members.detail.skills' })}>{p.skills.join(', ') || none}</Field>
        <Field label={intl.formatMessage({ id: 'members.detail.tags' })}>{p.tags.join(', ') || none}</Field>

        <Commitments person={p} />
        <Blackouts person={p} />
        <MemberStanding personId={p.id} name={p.name} />
        <Notes person={p} />
      </Stack>
      <PersonForm opened={editing} person={p} onClose={() => setEditing(false)} />
      <DeleteDialog
        id={deleting ? id : null}
        onClose={(deleted) => {
          setDeleting(false)
          if (deleted) onSelect(null)
        }}
      />
    </Paper>
  )
}

function Commitments({ person }: { person: PersonDetail }) {
  const intl = useIntl()
  return (
    <>
      <Divider label={intl.formatMessage({ id: 'members.detail.commitments' })} labelPosition="left" />
      {person.commitments.length === 0 ? (
        <Text size="sm" c="dimmed">
          <FormattedMessage id="members.detail.noCommitments" />
        </Text>
      ) : (
        <Stack gap={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {person.commitments.map((c) => (
            <Text size="sm" component="li" key={`${c.ref.area}-${c.ref.id}-${c.date}-${c.startsAt ?? ''}`}>
              <Day day={c.date} /> · <FormattedMessage id="layout.labelled" values={{ label: intl.formatMessage({ id: c.kind === 'meal' ? 'members.commitment.meal' : 'members.commitment.prayer' }), value: c.label }} />
            </Text>
          ))}
        </Stack>
      )}
    </>
  )
}

function Blackouts({ person }: { person: PersonDetail }) {
  const intl = useIntl()
  const add = useHearthMutation('members.addBlackout', REFRESH)
  const remove = useHearthMutation('members.removeBlackout', REFRESH)
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [note, setNote] = useState('')
  return (
    <>
      <Divider label={intl.formatMessage({ id: 'members.blackouts' })} labelPosition="left" />
      {person.blackouts.length === 0 ? (
        <Text size="sm" c="dimmed">
          <FormattedMessage id="members.blackouts.none" />
        </Text>
      ) : (
        <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {person.blackouts.map((b) => {
            const range = intl.formatMessage(
              { id: 'members.blackouts.range' },
              { from: intl.formatDate(dayToDate(b.startsOn), { dateStyle: 'medium' }), to: intl.formatDate(dayToDate(b.endsOn), { dateStyle: 'medium' }) },
            )
            return (
              <Group component="li" key={b.id} gap="xs">
                <Text size="sm">
                  {range}
                  {b.note ? ` — ${b.note}` : ''}
                </Text>
                <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove.mutate({ id: b.id })} aria-label={intl.formatMessage({ id: 'members.blackouts.remove' }, { range })}>
                  ×
                </Button>
              </Group>
            )
          })}
        </Stack>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          add.mutate(
            { personId: person.id, startsOn: from, endsOn: to, note },
            {
              onSuccess: () => {
                setFrom('')
                setTo('')
                setNote('')
              },
            },
          )
        }}
      >
        <Group align="flex-end" gap="xs">
          <DateField size="xs" label={intl.formatMessage({ id: 'members.blackouts.from' })} value={from} onChange={(e) => setFrom(e.currentTarget.value)} error={add.error?.fields.startsOn} />
          <DateField size="xs" label={intl.formatMessage({ id: 'members.blackouts.to' })} value={to} onChange={(e) => setTo(e.currentTarget.value)} error={add.error?.fields.endsOn} />
          <TextInput size="xs" label={intl.formatMessage({ id: 'members.blackouts.note' })} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={200} />
          <Button size="xs" type="submit" variant="light" loading={add.isPending}>
            <FormattedMessage id="members.blackouts.add" />
          </Button>
        </Group>
      </form>
    </>
  )
}

function Notes({ person }: { person: PersonDetail }) {
  const intl = useIntl()
  const add = useHearthMutation('members.addNote', REFRESH)
  const [body, setBody] = useState('')
  const [confidential, setConfidential] = useState(false)
  const guard = useDiscardGuard(body.trim() !== '', () => {
    setBody('')
    setConfidential(false)
  })
  return (
    <>
      <Divider label={intl.formatMessage({ id: 'members.notes' })} labelPosition="left" />
      {person.notes.length === 0 ? (
        <Text size="sm" c="dimmed">
          <FormattedMessage id="members.notes.none" />
        </Text>
      ) : (
        <Stack gap="xs">
          {person.notes.map((n) => (
            <NoteView key={n.id} note={n} />
          ))}
        </Stack>
      )}
      {guard.dialog}
      <form noValidate
        onKeyDown={(e) => escapeAsks(e, body.trim() !== '', guard.close)}
        onSubmit={(e) => {
          e.preventDefault()
          add.mutate(
            { personId: person.id, body, confidential },
            {
              onSuccess: () => {
                setBody('')
                setConfidential(false)
              },
            },
          )
        }}
      >
        <Stack gap={6}>
          <Textarea label={intl.formatMessage({ id: 'members.notes.new' })} autosize minRows={2} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={add.error?.fields.body ?? add.error?.message} />
          <Checkbox
            label={intl.formatMessage({ id: 'members.notes.confidential' })}
            description={intl.formatMessage({ id: 'members.notes.confidential.help' })}
            checked={confidential}
            onChange={(e) => setConfidential(e.currentTarget.checked)}
          />
          <Group>
            <Button size="xs" type="submit" variant="light" loading={add.isPending}>
              <FormattedMessage id="members.notes.add" />
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  )
}

function NoteView({ note }: { note: PersonNote }) {
  const intl = useIntl()
  const edit = useHearthMutation('members.editNote', REFRESH)
  const remove = useHearthMutation('members.deleteNote', REFRESH)
  const [draft, setDraft] = useState<{ body: string; confidential: boolean } | null>(null)
  const guard = useDiscardGuard(draft !== null && (draft.body !== note.body || draft.confidential !== note.confidential), () => setDraft(null))
  return (
    <Paper
      withBorder
      p="xs"
      radius="sm"
      style={note.confidential ? { borderColor: 'var(--mantine-color-red-6)', borderLeftWidth: 4, background: 'var(--mantine-color-red-0)' } : undefined}
    >
      {note.confidential ? (
        <Badge color="red" size="sm" mb={4}>
          <FormattedMessage id="members.notes.confidential" />
        </Badge>
      ) : null}
      {guard.dialog}
      {draft ? (
        <form noValidate
          onKeyDown={(e) => escapeAsks(e, true, guard.close)}
          onSubmit={(e) => {
            e.preventDefault()
            edit.mutate({ id: note.id, ...draft }, { onSuccess: () => setDraft(null) })
          }}
        >
          <Stack gap={6}>
            <Textarea label={intl.formatMessage({ id: 'members.notes.edit' })} autosize minRows={2} value={draft.body} onChange={(e) => setDraft({ ...draft, body: e.currentTarget.value })} error={edit.error?.fields.body} />
            <Checkbox label={intl.formatMessage({ id: 'members.notes.confidential' })} checked={draft.confidential} onChange={(e) => setDraft({ ...draft, confidential: e.currentTarget.checked })} />
            <Group gap="xs">
              <Button size="xs" type="submit" loading={edit.isPending}>
                <FormattedMessage id="members.notes.save" />
              </Button>
              <Button size="xs" variant="default" onClick={guard.close}>
                <FormattedMessage id="app.cancel" />
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {note.body}
          </Text>
          <Group justify="space-between" mt={4}>
            <Text size="xs" c="dimmed">
              <FormattedMessage id="members.notes.written" values={{ date: intl.formatDate(note.createdAt, { dateStyle: 'medium' }) }} />
            </Text>
            <Group gap={4}>
              <Button size="compact-xs" variant="subtle" onClick={() => setDraft({ body: note.body, confidential: note.confidential })}>
                <FormattedMessage id="members.notes.edit" />
              </Button>
              <Button size="compact-xs" variant="subtle" color="red" loading={remove.isPending} onClick={() => remove.mutate({ id: note.id })}>
                <FormattedMessage id="members.notes.delete" />
              </Button>
            </Group>
          </Group>
        </>
      )}
    </Paper>
  )
}

/** Escape in an inline note form closes it — asking first when something typed would be lost. */
function escapeAsks(e: KeyboardEvent, handles: boolean, close: () => void): void {
  if (e.key !== 'Escape' || !handles) return
  e.preventDefault()
  e.stopPropagation()
  close()
}
