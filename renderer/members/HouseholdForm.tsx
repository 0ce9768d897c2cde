import { Button, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { FormattedMessage, useIntl } from 'react-intl'
import type { HouseholdDetail } from '../../main/contract/members'
import { ErrorSummary, FormFooter } from '../shell/forms'
import { useRecordForm } from './useRecordForm'
import { DateField } from '../i18n/DateField'

const KEYS = ['line1', 'line2', 'city', 'region', 'postalCode', 'country'] as const

type Draft = Record<(typeof KEYS)[number] | 'displayName' | 'homePhone' | 'anniversary', string>

function draftOf(h: HouseholdDetail | null): Draft {
  return {
    displayName: h?.displayName ?? '',
    homePhone: h?.homePhone ?? '',
    anniversary: h?.anniversary ?? '',
    line1: h?.address.line1 ?? '',
    line2: h?.address.line2 ?? '',
    city: h?.address.city ?? '',
    region: h?.address.region ?? '',
    postalCode: h?.address.postalCode ?? '',
    country: h?.address.country ?? '',
  }
}

/** Add a household (household = null) or edit its name, address and home phone. */
export function HouseholdForm({ opened, household, onClose }: { opened: boolean; household: HouseholdDetail | null; onClose: (savedId: number | null) => void }) {
  const intl = useIntl()
  const { d, setD, create, update, error, formRef, errors, fields, guard, saving } = useRecordForm(
    opened,
    () => draftOf(household),
    { create: 'households.create', update: 'households.update' },
    () => onClose(null),
  )
  const edit = (patch: Partial<Draft>) => {
    errors.edited(Object.keys(patch).flatMap((k) => [k, `address.${k}`]))
    setD({ ...d, ...patch })
  }

  const submit = () => {
    const input = {
      displayName: d.displayName,
      homePhone: d.homePhone,
      anniversary: d.anniversary,
      address: { line1: d.line1, line2: d.line2, city: d.city, region: d.region, postalCode: d.postalCode, country: d.country },
    }
    const done = (id: number) => {
      notifications.show({ message: intl.formatMessage({ id: 'households.saved' }), color: 'green' })
      onClose(id)
    }
    if (household) update.mutate({ id: household.id, ...input }, { onSuccess: ({ id }) => done(id) })
    else create.mutate(input, { onSuccess: ({ id }) => done(id) })
  }

  return (
    <>
      {guard.dialog}
      <Modal
        opened={opened}
        onClose={guard.close}
        size="lg"
        title={intl.formatMessage({ id: household ? 'households.editTitle' : 'households.addTitle' })}
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
            <TextInput
              data-autofocus
              required
              label={intl.formatMessage({ id: 'households.displayName' })}
              description={intl.formatMessage({ id: 'households.displayName.help' })}
              value={d.displayName}
              onChange={(e) => edit({ displayName: e.currentTarget.value })}
              error={fields.displayName}
            />
            {household?.suggestedName && household.suggestedName !== d.displayName ? (
              <Group>
                <Button size="compact-sm" variant="light" onClick={() => edit({ displayName: household.suggestedName })}>
                  <FormattedMessage id="households.useSuggestion" values={{ name: household.suggestedName }} />
                </Button>
              </Group>
            ) : null}
            <TextInput type="tel" label={intl.formatMessage({ id: 'households.homePhone' })} value={d.homePhone} onChange={(e) => edit({ homePhone: e.currentTarget.value })} error={fields.homePhone} />
            <DateField
              label={intl.formatMessage({ id: 'households.anniversary' })}
              description={intl.formatMessage({ id: 'households.anniversary.help' })}
              value={d.anniversary}
              onChange={(e) => edit({ anniversary: e.currentTarget.value })}
              error={fields.anniversary}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {KEYS.map((k) => (
                <TextInput key={k} label={intl.formatMessage({ id: `members.form.${k}` })} value={d[k]} onChange={(e) => edit({ [k]: e.currentTarget.value })} error={fields[`address.${k}`]} />
              ))}
            </SimpleGrid>
            <FormFooter onCancel={guard.close} saving={saving} />
          </Stack>
        </form>
      </Modal>
    </>
  )
}
