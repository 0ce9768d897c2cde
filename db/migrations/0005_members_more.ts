import { type Kysely, sql } from 'kysely'
import { personSortKey } from '../member-sort'

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
  // The members list sorts by name ignoring accents and capitals. SQLite cannot fold accents itself, so writers
  // store the folded key; a writer that leaves it blank gets a plainer lower-case key from the trigger.
  await sql`alter table people add column sort_key text not null default ''`.execute(db)
  const people = await sql<{ id: number; first_name: string; last_name: string }>`select id, first_name, last_name from people`.execute(db)
  for (const p of people.rows) await sql`update people set sort_key = ${personSortKey(p)} where id = ${p.id}`.execute(db)
  await sql`
    create trigger people_sort_key_default after insert on people when new.sort_key = ''
    begin
      update people set sort_key = lower(new.last_name) || char(31) || lower(new.first_name) where id = new.id;
    end`.execute(db)
}
