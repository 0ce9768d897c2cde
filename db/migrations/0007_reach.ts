import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  // "Reminded" ticks on the call list. A tick belongs to one meal sign-up or one prayer assignment and goes with it
  // when that is deleted, so a removed duty never leaves a stale tick behind. person_key records who was reminded:
  // a duty handed to someone else shows unticked again (see db/reach.ts).
  await db.schema
    .createTable('reach_reminders')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('meal_signup_id', 'integer', (c) => c.unique().references('meal_signups.id').onDelete('cascade'))
    .addColumn('prayer_assignment_id', 'integer', (c) => c.unique().references('prayer_assignments.id').onDelete('cascade'))
    .addColumn('person_key', 'text', (c) => c.notNull())
    .addColumn('reminded_at', 'text', (c) => c.notNull().defaultTo(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`))
    .addCheckConstraint('reach_reminders_one_duty', sql`(meal_signup_id is null) <> (prayer_assignment_id is null)`)
    .modifyEnd(sql`strict`)
    .execute()
  // A wedding anniversary belongs to the couple, so to the household ('YYYY-MM-DD'; the noticeboard copy of the
  // list never prints the year).
  await sql`alter table households add column anniversary text`.execute(db)
  // Calendar files name each event with an id that must be unique in the whole world, so that importing the file
  // again updates the events instead of adding copies. One random id per congregation's file makes them so.
  await sql`insert into settings (key, value) values ('calendarId', json_quote(lower(hex(randomblob(12)))))`.execute(db)
}
