import { Checkbox, NumberInput, Select, Stack } from '@mantine/core'
import { useIntl } from 'react-intl'
import { LABEL_SHEETS, type LabelOptions, type LabelSheet } from '../../main/contract/print'

/** Which Avery sheet, where to start on a part-used one, and an outline for a test print on plain paper. */
export function LabelOptionsFields({ value, onChange }: { value: LabelOptions; onChange: (next: LabelOptions) => void }) {
  const intl = useIntl()
  return (
    <Stack gap="sm">
      <Select
        label={intl.formatMessage({ id: 'print.labels.sheet' })}
        value={value.sheet}
        allowDeselect={false}
        onChange={(v) => v && onChange({ ...value, sheet: v as LabelSheet })}
        data={LABEL_SHEETS.map((s) => ({ value: s, label: intl.formatMessage({ id: `print.labels.sheet.${s}` }) }))}
      />
      <NumberInput
        label={intl.formatMessage({ id: 'print.labels.startAt' })}
        description={intl.formatMessage({ id: 'print.labels.startAt.help' })}
        min={1}
        max={30}
        allowDecimal={false}
        value={value.startAt ?? 1}
        onChange={(v) => typeof v === 'number' && v >= 1 && v <= 30 && onChange({ ...value, startAt: v })}
      />
      <Checkbox
        label={intl.formatMessage({ id: 'print.labels.outline' })}
        checked={value.outline ?? false}
        onChange={(e) => onChange({ ...value, outline: e.currentTarget.checked })}
      />
    </Stack>
  )
}
