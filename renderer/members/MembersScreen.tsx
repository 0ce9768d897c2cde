import { Alert, Button, Checkbox, Collapse, Grid, Group, MultiSelect, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { type CSSProperties, memo, type ReactNode, useCallback, useMemo, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import { FormattedMessage, useIntl } from 'react-intl'
import { DIETARY_NEEDS, MEMBER_STATUSES, type DietaryNeed, type MemberStatus } from '../../main/contract/values'
import { MEMBER_SORTS, type MemberFilter, type MemberSort } from '../../main/contract/members'
import { useHearthQuery } from '../api'
import { routeParams } from '../shell/route'
import { EmptyState, Section } from '../shell/Section'
import { MembersCsvActions } from './csv/MembersCsvActions'
import { HouseholdForm } from './HouseholdForm'
import { HouseholdPane } from './HouseholdPane'
import { dietaryLabel, roleLabel, statusLabel } from './labels'
import { PersonForm } from './PersonForm'
import { PersonPane } from './PersonPane'
import { prefetchFirstPage, usePagedList } from './usePagedList'
import { VirtualListbox } from './VirtualListbox'
import { ContactMenu } from '../reach/ContactMenu'
import { joinIsolated } from '../i18n/bidi'

export type Selection = { kind: 'person' | 'household'; id: number } | null

// The list fills the window below the search box (rem, so Large text keeps the same share of the screen).
// The header's extra height (its buttons on a row of their own) comes off the list, so the page never scrolls.
const LIST_HEIGHT = 'max(240px, calc(100vh - 23rem - var(--section-head-extra, 0px)))'

// Rows are plain elements with fixed styles: the list renders dozens of them on every scroll, so they stay light.
const ROW_TITLE: CSSProperties = { fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }
const ROW_LINE: CSSProperties = {
  fontSize: 'var(--mantine-font-size-sm)',
  color: 'var(--mantine-color-dimmed)',
  whiteSpace: 'nowrap',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
}
const ROW_BADGE: CSSProperties = {
  marginLeft: 8,
  padding: '0 6px',
  borderRadius: 8,
  fontSize: 'var(--mantine-font-size-xs)',
  fontWeight: 600,
  background: 'var(--mantine-color-gray-1)',
  color: 'var(--mantine-color-gray-8)',
}

export function MembersScreen() {
  const intl = useIntl()
  const [query, setQuery] = useState('')
  const queryClient = useQueryClient()
  const [statuses, setStatuses] = useState<MemberStatus[]>([])
  const [tags, setTags] = useState<string[]>([])
  const [skills, setSkills] = useState<string[]>([])
  const [dietary, setDietary] = useState<DietaryNeed[]>([])
  const [includeArchived, setIncludeArchived] = useState(false)
  const [sort, setSort] = useState<MemberSort>('name')
  const [view, setView] = useState<'people' | 'households'>('people')
  const [selection, setSelection] = useState<Selection>(null)
  // "#/members/new" (the home's first-run step) opens straight on the form for a new person.
  const [adding, setAdding] = useState<'person' | 'household' | null>(() => (routeParams()[0] === 'new' ? 'person' : null))
  // The filters sit folded behind one button (so the list gets the screen); it says how many are narrowing it.
  const [filtersOpen, setFiltersOpen] = useState(false)
  // The tag and skill lists are read only once the filters are first opened: the first rows do not wait for them.
  const [filtersShown, setFiltersShown] = useState(false)
  const choices = useHearthQuery('members.choices', {}, { enabled: filtersShown })

  const filter: MemberFilter = useMemo(() => ({ query, statuses, tags, skills, dietary, includeArchived }), [query, statuses, tags, skills, dietary, includeArchived])
  const closePersonForm = useCallback((id: number | null) => {
    setAdding(null)
    if (id) setSelection({ kind: 'person', id })
  }, [])
  const closeHouseholdForm = useCallback((id: number | null) => {
    setAdding(null)
    if (id) setSelection({ kind: 'household', id })
  }, [])
  // No pause before searching (the search takes a few milliseconds): the box shows each letter at once and the
  // first page of the new search is asked for at once. The list takes the new search only once that page is in,
  // and then draws it straight away (flushSync), in the same task that received the page: a scheduled render
  // could let the browser draw a frame first and show the answer a frame later. Drawing the list from a page
  // already in hand takes a few milliseconds, so a letter typed meanwhile waits no longer than that. Switching
  // sooner would render the list twice per letter: once empty with "Loading…" (a flash, read out by screen
  // readers) while the page is on its way, blocking the very thread that must receive it, and again when it comes.
  const latest = useRef({ filter, sort, view, typed: query })
  latest.current = { filter, sort, view, typed: latest.current.typed }
  const onType = useCallback(
    (typed: string) => {
      latest.current.typed = typed
      const { filter: now, sort: order, view: showing } = latest.current
      const next = { ...now, query: typed }
      const loaded =
        showing === 'people' ? prefetchFirstPage(queryClient, 'members.search', { filter: next, sort: order }) : prefetchFirstPage(queryClient, 'households.search', { filter: next })
      // A letter typed while this page was on its way has its own page coming: the list skips to that one.
      void loaded.then(() => {
        if (latest.current.typed === typed) flushSync(() => setQuery(typed))
      })
    },
    [queryClient],
  )
  const contactSource = useMemo(() => ({ of: 'members' as const, filter }), [filter])
  const activeFilters = [statuses.length, tags.length, skills.length, dietary.length, includeArchived ? 1 : 0, sort !== 'name' ? 1 : 0].filter((n) => n > 0).length

  // Built again only when a filter, the view or the language changes: the filters' menus are the heaviest part of
  // the screen, and a search typed in the box leaves them as they were.
  const controls = useMemo(
    () => (
      <>
        <Group gap="md" align="flex-end" wrap="wrap">
          <Button
            variant={activeFilters ? 'light' : 'default'}
            onClick={() => {
              setFiltersShown(true)
              setFiltersOpen((o) => !o)
            }}
            aria-expanded={filtersOpen}
            aria-controls="members-filters"
          >
            {activeFilters ? <FormattedMessage id="layout.filters.count" values={{ count: activeFilters }} /> : <FormattedMessage id="layout.filters" />}
          </Button>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="members-view-label">
              <FormattedMessage id="members.view" />
            </Text>
            <SegmentedControl
              aria-labelledby="members-view-label"
              value={view}
              onChange={(v) => setView(v as 'people' | 'households')}
              data={[
                { value: 'people', label: intl.formatMessage({ id: 'members.view.people' }) },
                { value: 'households', label: intl.formatMessage({ id: 'members.view.households' }) },
              ]}
            />
          </Stack>
        </Group>
        <Collapse expanded={filtersOpen}>
          <Group gap="sm" align="flex-end" wrap="wrap" id="members-filters">
            <MultiSelect
              label={intl.formatMessage({ id: 'members.filter.status' })}
              placeholder={statuses.length ? undefined : intl.formatMessage({ id: 'members.filter.any' })}
              data={MEMBER_STATUSES.map((s) => ({ value: s, label: intl.formatMessage({ id: statusLabel(s) }) }))}
              value={statuses}
              onChange={(v) => setStatuses(v as MemberStatus[])}
              w={200}
            />
            <MultiSelect
              label={intl.formatMessage({ id: 'members.filter.tags' })}
              placeholder={tags.length ? undefined : intl.formatMessage({ id: 'members.filter.any' })}
              data={choices.data?.tags ?? []}
              value={tags}
              onChange={setTags}
              searchable
              w={200}
            />
            <MultiSelect
              label={intl.formatMessage({ id: 'members.filter.skills' })}
              placeholder={skills.length ? undefined : intl.formatMessage({ id: 'members.filter.any' })}
              data={choices.data?.skills ?? []}
              value={skills}
              onChange={setSkills}
              searchable
              w={200}
            />
            <MultiSelect
              label={intl.formatMessage({ id: 'members.filter.dietary' })}
              placeholder={dietary.length ? undefined : intl.formatMessage({ id: 'members.filter.any' })}
              data={DIETARY_NEEDS.map((d) => ({ value: d, label: intl.formatMessage({ id: dietaryLabel(d) }) }))}
              value={dietary}
              onChange={(v) => setDietary(v as DietaryNeed[])}
              searchable
              w={200}
            />
            <Select
              label={intl.formatMessage({ id: 'members.sort' })}
              data={MEMBER_SORTS.map((s) => ({ value: s, label: intl.formatMessage({ id: `members.sort.${s}` }) }))}
              value={sort}
              allowDeselect={false}
              onChange={(v) => v && setSort(v as MemberSort)}
              disabled={view === 'households'}
              w={200}
            />
            <Checkbox
              label={intl.formatMessage({ id: 'members.filter.archived' })}
              checked={includeArchived}
              onChange={(e) => setIncludeArchived(e.currentTarget.checked)}
              mb={8}
            />
          </Group>
        </Collapse>
      </>
    ),
    [intl, activeFilters, filtersOpen, view, statuses, tags, skills, dietary, includeArchived, sort, choices.data],
  )

  return (
    <Section
      title={intl.formatMessage({ id: 'members.title' })}
      intro={<FormattedMessage id="members.intro" />}
      actionsOwnRow
      actions={
        <Group>
          <Button onClick={() => setAdding('person')}>
            <FormattedMessage id="members.add" />
          </Button>
          <Button variant="default" onClick={() => setAdding('household')}>
            <FormattedMessage id="members.addHousehold" />
          </Button>
          <QuietCsvActions filter={filter} />
          <QuietContactMenu source={contactSource} />
        </Group>
      }
    >
      <Stack gap="xs">
        <SearchBox onType={onType} />
        {controls}
      </Stack>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          {view === 'people' ? (
            <QuietPeopleList filter={filter} sort={sort} selection={selection} onSelect={setSelection} />
          ) : (
            <QuietHouseholdList filter={filter} selection={selection} onSelect={setSelection} />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }} className="members-pane">
          {selection?.kind === 'person' ? (
            <QuietPersonPane id={selection.id} onSelect={setSelection} />
          ) : selection?.kind === 'household' ? (
            <QuietHouseholdPane id={selection.id} onSelect={setSelection} />
          ) : (
            <EmptyState>
              <FormattedMessage id="members.pickSomeone" />
            </EmptyState>
          )}
        </Grid.Col>
      </Grid>
      <QuietPersonForm opened={adding === 'person'} person={null} onClose={closePersonForm} />
      <QuietHouseholdForm opened={adding === 'household'} household={null} onClose={closeHouseholdForm} />
    </Section>
  )
}

// Typing a search re-renders the screen for every letter: these parts do not depend on the search, so they keep
// their last render and the list's update stays small.
const QuietPersonPane = memo(PersonPane)
const QuietHouseholdPane = memo(HouseholdPane)
const QuietPersonForm = memo(PersonForm)
const QuietHouseholdForm = memo(HouseholdForm)
const QuietCsvActions = memo(MembersCsvActions)
const QuietContactMenu = memo(ContactMenu)

/**
 * The browser keeps the search box's text (nothing ever sets it but the person typing), so a letter typed renders
 * nothing in React: the event that asks for the new search ends, and the question leaves, at once.
 */
const SearchBox = memo(function SearchBox({ onType }: { onType: (typed: string) => void }) {
  const intl = useIntl()
  return (
    <TextInput
      type="search"
      label={intl.formatMessage({ id: 'members.search' })}
      description={intl.formatMessage({ id: 'members.search.help' })}
      defaultValue=""
      onChange={(e) => onType(e.currentTarget.value)}
      maxLength={200}
    />
  )
})

interface ListProps {
  filter: MemberFilter
  selection: Selection
  onSelect: (s: Selection) => void
}

interface PagedListboxProps<R extends { id: number }> {
  list: {
    loading: boolean
    total: number
    more: boolean
    rows: number
    error: { message: string } | null
    rowAt(index: number): R | undefined
    onRange(start: number, end: number): void
  }
  kind: 'person' | 'household'
  idPrefix: string
  label: string
  count: ReactNode
  rowHeight: number
  selection: Selection
  onSelect: (s: Selection) => void
  renderRow: (row: R) => ReactNode
  empty?: ReactNode
}

/** A count, then a keyboard-navigable virtual list fed page by page; choosing a row selects it for the pane. */
function PagedListbox<R extends { id: number }>({ list, kind, idPrefix, label, count, rowHeight, selection, onSelect, renderRow, empty }: PagedListboxProps<R>) {
  const intl = useIntl()
  const [active, setActive] = useState<number | null>(null)
  const activeRow = active === null ? undefined : list.rowAt(active)
  const activeIndex = activeRow && selection?.kind === kind && activeRow.id === selection.id ? active : null

  return (
    <Stack gap={6}>
      <Text size="sm" c="dimmed" aria-live="polite">
        {list.loading ? <FormattedMessage id="members.list.loading" /> : count}
      </Text>
      {list.error ? <Alert color="red">{list.error.message}</Alert> : null}
      <VirtualListbox
        idPrefix={idPrefix}
        label={label}
        description={intl.formatMessage({ id: 'members.list.keys' })}
        count={list.rows}
        sizeKnown={!list.more}
        rowHeight={rowHeight}
        height={LIST_HEIGHT}
        activeIndex={activeIndex}
        onRange={list.onRange}
        onActivate={(index) => {
          setActive(index)
          const row = list.rowAt(index)
          if (row) onSelect({ kind, id: row.id })
        }}
        renderRow={(index) => {
          const row = list.rowAt(index)
          return row ? renderRow(row) : <Text c="dimmed">…</Text>
        }}
      />
      {!list.loading && list.total === 0 ? empty : null}
    </Stack>
  )
}

const QuietPeopleList = memo(PeopleList)
const QuietHouseholdList = memo(HouseholdList)

function PeopleList({ filter, sort, selection, onSelect }: ListProps & { sort: MemberSort }) {
  const intl = useIntl()
  const list = usePagedList('members.search', { filter, sort })
  return (
    <PagedListbox
      list={list}
      kind="person"
      idPrefix="member-row"
      label={intl.formatMessage({ id: 'members.list.people' })}
      count={
        list.firstMore ? (
          <FormattedMessage id="members.count.more" values={{ count: list.firstTotal }} />
        ) : (
          <FormattedMessage id="members.count" values={{ count: list.firstTotal }} />
        )
      }
      rowHeight={58}
      selection={selection}
      onSelect={onSelect}
      empty={
        <Text size="sm" c="dimmed">
          <FormattedMessage id="members.list.empty" />
        </Text>
      }
      renderRow={(row) => (
        <div data-member-row={row.id}>
          <div style={ROW_TITLE}>
            {row.name}
            {row.archived ? (
              <span style={ROW_BADGE}>
                <FormattedMessage id="members.archived" />
              </span>
            ) : null}
            {row.status !== 'member' ? (
              <span style={ROW_BADGE}>
                <FormattedMessage id={statusLabel(row.status)} />
              </span>
            ) : null}
          </div>
          <div style={ROW_LINE}>{joinIsolated([row.householdName, row.phone, row.email, row.tags.join(', ')])}</div>
        </div>
      )}
    />
  )
}

function HouseholdList({ filter, selection, onSelect }: ListProps) {
  const intl = useIntl()
  const list = usePagedList('households.search', { filter })
  return (
    <PagedListbox
      list={list}
      kind="household"
      idPrefix="household-row"
      label={intl.formatMessage({ id: 'members.list.households' })}
      count={<FormattedMessage id="members.count.households" values={{ count: list.total }} />}
      rowHeight={78}
      selection={selection}
      onSelect={onSelect}
      renderRow={(row) => (
        <Stack gap={0}>
          <Text fw={600} truncate>
            {row.displayName}
          </Text>
          <Text size="sm" c="dimmed" truncate>
            {joinIsolated([row.address, row.homePhone])}
          </Text>
          <Text size="sm" truncate>
            {row.members.map((m) => (m.role ? `${m.name} (${intl.formatMessage({ id: roleLabel(m.role) })})` : m.name)).join(', ')}
          </Text>
        </Stack>
      )}
    />
  )
}
