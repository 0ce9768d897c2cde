import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('meal_trains')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    // A member's household, a member, or (both null) someone outside the congregation named in recipient_name.
    .addColumn('recipient_person_id', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('recipient_household_id', 'integer', (c) => c.references('households.id').onDelete('set null'))
    .addColumn('recipient_name', 'text', (c) => c.notNull().check(sql`length(trim(recipient_name)) > 0`))
    .addColumn('reason', 'text')
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    // Bit (n - 1) set for ISO weekday n (1 = Monday … 7 = Sunday).
    .addColumn('weekdays', 'integer', (c) => c.notNull().check(sql`weekdays between 1 and 127`))
    .addColumn('adults', 'integer', (c) => c.notNull().defaultTo(1).check(sql`adults between 0 and 50`))
    .addColumn('children', 'integer', (c) => c.notNull().defaultTo(0).check(sql`children between 0 and 50`))
    .addColumn('address', 'text')
    .addColumn('instructions', 'text')
    .addColumn('dietary', 'text', (c) => c.notNull().defaultTo('[]').check(sql`json_valid(dietary)`))
    .addColumn('dietary_notes', 'text')
    .addColumn('favourite_meals', 'text')
    .addColumn('disliked_meals', 'text')
    .addColumn('coordinator_name', 'text')
    .addColumn('coordinator_phone', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(sql`status in ('active','archived')`))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('meal_trains_order', sql`ends_on >= starts_on`)
    .modifyEnd(sql`strict`)
    .execute()
  await db.schema.createIndex('meal_trains_dates').on('meal_trains').columns(['status', 'ends_on']).execute()
  await db.schema.createIndex('meal_trains_recipient_person').on('meal_trains').column('recipient_person_id').execute()
  await db.schema.createIndex('meal_trains_recipient_household').on('meal_trains').column('recipient_household_id').execute()

  await db.schema
    .createTable('meal_train_meals')
    .addColumn('train_id', 'integer', (c) => c.notNull().references('meal_trains.id').onDelete('cascade'))
    .addColumn('meal', 'text', (c) => c.notNull().check(sql`meal in ('breakfast','lunch','dinner')`))
    .addColumn('window_from', 'text', (c) => c.notNull())
    .addColumn('window_to', 'text', (c) => c.notNull())
    .addCheckConstraint('meal_train_meals_window', sql`window_to > window_from`)
    .addPrimaryKeyConstraint('meal_train_meals_pk', ['train_id', 'meal'])
    .modifyEnd(sql`strict, without rowid`)
    .execute()

  // A sign-up names its day and meal rather than a stored slot row: the slots are generated from the train, so a
  // sign-up whose day disappears (a shortened train) survives as "needs rescheduling" instead of vanishing.
  await db.schema
    .createTable('meal_signups')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('train_id', 'integer', (c) => c.notNull().references('meal_trains.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('meal', 'text', (c) => c.notNull().check(sql`meal in ('breakfast','lunch','dinner')`))
    .addColumn('person_id', 'integer', (c) => c.references('people.id').onDelete('set null'))
    // Kept for write-ins, and as the name to show if the member record is ever deleted.
    .addColumn('volunteer_name', 'text', (c) => c.notNull().check(sql`length(trim(volunteer_name)) > 0`))
    .addColumn('volunteer_phone', 'text')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('meal').check(sql`kind in ('meal','gift_card')`))
    .addColumn('dish', 'text')
    .addColumn('notes', 'text')
    .addColumn('state', 'text', (c) =>
      c.notNull().defaultTo('taken').check(sql`state in ('taken','delivered','cancelled','needs_rescheduling')`),
    )
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .modifyEnd(sql`strict`)
    .execute()
  // One volunteer per slot: the database itself refuses a double-booked slot.
  await sql`create unique index meal_signups_one_per_slot on meal_signups (train_id, date, meal) where state in ('taken','delivered')`.execute(db)
  await db.schema.createIndex('meal_signups_train').on('meal_signups').columns(['train_id', 'date']).execute()
  await db.schema.createIndex('meal_signups_person_date').on('meal_signups').columns(['person_id', 'date']).execute()
}
