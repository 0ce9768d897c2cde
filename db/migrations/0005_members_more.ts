import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  // A deleted person's rows, kept so "Undo" right after a delete can put every one of them back. Only the most
  // recent few are kept (db/members.ts trims the rest), so deleted pastoral notes do not linger.
  await db.schema
    .createTable('deleted_people')
    .addColumn('token', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull().check(sql`json_valid(snapshot)`))
    .addColumn('deleted_at', 'text', (c) => c.notNull().defaultTo(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`))
    .modifyEnd(sql`strict, without rowid`)
    .execute()
  // The members list sorts by name without regard to capitals; this index lets the first page come straight off it.
  await sql`create index people_sort_name on people (last_name collate nocase, first_name collate nocase, id)`.execute(db)
}
