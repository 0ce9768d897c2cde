import { Alert, Button, Code, Fieldset, Group, Input, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useEffect, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { Settings } from '../../main/contract/app'
import { useHearthMutation, useHearthQuery } from '../api'
import { LANGUAGES } from '../i18n/languages'
import { Section } from '../shell/Section'
import { TemplatesSettings } from '../reach/TemplatesSettings'
import { LockSettings } from '../lock/LockSettings'

const zones: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []

export function SettingsScreen() {
  const intl = useIntl()
  const settings = useHearthQuery('settings.get', {})
  const info = useHearthQuery('app.info', {})
  const update = useHearthMutation('settings.update', ['settings', 'app'])
  const [draft, setDraft] = useState<Settings | null>(null)

  useEffect(() => {
    if (settings.data) setDraft(settings.data)
  }, [settings.data])

  if (!draft) return <Section title={intl.formatMessage({ id: 'settings.title' })} />

  const save = () =>
    update.mutate(
      {
        congregationName: draft.congregationName,
        congregationAddress: draft.congregationAddress,
        chainCallFrom: draft.chainCallFrom,
        chainCallTo: draft.chainCallTo,
        paperSize: draft.paperSize, textSize: draft.textSize, timeZone: draft.timeZone, language: draft.language, historyDays: draft.historyDays,
      },
      // The message is an element, not a string: saving may switch the language, and the toast should speak the new one.
      { onSuccess: () => notifications.show({ message: <FormattedMessage id="app.saved" />, color: 'green' }) },
    )

  return (
    <Section title={intl.formatMessage({ id: 'settings.title' })} intro={<FormattedMessage id="settings.intro" />}>
      <form noValidate
        onSubmit={(e) => {
          e.preventDefault()
          save()
        }}
      >
        <Stack maw={560} gap="md">
          {update.error ? <Alert color="red">{update.error.message}</Alert> : null}
          <TextInput
            label={intl.formatMessage({ id: 'settings.congregationName' })}
            description={intl.formatMessage({ id: 'settings.congregationName.help' })}
            value={draft.congregationName}
            error={update.error?.fields.congregationName}
            onChange={(e) => setDraft({ ...draft, congregationName: e.currentTarget.value })}
          />
          <TextInput
            label={intl.formatMessage({ id: 'settings.congregationAddress' })}
            description={intl.formatMessage({ id: 'settings.congregationAddress.help' })}
            value={draft.congregationAddress}
            error={update.error?.fields.congregationAddress}
            onChange={(e) => setDraft({ ...draft, congregationAddress: e.currentTarget.value })}
          />
          {/* One help line for both times, so neither box is pushed below the other by words the other lacks. */}
          <Fieldset
            variant="unstyled"
            legend={intl.formatMessage({ id: 'settings.chainCallHours' })}
            aria-describedby="chain-call-hours-help"
            styles={{ root: { padding: 0, margin: 0 }, legend: { padding: 0, marginBottom: 0, fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)' } }}
          >
            <Input.Description id="chain-call-hours-help" mb={6}>
              <FormattedMessage id="settings.chainCallHours.help" />
            </Input.Description>
            <Group grow align="flex-start">
              <TextInput
                label={intl.formatMessage({ id: 'settings.chainCallFrom' })}
                placeholder="08:00"
                value={draft.chainCallFrom}
                error={update.error?.fields.chainCallFrom}
                onChange={(e) => setDraft({ ...draft, chainCallFrom: e.currentTarget.value })}
              />
              <TextInput
                label={intl.formatMessage({ id: 'settings.chainCallTo' })}
                placeholder="21:00"
                value={draft.chainCallTo}
                error={update.error?.fields.chainCallTo}
                onChange={(e) => setDraft({ ...draft, chainCallTo: e.currentTarget.value })}
              />
            </Group>
          </Fieldset>
          <Select
            label={intl.formatMessage({ id: 'settings.language' })}
            description={intl.formatMessage({ id: 'settings.language.help' })}
            data={[
              { value: 'system', label: intl.formatMessage({ id: 'settings.language.system' }) },
              // Each language by its own name, so someone who cannot read the current one still finds theirs.
              ...LANGUAGES.map((l) => ({ value: l.code, label: l.name })),
            ]}
            value={draft.language}
            allowDeselect={false}
            onChange={(v) => v && setDraft({ ...draft, language: v })}
          />
          <Select
            label={intl.formatMessage({ id: 'settings.paperSize' })}
            data={[
              { value: 'A4', label: intl.formatMessage({ id: 'settings.paperSize.A4' }) },
              { value: 'Letter', label: intl.formatMessage({ id: 'settings.paperSize.Letter' }) },
            ]}
            value={draft.paperSize}
            allowDeselect={false}
            onChange={(v) => v && setDraft({ ...draft, paperSize: v as Settings['paperSize'] })}
          />
          <Select
            label={intl.formatMessage({ id: 'settings.textSize' })}
            data={(['normal', 'large', 'larger'] as const).map((v) => ({ value: v, label: intl.formatMessage({ id: `settings.textSize.${v}` }) }))}
            value={draft.textSize}
            allowDeselect={false}
            onChange={(v) => v && setDraft({ ...draft, textSize: v as Settings['textSize'] })}
          />
          <Select
            label={intl.formatMessage({ id: 'settings.timeZone' })}
            description={intl.formatMessage({ id: 'settings.timeZone.help' })}
            data={zones.includes(draft.timeZone) ? zones : [draft.timeZone, ...zones]}
            searchable
            allowDeselect={false}
            value={draft.timeZone}
            onChange={(v) => v && setDraft({ ...draft, timeZone: v })}
          />
          <NumberInput
            label={intl.formatMessage({ id: 'settings.historyDays' })}
            description={intl.formatMessage({ id: 'settings.historyDays.help' })}
            min={7}
            max={3650}
            allowDecimal={false}
            maw={260}
            value={draft.historyDays}
            error={update.error?.fields.historyDays}
            onChange={(v) => setDraft({ ...draft, historyDays: typeof v === 'number' ? v : Number(v) || 0 })}
          />
          <Group>
            <Button type="submit" loading={update.isPending}>
              <FormattedMessage id="app.save" />
            </Button>
          </Group>
        </Stack>
      </form>
      <LockSettings />
      <TemplatesSettings />
      {info.data ? (
        <Stack gap={4} mt="lg" maw={720}>
          <Text fw={600}>
            <FormattedMessage id="settings.dataLocation" />
          </Text>
          <Code block>{info.data.databasePath}</Code>
          <Text size="sm" c="dimmed">
            <FormattedMessage id="settings.dataLocation.help" />
          </Text>
          {info.data.safetyCopyPath ? (
            <Text size="sm">
              <FormattedMessage id="settings.safetyCopy" /> <Code>{info.data.safetyCopyPath}</Code>
            </Text>
          ) : null}
          <Text size="sm" c="dimmed">
            <FormattedMessage id="settings.version" values={{ version: info.data.version }} />
          </Text>
        </Stack>
      ) : null}
    </Section>
  )
}
