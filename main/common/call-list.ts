import { DateTime } from 'luxon'
import type { Contact, MealDutyRow, PrayerDutyRow } from '../../db/reach'
import { type CallDuty, type CallGap, type CallPerson, personKey, type SubstituteNeeded } from '../contract/reach'
import type { SlotView } from '../contract/meal-trains'
import type { ScheduleDetail } from '../contract/prayer-circles'
import { mealWhat } from './meal-words'
import type { MealTrainForPrint } from './meal-train'
import type { StandingRequest } from './read-standing'

// The call list worked out from the rows main/common/read-call-list.ts reads: who to ring, about what, and which
// meal days and prayer times are still open.

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
export function groupCallList(meals: readonly MealDutyRow[], prayers: readonly PrayerDutyRow[], locale: string): { people: CallPerson[]; substitutes: SubstituteNeeded[] } {
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

/** A standing-hours holder who cannot come and has nobody in their place yet, as the call list shows them. */
export function standingSubstitute(r: StandingRequest, contact: Contact | undefined): SubstituteNeeded {
  return {
    name: r.holderName,
    phone: contact ? (contact.mobile ?? contact.homePhone ?? contact.otherPhone) : null,
    duty: { key: `standing:${r.exceptionId}`, kind: 'prayer', what: prayerWhat(r), date: r.date, from: r.localStart, to: r.localEnd, where: null, reminded: false },
    scheduleId: r.scheduleId,
    area: 'standing-hours',
  }
}

/** A running train's meal days still open between `from` and `to`. */
export function trainGaps(train: MealTrainForPrint, from: string, to: string, locale: string): CallGap[] {
  return train.slots
    .filter((s: SlotView) => !s.signup && s.date >= from && s.date <= to)
    .map((s) => ({ kind: 'meal', what: mealWhat('meal', s.meal, train.recipientName, locale, train), date: s.date, from: s.from, to: s.to, open: 1, ref: { area: 'meal-trains', id: train.id } }))
}

/** A vigil's or rotation's prayer times still short of people between `from` and `to`. */
export function scheduleGaps(schedule: ScheduleDetail, from: string, to: string): CallGap[] {
  return schedule.slots
    .filter((s) => s.missing > 0 && s.localDate >= from && s.localDate <= to)
    .map((s) => ({ kind: 'prayer', what: prayerWhat(schedule), date: s.localDate, from: s.localStart, to: s.localEnd, open: s.missing, ref: { area: 'prayer-circles', id: schedule.id } }))
}

/** Substitutes and gaps in date and time order, so the call list reads as the days come. */
export function bySubstituteTime(a: SubstituteNeeded, b: SubstituteNeeded): number {
  return a.duty.date.localeCompare(b.duty.date) || (a.duty.from ?? '').localeCompare(b.duty.from ?? '') || a.duty.key.localeCompare(b.duty.key)
}

export function byGapTime(a: CallGap, b: CallGap): number {
  return a.date.localeCompare(b.date) || (a.from ?? '').localeCompare(b.from ?? '') || a.what.localeCompare(b.what)
}
