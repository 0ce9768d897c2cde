import { Badge, Button, Group, Select, Table } from '@mantine/core'
import { useState } from 'react'
import { FormattedMessage, FormattedNumber, useIntl } from 'react-intl'
import { useHearthQuery } from '../api'
import { isolate } from '../i18n/bidi'
import { addDays, useDayFormat } from '../meal-trains/days'
import { EmptyState, Section } from '../shell/Section'

const PERIODS = ['around', '30', '90', '365', 'next30'] as const
type Period = (typeof PERIODS)[number]

function localToday(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/**
 * The days a period covers: the last N days up to today, the coming 30 (what is already promised), or both the
 * last 90 and the coming 30, since a promise made is work asked of someone too.
 */
export function periodRange(period: Period, today: string): { from: string; to: string } {
  if (period === 'next30') return { from: today, to: addDays(today, 29) }
  if (period === 'around') return { from: addDays(today, -89), to: addDays(today, 29) }
  return { from: addDays(today, 1 - Number(period)), to: today }
}

/**
 * Who has carried which care (meals, rides, visits…) and prayer duties in a chosen period, most first, with
 * anyone doing far more than the others marked, so the coordinator can share the work fairly.
 */
export function HelpedLately({ onBack }: { onBack: () => void }) {
  const intl = useIntl()
  const day = useDayFormat()
  const [period, setPeriod] = useState<Period>('around')
  const rows = useHearthQuery('care.helpedLately', periodRange(period, localToday()))
  const all = rows.data ?? []
  const title = intl.formatMessage({ id: 'care.helped.title' })
  return (
    <Section
      title={title}
      intro={<FormattedMessage id="care.helped.intro" />}
      actions={
        <Button variant="default" onClick={onBack}>
          <FormattedMessage id="mealTrains.backToList" />
        </Button>
      }
    >
      <Select
        label={intl.formatMessage({ id: 'care.helped.period' })}
        allowDeselect={false}
        maw={320}
        data={PERIODS.map((p) => ({ value: p, label: intl.formatMessage({ id: `care.helped.period.${p}` }) }))}
        value={period}
        onChange={(v) => v && setPeriod(v as Period)}
      />
      {rows.isSuccess && all.length === 0 ? (
        <EmptyState>
          <FormattedMessage id="care.helped.empty" />
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={0}>
          <Table striped aria-label={title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>
                  <FormattedMessage id="care.helped.name" />
                </Table.Th>
                <Table.Th>
                  <FormattedMessage id="care.helped.care" />
                </Table.Th>
                <Table.Th>
                  <FormattedMessage id="care.helped.prayer" />
                </Table.Th>
                <Table.Th>
                  <FormattedMessage id="care.helped.total" />
                </Table.Th>
                <Table.Th>
                  <FormattedMessage id="care.helped.last" />
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {all.map((r) => (
                <Table.Tr key={r.personId}>
                  <Table.Td className="wrap-words">
                    {r.name}
                    {r.phone ? <div>{isolate(r.phone)}</div> : null}
                    {r.heavy ? (
                      <Badge color="orange" variant="light">
                        <FormattedMessage id="care.helped.heavy" />
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td className="wrap-words">
                    <Group gap={4}>
                      {r.care.map((c) => (
                        <Badge key={c.kind} variant="light" color="blue">
                          {intl.formatMessage({ id: `care.kind.${c.kind}` })} {intl.formatNumber(c.count)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <FormattedNumber value={r.prayer} />
                  </Table.Td>
                  <Table.Td>
                    <FormattedNumber value={r.total} />
                  </Table.Td>
                  <Table.Td>{r.lastDate ? day.short(r.lastDate) : <FormattedMessage id="care.helped.never" />}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  )
}
