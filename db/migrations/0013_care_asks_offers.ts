import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  // A member's standing offer of help ("can lend a cot", "drives on weekday mornings"). `kinds` is a JSON array of
  // care kinds it fits; weekdays a bit mask like meal trains' (Monday = bit 0); the times, when given, the part of
  // the day the offer holds for. Closing keeps the record (who offered what, once) but it no longer suggests anyone.
  await db.schema
    .createTable('care_offers')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull().check(sql`length(trim(title)) > 0`))
    .addColumn('kinds', 'text', (c) => c.notNull().check(sql`json_valid(kinds) and json_type(kinds) = 'array'`))
    .addColumn('weekdays', 'integer', (c) => c.notNull().defaultTo(127).check(sql`weekdays between 1 and 127`))
    .addColumn('time_from', 'text')
    .addColumn('time_to', 'text')
    .addColumn('notes', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('care_offers_times', sql`(time_from is null) = (time_to is null) and (time_from is null or time_from < time_to)`)
    .modifyEnd(sql`strict`)
    .execute()
  await sql`create index care_offers_person on care_offers (person_id)`.execute(db)

  // An open ask for help for a member or a household. Its title and details may name an illness ("a ride to
  // dialysis"), so closing clears them (and the history forgets them, see main/care/handlers.ts): only who,
  // which kind and when it was closed are kept. A closed ask is the only one allowed without a title.
  await db.schema
    .createTable('care_asks')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('person_id', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('household_id', 'integer', (c) => c.references('households.id').onDelete('set null'))
    .addColumn('recipient_name', 'text', (c) => c.notNull().check(sql`length(trim(recipient_name)) > 0`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('meals','rides','visits','childcare','errands','household','other')`))
    .addColumn('title', 'text')
    .addColumn('details', 'text')
    .addColumn('train_id', 'integer', (c) => c.references('meal_trains.id').onDelete('set null'))
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('care_asks_title_while_open', sql`closed_at is not null or coalesce(length(trim(title)), 0) > 0`)
    .modifyEnd(sql`strict`)
    .execute()
}
