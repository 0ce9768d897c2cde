import { type Kysely, sql } from 'kysely'

// The needs this version added to the dietary list, as an older Hearth had to keep them: in the free notes
// ("Sesame allergy; no pork"), the CSV import putting there every word it did not know. Written out here, not
// read from the contract, so this migration says the same thing for ever.
const LIFTED: [need: string, words: string[]][] = [
  ['sesame_allergy', ['sesameallergy', 'sesame', 'nosesame', 'allergictosesame']],
  ['celery_allergy', ['celeryallergy', 'celery', 'nocelery', 'allergictocelery']],
  ['mustard_allergy', ['mustardallergy', 'mustard', 'nomustard', 'allergictomustard']],
  ['sulphite_allergy', ['sulphiteallergy', 'sulfiteallergy', 'sulphites', 'sulfites', 'nosulphites', 'nosulfites']],
  ['lupin_allergy', ['lupinallergy', 'lupin', 'nolupin', 'allergictolupin']],
  ['mollusc_allergy', ['molluscallergy', 'molluskallergy', 'molluscs', 'mollusks', 'nomolluscs']],
  ['no_pork', ['nopork', 'porkfree']],
  ['no_alcohol', ['noalcohol', 'alcoholfree', 'teetotal']],
]

/** "Sesame allergy" → "sesameallergy": a note's piece without case, accents, spaces or punctuation. */
function compact(piece: string): string {
  return piece.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
}

/**
 * The needs a dietary note names as a whole piece (pieces split at ; , / and new lines), added to the list the
 * record already has. A note that only mentions a word in passing ("no mustard on his, please, but ok in
 * cooking") is not a piece that says it exactly, and is left to the coordinator; the note itself is never changed.
 */
export function liftedNeeds(dietary: string, notes: string | null): string | null {
  if (!notes) return null
  let list: unknown
  try {
    list = JSON.parse(dietary)
  } catch {
    return null
  }
  if (!Array.isArray(list)) return null
  const pieces = new Set(notes.split(/[;,/\n]+/).map(compact).filter(Boolean))
  const added = LIFTED.filter(([need, words]) => !list.includes(need) && words.some((w) => pieces.has(w))).map(([need]) => need)
  return added.length ? JSON.stringify([...list, ...added]) : null
}

async function liftIn(db: Kysely<unknown>, table: 'people' | 'meal_trains'): Promise<void> {
  const rows = await sql<{ id: number; dietary: string; dietary_notes: string | null }>`
    select id, dietary, dietary_notes from ${sql.table(table)} where dietary_notes is not null and dietary_notes <> ''`.execute(db)
  for (const r of rows.rows) {
    const next = liftedNeeds(r.dietary, r.dietary_notes)
    if (next) await sql`update ${sql.table(table)} set dietary = ${next} where id = ${r.id}`.execute(db)
  }
}

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`
const isoDate = (column: string) => sql.raw(`${column} glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`)
const jsonList = (column: string) => sql.raw(`json_valid(${column}) and json_type(${column}) = 'array'`)

export async function up(db: Kysely<unknown>): Promise<void> {
  await liftIn(db, 'people')
  await liftIn(db, 'meal_trains')

  // A meal that repeats: a monthly lunch, or every night of Ramadan from its first night. Each of its meals keeps
  // its night number, so moving the first night moves every meal with its sign-ups and guests still on it.
  await db.schema
    .createTable('communal_series')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull().check(sql`length(trim(title)) > 0`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind = 'monthly' or kind = 'nightly'`))
    .addColumn('starts_on', 'text', (c) => c.notNull().check(isoDate('starts_on')))
    .addColumn('count', 'integer', (c) => c.notNull().check(sql`count between 1 and 60`))
    .addColumn('closing_title', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .modifyEnd(sql`strict`)
    .execute()

  await db.schema
    .createTable('communal_meals')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('series_id', 'integer', (c) => c.references('communal_series.id').onDelete('set null'))
    /** Night or month number within the series, from 1; the closing meal (Eid) is count + 1. */
    .addColumn('series_number', 'integer')
    .addColumn('closing', 'integer', (c) => c.notNull().defaultTo(0).check(sql`closing = 0 or closing = 1`))
    .addColumn('title', 'text', (c) => c.notNull().check(sql`length(trim(title)) > 0`))
    .addColumn('date', 'text', (c) => c.notNull().check(isoDate('date')))
    .addColumn('time', 'text')
    .addColumn('place', 'text')
    .addColumn('purpose', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(sql`status = 'active' or status = 'archived'`))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .modifyEnd(sql`strict`)
    .execute()
  await sql`create index communal_meals_date on communal_meals (date, id)`.execute(db)
  await sql`create index communal_meals_series on communal_meals (series_id, series_number)`.execute(db)

  // What a meal needs: dishes by course (how many, and how many each should serve) and jobs (how many people).
  await db.schema
    .createTable('communal_needs')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('meal_id', 'integer', (c) => c.notNull().references('communal_meals.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind = 'dish' or kind = 'job'`))
    /** A course for a dish (main, side, salad, dessert, bread, drinks), a job for a job (setup, serving…). */
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('wanted', 'integer', (c) => c.notNull().check(sql`wanted between 1 and 500`))
    .addColumn('serves', 'integer', (c) => c.check(sql`serves is null or serves between 1 and 1000`))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .modifyEnd(sql`strict`)
    .execute()
  await sql`create index communal_needs_meal on communal_needs (meal_id, position)`.execute(db)

  // Who takes a need: a member, a household, or a written-in name; for a dish, how many and what is in it.
  await db.schema
    .createTable('communal_signups')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('need_id', 'integer', (c) => c.notNull().references('communal_needs.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('household_id', 'integer', (c) => c.references('households.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(trim(name)) > 0`))
    .addColumn('phone', 'text')
    .addColumn('quantity', 'integer', (c) => c.notNull().defaultTo(1).check(sql`quantity between 1 and 500`))
    .addColumn('dish', 'text')
    .addColumn('contains', 'text', (c) => c.notNull().defaultTo('[]').check(jsonList('contains')))
    .addColumn('labels', 'text', (c) => c.notNull().defaultTo('[]').check(jsonList('labels')))
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .modifyEnd(sql`strict`)
    .execute()
  await sql`create index communal_signups_need on communal_signups (need_id)`.execute(db)
  await sql`create index communal_signups_person on communal_signups (person_id)`.execute(db)
  await sql`create index communal_signups_household on communal_signups (household_id)`.execute(db)

  // Who is coming, by household (or a written-in guest) with adults and children. One answer a household a meal.
  await db.schema
    .createTable('communal_rsvps')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('meal_id', 'integer', (c) => c.notNull().references('communal_meals.id').onDelete('cascade'))
    .addColumn('household_id', 'integer', (c) => c.references('households.id').onDelete('set null'))
    .addColumn('person_id', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(trim(name)) > 0`))
    .addColumn('adults', 'integer', (c) => c.notNull().check(sql`adults between 0 and 100`))
    .addColumn('children', 'integer', (c) => c.notNull().check(sql`children between 0 and 100`))
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint('communal_rsvps_someone', sql`adults + children > 0`)
    .modifyEnd(sql`strict`)
    .execute()
  await sql`create unique index communal_rsvps_household on communal_rsvps (meal_id, household_id) where household_id is not null`.execute(db)
  await sql`create index communal_rsvps_household_any on communal_rsvps (household_id)`.execute(db)
  await sql`create index communal_rsvps_person on communal_rsvps (person_id)`.execute(db)
}
