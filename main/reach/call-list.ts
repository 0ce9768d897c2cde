import { DateTime } from 'luxon'
import type { MealDutyRow, PrayerDutyRow } from '../../db/reach'
import { personKey } from '../../db/reach'
import type { CallDuty, CallGap, CallPerson, SubstituteNeeded } from '../contract/reach'
import { MEAL_LABELS } from '../contract/values'

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

export function mealWhat(kind: MealDutyRow['kind'], meal: MealDutyRow['meal'], recipientName: string): string {
  return kind === 'gift_card' ? `Gift card or groceries (${MEAL_LABELS[meal].toLowerCase()}) for ${recipientName}` : `${MEAL_LABELS[meal]} for ${recipientName}`
}

export function prayerWhat(r: Pick<PrayerDutyRow, 'scheduleTitle' | 'circleName'>): string {
  return `${r.scheduleTitle} (${r.circleName})`
}

/** 'HH:mm' of an instant in a zone. */
export function localTime(instant: string, zone: string): string {
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

function contactFields(c: NonNullable<MealDutyRow['contact']>): Omit<Holder, 'key'> {
  return { personId: c.personId, name: c.name, preferredContact: c.preferredContact, mobile: c.mobile, otherPhone: c.otherPhone, homePhone: c.homePhone, email: c.email }
}

/**
 * The people to call, each with the duties they hold in the range (date and time order), by name; and, apart, the
 * people who asked for a substitute. A tick counts only when it was given to the person holding the duty now.
 */
export function groupCallList(meals: readonly MealDutyRow[], prayers: readonly PrayerDutyRow[]): { people: CallPerson[]; substitutes: SubstituteNeeded[] } {
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
      what: mealWhat(r.kind, r.meal, r.recipientName),
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
    if (r.needsSubstitute) substitutes.push({ name: holder.name, phone: holder.mobile ?? holder.homePhone ?? holder.otherPhone, duty, scheduleId: r.scheduleId })
    else add(holder, duty)
  }
  const byTime = (a: CallDuty, b: CallDuty) => a.date.localeCompare(b.date) || (a.from ?? '').localeCompare(b.from ?? '') || a.key.localeCompare(b.key)
  const list = [...people.values()]
  for (const p of list) p.duties.sort(byTime)
  list.sort((a, b) => collator.compare(a.name, b.name) || a.key.localeCompare(b.key))
  substitutes.sort((a, b) => byTime(a.duty, b.duty))
  return { people: list, substitutes }
}

export function sortGaps(gaps: CallGap[]): CallGap[] {
  return gaps.sort((a, b) => a.date.localeCompare(b.date) || (a.from ?? '').localeCompare(b.from ?? '') || a.what.localeCompare(b.what))
}
