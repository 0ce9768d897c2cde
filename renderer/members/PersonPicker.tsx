import { Select, type SelectProps } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import type { PersonChoice } from '../../main/contract/members'
import { useHearthQuery } from '../api'

interface Props extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> {
  value: number | null
  onChange: (person: PersonChoice | null) => void
}

/** Choose a member by typing part of a name, phone or email (accents and case don't matter). */
export function PersonPicker({ value, onChange, ...rest }: Props) {
  const [search, setSearch] = useState('')
  const [query] = useDebouncedValue(search, 120)
  const [chosen, setChosen] = useState<PersonChoice | null>(null)
  const found = useHearthQuery('members.pick', { query, limit: 20 })
  const options = [...(chosen && !found.data?.some((p) => p.id === chosen.id) ? [chosen] : []), ...(found.data ?? [])]
  return (
    <Select
      searchable
      clearable
      filter={({ options: all }) => all}
      nothingFoundMessage={found.isFetching ? '…' : undefined}
      {...rest}
      data={options.map((p) => ({
        value: String(p.id),
        label: p.householdName ? `${p.name} (${p.householdName})` : p.name,
      }))}
      value={value === null ? null : String(value)}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(v) => {
        const person = options.find((p) => String(p.id) === v) ?? null
        setChosen(person)
        onChange(person)
      }}
    />
  )
}
