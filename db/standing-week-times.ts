import type { Db } from './standing-hours'

/** A stretch of the week one member prefers or cannot do, in local time (weekday 1 = Monday, minutes after midnight). */
export interface WeekTimeRow {
  personId: number
  kind: 'prefer' | 'impossible'
  weekday: number
  startMinute: number
  endMinute: number
}

export async function weekTimesOf(db: Db, personIds: readonly number[]): Promise<WeekTimeRow[]> {
  const out: WeekTimeRow[] = []
  // SQLite caps bound parameters per statement; a large circle is read in chunks.
  for (let i = 0; i < personIds.length; i += 500) {
    const rows = await db
      .selectFrom('member_week_times')
      .select(['person_id', 'kind', 'weekday', 'start_minute', 'end_minute'])
      .where('person_id', 'in', personIds.slice(i, i + 500))
      .orderBy('person_id')
      .orderBy('weekday')
      .orderBy('start_minute')
      .execute()
    for (const r of rows) out.push({ personId: r.person_id, kind: r.kind, weekday: r.weekday, startMinute: r.start_minute, endMinute: r.end_minute })
  }
  return out
}

/** Replaces a member's preferred and impossible times with exactly these. Call inside a transaction. */
export async function replaceWeekTimes(db: Db, personId: number, times: readonly Omit<WeekTimeRow, 'personId'>[]): Promise<void> {
  await db.deleteFrom('member_week_times').where('person_id', '=', personId).execute()
  if (times.length === 0) return
  await db
    .insertInto('member_week_times')
    .values(times.map((t) => ({ person_id: personId, kind: t.kind, weekday: t.weekday, start_minute: t.startMinute, end_minute: t.endMinute })))
    .execute()
}

/** The standing slots a member keeps (or will keep) on or after `from`, with the schedule they belong to. */
export async function holdingsOf(db: Db, personId: number, from: string) {
  return db
    .selectFrom('standing_holders as h')
    .innerJoin('standing_hours as sh', 'sh.id', 'h.hour_id')
    .innerJoin('standing_schedules as s', 's.id', 'sh.schedule_id')
    .innerJoin('prayer_circles as c', 'c.id', 's.circle_id')
    .select(['h.id', 's.id as schedule_id', 's.title', 'c.name as circle_name', 's.slot_minutes', 'sh.weekday', 'sh.start_minute', 'h.from_date', 'h.until_date'])
    .where('h.person_id', '=', personId)
    .where((w) => w.or([w('h.until_date', 'is', null), w('h.until_date', '>=', from)]))
    .orderBy('sh.weekday')
    .orderBy('sh.start_minute')
    .orderBy('s.title')
    .execute()
}

/** The substitute pools a member is in, with the stretches of the week they offered. */
export async function poolsOf(db: Db, personId: number) {
  const pools = await db
    .selectFrom('standing_substitutes as p')
    .innerJoin('standing_schedules as s', 's.id', 'p.schedule_id')
    .innerJoin('prayer_circles as c', 'c.id', 's.circle_id')
    .select(['s.id as schedule_id', 's.title', 'c.name as circle_name', 'p.max_per_month'])
    .where('p.person_id', '=', personId)
    .orderBy('s.title')
    .execute()
  const times = await db
    .selectFrom('standing_substitute_times')
    .select(['schedule_id', 'weekday', 'start_minute', 'end_minute'])
    .where('person_id', '=', personId)
    .orderBy('weekday')
    .orderBy('start_minute')
    .execute()
  return pools.map((p) => ({ ...p, times: times.filter((t) => t.schedule_id === p.schedule_id) }))
}
