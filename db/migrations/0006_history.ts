import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per change a volunteer made (one save, one delete, one import): what it was in words, and whether it
  // has been undone. The rows it touched are in history_rows; db/history.ts records them with triggers.
  await db.schema
    .createTable('history_changes')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull().defaultTo(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('undone_by', 'integer')
    .addColumn('undo_of', 'integer')
    .modifyEnd(sql`strict`)
    .execute()
  await db.schema.createIndex('history_changes_at').on('history_changes').column('at').execute()

  // A record's state before and after, as JSON objects of its columns. A value erased for privacy is replaced by
  // null and the row marked redacted, so the change can no longer be undone.
  await db.schema
    .createTable('history_rows')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('change_id', 'integer', (c) => c.notNull().references('history_changes.id').onDelete('cascade'))
    .addColumn('tbl', 'text', (c) => c.notNull())
    .addColumn('op', 'text', (c) => c.notNull().check(sql`op in ('insert','update','delete')`))
    .addColumn('row_key', 'text', (c) => c.notNull())
    .addColumn('new_key', 'text')
    .addColumn('before', 'text', (c) => c.check(sql`before is null or json_valid(before)`))
    .addColumn('after', 'text', (c) => c.check(sql`after is null or json_valid(after)`))
    .addColumn('redacted', 'integer', (c) => c.notNull().defaultTo(0))
    .modifyEnd(sql`strict`)
    .execute()
  await db.schema.createIndex('history_rows_change').on('history_rows').column('change_id').execute()
  await db.schema.createIndex('history_rows_record').on('history_rows').columns(['tbl', 'row_key']).execute()

  // Who or what a change was about, for the History screen's filter ("Bea Okafor", "Meals for the Okafors").
  await db.schema
    .createTable('history_subjects')
    .addColumn('change_id', 'integer', (c) => c.notNull().references('history_changes.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('person','household','train','circle')`))
    .addColumn('ref_id', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('history_subjects_pk', ['change_id', 'kind', 'ref_id'])
    .modifyEnd(sql`strict, without rowid`)
    .execute()
  await db.schema.createIndex('history_subjects_ref').on('history_subjects').columns(['kind', 'ref_id']).execute()

  // What the coordinator last saw of the household's needs, so the train page can say what changed since.
  await sql`alter table meal_trains add column household_needs_seen text check (household_needs_seen is null or json_valid(household_needs_seen))`.execute(db)

  // The person-delete undo snapshots are replaced by the general history; a snapshot still here is at most an hour
  // old and its undo was only offered in a notification that is gone after the upgrade.
  await db.schema.dropTable('deleted_people').execute()
}
