import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  // Stretches of the week a member prefers, or can never do (weekday 1 = Monday … 7 = Sunday, minutes after local
  // midnight). Every automatic fill reads them: vigils, rotas and standing hours alike.
  await db.schema
    .createTable('member_week_times')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('prefer','impossible')`))
    .addColumn('weekday', 'integer', (c) => c.notNull().check(sql`weekday between 1 and 7`))
    .addColumn('start_minute', 'integer', (c) => c.notNull().check(sql`start_minute between 0 and 1439`))
    .addColumn('end_minute', 'integer', (c) => c.notNull().check(sql`end_minute between 1 and 1440`))
    .addCheckConstraint('member_week_times_order', sql`end_minute > start_minute`)
    .modifyEnd(sql`strict`)
    .execute()
  await db.schema.createIndex('member_week_times_person').on('member_week_times').column('person_id').execute()
}
