import { type Kysely, sql } from 'kysely'

// Care calendars (issue 15): a meal train becomes one kind of care calendar. The meal-train tables stay as they are
// and gain columns, each with a default that describes an existing train exactly, so every train, sign-up, dish
// and note carries over untouched. A slot keeps its (date, meal) key; for kinds other than meals the three meal
// keys stand for morning, afternoon and evening.
export async function up(db: Kysely<unknown>): Promise<void> {
  const add = (column: string) => sql.raw(`alter table meal_trains add column ${column}`).execute(db)
  await add(`kind text not null default 'meals' check (kind in ('meals','rides','visits','childcare','errands','household','other'))`)
  // The free title of an 'other' calendar ("Dog walking").
  await add('title text')
  // What is needed, where and when, in the coordinator's words (visits, childcare, errands, household, other).
  await add('care_what text')
  await add('care_where text')
  await add('care_when text')
  // Rides: where the driver collects the person, where they go, the appointment time ('HH:MM', local), and what
  // the car must carry.
  await add('ride_pickup text')
  await add('ride_destination text')
  await add(`ride_appointment text check (ride_appointment is null or ride_appointment glob '[0-2][0-9]:[0-5][0-9]')`)
  await add('ride_return integer not null default 0 check (ride_return in (0, 1))')
  await add('ride_wheelchair integer not null default 0 check (ride_wheelchair in (0, 1))')
  await add('ride_child_seat integer not null default 0 check (ride_child_seat in (0, 1))')
  // 1 = every week, 2 = every other week …, counted from the week of the first day.
  await add('week_interval integer not null default 1 check (week_interval between 1 and 4)')
  // A calendar planned before its date is known ("three weeks from the birth"): day_one_label names the event;
  // while date_known is 0 the days are stored from a fixed placeholder day and shown as Day 1, Day 2…
  await add('day_one_label text')
  await add('date_known integer not null default 1 check (date_known in (0, 1))')
  await db.schema.createIndex('meal_trains_kind').on('meal_trains').columns(['kind', 'status']).execute()
}
