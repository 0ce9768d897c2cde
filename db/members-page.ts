import type BetterSqlite3 from 'better-sqlite3'
import { MEMBER_COUNT_CAP, type MemberSort } from '../main/contract/members'

// Which ids make up one page of the members list, and how many match in all — the search-as-you-type hot path.
//
// Two ways to find a page in a chosen order, and each wins at one end (measured at 100,000 people):
// - walk an index already in that order and stop once the page is full: a handful of rows when many people match,
//   but a lookup of every person when few do;
// - collect the matches (one pass over the covering search index) and sort only them: cheap when few match, a
//   sort of 50,000 rows when the term is "07".
// The count of matches decides. The default name order needs no choice: its index also carries the search text,
// so walking it never looks anything up.

type Sqlite = BetterSqlite3.Database

export interface PageRequest {
  /** The filter as a condition on `people p` (db/members.ts memberCondition), for finding every match at once… */
  where: string
  /** …and the same condition for checking people one by one, as a walk in order does. Same parameters. */
  perPerson: string
  params: unknown[]
  /** The tags and skills asked for, as (kind, value) (db/members.ts memberCondition). */
  tags: [string, string][]
  /** Each typed word's runs of three letters, which every match holds (db/members.ts memberCondition). */
  trigrams: string[][]
  sort: MemberSort
  offset: number
  limit: number
}

const ROLE = "case p.household_role when 'head' then 0 when 'spouse' then 1 when 'child' then 2 else 3 end"

/** The list's orders, as ORDER BY clauses over `people p` left-joined to `households h`. */
export const ORDER_BY: Record<MemberSort, string> = {
  name: 'p.sort_key, p.id',
  first_name: "coalesce(nullif(p.preferred_name, ''), p.first_name) collate nocase, p.last_name collate nocase, p.id",
  household: `h.display_name is null, h.display_name collate nocase, h.id, ${ROLE}, p.sort_key, p.id`,
  status: "case p.status when 'member' then 0 when 'regular_attender' then 1 when 'visitor' then 2 else 3 end, p.sort_key, p.id",
  joined: 'p.joined_on is null, p.joined_on desc, p.sort_key, p.id',
  recent: 'p.updated_at desc, p.id desc',
}

// The indexes in the order of each order that is walked (migrations 14 and 15); name order walks people_search and
// household order the households' own index (householdWalkIds).
const WALKED: Record<Exclude<MemberSort, 'name' | 'household'>, string> = {
  first_name: 'people_first_name_order',
  status: 'people_status_order',
  joined: 'people_joined_order',
  recent: 'people_recent_order',
}

// Prepared once per connection and SQL text: Kysely would compile and prepare on every keystroke.
const statements = new WeakMap<Sqlite, Map<string, BetterSqlite3.Statement>>()

export function prepared(sqlite: Sqlite, text: string): BetterSqlite3.Statement {
  let cache = statements.get(sqlite)
  if (!cache) {
    cache = new Map()
    statements.set(sqlite, cache)
  }
  let stmt = cache.get(text)
  if (!stmt) {
    stmt = sqlite.prepare(text)
    cache.set(text, stmt)
  }
  return stmt
}

export interface Counted {
  total: number
  more: boolean
}

/**
 * How far a page's count goes: to the cap, or to the end of the page when the page lies beyond it (so a list
 * scrolled down past the cap always knows there is at least one more page to ask for).
 */
export function countLimit(offset: number, limit: number): number {
  return Math.max(MEMBER_COUNT_CAP, offset + limit)
}

/** A count as the list reports it: exact up to the page's limit, "more than the limit" beyond. */
export function capped(matches: number, offset: number, limit: number): Counted {
  const upTo = countLimit(offset, limit)
  return matches > upTo ? { total: upTo, more: true } : { total: matches, more: false }
}

// Counting stops one past the limit: whether more match is all the list needs, and counting every match of a
// common word ("j", "07700") at 100,000 people costs several times the page itself.
function countMatches(sqlite: Sqlite, r: PageRequest): Counted {
  const upTo = countLimit(r.offset, r.limit)
  const n = prepared(sqlite, `select count(*) from (select 1 from ${source(r)} where ${r.where} limit ?)`)
    .pluck()
    .get(...r.params, upTo + 1) as number
  return capped(n, r.offset, r.limit)
}

/**
 * Where the matches are found fastest in one pass: the tag's list of holders when a tag is asked for, else the
 * covering search index (it holds every other column a filter reads).
 */
function source(r: PageRequest): string {
  return r.tags.length > 0 ? 'people p' : 'people p indexed by people_search'
}

/**
 * Walking an order index looks up about (offset + limit) × people ÷ matches rows; collecting the matches and
 * sorting them looks up each match once. So walk once the matches pass √(2 × (offset + limit) × people): about
 * 4,500 for the first page of 100,000 people.
 */
export function walkThreshold(offset: number, limit: number, people: number): number {
  return Math.ceil(Math.sqrt(2 * (offset + limit) * Math.max(people, 1)))
}

/** The page among a known, small set of matches, in the chosen order. */
function sortedIds(sqlite: Sqlite, r: PageRequest, matches: number[]): number[] {
  const join = r.sort === 'household' ? 'left join households h on h.id = p.household_id' : ''
  return prepared(sqlite, `select p.id from people p ${join} where p.id in (select value from json_each(?)) order by ${ORDER_BY[r.sort]} limit ? offset ?`)
    .pluck()
    .all(JSON.stringify(matches), r.limit, r.offset) as number[]
}

function walkedIds(sqlite: Sqlite, r: PageRequest, index: string): number[] {
  return prepared(sqlite, `select p.id from people p indexed by ${index} where ${r.perPerson} order by ${ORDER_BY[r.sort]} limit ? offset ?`)
    .pluck()
    .all(...r.params, r.limit, r.offset) as number[]
}

/**
 * The household order walked: households in name order (their own index), each one's matching people sorted
 * among themselves, then everyone without a household (the order puts them last) sorted by name.
 */
function householdWalkIds(sqlite: Sqlite, r: PageRequest): number[] {
  const housed = prepared(
    sqlite,
    `select p.id from households h indexed by households_order cross join people p on p.household_id = h.id
     where ${r.perPerson} order by h.display_name collate nocase, h.id, ${ROLE}, p.sort_key, p.id limit ? offset ?`,
  )
    .pluck()
    .all(...r.params, r.limit, r.offset) as number[]
  if (housed.length === r.limit) return housed
  const housedCount =
    housed.length > 0
      ? r.offset + housed.length
      : (prepared(sqlite, `select count(*) from people p where p.household_id is not null and ${r.where}`).pluck().get(...r.params) as number)
  const rest = prepared(sqlite, `select p.id from people p where p.household_id is null and ${r.perPerson} order by ${ROLE}, p.sort_key, p.id limit ? offset ?`)
    .pluck()
    .all(...r.params, r.limit - housed.length, Math.max(0, r.offset - housedCount)) as number[]
  return [...housed, ...rest]
}

const COMMON_RUNS_TRIED = 3

/**
 * The runs worth counting, in the order to count them: each word's first run, then each one's second, and so on,
 * so a rare word is reached early even when typed after a common one. A word whose first three runs all proved
 * common is given up ("example.org" is in most email addresses; counting its other six runs would cost more than
 * the scan it then needs anyway), and so is one whose runs are no rarer than one already found. The counting
 * calls `common()` for a run that proved so.
 */
export function* runsToTry(words: string[][]): Generator<{ run: string; common: () => void }> {
  const commonIn = words.map(() => 0)
  const tried = new Set<string>()
  const longest = Math.max(0, ...words.map((runs) => runs.length))
  for (let i = 0; i < longest; i++) {
    for (const [w, runs] of words.entries()) {
      const run = runs[i]
      if (run === undefined || tried.has(run) || commonIn[w]! >= COMMON_RUNS_TRIED) continue
      tried.add(run)
      yield { run, common: () => void commonIn[w]!++ }
    }
  }
}

/** A run of letters as a one-token FTS5 query: quoted, so punctuation in it ("e.o") is taken as written. */
const token = (run: string) => `"${run.replaceAll('"', '""')}"`

/**
 * The page and count, found through the trigram index (migration 15) when a typed word holds a run of three letters
 * few people hold: only those people can match, so only their rows are read, checked, counted and sorted, in one
 * statement, instead of every person's search text. Null when every run is common (the scans below are then
 * cheaper, as they stop early).
 *
 * Each run is counted only up to `bound`, so learning that "077" is in every phone number costs a few thousand
 * index entries, not 100,000. The rarest run is asked for together with the one found rarest before it (the index
 * intersects them).
 */
export function rarePage(sqlite: Sqlite, r: PageRequest, people: number): ({ ids: number[] } & Counted) | null {
  const bound = rareBound(r.sort, r.offset, r.limit, people)
  const count = prepared(sqlite, 'select count(*) from (select 1 from people_trigrams where people_trigrams match ? limit ?)').pluck()
  const rare: { run: string; n: number }[] = []
  for (const run of runsToTry(r.trigrams)) {
    // Once a run is known to be rare, another needs counting only as far as it, to know which is rarer.
    const upTo = Math.min(bound, rare[0]?.n ?? bound)
    const n = count.get(token(run.run), upTo + 1) as number
    if (n === 0) return { ids: [], total: 0, more: false }
    if (n <= upTo) rare.unshift({ run: run.run, n })
    else run.common()
  }
  if (rare.length === 0) return null
  // A tag's holders are as cheap a start as a run's: when one asked for has fewer, the scan below starts from it.
  const tagHolders = prepared(sqlite, 'select count(*) from (select 1 from person_tags where kind = ? and value = ? collate nocase limit ?)').pluck()
  if (r.tags.some(([kind, value]) => (tagHolders.get(kind, value, rare[0]!.n) as number) < rare[0]!.n)) return null
  const query = rare
    .slice(0, 2)
    .map((t) => token(t.run))
    .join(' AND ')
  const holders = `(select rowid as id from people_trigrams where people_trigrams match ?) m cross join people p on p.id = m.id`
  const join = r.sort === 'household' ? 'left join households h on h.id = p.household_id' : ''
  const rows = prepared(sqlite, `select p.id, count(*) over () as n from ${holders} ${join} where ${r.where} order by ${ORDER_BY[r.sort]} limit ? offset ?`)
    .raw()
    .all(query, ...r.params, r.limit, r.offset) as [number, number][]
  // Past the last match no row carries the count (the list never asks for such a page, but a stale one might).
  const matches = rows[0]?.[1] ?? (prepared(sqlite, `select count(*) from ${holders} where ${r.where}`).pluck().get(query, ...r.params) as number)
  return { ids: rows.map((row) => row[0]), ...capped(matches, r.offset, r.limit) }
}

/**
 * How many holders of a run of letters still make reading just them cheaper than the scans below. Each holder is a
 * lookup of a whole row, about ten times the cost of an entry of the search index (measured at 100,000 people).
 * - Name order walks the search index until it has the count's worth of matches, but a typed surname's matches
 *   sit together in that order ("Smith" near the end), so the walk reads most of the index before it finds them.
 * - The other orders first collect up to walkThreshold matches from the search index, then walk their order.
 * Reading the holders costs no more than either up to about twice walkThreshold. Household order sorts them by
 * their household's name, which costs as much again, so there it pays only up to walkThreshold.
 */
export function rareBound(sort: MemberSort, offset: number, limit: number, people: number): number {
  return (sort === 'household' ? 1 : 2) * walkThreshold(offset, limit, people)
}

/** One page of matching ids in the chosen order, and the number of matches (counted up to countLimit). */
export function memberPageIds(sqlite: Sqlite, r: PageRequest): { ids: number[] } & Counted {
  const people = (prepared(sqlite, 'select max(id) from people').pluck().get() as number | null) ?? 0
  const rare = rarePage(sqlite, r, people)
  if (rare) return rare
  if (r.sort === 'name') {
    const upTo = countLimit(r.offset, r.limit)
    if (upTo === MEMBER_COUNT_CAP) {
      // A page within the cap: one walk of the search index in name order collects the matches up to one past the
      // cap, so the same pass finds the page and the count (rare words need the whole index read either way).
      const found = walkedIds(sqlite, { ...r, offset: 0, limit: upTo + 1 }, 'people_search')
      return { ids: found.slice(r.offset, r.offset + r.limit), ...capped(found.length, r.offset, r.limit) }
    }
    // Further down, the page first: a page shorter than asked for means the walk saw every match, so it is also the total.
    const ids = walkedIds(sqlite, r, 'people_search')
    if (ids.length > 0 && ids.length < r.limit) return { ids, ...capped(r.offset + ids.length, r.offset, r.limit) }
    if (ids.length === 0 && r.offset === 0) return { ids, total: 0, more: false }
    return { ids, ...countMatches(sqlite, r) }
  }
  // One pass collects the matches, stopping once there are too many to sort cheaply; then either those few are
  // sorted, or (many match) the order is walked and the matches counted.
  const cap = walkThreshold(r.offset, r.limit, people)
  const matches = prepared(sqlite, `select p.id from ${source(r)} where ${r.where} limit ?`)
    .pluck()
    .all(...r.params, cap + 1) as number[]
  if (matches.length <= cap) return { ids: r.offset >= matches.length ? [] : sortedIds(sqlite, r, matches), ...capped(matches.length, r.offset, r.limit) }
  // Collecting already found more than the count goes to (at 100,000 people the collecting goes further).
  const counted = matches.length > countLimit(r.offset, r.limit) ? capped(matches.length, r.offset, r.limit) : countMatches(sqlite, r)
  if (r.offset >= counted.total) return { ids: [], ...counted }
  if (r.sort === 'household') return { ids: householdWalkIds(sqlite, r), ...counted }
  return { ids: walkedIds(sqlite, r, WALKED[r.sort]), ...counted }
}
