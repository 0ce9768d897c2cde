import type { Kysely } from 'kysely'
import type { CareKind, Meal, SignupState } from '../main/contract/values'
import { maskToWeekdays } from './meal-trains'
import { displayName } from './members'
import type { Database } from './schema'

type Db = Kysely<Database>

// The raw rows the home is built from, for one period. main/home/week.ts turns them into what the screen shows;
// nothing here decides what counts as a gap or a due backup.

export interface HomeTrainRow {
  id: number
  kind: CareKind
  recipientName: string
  startsOn: string
  endsOn: string
  /** ISO weekdays (1 = Monday) the train runs on. */
  weekdays: number[]
  /** 1 = every week, 2 = every other week … (care calendars). */
  weekInterval: number
  meals: { meal: Meal; from: string; to: string }[]
}

export interface HomeSignupRow {
  id: number
  trainId: number
  date: string
  meal: Meal
  volunteerName: string
  volunteerPhone: string | null
  dish: string | null
  state: SignupState
}

export interface HomeSlotRow {
  slotId: number
  scheduleId: number
  circleId: number
  circleName: string
  title: string
  kind: 'meeting' | 'vigil' | 'rotation'
  timeZone: string
  minPeople: number
  startsAt: string
  endsAt: string
  localDate: string
}

export interface HomeAssignmentRow {
  id: number
  slotId: number
  name: string
  phone: string | null
  needsSubstitute: boolean
}

export interface HomeRequestRow {
  id: number
  circleId: number
  circleName: string
  body: string
  confidentiality: 'circle' | 'coordinator'
  expiresOn: string
}

export interface HomePersonRow {
  id: number
  name: string
  phone: string | null
  birthday: string
}

export interface HomeFacts {
  trains: HomeTrainRow[]
  signups: HomeSignupRow[]
  slots: HomeSlotRow[]
  assignments: HomeAssignmentRow[]
  requests: HomeRequestRow[]
  birthdays: HomePersonRow[]
  people: number
}

/**
 * Everything the home needs for the days `from`…`to` (inclusive, 'YYYY-MM-DD'): the running trains that overlap
 * them with their sign-ups (and every sign-up waiting to be rescheduled), the prayer slots on those days with
 * their people, the open requests that expire in them, and every current member with a birthday.
 */
export async function homeFacts(db: Db, from: string, to: string): Promise<HomeFacts> {
  const trainRows = await db
    .selectFrom('meal_trains')
    .select(['id', 'kind', 'recipient_name', 'starts_on', 'ends_on', 'weekdays', 'week_interval'])
    .where('status', '=', 'active')
    .where('starts_on', '<=', to)
    .where('ends_on', '>=', from)
    .orderBy('starts_on')
    .orderBy('id')
    .execute()
  const trainIds = trainRows.map((t) => t.id)
  const mealRows = trainIds.length ? await db.selectFrom('meal_train_meals').selectAll().where('train_id', 'in', trainIds).execute() : []
  const trains: HomeTrainRow[] = trainRows.map((t) => ({
    id: t.id,
    kind: t.kind,
    recipientName: t.recipient_name,
    startsOn: t.starts_on,
    endsOn: t.ends_on,
    weekdays: maskToWeekdays(t.weekdays),
    weekInterval: t.week_interval,
    meals: mealRows.filter((m) => m.train_id === t.id).map((m) => ({ meal: m.meal, from: m.window_from, to: m.window_to })),
  }))

  const signupRows = await db
    .selectFrom('meal_signups as s')
    .innerJoin('meal_trains as t', 't.id', 's.train_id')
    .leftJoin('people as p', 'p.id', 's.person_id')
    .select(['s.id', 's.train_id', 's.date', 's.meal', 's.volunteer_name', 's.volunteer_phone', 's.dish', 's.state', 'p.mobile_phone', 'p.other_phone'])
    .where('t.status', '=', 'active')
    .where((eb) =>
      eb.or([
        eb('s.state', '=', 'needs_rescheduling'),
        eb.and([eb('s.state', 'in', ['taken', 'delivered']), eb('s.date', '>=', from), eb('s.date', '<=', to)]),
      ]),
    )
    .orderBy('s.date')
    .orderBy('s.id')
    .execute()
  const signups: HomeSignupRow[] = signupRows.map((s) => ({
    id: s.id,
    trainId: s.train_id,
    date: s.date,
    meal: s.meal,
    volunteerName: s.volunteer_name,
    volunteerPhone: s.volunteer_phone ?? s.mobile_phone ?? s.other_phone ?? null,
    dish: s.dish,
    state: s.state,
  }))

  const slotRows = await db
    .selectFrom('prayer_slots as s')
    .innerJoin('prayer_schedules as sc', 'sc.id', 's.schedule_id')
    .innerJoin('prayer_circles as c', 'c.id', 'sc.circle_id')
    .select(['s.id', 's.schedule_id', 'sc.circle_id', 'c.name', 'sc.title', 'sc.kind', 'sc.time_zone', 'sc.min_people', 's.starts_at', 's.ends_at', 's.local_date'])
    .where('s.skipped', '=', 0)
    .where('s.local_date', '>=', from)
    .where('s.local_date', '<=', to)
    .orderBy('s.starts_at')
    .orderBy('s.id')
    .execute()
  const slots: HomeSlotRow[] = slotRows.map((s) => ({
    slotId: s.id,
    scheduleId: s.schedule_id,
    circleId: s.circle_id,
    circleName: s.name,
    title: s.title,
    kind: s.kind,
    timeZone: s.time_zone,
    minPeople: s.min_people,
    startsAt: s.starts_at,
    endsAt: s.ends_at,
    localDate: s.local_date,
  }))
  const slotIds = slots.map((s) => s.slotId)
  const assignmentRows = slotIds.length
    ? await db
        .selectFrom('prayer_assignments as a')
        .leftJoin('people as p', 'p.id', 'a.person_id')
        .select(['a.id', 'a.slot_id', 'a.write_in_name', 'a.needs_substitute', 'p.first_name', 'p.last_name', 'p.preferred_name', 'p.mobile_phone', 'p.other_phone'])
        .where('a.slot_id', 'in', slotIds)
        .orderBy('a.id')
        .execute()
    : []
  const assignments: HomeAssignmentRow[] = assignmentRows.map((a) => ({
    id: a.id,
    slotId: a.slot_id,
    name: a.first_name !== null && a.last_name !== null ? displayName({ first_name: a.first_name, last_name: a.last_name, preferred_name: a.preferred_name }) : (a.write_in_name ?? ''),
    phone: a.mobile_phone ?? a.other_phone ?? null,
    needsSubstitute: a.needs_substitute === 1,
  }))

  const requestRows = await db
    .selectFrom('prayer_requests as r')
    .innerJoin('prayer_circles as c', 'c.id', 'r.circle_id')
    .select(['r.id', 'r.circle_id', 'c.name', 'r.body', 'r.confidentiality', 'r.expires_on'])
    .where('r.answered_at', 'is', null)
    .where('r.expires_on', '>=', from)
    .where('r.expires_on', '<=', to)
    .orderBy('r.expires_on')
    .orderBy('r.id')
    .execute()
  const requests: HomeRequestRow[] = requestRows.map((r) => ({
    id: r.id,
    circleId: r.circle_id,
    circleName: r.name,
    body: r.body,
    confidentiality: r.confidentiality,
    expiresOn: r.expires_on ?? from,
  }))

  const birthdayRows = await db
    .selectFrom('people')
    .select(['id', 'first_name', 'last_name', 'preferred_name', 'mobile_phone', 'other_phone', 'birthday', 'birth_month_day'])
    .where('archived_at', 'is', null)
    .where((eb) => eb.or([eb('birthday', 'is not', null), eb('birth_month_day', 'is not', null)]))
    .execute()
  const birthdays: HomePersonRow[] = birthdayRows.map((p) => ({
    id: p.id,
    name: displayName(p),
    phone: p.mobile_phone ?? p.other_phone ?? null,
    birthday: p.birthday ?? `--${p.birth_month_day}`,
  }))

  const { people } = await db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('people'))
    .where('archived_at', 'is', null)
    .executeTakeFirstOrThrow()

  return { trains, signups, slots, assignments, requests, birthdays, people: Number(people) }
}
