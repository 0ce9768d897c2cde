import { Alert, Button, Checkbox, Group, List, Loader, Modal, NativeSelect, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { keepPreviousData } from '@tanstack/react-query'
import { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { CODE_PAGES, CSV_FIELDS, type CsvEncoding, type CsvField, type CsvFilePreview, type CsvReadChoice, DATE_ORDERS, type DateOrder } from '../../../main/contract/members-csv'
import { useHearthMutation, useHearthQuery } from '../../api'
import { useDiscardGuard } from '../../shell/forms'

/**
 * Checks a chosen spreadsheet before anything is written: the first rows as they are, what each column holds
 * (Hearth's guesses, to correct), how dates are written, then how many rows are new, look like duplicates, or
 * cannot be imported and why. Every change of mapping re-checks the whole file; importing is one transaction.
 */
export function ImportDialog({ preview, onClose, onReadAs }: { preview: CsvFilePreview; onClose: () => void; onReadAs: (choice: CsvReadChoice) => void }) {
  const intl = useIntl()
  const [mapping, setMapping] = useState<(CsvField | null)[]>(preview.mapping)
  const [dateOrder, setDateOrder] = useState<DateOrder>(preview.dateOrder)
  const [skipDuplicates, setSkipDuplicates] = useState(true)
  const plan = { token: preview.token, encoding: preview.encoding, ...(preview.sheet === null ? {} : { sheet: preview.sheet }), mapping, dateOrder }
  const check = useHearthQuery('membersCsv.check', plan, { placeholderData: keepPreviousData, staleTime: 0, gcTime: 0 })
  const run = useHearthMutation('membersCsv.import', ['members', 'households'])
  const c = check.data
  const toImport = c ? c.newCount + (skipDuplicates ? 0 : c.duplicateCount) : 0
  const first = preview.sampleRows[0] ?? []
  // Columns matched by hand, or a changed date order, are work a stray Escape should not throw away.
  const guard = useDiscardGuard(
    JSON.stringify([mapping, dateOrder, skipDuplicates]) !== JSON.stringify([preview.mapping, preview.dateOrder, true]),
    onClose,
  )

  const confirm = () =>
    run.mutate(
      { ...plan, skipDuplicates },
      {
        onSuccess: (r) => {
          notifications.show({
            color: 'green',
            message: intl.formatMessage({ id: 'membersCsv.imported' }, { count: r.imported, households: r.households, skipped: r.skippedDuplicates + r.skippedInvalid }),
          })
          onClose()
        },
      },
    )

  const setField = (column: number, value: string) => setMapping(mapping.map((f, i) => (i === column ? ((value || null) as CsvField | null) : f)))

  return (
    <>
      {guard.dialog}
      <Modal opened onClose={guard.close} size="min(1100px, 95vw)" title={intl.formatMessage({ id: 'membersCsv.dialog.title' })}>
      <Stack gap="md">
        <Text>
          <FormattedMessage id="membersCsv.dialog.file" values={{ fileName: preview.fileName, count: preview.rowCount }} />
        </Text>

        {preview.sheets.length > 1 && preview.sheet !== null ? (
          <NativeSelect
            label={intl.formatMessage({ id: 'membersCsv.sheet.label' })}
            description={intl.formatMessage({ id: 'membersCsv.sheet.help' })}
            value={preview.sheet}
            onChange={(e) => onReadAs({ sheet: e.currentTarget.value })}
            data={preview.sheets}
            maw={480}
          />
        ) : null}

        {preview.encodingGuessed ? (
          <NativeSelect
            label={intl.formatMessage({ id: 'membersCsv.encoding.label' })}
            description={intl.formatMessage({ id: 'membersCsv.encoding.help' })}
            value={preview.encoding}
            onChange={(e) => onReadAs({ encoding: e.currentTarget.value as CsvEncoding })}
            data={CODE_PAGES.map((e) => ({ value: e, label: intl.formatMessage({ id: `membersCsv.encoding.${e}` }) }))}
            maw={480}
          />
        ) : null}

        <Stack gap={4}>
          <Title order={3} size="h5">
            <FormattedMessage id="membersCsv.preview.title" />
          </Title>
          <ScrollArea type="auto" offsetScrollbars>
            <Table withTableBorder withColumnBorders striped fz="sm" style={{ whiteSpace: 'pre-line' }}>
              <Table.Caption>
                <FormattedMessage id="membersCsv.preview.caption" values={{ fileName: preview.fileName }} />
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  {preview.headers.map((h, i) => (
                    <Table.Th key={i} scope="col">
                      {h}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.sampleRows.map((row, r) => (
                  <Table.Tr key={r}>
                    {preview.headers.map((_, i) => (
                      <Table.Td key={i}>{row[i]}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Stack>

        <Stack gap={4}>
          <Title order={3} size="h5">
            <FormattedMessage id="membersCsv.mapping.title" />
          </Title>
          <Text size="sm" c="dimmed">
            <FormattedMessage id="membersCsv.mapping.help" />
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" verticalSpacing="xs">
            {preview.headers.map((header, i) => (
              <NativeSelect
                key={i}
                label={header}
                description={
                  first[i]?.trim()
                    ? intl.formatMessage({ id: 'membersCsv.mapping.example' }, { value: first[i]!.length > 40 ? `${first[i]!.slice(0, 40)}…` : first[i] })
                    : intl.formatMessage({ id: 'membersCsv.mapping.exampleEmpty' })
                }
                value={mapping[i] ?? ''}
                onChange={(e) => setField(i, e.currentTarget.value)}
                data={[
                  { value: '', label: intl.formatMessage({ id: 'membersCsv.field.none' }) },
                  ...CSV_FIELDS.map((f) => ({ value: f, label: intl.formatMessage({ id: `membersCsv.field.${f}` }) })),
                ]}
              />
            ))}
          </SimpleGrid>
        </Stack>

        <NativeSelect
          label={intl.formatMessage({ id: 'membersCsv.dates.label' })}
          description={intl.formatMessage({ id: preview.dateOrderFromData ? 'membersCsv.dates.fromData' : 'membersCsv.dates.fromLanguage' })}
          value={dateOrder}
          onChange={(e) => setDateOrder(e.currentTarget.value as DateOrder)}
          data={DATE_ORDERS.map((o) => ({ value: o, label: intl.formatMessage({ id: `membersCsv.dates.${o}` }) }))}
          maw={480}
        />

        <Checkbox label={intl.formatMessage({ id: 'membersCsv.skipDuplicates' })} checked={skipDuplicates} onChange={(e) => setSkipDuplicates(e.currentTarget.checked)} />

        <Stack gap={4} role="status" aria-live="polite">
          <Title order={3} size="h5">
            <FormattedMessage id="membersCsv.check.title" />
          </Title>
          {check.error ? <Alert color="red">{check.error.message}</Alert> : null}
          {check.isFetching && !c ? (
            <Group gap="xs">
              <Loader size="xs" />
              <Text size="sm">
                <FormattedMessage id="membersCsv.check.checking" />
              </Text>
            </Group>
          ) : null}
          {c && !check.error ? (
            <>
              <List size="sm">
                <List.Item>
                  <FormattedMessage id="membersCsv.check.new" values={{ count: c.newCount }} />
                </List.Item>
                <List.Item>
                  <FormattedMessage id="membersCsv.check.duplicates" values={{ count: c.duplicateCount }} />
                </List.Item>
                <List.Item>
                  <FormattedMessage id="membersCsv.check.invalid" values={{ count: c.invalidCount }} />
                </List.Item>
              </List>
              <Text size="sm">
                <FormattedMessage id="membersCsv.check.households" values={{ count: c.householdCount }} />
              </Text>
            </>
          ) : null}
        </Stack>

        {c && !check.error && c.problems.length > 0 ? (
          <Stack gap={4}>
            <Title order={3} size="h5">
              <FormattedMessage id="membersCsv.problems.title" />
            </Title>
            <ScrollArea.Autosize mah={180} type="auto">
              <List size="sm">
                {c.problems.map((p) => (
                  <List.Item key={p.row}>
                    <FormattedMessage id="membersCsv.row" values={{ row: p.row, message: p.message }} />
                  </List.Item>
                ))}
              </List>
            </ScrollArea.Autosize>
            {c.invalidCount > c.problems.length ? (
              <Text size="sm" c="dimmed">
                <FormattedMessage id="membersCsv.problems.more" values={{ count: c.invalidCount - c.problems.length }} />
              </Text>
            ) : null}
          </Stack>
        ) : null}

        {c && !check.error && c.warnings.length > 0 ? (
          <Stack gap={4}>
            <Title order={3} size="h5">
              <FormattedMessage id="membersCsv.warnings.title" />
            </Title>
            <ScrollArea.Autosize mah={140} type="auto">
              <List size="sm">
                {c.warnings.map((w) => (
                  <List.Item key={w.row}>
                    <FormattedMessage id="membersCsv.row" values={{ row: w.row, message: w.message }} />
                  </List.Item>
                ))}
              </List>
            </ScrollArea.Autosize>
            {c.warningCount > c.warnings.length ? (
              <Text size="sm" c="dimmed">
                <FormattedMessage id="membersCsv.warnings.more" values={{ count: c.warningCount - c.warnings.length }} />
              </Text>
            ) : null}
          </Stack>
        ) : null}

        {c && !check.error && c.duplicates.length > 0 ? (
          <Stack gap={4}>
            <Title order={3} size="h5">
              <FormattedMessage id="membersCsv.duplicates.title" />
            </Title>
            <ScrollArea.Autosize mah={140} type="auto">
              <List size="sm">
                {c.duplicates.map((d) => (
                  <List.Item key={d.row}>
                    <FormattedMessage id="membersCsv.duplicate" values={{ row: d.row, name: d.name, matches: d.matches }} />
                  </List.Item>
                ))}
              </List>
            </ScrollArea.Autosize>
          </Stack>
        ) : null}

        {run.error ? <Alert color="red">{run.error.message}</Alert> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={guard.close}>
            <FormattedMessage id="app.cancel" />
          </Button>
          <Button onClick={confirm} loading={run.isPending} disabled={!c || !!check.error || check.isFetching || toImport === 0}>
            <FormattedMessage id="membersCsv.confirm" values={{ count: toImport }} />
          </Button>
        </Group>
      </Stack>
      </Modal>
    </>
  )
}
