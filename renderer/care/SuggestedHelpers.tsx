import { Alert, Button, Group, List, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { FormattedMessage, type IntlShape, useIntl } from 'react-intl'
import type { HelperSuggestion } from '../../main/contract/care'
import type { Meal } from '../../main/contract/values'
import { useHearthMutation, useHearthQuery } from '../api'

/** "3 weeks ago", "yesterday", "2 months ago": the unit a person would use for that many days. */
export function agoText(intl: IntlShape, days: number): string {
  if (days < 14) return intl.formatRelativeTime(-days, 'day', { numeric: 'auto' })
  if (days < 60) return intl.formatRelativeTime(-Math.round(days / 7), 'week', { numeric: 'auto' })
  return intl.formatRelativeTime(-Math.round(days / 30), 'month', { numeric: 'auto' })
}

function reason(intl: IntlShape, s: HelperSuggestion, date: string): string {
  const fits = s.fits.map((f) => (f.via === 'skill' ? f.skill : intl.formatMessage({ id: 'care.suggest.fitOffer' }, { title: f.title })))
  const day = intl.formatDate(new Date(`${date}T00:00:00Z`), { timeZone: 'UTC', weekday: 'long' })
  return [
    ...fits,
    intl.formatMessage({ id: 'care.suggest.free' }, { day }),
    s.lastHelpedDaysAgo === null ? intl.formatMessage({ id: 'care.suggest.never' }) : intl.formatMessage({ id: 'care.suggest.lastHelped' }, { ago: agoText(intl, s.lastHelpedDaysAgo) }),
    ...(s.recentDuties > 0 ? [intl.formatMessage({ id: 'care.suggest.duties' }, { count: s.recentDuties })] : []),
  ].join('; ')
}

/**
 * Who could take this open slot, with a plain reason for each, and a one-step sign-up. Shown inside the sign-up
 * dialog; choosing someone here signs them up and closes it (`onSigned`).
 */
export function SuggestedHelpers({ trainId, date, meal, onSigned }: { trainId: number; date: string; meal: Meal; onSigned: () => void }) {
  const intl = useIntl()
  const found = useHearthQuery('care.suggestHelpers', { trainId, date, meal })
  const signUp = useHearthMutation('mealTrains.signUp', ['mealTrains', 'care'])
  const list = found.data?.suggestions ?? []
  const take = (s: HelperSuggestion) =>
    signUp.mutate(
      { trainId, date, meal, volunteer: { personId: s.personId } },
      {
        onSuccess: () => {
          notifications.show({ message: intl.formatMessage({ id: 'care.suggest.saved' }, { name: s.name }), color: 'green' })
          onSigned()
        },
      },
    )
  return (
    <Stack gap={6} role="region" aria-labelledby="suggested-helpers">
      <Text fw={600} id="suggested-helpers">
        <FormattedMessage id="care.suggest.title" />
      </Text>
      <Text size="sm">
        <FormattedMessage id="care.suggest.intro" />
      </Text>
      {signUp.error ? <Alert color="red">{signUp.error.message}</Alert> : null}
      {found.isSuccess && list.length === 0 ? (
        <Text size="sm">
          <FormattedMessage id="care.suggest.none" />
        </Text>
      ) : (
        <List listStyleType="none" spacing="xs" aria-labelledby="suggested-helpers">
          {list.slice(0, 5).map((s) => (
            <List.Item key={s.personId}>
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <Button size="compact-sm" variant="light" style={{ flexShrink: 0 }} loading={signUp.isPending && signUp.variables?.volunteer && 'personId' in signUp.variables.volunteer && signUp.variables.volunteer.personId === s.personId} aria-label={intl.formatMessage({ id: 'care.suggest.signUp.label' }, { name: s.name })} onClick={() => take(s)}>
                  <FormattedMessage id="care.suggest.signUp" />
                </Button>
                <Text size="sm" className="wrap-words">
                  <Text span fw={600} size="sm">
                    {s.name}
                  </Text>
                  {' — '}
                  {reason(intl, s, date)}
                </Text>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {found.data && found.data.unavailable > 0 ? (
        <Text size="sm">
          <FormattedMessage id="care.suggest.unavailable" values={{ count: found.data.unavailable }} />
        </Text>
      ) : null}
    </Stack>
  )
}
