import { Alert, Button, List, Text } from '@mantine/core'
import { FormattedMessage, useIntl } from 'react-intl'
import type { PersonNeeds } from '../../main/contract/meal-trains'
import { useJoin } from '../i18n/lists'
import { dietaryLabel } from '../members/labels'

/** Each person's needs as their member record has them: "Sam Okafor: Nut allergy (Severe — carries an EpiPen)". */
export function HouseholdNeedsList({ people, title }: { people: PersonNeeds[]; title: string }) {
  const intl = useIntl()
  const join = useJoin()
  return (
    <Alert color="red" variant="light" title={title}>
      <List size="sm" spacing={2}>
        {people.map((p) => {
          const needs = join(p.dietary.map((n) => intl.formatMessage({ id: dietaryLabel(n) })))
          return (
            <List.Item key={p.personId}>
              <Text span size="sm" fw={600}>
                {p.name}:
              </Text>{' '}
              {needs && p.notes ? `${needs} (${p.notes})` : needs || p.notes || intl.formatMessage({ id: 'mealTrains.needs.none' })}
            </List.Item>
          )
        })}
      </List>
    </Alert>
  )
}

/** What changed in the household's needs since the coordinator last looked, with a button to say it was seen. */
export function NeedsChanged({ changes, onSeen, busy }: { changes: string[]; onSeen: () => void; busy: boolean }) {
  const intl = useIntl()
  if (changes.length === 0) return null
  return (
    <Alert color="orange" title={intl.formatMessage({ id: 'mealTrains.needs.changed' })}>
      <List size="sm" mb="xs">
        {changes.map((c) => (
          <List.Item key={c}>{c}</List.Item>
        ))}
      </List>
      <Button size="compact-sm" variant="light" color="orange" loading={busy} onClick={onSeen}>
        <FormattedMessage id="mealTrains.needs.seen" />
      </Button>
    </Alert>
  )
}
