import { Alert, Anchor, Badge, Button, Divider, Group, Paper, Select, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { HOUSEHOLD_ROLES, type HouseholdRole } from '../../main/contract/values'
import type { HouseholdMember } from '../../main/contract/members'
import { useHearthMutation, useHearthQuery } from '../api'
import { HouseholdForm } from './HouseholdForm'
import { roleLabel } from './labels'
import type { Selection } from './MembersScreen'
import { PersonPicker } from './PersonPicker'
import { joinIsolated } from '../i18n/bidi'

const REFRESH = ['members', 'households']

/** A household: its envelope name, address, and who lives there in which role. */
export function HouseholdPane({ id, onSelect }: { id: number; onSelect: (s: Selection) => void }) {
  const intl = useIntl()
  const household = useHearthQuery('households.get', { id })
  const setMembers = useHearthMutation('households.setMembers', REFRESH)
  const rename = useHearthMutation('households.update', REFRESH)
  const [editing, setEditing] = useState(false)

  if (household.error) return <Alert color="red">{household.error.message}</Alert>
  const h = household.data
  if (!h) return null

  const save = (members: HouseholdMember[]) => setMembers.mutate({ id, members: members.map((m) => ({ personId: m.id, role: m.role })) })
  const a = h.address
  const address = [a.line1, a.line2, a.city, a.region, a.postalCode, a.country].filter(Boolean).join(', ')

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="household-pane-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={2} size="h3" id="household-pane-title">
              {h.displayName}
            </Title>
            <Text size="sm" c="dimmed">
              {joinIsolated([address, h.homePhone])}
            </Text>
          </Stack>
          <Button variant="default" onClick={() => setEditing(true)}>
            <FormattedMessage id="members.edit" />
          </Button>
        </Group>
        {h.suggestedName && h.suggestedName !== h.displayName ? (
          <Group>
            <Button
              size="compact-sm"
              variant="light"
              loading={rename.isPending}
              onClick={() => rename.mutate({ id, displayName: h.suggestedName, address: h.address, homePhone: h.homePhone, anniversary: h.anniversary })}
            >
              <FormattedMessage id="households.useSuggestion" values={{ name: h.suggestedName }} />
            </Button>
          </Group>
        ) : null}
        <Divider label={intl.formatMessage({ id: 'households.members' })} labelPosition="left" />
        {setMembers.error ? <Alert color="red">{setMembers.error.message}</Alert> : null}
        {h.members.length === 0 ? (
          <Text size="sm" c="dimmed">
            <FormattedMessage id="households.members.none" />
          </Text>
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {h.members.map((m) => (
              <Group component="li" key={m.id} gap="xs" wrap="nowrap">
                <Anchor component="button" type="button" onClick={() => onSelect({ kind: 'person', id: m.id })} style={{ flex: 1, textAlign: 'left' }}>
                  {m.name}
                </Anchor>
                {m.archived ? (
                  <Badge size="xs" color="gray">
                    <FormattedMessage id="members.archived" />
                  </Badge>
                ) : null}
                <Select
                  size="xs"
                  w={130}
                  aria-label={intl.formatMessage({ id: 'households.role' }, { name: m.name })}
                  data={HOUSEHOLD_ROLES.map((r) => ({ value: r, label: intl.formatMessage({ id: roleLabel(r) }) }))}
                  value={m.role}
                  clearable
                  onChange={(v) => save(h.members.map((x) => (x.id === m.id ? { ...x, role: v as HouseholdRole | null } : x)))}
                />
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  aria-label={intl.formatMessage({ id: 'households.removeMember' }, { name: m.name })}
                  onClick={() => save(h.members.filter((x) => x.id !== m.id))}
                >
                  ×
                </Button>
              </Group>
            ))}
          </Stack>
        )}
        <PersonPicker
          label={intl.formatMessage({ id: 'households.addMember' })}
          value={null}
          onChange={(p) => {
            if (p && !h.members.some((m) => m.id === p.id)) save([...h.members, { id: p.id, name: p.name, role: null, archived: false }])
          }}
        />
      </Stack>
      <HouseholdForm opened={editing} household={h} onClose={() => setEditing(false)} />
    </Paper>
  )
}
