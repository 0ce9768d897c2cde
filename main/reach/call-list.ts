import { DateTime } from 'luxon'
import { type Contact, contactsOf, type MealDutyRow, mealDuties, personKey, type PrayerDutyRow, prayerDuties, scheduleIdsBetween, trainIdsBetween } from '../../db/reach'
import { getSchedule } from '../../db/prayer-circles'
import type { CallDuty, CallGap, CallList, CallPerson, SubstituteNeeded } from '../contract/reach'
import type { Context } from '../context'
import { mealTrainDetail } from '../common/read-meal-train'
import { mealWhat } from '../common/meal-words'
import { standingRequests } from '../common/read-standing'

// The call list and the words for duties, worked out from what db/reach.ts reads: who to ring, about what, and
// which meal days and prayer times are still open.

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

export function prayerWhat(r: { title: string; circleName: string } | { scheduleTitle: string; circleName: string }): string {
  return `${'title' in r ? r.title : r.scheduleTitle} (${r.circleName})`
}

/** 'HH:mm' of an instant in a zone. */
function localTime(instant: string, zone: string): string {
  return DateTime.fromISO(instant, { zone }).toFormat('HH:mm')
}

type Holder = Omit<CallPerson, 'duties'>

function mealHolder(r: MealDutyRow): Holder {
  if (r.contact) return { key: personKey(r.contact.personId, r.contact.name), ...contactFields(r.contact) }
  return {
    key: personKey(null, r.volunteerName),
    personId: null,
    name: r.volunteerName,
    preferredContact: null,
    mobile: r.volunteerPhone,
    otherPhone: null,
    homePhone: null,
    email: null,
  }
}

function prayerHolder(r: PrayerDutyRow): Holder {
  if (r.contact) return { key: personKey(r.contact.personId, r.contact.name), ...contactFields(r.contact) }
  const name = r.writeInName ?? ''
  return { key: personKey(null, name), personId: null, name, preferredContact: null, mobile: null, otherPhone: null, homePhone: null, email: null }
}

function contactFields(c: Contact): Omit<Holder, 'key'> {
  return { personId: c.personId, name: c.name, preferredContact: c.preferredContact, mobile: c.mobile, otherPhone: c.otherPhone, homePhone: c.homePhone, email: c.email }
}

/**
 * The people to call, each with the duties they hold in the range (date and time order), by name; and, apart, the
 * people who asked for a substitute. A tick counts only when it was given to the person holding the duty now.
 */
function groupCallList(meals: readonly MealDutyRow[], prayers: readonly PrayerDutyRow[], locale: string): { people: CallPerson[]; substitutes: SubstituteNeeded[] } {
  const people = new Map<string, CallPerson>()
  const substitutes: SubstituteNeeded[] = []
  const add = (holder: Holder, duty: CallDuty) => {
    const person = people.get(holder.key) ?? { ...holder, duties: [] }
    person.duties.push(duty)
    people.set(holder.key, person)
  }
  for (const r of meals) {
    const holder = mealHolder(r)
    add(holder, {
      key: `meal:${r.signupId}`,
      kind: 'meal',
      what: mealWhat(r.kind, r.meal, r.recipientName, locale, { kind: r.careKind, title: r.careTitle }),
      date: r.date,
      from: r.windowFrom,
      to: r.windowTo,
      where: r.address,
      reminded: r.remindedKey === holder.key,
    })
  }
  for (const r of prayers) {
    const holder = prayerHolder(r)
    const duty: CallDuty = {
      key: `prayer:${r.assignmentId}`,
      kind: 'prayer',
      what: prayerWhat(r),
      date: r.localDate,
      from: localTime(r.startsAt, r.timeZone),
      to: localTime(r.endsAt, r.timeZone),
      where: null,
      reminded: r.remindedKey === holder.key,
    }
    if (r.needsSubstitute) substitutes.push({ name: holder.name, phone: holder.mobile ?? holder.homePhone ?? holder.otherPhone, duty, scheduleId: r.scheduleId, area: 'prayer-circles' })
    else add(holder, duty)
  }
  const byTime = (a: CallDuty, b: CallDuty) => a.date.localeCompare(b.date) || (a.from ?? '').localeCompare(b.from ?? '') || a.key.localeCompare(b.key)
  const list = [...people.values()]
  for (const p of list) p.duties.sort(byTime)
  list.sort((a, b) => collator.compare(a.name, b.name) || a.key.localeCompare(b.key))
  substitutes.sort((a, b) => byTime(a.duty, b.duty))
  return { people: list, substitutes }
}

/** Standing-hours holders who cannot come on a date in the range and have nobody in their place yet. */
async function standingSubstitutes(ctx: Context, from: string, to: string): Promise<SubstituteNeeded[]> {
  const requests = await standingRequests(ctx.db, from, to)
  const contacts = new Map((await contactsOf(ctx.db, [...new Set(requests.map((r) => r.holderPersonId))])).map((c) => [c.personId, c]))
  return requests.map((r) => {
    const c = contacts.get(r.holderPersonId)
    return {
      name: r.holderName,
      phone: c ? (c.mobile ?? c.homePhone ?? c.otherPhone) : null,
      duty: { key: `standing:${r.exceptionId}`, kind: 'prayer', what: prayerWhat(r), date: r.date, from: r.localStart, to: r.localEnd, where: null, reminded: false },
      scheduleId: r.scheduleId,
      area: 'standing-hours',
    }
  })
}

/**
 * The call list from `from` to `to`: the people holding meal sign-ups (taken, not yet delivered) and prayer duties
 * (not cancelled), by person; those who asked for a substitute; and the meal days and prayer times still open on
 * running trains, vigils and rotations.
 */
export async function getCallList(ctx: Context, from: string, to: string, timeZone: string, locale = 'en'): Promise<CallList> {
  const { db } = ctx
  const meals = await mealDuties(db, { from, to, states: ['taken'] })
  const prayers = await prayerDuties(db, { from, to, includeSkipped: false })
  const { people, substitutes } = groupCallList(meals, prayers, locale)
  substitutes.push(...(await standingSubstitutes(ctx, from, to)))
  substitutes.sort((a, b) => a.duty.date.localeCompare(b.duty.date) || (a.duty.from ?? '').localeCompare(b.duty.from ?? '') || a.duty.key.localeCompare(b.duty.key))
  const gaps: CallGap[] = []
  for (const trainId of await trainIdsBetween(db, from, to)) {
    const train = await mealTrainDetail(ctx, trainId)
    for (const s of train?.slots ?? []) {
      if (s.signup || s.date < from || s.date > to) continue
      gaps.push({ kind: 'meal', what: mealWhat('meal', s.meal, train!.recipientName, locale, train!), date: s.date, from: s.from, to: s.to, open: 1, ref: { area: 'meal-trains', id: trainId } })
    }
  }
  for (const scheduleId of await scheduleIdsBetween(db, from, to)) {
    const schedule = await getSchedule(db, scheduleId)
    for (const s of schedule?.slots ?? []) {
      if (s.missing === 0 || s.localDate < from || s.localDate > to) continue
      gaps.push({ kind: 'prayer', what: prayerWhat(schedule!), date: s.localDate, from: s.localStart, to: s.localEnd, open: s.missing, ref: { area: 'prayer-circles', id: scheduleId } })
    }
  }
  gaps.sort((a, b) => a.date.localeCompare(b.date) || (a.from ?? '').localeCompare(b.from ?? '') || a.what.localeCompare(b.what))
  return { from, to, timeZone, people, substitutes, gaps }
}
