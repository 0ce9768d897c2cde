import { type QueryClient, useQueries } from '@tanstack/react-query'
import { useCallback, useMemo, useState } from 'react'
import type { HouseholdPage, HouseholdRow, MemberPage, MemberRow } from '../../main/contract/members'
import { hearthQuery } from '../api'

// A page is a few screens of rows: the first page of every search crosses to the screen on each letter typed, so it
// stays small (the list asks for the next page as its rows come near the screen).
export const PAGE_SIZE = 50

type Paged = { 'members.search': { page: MemberPage; row: MemberRow }; 'households.search': { page: HouseholdPage; row: HouseholdRow } }

function pageQuery<C extends keyof Paged>(channel: C, base: Record<string, unknown>, p: number) {
  const input = { ...base, offset: p * PAGE_SIZE, limit: PAGE_SIZE }
  return hearthQuery(channel, input as never) as { queryKey: unknown[]; queryFn: () => Promise<Paged[C]['page']> }
}

/**
 * Starts loading a list's first page now, for a search typed a moment ago: the list asks for the same page (same
 * key) when it next renders and finds it in the cache, rather than asking only after React has rendered. Resolves
 * once the page is in (or has failed: the list then asks again and shows the error); it never rejects.
 */
export function prefetchFirstPage<C extends keyof Paged>(client: QueryClient, channel: C, base: Record<string, unknown>): Promise<void> {
  return client.prefetchQuery(pageQuery(channel, base, 0))
}

interface Count {
  total: number
  more: boolean
}

const countOf = (page: MemberPage | HouseholdPage): Count => ({ total: page.total, more: 'more' in page && page.more })

/**
 * What the list knows of its length from the pages it has now and the count it reached before: an exact count is
 * the truth (a write may have made it smaller); counts that stopped early only ever raise it.
 */
export function furthest(before: Count | null, pages: Count[]): Count | null {
  const exact = pages.find((p) => !p.more)
  if (exact) return exact
  return [before, ...pages].reduce<Count | null>((best, c) => (!c ? best : !best || (best.more && (!c.more || c.total > best.total)) ? c : best), null)
}

/**
 * Loads a long list a page at a time: only the pages around what is on screen are fetched, so 10,000 people
 * cost the same as 100. Each page is cached under [channel, input] like any other read, so writes refresh it.
 */
export function usePagedList<C extends keyof Paged>(channel: C, base: Record<string, unknown>) {
  const [range, setRange] = useState({ start: 0, end: PAGE_SIZE - 1 })
  const pageNumbers = useMemo(() => {
    const first = Math.floor(range.start / PAGE_SIZE)
    const last = Math.floor(range.end / PAGE_SIZE)
    const list = [0]
    for (let p = Math.max(1, first); p <= last; p++) list.push(p)
    return list
  }, [range.start, range.end])
  const results = useQueries({
    queries: pageNumbers.map((p) => pageQuery(channel, base, p)),
  })
  const pages = new Map<number, Paged[C]['page']>()
  results.forEach((r, i) => {
    if (r.data) pages.set(pageNumbers[i] as number, r.data)
  })
  const first = results[0]
  // keepPreviousData cannot carry a page over to a new search here (useQueries gives each search a new observer),
  // so the list keeps the last first page it was given and shows it until the new search's is in: a filter or
  // order changed leaves the old answer on screen for those milliseconds, not an empty "Loading…".
  const [lastFirst, setLastFirst] = useState<Paged[C]['page'] | undefined>(undefined)
  if (first?.data && first.data !== lastFirst) setLastFirst(first.data)
  const firstData = first?.data ?? lastFirst
  // A members search counts only so far (main/contract/members.ts MEMBER_COUNT_CAP). While more match than
  // counted, the list reaches one page past the count, so scrolling there asks for the next page and the list
  // grows as it goes. The furthest count is kept while the search stays the same: the pages on screen change as
  // the list scrolls, and a list that shrank back to what page 0 counted would scroll back and forth for ever.
  const key = JSON.stringify(base)
  const [reach, setReach] = useState<(Count & { key: string }) | null>(null)
  const counted = furthest(reach?.key === key ? reach : null, [...pages.values()].map(countOf))
  if (counted && (reach?.key !== key || counted.total !== reach.total || counted.more !== reach.more)) setReach({ key, ...counted })
  // Until the new search's first page is in, the list goes on showing the last one's (and its count).
  const shown = counted ?? (firstData ? countOf(firstData) : { total: 0, more: false })
  const { total, more } = shown
  const rowAt = (index: number): Paged[C]['row'] | undefined => {
    const page = pages.get(Math.floor(index / PAGE_SIZE)) ?? (index < PAGE_SIZE ? firstData : undefined)
    return page?.rows[index % PAGE_SIZE] as Paged[C]['row'] | undefined
  }
  const onRange = useCallback((start: number, end: number) => {
    setRange((r) => (r.start === start && r.end === end ? r : { start, end }))
  }, [])
  return {
    total,
    more,
    /** What the first page counted: the number the screen shows (the cap itself when `firstMore`). */
    firstTotal: firstData?.total ?? 0,
    firstMore: firstData !== undefined && 'more' in firstData && firstData.more,
    rows: more ? total + PAGE_SIZE : total,
    loading: firstData === undefined && (first?.isLoading ?? true),
    error: first?.error ?? null,
    rowAt,
    onRange,
  }
}
