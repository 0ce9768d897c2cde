import { type Kysely, sql } from 'kysely'

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`

export async function up(db: Kysely<unknown>): Promise<void> {
  // A weekly pattern with no end (an adoration chapel, a prayer room). Its weeks are worked out when read, never
  // stored one by one, so an open-ended schedule costs nothing per week.
  await db.schema
    .createTable('standing_schedules')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('circle_id', 'integer', (c) => c.notNull().references('prayer_circles.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull().check(sql`length(trim(title)) > 0`))
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('slot_minutes', 'integer', (c) => c.notNull().check(sql`slot_minutes in (30, 60)`))
    .addColumn('people_per_slot', 'integer', (c) => c.notNull().defaultTo(1).check(sql`people_per_slot between 1 and 10`))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .modifyEnd(sql`strict`)
    .execute()
  await db.schema.createIndex('standing_schedules_circle').on('standing_schedules').column('circle_id').execute()

  // The slots of the week: weekday 1 = Monday … 7 = Sunday, start in minutes after local midnight.
  await db.schema
    .createTable('standing_hours')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('schedule_id', 'integer', (c) => c.notNull().references('standing_schedules.id').onDelete('cascade'))
    .addColumn('weekday', 'integer', (c) => c.notNull().check(sql`weekday between 1 and 7`))
    .addColumn('start_minute', 'integer', (c) => c.notNull().check(sql`start_minute between 0 and 1439`))
    .addUniqueConstraint('standing_hours_once', ['schedule_id', 'weekday', 'start_minute'])
    .modifyEnd(sql`strict`)
    .execute()

  // Who keeps a slot each week, from a date and (once they stop) until a date. Ended holdings stay, so the weeks
  // before still show who was there.
  await db.schema
    .createTable('standing_holders')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('hour_id', 'integer', (c) => c.notNull().references('standing_hours.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('until_date', 'text')
    .addCheckConstraint('standing_holders_dates', sql`until_date is null or until_date >= from_date`)
    .modifyEnd(sql`strict`)
    .execute()
  await db.schema.createIndex('standing_holders_hour').on('standing_holders').column('hour_id').execute()
  await db.schema.createIndex('standing_holders_person').on('standing_holders').column('person_id').execute()

  // One date that differs: closed (a whole day when hour_id is null), a holder away (person_id = their substitute,
  // null while one is needed), or a one-off extra person.
  await db.schema
    .createTable('standing_exceptions')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('schedule_id', 'integer', (c) => c.notNull().references('standing_schedules.id').onDelete('cascade'))
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('hour_id', 'integer', (c) => c.references('standing_hours.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('closed','away','extra')`))
    .addColumn('holder_id', 'integer', (c) => c.references('standing_holders.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint(
      'standing_exceptions_shape',
      sql`(kind = 'closed' and holder_id is null and person_id is null)
        or (kind = 'away' and hour_id is not null and holder_id is not null)
        or (kind = 'extra' and hour_id is not null and holder_id is null and person_id is not null)`,
    )
    .modifyEnd(sql`strict`)
    .execute()
  await db.schema.createIndex('standing_exceptions_date').on('standing_exceptions').columns(['schedule_id', 'on_date']).execute()
  await db.schema.createIndex('standing_exceptions_away_once').on('standing_exceptions').columns(['holder_id', 'on_date']).unique().where(sql.ref('kind'), '=', 'away').execute()

  // Members who offer to step in, how often at most, and the stretches of the week they can take.
  await db.schema
    .createTable('standing_substitutes')
    .addColumn('schedule_id', 'integer', (c) => c.notNull().references('standing_schedules.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('max_per_month', 'integer', (c) => c.check(sql`max_per_month is null or max_per_month between 1 and 31`))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('standing_substitutes_pk', ['schedule_id', 'person_id'])
    .modifyEnd(sql`strict, without rowid`)
    .execute()
  await db.schema
    .createTable('standing_substitute_times')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('schedule_id', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.notNull())
    .addColumn('weekday', 'integer', (c) => c.notNull().check(sql`weekday between 1 and 7`))
    .addColumn('start_minute', 'integer', (c) => c.notNull().check(sql`start_minute between 0 and 1439`))
    .addColumn('end_minute', 'integer', (c) => c.notNull().check(sql`end_minute between 1 and 1440`))
    .addCheckConstraint('standing_substitute_times_order', sql`end_minute > start_minute`)
    .addForeignKeyConstraint('standing_substitute_times_pool', ['schedule_id', 'person_id'], 'standing_substitutes', ['schedule_id', 'person_id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .modifyEnd(sql`strict`)
    .execute()
  await db.schema.createIndex('standing_substitute_times_person').on('standing_substitute_times').columns(['schedule_id', 'person_id']).execute()
}
