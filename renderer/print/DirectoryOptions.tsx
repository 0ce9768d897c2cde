import { Checkbox, Group, SegmentedControl, Stack, Text } from '@mantine/core'
import { useIntl } from 'react-intl'
import type { MessageId } from '../../main/contract/i18n/en'
import {
  DEFAULT_DIRECTORY_FIELDS,
  DEFAULT_DIRECTORY_STATUSES,
  DIRECTORY_FIELDS,
  DIRECTORY_STATUSES,
  type DirectoryField,
  type DirectoryOptions,
  type DirectoryStatus,
  type PrintProfile,
} from '../../main/contract/print'

/**
 * What the directory lists and how: columns, who (members, regular attenders, visitors), which details, a cover.
 * Details a copy may not show (phones on the noticeboard) stay off whatever is ticked; the noticeboard lists names.
 */
export function DirectoryOptionsFields({ profile, value, onChange }: { profile: PrintProfile; value: DirectoryOptions; onChange: (next: DirectoryOptions) => void }) {
  const intl = useIntl()
  const t = (id: MessageId) => intl.formatMessage({ id })
  const statuses = value.statuses ?? DEFAULT_DIRECTORY_STATUSES
  const fields = value.fields ?? DEFAULT_DIRECTORY_FIELDS
  return (
    <Stack gap="sm">
      <Stack gap={4}>
        <Text size="sm" fw={500} id="directory-columns-label">
          {t('print.directory.columns')}
        </Text>
        <SegmentedControl
          aria-labelledby="directory-columns-label"
          value={value.columns ? String(value.columns) : 'auto'}
          onChange={(v) => onChange({ ...value, columns: v === 'auto' ? undefined : (Number(v) as 1 | 2 | 3) })}
          data={[
            { value: 'auto', label: t('print.directory.columns.auto') },
            { value: '1', label: t('print.directory.columns.1') },
            { value: '2', label: t('print.directory.columns.2') },
            { value: '3', label: t('print.directory.columns.3') },
          ]}
        />
      </Stack>
      <Checkbox.Group
        label={t('print.directory.statuses')}
        value={[...statuses]}
        onChange={(v) => v.length && onChange({ ...value, statuses: v as DirectoryStatus[] })}
      >
        <Group gap="md" mt={4}>
          {DIRECTORY_STATUSES.map((s) => (
            <Checkbox key={s} value={s} label={t(`print.directory.status.${s}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      {profile === 'noticeboard' ? null : (
        <Checkbox.Group label={t('print.directory.fields')} value={[...fields]} onChange={(v) => onChange({ ...value, fields: v as DirectoryField[] })}>
          <Group gap="md" mt={4}>
            {DIRECTORY_FIELDS.map((f) => (
              <Checkbox key={f} value={f} label={t(`print.directory.field.${f}`)} />
            ))}
          </Group>
        </Checkbox.Group>
      )}
      <Checkbox label={t('print.directory.cover')} checked={value.cover ?? false} onChange={(e) => onChange({ ...value, cover: e.currentTarget.checked })} />
      <Checkbox
        label={t('print.directory.booklet')}
        description={t('print.directory.booklet.help')}
        checked={value.booklet ?? false}
        onChange={(e) => onChange({ ...value, booklet: e.currentTarget.checked })}
      />
    </Stack>
  )
}
