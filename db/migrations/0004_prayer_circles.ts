import { type Kysely, sql } from 'kysely'

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('prayer_circles')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(trim(name)) > 0`))
    .addColumn('leader_person_id', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .modifyEnd(sql`strict`)
    .execute()

  // chain_position orders the contact chain: each member calls the next one down.
  await db.schema
    .createTable('prayer_circle_members')
    .addColumn('circle_id', 'integer', (c) => c.notNull().references('prayer_circles.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('chain_position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('prayer_circle_members_pk', ['circle_id', 'person_id'])
    .modifyEnd(sql`strict, without rowid`)
    .execute()
  await db.schema.createIndex('prayer_circle_members_person').on('prayer_circle_members').column('person_id').execute()

  await db.schema
    .createTable('prayer_schedules')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('circle_id', 'integer', (c) => c.notNull().references('prayer_circles.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('meeting','vigil','rotation')`))
    .addColumn('title', 'text', (c) => c.notNull().check(sql`length(trim(title)) > 0`))
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('min_people', 'integer', (c) => c.notNull().defaultTo(1).check(sql`min_people between 1 and 50`))
    .addColumn('per_person_limit', 'integer', (c) => c.check(sql`per_person_limit is null or per_person_limit >= 1`))
    .addColumn('rrule', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .modifyEnd(sql`strict`)
    .execute()
  await db.schema.createIndex('prayer_schedules_circle').on('prayer_schedules').column('circle_id').execute()

  // occurs_at keeps the instant the rule produced, so a moved meeting still knows which date it replaced.
  await db.schema
    .createTable('prayer_slots')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('schedule_id', 'integer', (c) => c.notNull().references('prayer_schedules.id').onDelete('cascade'))
    .addColumn('occurs_at', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0).check(sql`skipped in (0,1)`))
    .addCheckConstraint('prayer_slots_length', sql`ends_at > starts_at`)
    .addUniqueConstraint('prayer_slots_occurrence', ['schedule_id', 'occurs_at'])
    .modifyEnd(sql`strict`)
    .execute()
  await db.schema.createIndex('prayer_slots_time').on('prayer_slots').columns(['starts_at', 'ends_at']).execute()
  await db.schema.createIndex('prayer_slots_date').on('prayer_slots').column('local_date').execute()

  await db.schema
    .createTable('prayer_assignments')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('slot_id', 'integer', (c) => c.notNull().references('prayer_slots.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.references('people.id').onDelete('cascade'))
    .addColumn('write_in_name', 'text')
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('manual','auto')`))
    .addColumn('needs_substitute', 'integer', (c) => c.notNull().defaultTo(0).check(sql`needs_substitute in (0,1)`))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint(
      'prayer_assignments_who',
      sql`(person_id is not null and write_in_name is null) or (person_id is null and write_in_name is not null and length(trim(write_in_name)) > 0)`,
    )
    .addUniqueConstraint('prayer_assignments_once', ['slot_id', 'person_id'])
    .modifyEnd(sql`strict`)
    .execute()
  await db.schema.createIndex('prayer_assignments_person').on('prayer_assignments').column('person_id').execute()

  await db.schema
    .createTable('prayer_requests')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('circle_id', 'integer', (c) => c.notNull().references('prayer_circles.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull().check(sql`length(trim(body)) > 0`))
    .addColumn('requested_by', 'text')
    .addColumn('confidentiality', 'text', (c) => c.notNull().check(sql`confidentiality in ('circle','coordinator')`))
    .addColumn('expires_on', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('praise_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .modifyEnd(sql`strict`)
    .execute()
  await db.schema.createIndex('prayer_requests_circle').on('prayer_requests').column('circle_id').execute()
}
