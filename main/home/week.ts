import { DateTime } from 'luxon'
import type { HomeFacts } from '../../db/home'
import type { Birthday, HomeBackup, HomeDay, HomeSpan, HomeView, OpenMeals, PrayerGaps, SetupState, SubstituteNeeded } from '../contract/home'
import { addDays } from '../contract/days'
import { MEAL_ORDER } from '../contract/values'
import { generateSlots } from '../common/meal-slots'


function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

/**
 * The day a birthday ('YYYY-MM-DD', or '--MM-DD' without its year) falls on between `from` and `to` (inclusive, at most a year apart), or null.
 * Someone born on 29 February celebrates on 28 February in a common year.
 */
export function birthdayIn(birthday: string, from: string, to: string): string | null {
  const monthDay = birthday.slice(-5)
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    const day = monthDay === '02-29' && !isLeapYear(year) ? `${year}-02-28` : `${year}-${monthDay}`
    if (day >= from && day <= to) return day
  }
  return null
}

const DAY_MS = 86_400_000

/** Whether a backup is due: there never was one, or the last is older than the reminder allows. */
export function backupDue(lastBackupAt: string | null, reminderDays: number, now: Date): boolean {
  if (!lastBackupAt) return true
  return now.getTime() - Date.parse(lastBackupAt) > reminderDays * DAY_MS
}

function localTime(instant: string, zone: string): string {
  return DateTime.fromISO(instant, { zone }).toFormat('HH:mm')
}

export interface HomeInput {
  facts: HomeFacts
  today: string
  span: HomeSpan
  settings: Omit<SetupState, 'people'> & { backupReminderDays: number }
  lastBackupAt: string | null
  now: Date
  example: boolean
}

/** What the home shows for the period from `today`: what needs a person, what is happening, and the reminders. */
export function buildHome({ facts, today, span, settings, lastBackupAt, now, example }: HomeInput): HomeView {
  const until = addDays(today, span - 1)
  const trainName = new Map(facts.trains.map((t) => [t.id, t.recipientName]))
  const held = facts.signups.filter((s) => s.state === 'taken' || s.state === 'delivered')
  const heldAt = new Map(held.map((s) => [`${s.trainId}|${s.date}|${s.meal}`, s]))
  const days = new Map<string, HomeDay>()
  const dayOf = (date: string): HomeDay => {
    let d = days.get(date)
    if (!d) days.set(date, (d = { date, meals: [], prayers: [] }))
    return d
  }

  const openMeals: OpenMeals[] = []
  for (const train of facts.trains) {
    if (train.startsOn > until || train.endsOn < today || train.meals.length === 0) continue
    // The whole train's slots, then the days in view: an every-other-week calendar counts its weeks from its own
    // first day, and a week in view may hold none of its days.
    const slots = generateSlots({ startsOn: train.startsOn, endsOn: train.endsOn, weekdays: train.weekdays, weekInterval: train.weekInterval, meals: train.meals }).filter(
      (s) => s.date >= today && s.date <= until,
    )
    const open: OpenMeals['slots'] = []
    for (const slot of slots) {
      const signup = heldAt.get(`${train.id}|${slot.date}|${slot.meal}`)
      if (!signup) {
        open.push({ date: slot.date, meal: slot.meal })
        continue
      }
      dayOf(slot.date).meals.push({
        trainId: train.id,
        recipientName: train.recipientName,
        meal: slot.meal,
        from: slot.from,
        to: slot.to,
        volunteer: { name: signup.volunteerName, phone: signup.volunteerPhone },
        dish: signup.dish,
      })
    }
    if (open.length) openMeals.push({ trainId: train.id, kind: train.kind, recipientName: train.recipientName, slots: open })
  }

  const peopleBySlot = new Map<number, HomeFacts['assignments']>()
  for (const a of facts.assignments) peopleBySlot.set(a.slotId, [...(peopleBySlot.get(a.slotId) ?? []), a])
  const gapsBySchedule = new Map<number, PrayerGaps>()
  const substitutes: SubstituteNeeded[] = []
  for (const slot of facts.slots) {
    const people = peopleBySlot.get(slot.slotId) ?? []
    const start = localTime(slot.startsAt, slot.timeZone)
    const end = localTime(slot.endsAt, slot.timeZone)
    const where = { circleId: slot.circleId, scheduleId: slot.scheduleId, circleName: slot.circleName, title: slot.title }
    // A meeting is for the whole circle, so an empty one is not a gap (as on the schedule's own page).
    if (slot.kind !== 'meeting' && people.length < slot.minPeople) {
      let gaps = gapsBySchedule.get(slot.scheduleId)
      if (!gaps) gapsBySchedule.set(slot.scheduleId, (gaps = { ...where, kind: slot.kind, slots: [] }))
      gaps.slots.push({ slotId: slot.slotId, date: slot.localDate, start, end, missing: slot.minPeople - people.length })
    }
    for (const p of people) {
      if (p.needsSubstitute) substitutes.push({ ...where, assignmentId: p.id, date: slot.localDate, start, name: p.name, phone: p.phone })
    }
    if (people.length) dayOf(slot.localDate).prayers.push({ ...where, start, end, people: people.map((p) => ({ name: p.name, phone: p.phone })) })
  }

  const rescheduling = facts.signups
    .filter((s) => s.state === 'needs_rescheduling')
    .map((s) => ({
      trainId: s.trainId,
      recipientName: trainName.get(s.trainId) ?? '',
      signupId: s.id,
      volunteerName: s.volunteerName,
      volunteerPhone: s.volunteerPhone,
      date: s.date,
      meal: s.meal,
    }))

  const birthdays: Birthday[] = facts.birthdays
    .flatMap((p) => {
      const date = birthdayIn(p.birthday, today, until)
      return date ? [{ personId: p.id, name: p.name, phone: p.phone, date }] : []
    })
    .sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name))

  const backup: HomeBackup = {
    lastBackupAt,
    folder: settings.backupFolder,
    reminderDays: settings.backupReminderDays,
    due: backupDue(lastBackupAt, settings.backupReminderDays, now),
  }

  return {
    today,
    until,
    span,
    example,
    setup: { congregationName: settings.congregationName, paperSize: settings.paperSize, backupFolder: settings.backupFolder, people: facts.people },
    openMeals,
    prayerGaps: [...gapsBySchedule.values()],
    substitutes,
    rescheduling,
    days: [...days.values()]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((d) => ({ ...d, meals: d.meals.sort((a, b) => MEAL_ORDER[a.meal] - MEAL_ORDER[b.meal] || a.from.localeCompare(b.from)) })),
    expiringRequests: facts.requests.map((r) => ({
      requestId: r.id,
      circleId: r.circleId,
      circleName: r.circleName,
      body: r.confidentiality === 'coordinator' ? null : r.body,
      expiresOn: r.expiresOn,
    })),
    birthdays,
    backup,
  }
}
