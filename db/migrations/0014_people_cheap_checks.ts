import { type Kysely, sql } from 'kysely'

// `x in ('a','b','c')` in a CHECK makes SQLite build a temporary b-tree of the list for every single-row insert
// (an import of 10,000 people builds 30,000 of them); the same rule written as comparisons costs nothing. A CHECK
// lives in the table's CREATE statement, so the table is rebuilt from its own stored statement with only these
// three rules rewritten: columns added by any earlier migration come along untouched.
const REWRITES: [from: string, to: string][] = [
  ["check (household_role in ('head','spouse','child','other'))", "check (household_role = 'head' or household_role = 'spouse' or household_role = 'child' or household_role = 'other')"],
  [
    "check (status in ('member','regular_attender','visitor','inactive'))",
    "check (status = 'member' or status = 'regular_attender' or status = 'visitor' or status = 'inactive')",
  ],
  [
    "check (preferred_contact in ('phone','text','email','post','none'))",
    "check (preferred_contact = 'phone' or preferred_contact = 'text' or preferred_contact = 'email' or preferred_contact = 'post' or preferred_contact = 'none')",
  ],
]

/** The people table's CREATE statement with the three list checks written as comparisons, under another name. */
export function cheapChecksStatement(createPeople: string, newName: string): string {
  let text = createPeople
  for (const [from, to] of REWRITES) {
    const at = text.indexOf(from)
    if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`The people table's rule "${from}" was not found exactly once; the file was left as it was.`)
    text = text.slice(0, at) + to + text.slice(at + from.length)
  }
  const head = 'CREATE TABLE "people" ('
  if (!text.startsWith(head)) throw new Error('The people table is not shaped as expected; the file was left as it was.')
  return `CREATE TABLE "${newName}" (${text.slice(head.length)}`
}

/**
 * Runs with foreign keys off (the runner turns them off for this migration and checks every reference before
 * committing): dropping the old table with them on would delete every tag, note and sign-up through ON DELETE.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const table = await sql<{ sql: string }>`select sql from sqlite_schema where type = 'table' and name = 'people'`.execute(db)
  const create = table.rows[0]?.sql
  if (!create) throw new Error('The people table is missing; the file was left as it was.')
  // Indexes and triggers go with the dropped table; they are made again from their own statements. The plain
  // (sort_key, id) index is not: people_search starts with the same two columns and serves every use of it, and
  // each index costs every insert. people_search is made anew below, now also holding the dietary needs.
  const attached = await sql<{ type: string; name: string; sql: string }>`
    select type, name, sql from sqlite_schema
    where tbl_name = 'people' and type in ('index', 'trigger') and sql is not null and name not in ('people_sort_key', 'people_search')
    order by type, name`.execute(db)
  const before = await sql<{ n: number }>`select count(*) as n from people`.execute(db)

  await sql.raw(cheapChecksStatement(create, 'people_rebuilt')).execute(db)
  await sql`insert into people_rebuilt select * from people`.execute(db)
  await sql`drop table people`.execute(db)
  // Legacy renaming leaves every other table's statement as written (they already name "people").
  await sql`PRAGMA legacy_alter_table = ON`.execute(db)
  await sql`alter table people_rebuilt rename to people`.execute(db)
  await sql`PRAGMA legacy_alter_table = OFF`.execute(db)
  for (const a of attached.rows) await sql.raw(a.sql).execute(db)

  // The search index also holds the dietary needs ('[]' for most people: three bytes), so a dietary filter reads
  // the index rather than every whole row of the table.
  await sql`create index people_search on people (sort_key, id, search_text, archived_at, status, dietary)`.execute(db)
  // Orders of the members list that are worth walking in order when many people match (db/members-page.ts): the
  // first page of "everyone, by first name" reads 100 rows instead of sorting 100,000.
  await sql`create index people_first_name_order on people (coalesce(nullif(preferred_name, ''), first_name) collate nocase, last_name collate nocase, id)`.execute(db)
  await sql`create index people_status_order on people (case status when 'member' then 0 when 'regular_attender' then 1 when 'visitor' then 2 else 3 end, sort_key, id)`.execute(db)
  await sql`create index households_order on households (display_name collate nocase, id)`.execute(db)

  const after = await sql<{ n: number }>`select count(*) as n from people`.execute(db)
  if (after.rows[0]?.n !== before.rows[0]?.n) throw new Error('Rebuilding the people table lost people; the file was left as it was.')
}
