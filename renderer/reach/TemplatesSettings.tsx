import { Alert, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useEffect, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { DEFAULT_TEMPLATES, MESSAGE_KINDS, type MessageTemplates, PLACEHOLDERS } from '../../main/contract/reach'
import { useHearthMutation, useHearthQuery } from '../api'

/** Hearth's own words for each message, in the language on screen (the catalog keeps the {placeholders}). */
function standardWords(messages: Record<string, unknown>): MessageTemplates {
  const word = (kind: (typeof MESSAGE_KINDS)[number]) => {
    const text = messages[`messages.template.${kind}`]
    return typeof text === 'string' ? text : DEFAULT_TEMPLATES[kind]
  }
  return Object.fromEntries(MESSAGE_KINDS.map((kind) => [kind, word(kind)])) as MessageTemplates
}

/** The words each copied message starts from, editable; "Use the standard words" puts Hearth's own back. */
export function TemplatesSettings() {
  const intl = useIntl()
  const stored = useHearthQuery('reach.templates', {})
  const save = useHearthMutation('reach.setTemplates', ['reach'])
  const [draft, setDraft] = useState<MessageTemplates | null>(null)
  useEffect(() => {
    if (stored.data) setDraft(stored.data)
  }, [stored.data])
  if (!draft) return null
  return (
    <form noValidate
      onSubmit={(e) => {
        e.preventDefault()
        save.mutate(draft, { onSuccess: () => notifications.show({ message: intl.formatMessage({ id: 'app.saved' }), color: 'green' }) })
      }}
    >
      <Stack maw={560} gap="md" mt="xl">
        <Stack gap={2}>
          <Title order={2} size="h4">
            <FormattedMessage id="reach.templates" />
          </Title>
          <Text size="sm" c="dimmed">
            <FormattedMessage id="reach.templates.help" />
          </Text>
        </Stack>
        {save.error && !Object.keys(save.error.fields).length ? <Alert color="red">{save.error.message}</Alert> : null}
        {MESSAGE_KINDS.map((kind) => (
          <Textarea
            key={kind}
            label={intl.formatMessage({ id: `reach.template.${kind}` })}
            description={intl.formatMessage({ id: 'reach.template.fills' }, { names: PLACEHOLDERS[kind].map((p) => `{${p}}`).join(' ') })}
            value={draft[kind]}
            error={save.error?.fields[kind]}
            autosize
            minRows={3}
            maxRows={10}
            onChange={(e) => setDraft({ ...draft, [kind]: e.currentTarget.value })}
          />
        ))}
        <Group>
          <Button type="submit" loading={save.isPending}>
            <FormattedMessage id="reach.templates.save" />
          </Button>
          <Button variant="default" onClick={() => setDraft(standardWords(intl.messages))}>
            <FormattedMessage id="reach.templates.standard" />
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
