import { type Kysely, type Transaction, sql } from 'kysely'
import type {
  AffectedSignup,
  MealTrainFields,
  PlannedDish,
  RecipientDefaults,
  SignupView,
} from '../main/contract/meal-trains'
import { parseDietary } from './dietary'
import { householdNeeds } from './household-needs'
import { displayName } from './members'
import type { Database } from './schema'
import type { CareKind, Meal, MealTrainStatus, SignupKind, SignupState } from '../main/contract/values'

type Db = Kysely<Database> | Transaction<Database>


// Weekdays are stored as a bit mask (Monday = bit 0), so one integer column holds any choice of days.
export function weekdaysToMask(weekdays: number[]): number {
  return weekdays.reduce((mask, d) => mask | (1 << (d - 1)), 0)
}

export function maskToWeekdays(mask: number): number[] {
  return [1, 2, 3, 4, 5, 6, 7].filter((d) => mask & (1 << (d - 1)))
}

async function mealsOf(db: Db, trainIds: number[]): Promise<Map<number, MealTrainFields['meals']>> {
  const out = new Map<number, MealTrainFields['meals']>()
  if (trainIds.length === 0) return out
  const rows = await db.selectFrom('meal_train_meals').selectAll().where('train_id', 'in', trainIds).execute()
  for (const r of rows) {
    const list = out.get(r.train_id) ?? []
    list.push({ meal: r.meal, from: r.window_from, to: r.window_to })
    out.set(r.train_id, list)
  }
  return out
}

/** A train's stored fields in the shape the contract uses, or undefined when there is no such train. */
export async function getTrainFields(db: Db, trainId: number): Promise<TrainRecord | undefined> {
  return (await trainFieldsOf(db, [trainId]))[0]
}

/** Stored trains in the order of `ids` (missing ids are left out). */
async function trainFieldsOf(db: Db, ids: number[]): Promise<TrainRecord[]> {
  if (ids.length === 0) return []
  const rows = await db.selectFrom('meal_trains').selectAll().where('id', 'in', ids).execute()
  const byId = new Map(rows.map((r) => [r.id, r]))
  const meals = await mealsOf(db, ids)
  return ids.flatMap((id) => {
    const row = byId.get(id)
    if (!row) return []
    return [
      {
        id: row.id,
        status: row.status,
        recipientPersonId: row.recipient_person_id,
        recipientHouseholdId: row.recipient_household_id,
        recipientName: row.recipient_name,
        reason: row.reason,
        startsOn: row.starts_on,
        endsOn: row.ends_on,
        weekdays: maskToWeekdays(row.weekdays),
        meals: meals.get(id) ?? [],
        adults: row.adults,
        children: row.children,
        address: row.address,
        instructions: row.instructions,
        dietary: parseDietary(row.dietary),
        dietaryNotes: row.dietary_notes,
        favouriteMeals: row.favourite_meals,
        dislikedMeals: row.disliked_meals,
        coordinatorName: row.coordinator_name,
        coordinatorPhone: row.coordinator_phone,
        kind: row.kind,
        title: row.title,
        careWhat: row.care_what,
        careWhere: row.care_where,
        careWhen: row.care_when,
        ridePickup: row.ride_pickup,
        rideDestination: row.ride_destination,
        rideAppointment: row.ride_appointment,
        rideReturn: row.ride_return === 1,
        rideWheelchair: row.ride_wheelchair === 1,
        rideChildSeat: row.ride_child_seat === 1,
        weekInterval: row.week_interval,
        dayOneLabel: row.day_one_label,
        dateKnown: row.date_known === 1,
      },
    ]
  })
}

function trainColumns(f: MealTrainFields, now: string) {
  return {
    recipient_person_id: f.recipientPersonId,
    recipient_household_id: f.recipientHouseholdId,
    recipient_name: f.recipientName,
    reason: f.reason || null,
    starts_on: f.startsOn,
    ends_on: f.endsOn,
    weekdays: weekdaysToMask(f.weekdays),
    adults: f.adults,
    children: f.children,
    address: f.address || null,
    instructions: f.instructions || null,
    dietary: JSON.stringify([...new Set(f.dietary)]),
    dietary_notes: f.dietaryNotes || null,
    favourite_meals: f.favouriteMeals || null,
    disliked_meals: f.dislikedMeals || null,
    coordinator_name: f.coordinatorName || null,
    coordinator_phone: f.coordinatorPhone || null,
    kind: f.kind,
    title: f.title || null,
    care_what: f.careWhat || null,
    care_where: f.careWhere || null,
    care_when: f.careWhen || null,
    ride_pickup: f.ridePickup || null,
    ride_destination: f.rideDestination || null,
    ride_appointment: f.rideAppointment || null,
    ride_return: Number(f.rideReturn),
    ride_wheelchair: Number(f.rideWheelchair),
    ride_child_seat: Number(f.rideChildSeat),
    week_interval: f.weekInterval,
    day_one_label: f.dayOneLabel || null,
    date_known: Number(f.dateKnown),
    updated_at: now,
  }
}

async function replaceMeals(trx: Transaction<Database>, trainId: number, meals: MealTrainFields['meals']): Promise<void> {
  await trx.deleteFrom('meal_train_meals').where('train_id', '=', trainId).execute()
  await trx
    .insertInto('meal_train_meals')
    .values(meals.map((m) => ({ train_id: trainId, meal: m.meal, window_from: m.from, window_to: m.to })))
    .execute()
}

/** Call inside a transaction: the train and its meals are written together or not at all. */
export async function insertTrain(trx: Transaction<Database>, fields: MealTrainFields): Promise<number> {
  const { id } = await trx
    .insertInto('meal_trains')
    .values(trainColumns(fields, new Date().toISOString()))
    .returning('id')
    .executeTakeFirstOrThrow()
  await replaceMeals(trx, id, fields.meals)
  return id
}

export async function updateTrain(trx: Transaction<Database>, trainId: number, fields: MealTrainFields): Promise<void> {
  await trx.updateTable('meal_trains').set(trainColumns(fields, new Date().toISOString())).where('id', '=', trainId).execute()
  await replaceMeals(trx, trainId, fields.meals)
}

type SignupRow = SignupView & { trainId: number }

async function signupRows(db: Db, where: { trainId?: number; ids?: number[] }): Promise<SignupRow[]> {
  let q = db
    .selectFrom('meal_signups as s')
    .leftJoin('people as p', 'p.id', 's.person_id')
    .leftJoin('households as h', 'h.id', 'p.household_id')
    .select([
      's.id',
      's.train_id',
      's.date',
      's.meal',
      's.person_id',
      's.volunteer_name',
      's.volunteer_phone',
      's.kind',
      's.dish',
      's.notes',
      's.state',
      'p.first_name',
      'p.last_name',
      'p.preferred_name',
      'p.mobile_phone',
      'h.home_phone',
    ])
  if (where.trainId !== undefined) q = q.where('s.train_id', '=', where.trainId)
  if (where.ids) q = q.where('s.id', 'in', where.ids.length ? where.ids : [-1])
  const rows = await q.orderBy('s.date').orderBy(sql`case s.meal when 'breakfast' then 0 when 'lunch' then 1 else 2 end`).orderBy('s.id').execute()
  return rows.map((r) => ({
    id: r.id,
    trainId: r.train_id,
    date: r.date,
    meal: r.meal,
    personId: r.person_id,
    // A member's current name and phone win over the copy taken at sign-up.
    volunteerName: r.first_name !== null && r.last_name !== null ? displayName({ first_name: r.first_name, last_name: r.last_name, preferred_name: r.preferred_name }) : r.volunteer_name,
    volunteerPhone: r.person_id !== null ? (r.mobile_phone ?? r.home_phone ?? r.volunteer_phone) : r.volunteer_phone,
    kind: r.kind,
    dish: r.dish,
    notes: r.notes,
    state: r.state,
  }))
}

export async function getSignup(db: Db, signupId: number): Promise<SignupRow | undefined> {
  return (await signupRows(db, { ids: [signupId] }))[0]
}

export type TrainRecord = MealTrainFields & { id: number; status: MealTrainStatus }

/** A stored train and all its sign-ups (every state), or undefined when there is no such train. */
export async function getTrainRecord(db: Db, trainId: number): Promise<{ train: TrainRecord; signups: SignupView[] } | undefined> {
  const train = await getTrainFields(db, trainId)
  if (!train) return undefined
  return { train, signups: await signupRows(db, { trainId }) }
}

/** Every train (or only active ones) newest first, with how many sign-ups hold a slot and how many are stranded. */
export async function listTrainRecords(db: Db, includeArchived: boolean): Promise<{ train: TrainRecord; held: number; stranded: number }[]> {
  let q = db.selectFrom('meal_trains').select('id')
  if (!includeArchived) q = q.where('status', '=', 'active')
  const ids = (await q.orderBy('starts_on', 'desc').orderBy('id', 'desc').execute()).map((r) => r.id)
  const counts = await db
    .selectFrom('meal_signups')
    .select(['train_id', sql<number>`sum(state in ('taken','delivered'))`.as('held'), sql<number>`sum(state = 'needs_rescheduling')`.as('stranded')])
    .groupBy('train_id')
    .execute()
  const byTrain = new Map(counts.map((c) => [c.train_id, c]))
  const trains = await trainFieldsOf(db, ids)
  return trains.map((train) => ({ train, held: Number(byTrain.get(train.id)?.held ?? 0), stranded: Number(byTrain.get(train.id)?.stranded ?? 0) }))
}

/** Taken or delivered sign-ups whose day and meal are not among `slots` (what a change to the train would strand). */
export async function strandedSignups(db: Db, trainId: number, slots: { date: string; meal: Meal }[]): Promise<AffectedSignup[]> {
  const keep = new Set(slots.map((s) => `${s.date}|${s.meal}`))
  const signups = await signupRows(db, { trainId })
  return signups
    .filter((s) => (s.state === 'taken' || s.state === 'delivered') && !keep.has(`${s.date}|${s.meal}`))
    .map((s) => ({ signupId: s.id, volunteerName: s.volunteerName, date: s.date, meal: s.meal, dish: s.dish }))
}

/** Dishes (and gift cards) already promised on a train, in date order, so the next cook can pick something else. */
export async function plannedDishes(db: Db, trainId: number, exceptSignupId?: number): Promise<PlannedDish[]> {
  const signups = await signupRows(db, { trainId })
  return signups
    .filter((s) => (s.state === 'taken' || s.state === 'delivered') && s.id !== exceptSignupId && (s.dish || s.kind === 'gift_card'))
    .map((s) => ({ date: s.date, meal: s.meal, dish: s.dish ?? '', kind: s.kind, volunteerName: s.volunteerName }))
}

export async function markNeedsRescheduling(trx: Transaction<Database>, signupIds: number[]): Promise<void> {
  if (signupIds.length === 0) return
  await trx.updateTable('meal_signups').set({ state: 'needs_rescheduling', updated_at: new Date().toISOString() }).where('id', 'in', signupIds).execute()
}

/** A member as a new train's recipient: their household's name and address, their dietary needs. */
export async function recipientDefaults(db: Db, personId: number): Promise<RecipientDefaults | undefined> {
  const p = await db
    .selectFrom('people as p')
    .leftJoin('households as h', 'h.id', 'p.household_id')
    .select([
      'p.id',
      'p.first_name',
      'p.last_name',
      'p.preferred_name',
      'p.mobile_phone',
      'p.household_id',
      'p.address_line1',
      'p.address_line2',
      'p.city',
      'p.postal_code',
      'h.display_name as household_name',
      'h.address_line1 as h_line1',
      'h.address_line2 as h_line2',
      'h.city as h_city',
      'h.postal_code as h_postal',
      'h.home_phone',
    ])
    .where('p.id', '=', personId)
    .executeTakeFirst()
  if (!p) return undefined
  const own = [p.address_line1, p.address_line2, p.city, p.postal_code].some(Boolean)
  const parts = own ? [p.address_line1, p.address_line2, p.city, p.postal_code] : [p.h_line1, p.h_line2, p.h_city, p.h_postal]
  const address = parts.filter(Boolean).join(', ')
  return {
    recipientPersonId: p.id,
    recipientHouseholdId: p.household_id,
    recipientName: p.household_name ?? displayName(p),
    address: address || null,
    householdNeeds: await householdNeeds(db, { recipientPersonId: p.id, recipientHouseholdId: p.household_id }),
    phone: p.mobile_phone ?? p.home_phone,
  }
}

export async function volunteerContact(db: Db, personId: number): Promise<{ name: string; phone: string | null } | undefined> {
  const p = await db
    .selectFrom('people as p')
    .leftJoin('households as h', 'h.id', 'p.household_id')
    .select(['p.first_name', 'p.last_name', 'p.preferred_name', 'p.mobile_phone', 'h.home_phone'])
    .where('p.id', '=', personId)
    .executeTakeFirst()
  return p ? { name: displayName(p), phone: p.mobile_phone ?? p.home_phone } : undefined
}

export async function blackoutsOn(db: Db, personId: number, date: string): Promise<{ startsOn: string; endsOn: string; note: string | null }[]> {
  const rows = await db
    .selectFrom('person_blackouts')
    .select(['starts_on', 'ends_on', 'note'])
    .where('person_id', '=', personId)
    .where('starts_on', '<=', date)
    .where('ends_on', '>=', date)
    .execute()
  return rows.map((r) => ({ startsOn: r.starts_on, endsOn: r.ends_on, note: r.note }))
}

/** A member's promised meal (a taken or delivered sign-up) with the train's delivery window for that meal. */
export interface MealDelivery {
  signupId: number
  personId: number
  date: string
  meal: Meal
  kind: SignupKind
  careKind: CareKind
  title: string | null
  recipientName: string
  windowFrom: string | null
  windowTo: string | null
}

/**
 * Meals members have promised between `from` and `to` inclusive, for one person or everyone, in date order.
 * Write-in volunteers are not members, so they have none here.
 */
export async function mealDeliveries(db: Db, { personId, from, to }: { personId?: number; from: string; to: string }): Promise<MealDelivery[]> {
  let q = db
    .selectFrom('meal_signups as s')
    .innerJoin('meal_trains as t', 't.id', 's.train_id')
    .leftJoin('meal_train_meals as m', (j) => j.onRef('m.train_id', '=', 's.train_id').onRef('m.meal', '=', 's.meal'))
    .select(['s.id', 's.person_id', 's.date', 's.meal', 's.kind', 't.kind as care_kind', 't.title', 't.recipient_name', 'm.window_from', 'm.window_to'])
    .where('s.state', 'in', ['taken', 'delivered'])
    // An undated calendar's days are placeholders, not promises on a real day.
    .where('t.date_known', '=', 1)
    .where('s.person_id', 'is not', null)
    .where('s.date', '>=', from)
    .where('s.date', '<=', to)
  if (personId !== undefined) q = q.where('s.person_id', '=', personId)
  const rows = await q.orderBy('s.date').orderBy('m.window_from').orderBy('s.id').execute()
  return rows.map((r) => ({
    signupId: r.id,
    personId: r.person_id!,
    date: r.date,
    meal: r.meal,
    kind: r.kind,
    careKind: r.care_kind,
    title: r.title,
    recipientName: r.recipient_name,
    windowFrom: r.window_from,
    windowTo: r.window_to,
  }))
}

export async function insertSignup(
  trx: Transaction<Database>,
  s: { trainId: number; date: string; meal: Meal; personId: number | null; name: string; phone: string | null; kind: 'meal' | 'gift_card'; dish: string | null; notes: string | null },
): Promise<number> {
  const { id } = await trx
    .insertInto('meal_signups')
    .values({
      train_id: s.trainId,
      date: s.date,
      meal: s.meal,
      person_id: s.personId,
      volunteer_name: s.name,
      volunteer_phone: s.phone,
      kind: s.kind,
      dish: s.dish || null,
      notes: s.notes || null,
      state: 'taken',
      updated_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export async function slotHolder(db: Db, trainId: number, date: string, meal: Meal, exceptId?: number): Promise<{ id: number; volunteerName: string } | undefined> {
  let q = db
    .selectFrom('meal_signups')
    .select(['id', 'volunteer_name'])
    .where('train_id', '=', trainId)
    .where('date', '=', date)
    .where('meal', '=', meal)
    .where('state', 'in', ['taken', 'delivered'])
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId)
  const row = await q.executeTakeFirst()
  return row ? { id: row.id, volunteerName: row.volunteer_name } : undefined
}

/** Whether the member and household a train is for still exist (null asks nothing). */
export async function recipientExists(db: Db, personId: number | null, householdId: number | null): Promise<{ person: boolean; household: boolean }> {
  const person = personId === null || (await db.selectFrom('people').select('id').where('id', '=', personId).executeTakeFirst()) !== undefined
  const household = householdId === null || (await db.selectFrom('households').select('id').where('id', '=', householdId).executeTakeFirst()) !== undefined
  return { person, household }
}

export async function setSignupState(db: Db, signupId: number, state: SignupState): Promise<void> {
  await db.updateTable('meal_signups').set({ state, updated_at: new Date().toISOString() }).where('id', '=', signupId).execute()
}

/** Puts a sign-up on another day and meal, taken again (it may have been waiting to be rescheduled). */
export async function moveSignupTo(db: Db, signupId: number, date: string, meal: Meal): Promise<void> {
  await db.updateTable('meal_signups').set({ date, meal, state: 'taken', updated_at: new Date().toISOString() }).where('id', '=', signupId).execute()
}

/**
 * What "clear health details" empties on archive, each with its cleared value: the reason, dietary needs, and for
 * other kinds of care what was needed, where a ride went (a clinic says why) and whether it needed a wheelchair.
 * The same columns are erased from the history.
 */
export const HEALTH_COLUMNS = {
  reason: null,
  dietary: '[]',
  dietary_notes: null,
  household_needs_seen: null,
  care_what: null,
  ride_destination: null,
  ride_wheelchair: 0,
} as const

/** Archives a train; clearing health details removes the reason and dietary details nobody needs any more. */
export async function archiveTrain(db: Db, trainId: number, clearHealthDetails: boolean): Promise<void> {
  await db
    .updateTable('meal_trains')
    .set({
      status: 'archived',
      updated_at: new Date().toISOString(),
      ...(clearHealthDetails ? HEALTH_COLUMNS : {}),
    })
    .where('id', '=', trainId)
    .execute()
}

/**
 * Sets a calendar's first and last day and moves its sign-ups, in an order that never puts two on one slot at once
 * (the database refuses a double-booked slot even for a moment).
 */
export async function shiftTrain(
  trx: Transaction<Database>,
  trainId: number,
  span: { startsOn: string; endsOn: string },
  moves: { id: number; date: string }[],
): Promise<void> {
  const now = new Date().toISOString()
  await trx.updateTable('meal_trains').set({ starts_on: span.startsOn, ends_on: span.endsOn, date_known: 1, updated_at: now }).where('id', '=', trainId).execute()
  for (const m of moves) await trx.updateTable('meal_signups').set({ date: m.date, updated_at: now }).where('id', '=', m.id).execute()
}
