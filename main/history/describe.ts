import { midSentence } from '../i18n/case'
import type { HistorySubject } from '../contract/history'
import { CARE_KINDS, type CareKind, MEAL_LABELS, type Meal } from '../contract/values'
import { say } from '../i18n/say'
import { careSlotWord } from '../common/care-words'

// One change in a volunteer's words, from the records it wrote: "Cancelled the dinner signed up for 4 Dec".
// Sentences never quote a note, a prayer request or a health detail, so the History screen can be shown to
// anyone who may use Hearth; the values themselves stay in the stored rows for undo. A care calendar's changes
// are said in the language chosen when they were made, in the words of the calendar's kind (a ride, a visit…).

type Row = Record<string, unknown>

export interface ChangeRow {
  tbl: string
  op: 'insert' | 'update' | 'delete'
  before: Row | null
  after: Row | null
}

/** Live names for records a change points at but did not itself write (a note's person, a sign-up's train). */
export interface Names {
  person(id: number): string | null
  household(id: number): string | null
  train(id: number): string | null
  /** A care calendar's kind, and the title of an 'other' one. */
  care(id: number): Care | null
  circle(id: number): string | null
  schedule(id: number): { title: string; circleId: number } | null
  slot(id: number): { date: string; scheduleId: number } | null
}

export interface Described {
  summary: string
  subjects: HistorySubject[]
  destructive: boolean
}

export interface Care {
  kind: CareKind
  title: string | null
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null)
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null)

/** "4 Dec" for '2026-12-04' in en-GB, "4. Dez." in German: a day the locale's short way. */
export function shortDay(iso: unknown, locale = 'en-GB'): string {
  if (typeof iso !== 'string') return say(locale, 'history.someDay')
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) return iso
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`))
}

const isMeal = (v: unknown): v is Meal => typeof v === 'string' && v in MEAL_LABELS
const isCareKind = (v: unknown): v is CareKind => typeof v === 'string' && (CARE_KINDS as readonly string[]).includes(v)

/** "Meals for the Okafor family", "Rides for Ann Abbott": how the History's filter names a care calendar. */
function careLabel(care: Care, name: string, locale: string): string {
  if (care.kind === 'meals') return say(locale, 'printed.meals.title', { who: name })
  const what = care.kind === 'other' ? care.title?.trim() || say(locale, 'care.kind.other') : say(locale, `care.kind.${care.kind}`)
  return say(locale, 'printed.care.title', { what, who: name })
}

function personName(r: Row): string {
  return `${str(r.preferred_name) ?? str(r.first_name) ?? ''} ${str(r.last_name) ?? ''}`.trim()
}

function changed(row: ChangeRow, column: string): boolean {
  return JSON.stringify(row.before?.[column] ?? null) !== JSON.stringify(row.after?.[column] ?? null)
}

// Which record names the change, highest first: deleting a person also deletes their notes and tags, and the
// sentence is about the person.
const PRIORITY = [
  'people',
  'households',
  'meal_trains',
  'prayer_circles',
  'prayer_schedules',
  'prayer_requests',
  'person_notes',
  'meal_signups',
  'person_blackouts',
  'prayer_assignments',
  'prayer_circle_members',
  'prayer_slots',
  'person_tags',
  'meal_train_meals',
  'communal_series',
  'communal_meals',
  'communal_rsvps',
  'communal_signups',
  'communal_needs',
  'settings',
]

// Tables a save rewrites wholesale (delete every row, insert the new list): deleting one of them is no loss.
const REWRITTEN = new Set(['person_tags', 'meal_train_meals', 'member_week_times', 'communal_needs'])

// Bookkeeping columns: an update that changed only these changed nothing a volunteer would name.
const BOOKKEEPING = new Set(['updated_at', 'search_text', 'sort_key'])

class Context {
  private people = new Map<number, string>()
  private trains = new Map<number, string>()
  private circles = new Map<number, string>()
  private households = new Map<number, string>()
  private cares = new Map<number, Care>()
  readonly subjects = new Map<string, HistorySubject>()

  constructor(
    rows: ChangeRow[],
    private names: Names,
    readonly locale: string,
  ) {
    // A record the change deleted can only be named from the change itself.
    for (const r of rows) {
      const v = r.after ?? r.before
      if (!v) continue
      const id = num(v.id)
      if (id === null) continue
      if (r.tbl === 'people') this.people.set(id, personName(v))
      if (r.tbl === 'meal_trains' && str(v.recipient_name)) this.trains.set(id, str(v.recipient_name)!)
      if (r.tbl === 'meal_trains' && isCareKind(v.kind)) this.cares.set(id, { kind: v.kind, title: str(v.title) })
      if (r.tbl === 'prayer_circles' && str(v.name)) this.circles.set(id, str(v.name)!)
      if (r.tbl === 'households' && str(v.display_name)) this.households.set(id, str(v.display_name)!)
    }
  }

  person(id: unknown): string {
    const n = num(id)
    if (n === null) return say(this.locale, 'history.care.someone')
    const name = this.names.person(n) ?? (this.people.get(n) || say(this.locale, 'history.care.someone'))
    this.subjects.set(`person|${n}`, { kind: 'person', id: n, label: name })
    return name
  }

  household(id: unknown): string {
    const n = num(id)
    if (n === null) return say(this.locale, 'history.someHousehold')
    const name = this.names.household(n) ?? this.households.get(n) ?? say(this.locale, 'history.someHousehold')
    this.subjects.set(`household|${n}`, { kind: 'household', id: n, label: name })
    return name
  }

  train(id: unknown): string {
    const n = num(id)
    const name = (n === null ? null : (this.names.train(n) ?? this.trains.get(n))) ?? say(this.locale, 'history.care.someone')
    if (n !== null) this.subjects.set(`train|${n}`, { kind: 'train', id: n, label: careLabel(this.care(n), name, this.locale) })
    return name
  }

  care(id: unknown): Care {
    const n = num(id)
    return (n === null ? null : (this.names.care(n) ?? this.cares.get(n))) ?? { kind: 'meals', title: null }
  }

  /** A sentence about a care calendar: "Started a ride calendar for Ann Abbott". */
  calendar(id: 'history.care.started' | 'history.care.deleted' | 'history.care.archived' | 'history.care.needsSeen' | 'history.care.edited' | 'history.care.times', trainId: unknown): string {
    const name = this.train(trainId)
    return say(this.locale, id, { calendar: say(this.locale, 'history.care.calendar', { kind: this.care(trainId).kind }), name })
  }

  /** "dinner", "ride (morning)", "dog walking (evening)": one slot of a calendar, mid-sentence. */
  slot(trainId: unknown, meal: unknown): string {
    if (!isMeal(meal)) return say(this.locale, 'history.care.slot')
    const care = this.care(trainId)
    return midSentence(careSlotWord(care.kind, meal, care.title, this.locale), this.locale)
  }

  day(iso: unknown): string {
    return shortDay(iso, this.locale)
  }

  circle(id: unknown): string {
    const n = num(id)
    if (n === null) return say(this.locale, 'history.someCircle')
    const name = this.names.circle(n) ?? this.circles.get(n) ?? say(this.locale, 'history.someCircle')
    this.subjects.set(`circle|${n}`, { kind: 'circle', id: n, label: name })
    return name
  }

  scheduleCircle(scheduleId: unknown): string {
    const s = num(scheduleId) !== null ? this.names.schedule(num(scheduleId)!) : null
    return s ? this.circle(s.circleId) : say(this.locale, 'history.someCircle')
  }

  slotDay(slotId: unknown): string {
    const s = num(slotId) !== null ? this.names.slot(num(slotId)!) : null
    if (!s) return say(this.locale, 'history.someDay')
    this.scheduleCircle(s.scheduleId)
    return this.day(s.date)
  }
}

function sentence(row: ChangeRow, c: Context): string {
  const v = (row.after ?? row.before)!
  const { op } = row
  const { locale } = c
  const yes = (b: unknown) => (b ? 'yes' : 'no')
  switch (row.tbl) {
    case 'people': {
      const name = c.person(v.id)
      if (op === 'insert') return say(locale, 'history.person.added', { name })
      if (op === 'delete') return say(locale, 'history.person.deleted', { name })
      if (changed(row, 'archived_at')) return say(locale, row.after?.archived_at ? 'history.person.archived' : 'history.person.unarchived', { name })
      if (changed(row, 'household_id')) {
        if (row.after?.household_id == null) return say(locale, 'history.person.leftHousehold', { name, household: c.household(row.before?.household_id) })
        return say(locale, 'history.person.joinedHousehold', { name, household: c.household(row.after.household_id) })
      }
      if (changed(row, 'dietary') || changed(row, 'dietary_notes')) return say(locale, 'history.person.dietary', { name })
      return say(locale, 'history.person.edited', { name })
    }
    case 'households':
      return say(locale, 'history.household', { op, name: c.household(v.id) })
    case 'person_notes':
      return say(locale, 'history.note', { op, confidential: yes(v.confidential === 1), name: c.person(v.person_id) })
    case 'person_blackouts': {
      const span = v.starts_on === v.ends_on ? c.day(v.starts_on) : say(locale, 'history.span', { from: c.day(v.starts_on), to: c.day(v.ends_on) })
      return say(locale, 'history.timeAway', { op, name: c.person(v.person_id), span })
    }
    case 'person_tags': {
      const values = { skill: yes(v.kind === 'skill'), value: String(v.value), name: c.person(v.person_id) }
      return say(locale, op === 'delete' ? 'history.tag.removed' : 'history.tag.given', values)
    }
    case 'meal_trains': {
      if (op === 'insert') return c.calendar('history.care.started', v.id)
      if (op === 'delete') return c.calendar('history.care.deleted', v.id)
      if (changed(row, 'status') && row.after?.status === 'archived') return c.calendar('history.care.archived', v.id)
      if (changed(row, 'household_needs_seen') && Object.keys(row.after ?? {}).every((k) => k === 'household_needs_seen' || k === 'updated_at' || !changed(row, k))) {
        return c.calendar('history.care.needsSeen', v.id)
      }
      return c.calendar('history.care.edited', v.id)
    }
    case 'meal_train_meals':
      return c.calendar('history.care.times', v.train_id)
    case 'meal_signups': {
      c.train(v.train_id)
      if (v.person_id != null) c.person(v.person_id)
      const at = { slot: c.slot(v.train_id, v.meal), day: c.day(v.date) }
      const who = str(v.volunteer_name) ?? say(locale, 'history.care.someoneStarts')
      if (op === 'insert') return say(locale, 'history.signup.added', { who, ...at })
      if (op === 'delete') return say(locale, 'history.signup.deleted', at)
      if (changed(row, 'date') || changed(row, 'meal')) return say(locale, 'history.signup.moved', { who, slot: c.slot(v.train_id, row.before?.meal), from: c.day(row.before?.date), to: c.day(row.after?.date) })
      if (row.after?.state === 'cancelled') return say(locale, 'history.signup.cancelled', at)
      if (row.after?.state === 'delivered') return say(locale, 'history.signup.delivered', at)
      if (row.after?.state === 'needs_rescheduling') return say(locale, 'history.signup.setAside', at)
      if (row.after?.state === 'taken') return say(locale, 'history.signup.putBack', at)
      return say(locale, 'history.signup.edited', at)
    }
    case 'prayer_circles':
      return say(locale, 'history.circle', { op, name: c.circle(v.id) })
    case 'prayer_circle_members':
      return say(locale, 'history.circleMember', { op, circle: c.circle(v.circle_id), name: c.person(v.person_id) })
    case 'prayer_schedules':
      return say(locale, 'history.schedule', { op, circle: c.circle(v.circle_id), title: str(v.title) ?? say(locale, 'history.someSchedule') })
    case 'prayer_slots': {
      const circle = c.scheduleCircle(v.schedule_id)
      if (op === 'update' && changed(row, 'skipped')) return say(locale, 'history.slot.skipped', { skipped: yes(row.after?.skipped), day: c.day(v.local_date), circle })
      if (op === 'update') return say(locale, 'history.slot.moved', { day: c.day(row.before?.local_date), circle })
      return say(locale, 'history.slot.list', { op, circle })
    }
    case 'prayer_assignments': {
      const day = c.slotDay(v.slot_id)
      const name = v.person_id != null ? c.person(v.person_id) : (str(v.write_in_name) ?? say(locale, 'history.care.someone'))
      if (op === 'insert') return say(locale, 'history.assignment.added', { name, day })
      if (op === 'delete') return say(locale, 'history.assignment.removed', { name, day })
      if (changed(row, 'needs_substitute')) return say(locale, row.after?.needs_substitute ? 'history.assignment.needsSubstitute' : 'history.assignment.canPray', { name, day })
      return say(locale, 'history.assignment.changed', { day })
    }
    case 'prayer_requests': {
      const circle = c.circle(v.circle_id)
      const answered = op === 'update' && changed(row, 'answered_at') && row.after?.answered_at
      return say(locale, 'history.request', { op: answered ? 'answered' : op, circle })
    }
    case 'member_week_times':
      return say(locale, 'history.weekTimes', { name: c.person(v.person_id) })
    case 'communal_series':
      return say(locale, 'history.communal.series', { op, title: str(v.title) ?? '' })
    case 'communal_meals': {
      const what = op === 'update' && changed(row, 'status') && row.after?.status === 'archived' ? 'archived' : op === 'update' && changed(row, 'date') ? 'moved' : op
      return say(locale, 'history.communal.meal', { op: what, title: str(v.title) ?? '', day: c.day(v.date) })
    }
    case 'communal_needs':
      return say(locale, 'history.communal.needs')
    case 'communal_signups':
      return say(locale, 'history.communal.signup', { op, name: str(v.name) ?? say(locale, 'history.care.someoneStarts') })
    case 'communal_rsvps':
      return say(locale, 'history.communal.rsvp', { op, name: str(v.name) ?? say(locale, 'history.care.someoneStarts') })
    case 'settings':
      return say(locale, 'history.settings')
    default:
      return say(locale, 'history.other', { what: row.tbl.replace(/_/g, ' ') })
  }
}

function isDestructive(row: ChangeRow): boolean {
  if (row.op === 'delete') return !REWRITTEN.has(row.tbl)
  if (row.op !== 'update') return false
  if (row.tbl === 'meal_signups') return row.after?.state === 'cancelled' || row.after?.state === 'needs_rescheduling'
  if (row.tbl === 'meal_trains') return changed(row, 'status') && row.after?.status === 'archived'
  if (row.tbl === 'communal_meals') return changed(row, 'status') && row.after?.status === 'archived'
  if (row.tbl === 'people') return (changed(row, 'archived_at') && row.after?.archived_at != null) || (changed(row, 'household_id') && row.after?.household_id == null)
  return false
}

export function describeRows(rows: ChangeRow[], names: Names, locale = 'en-GB'): Described {
  const c = new Context(rows, names, locale)
  const rank = (t: string) => {
    const i = PRIORITY.indexOf(t)
    return i < 0 ? PRIORITY.length : i
  }
  // A record deleted and written back the same (a list saved again) is no change worth a sentence. Only a change
  // with both inserts and deletes can hold such a pair; an import of 10,000 people holds none, and writing every
  // row out as text to compare would cost it half a second.
  const pairs = rows.some((r) => r.op === 'insert') && rows.some((r) => r.op === 'delete')
  const inserted = new Set(pairs ? rows.filter((r) => r.op === 'insert').map((r) => `${r.tbl}|${JSON.stringify(r.after)}`) : [])
  const deleted = new Set(pairs ? rows.filter((r) => r.op === 'delete').map((r) => `${r.tbl}|${JSON.stringify(r.before)}`) : [])
  const meaningful = rows.filter(
    (r) =>
      !(pairs && r.op === 'delete' && inserted.has(`${r.tbl}|${JSON.stringify(r.before)}`)) &&
      !(pairs && r.op === 'insert' && deleted.has(`${r.tbl}|${JSON.stringify(r.after)}`)) &&
      !(r.op === 'update' && Object.keys(r.after ?? {}).every((k) => BOOKKEEPING.has(k) || !changed(r, k))),
  )
  const pool = meaningful.length ? meaningful : rows
  const main = [...pool].sort((a, b) => rank(a.tbl) - rank(b.tbl))[0]!
  let summary = sentence(main, c)
  const alike = pool.filter((r) => r !== main && r.tbl === main.tbl && r.op === main.op)
  if (alike.length > 0 && (main.op !== 'update' || main.tbl === 'people')) {
    summary = say(c.locale, 'history.andMore', { summary, count: alike.length })
    for (const r of alike.slice(0, 50)) sentence(r, c)
  }
  for (const r of pool.slice(0, 200)) if (r !== main && r.tbl !== main.tbl) sentence(r, c)
  return {
    summary,
    subjects: [...c.subjects.values()],
    destructive: pool.some(isDestructive),
  }
}
