import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'
import type {
  CareKind,
  CommunalSeriesKind,
  ContactMethod,
  HouseholdRole,
  Meal,
  MealTrainStatus,
  MemberStatus,
  PersonTagKind,
  PrayerConfidentiality,
  PrayerScheduleKind,
  SignupKind,
  SignupState,
} from '../main/contract/values'

// The one declaration of Hearth's tables. Migrations create them; query modules read and write them through
// Kysely<Database>. Dates are ISO text: 'YYYY-MM-DD' for days, full ISO-8601 UTC for instants.

type CreatedAt = ColumnType<string, string | undefined, never>

export interface SettingsTable {
  key: string
  value: string
}


/** A postal address as households and people store it (a person's own overrides the household's when any is set). */
export interface AddressColumns {
  address_line1: string | null
  address_line2: string | null
  city: string | null
  region: string | null
  postal_code: string | null
  country: string | null
}

export interface HouseholdsTable extends AddressColumns {
  id: Generated<number>
  display_name: string
  home_phone: string | null
  /** The family/household id of the spreadsheet it was imported from, so re-imports can match. */
  external_id: string | null
  /** Wedding anniversary, 'YYYY-MM-DD'. */
  anniversary: ColumnType<string | null, string | null | undefined, string | null>
  created_at: CreatedAt
  updated_at: string
}

export interface PeopleTable extends AddressColumns {
  id: Generated<number>
  household_id: number | null
  household_role: HouseholdRole | null
  first_name: string
  last_name: string
  preferred_name: string | null
  mobile_phone: string | null
  other_phone: string | null
  email: string | null
  birthday: string | null
  /** 'MM-DD' for a birthday known without its year (migration 17); null when `birthday` holds the whole date. */
  birth_month_day: string | null
  joined_on: string | null
  status: MemberStatus
  preferred_contact: ContactMethod | null
  /** JSON array of DietaryNeed keys. */
  dietary: Generated<string>
  dietary_notes: string | null
  /** Lower-cased, accent-stripped names, phones, email and tags, for search as you type. */
  search_text: Generated<string>
  /** Folded "last first" for sorting by name with accents ignored (Álvarez beside Alvarez); see db/members.ts. */
  sort_key: Generated<string>
  archived_at: string | null
  created_at: CreatedAt
  updated_at: string
}


export interface PersonTagsTable {
  person_id: number
  kind: PersonTagKind
  value: string
}

export interface PersonBlackoutsTable {
  id: Generated<number>
  person_id: number
  starts_on: string
  ends_on: string
  note: string | null
}

export interface PersonNotesTable {
  id: Generated<number>
  person_id: number
  body: string
  /** Confidential notes never reach lists, search or printouts, except a coordinator copy asked for by name. */
  confidential: Generated<number>
  created_at: CreatedAt
  updated_at: string
}





export interface MealTrainsTable {
  id: Generated<number>
  recipient_person_id: number | null
  recipient_household_id: number | null
  recipient_name: string
  reason: string | null
  starts_on: string
  ends_on: string
  /** Bit (n - 1) set for ISO weekday n, 1 = Monday … 7 = Sunday. */
  weekdays: number
  adults: number
  children: number
  address: string | null
  instructions: string | null
  /** JSON array of DietaryNeed keys. */
  dietary: Generated<string>
  dietary_notes: string | null
  favourite_meals: string | null
  disliked_meals: string | null
  coordinator_name: string | null
  coordinator_phone: string | null
  /** JSON of the household's per-person needs as the coordinator last saw them (see db/household-needs.ts). */
  household_needs_seen: string | null
  status: Generated<MealTrainStatus>
  kind: Generated<CareKind>
  title: string | null
  care_what: string | null
  care_where: string | null
  care_when: string | null
  ride_pickup: string | null
  ride_destination: string | null
  /** 'HH:MM' local to Settings.timeZone. */
  ride_appointment: string | null
  ride_return: Generated<number>
  ride_wheelchair: Generated<number>
  ride_child_seat: Generated<number>
  week_interval: Generated<number>
  day_one_label: string | null
  date_known: Generated<number>
  created_at: CreatedAt
  updated_at: string
}

export interface MealTrainMealsTable {
  train_id: number
  meal: Meal
  /** 'HH:MM' local to Settings.timeZone. */
  window_from: string
  window_to: string
}

export interface MealSignupsTable {
  id: Generated<number>
  train_id: number
  date: string
  meal: Meal
  person_id: number | null
  volunteer_name: string
  volunteer_phone: string | null
  kind: SignupKind
  dish: string | null
  notes: string | null
  state: SignupState
  created_at: CreatedAt
  updated_at: string
}

export interface CommunalSeriesTable {
  id: Generated<number>
  title: string
  kind: CommunalSeriesKind
  starts_on: string
  count: number
  closing_title: string | null
  created_at: CreatedAt
  updated_at: string
}

export interface CommunalMealsTable {
  id: Generated<number>
  series_id: number | null
  series_number: number | null
  closing: Generated<0 | 1>
  title: string
  date: string
  /** 'HH:MM' local to Settings.timeZone. */
  time: string | null
  place: string | null
  purpose: string | null
  status: Generated<'active' | 'archived'>
  created_at: CreatedAt
  updated_at: string
}

export interface CommunalNeedsTable {
  id: Generated<number>
  meal_id: number
  kind: 'dish' | 'job'
  /** A CommunalCourse for a dish, a CommunalJob for a job. */
  what: string
  label: string | null
  wanted: number
  serves: number | null
  position: Generated<number>
}

export interface CommunalSignupsTable {
  id: Generated<number>
  need_id: number
  person_id: number | null
  household_id: number | null
  name: string
  phone: string | null
  quantity: Generated<number>
  dish: string | null
  /** JSON array of Allergen keys. */
  contains: Generated<string>
  /** JSON array of DishLabel keys. */
  labels: Generated<string>
  notes: string | null
  created_at: CreatedAt
}

export interface CommunalRsvpsTable {
  id: Generated<number>
  meal_id: number
  household_id: number | null
  person_id: number | null
  name: string
  adults: number
  children: number
  notes: string | null
  created_at: CreatedAt
}

export interface PrayerCirclesTable {
  id: Generated<number>
  name: string
  leader_person_id: number | null
  created_at: CreatedAt
  updated_at: string
}

export interface PrayerCircleMembersTable {
  circle_id: number
  person_id: number
  /** Order in the contact chain: each member calls the next. */
  chain_position: number
}

export interface PrayerSchedulesTable {
  id: Generated<number>
  circle_id: number
  kind: PrayerScheduleKind
  title: string
  /** The zone the slots were generated and are labelled in (Settings.timeZone at creation). */
  time_zone: string
  min_people: Generated<number>
  per_person_limit: number | null
  /** RFC 5545 rule of a meeting or rotation; null for a vigil. */
  rrule: string | null
  created_at: CreatedAt
  updated_at: string
}

export interface PrayerSlotsTable {
  id: Generated<number>
  schedule_id: number
  /** The instant the rule produced; differs from starts_at when a meeting was moved. */
  occurs_at: string
  starts_at: string
  ends_at: string
  local_date: string
  skipped: Generated<number>
}

export interface PrayerAssignmentsTable {
  id: Generated<number>
  slot_id: number
  person_id: number | null
  /** Someone who is not in Hearth's members list. */
  write_in_name: string | null
  source: 'manual' | 'auto'
  needs_substitute: Generated<number>
  created_at: CreatedAt
}

export interface StandingSchedulesTable {
  id: Generated<number>
  circle_id: number
  title: string
  time_zone: string
  slot_minutes: number
  people_per_slot: Generated<number>
  created_at: CreatedAt
  updated_at: string
}

export interface StandingHoursTable {
  id: Generated<number>
  schedule_id: number
  /** 1 = Monday … 7 = Sunday. */
  weekday: number
  /** Minutes after local midnight. */
  start_minute: number
}

export interface StandingHoldersTable {
  id: Generated<number>
  hour_id: number
  person_id: number
  from_date: string
  until_date: string | null
}

export interface StandingExceptionsTable {
  id: Generated<number>
  schedule_id: number
  on_date: string
  hour_id: number | null
  kind: 'closed' | 'away' | 'extra'
  holder_id: number | null
  /** The substitute (away) or the extra person; null for an away still needing a substitute. */
  person_id: number | null
  note: string | null
  created_at: CreatedAt
}

export interface StandingSubstitutesTable {
  schedule_id: number
  person_id: number
  max_per_month: number | null
  created_at: CreatedAt
}

export interface StandingSubstituteTimesTable {
  id: Generated<number>
  schedule_id: number
  person_id: number
  weekday: number
  start_minute: number
  end_minute: number
}

export interface MemberWeekTimesTable {
  id: Generated<number>
  person_id: number
  kind: 'prefer' | 'impossible'
  weekday: number
  start_minute: number
  end_minute: number
}

export interface PrayerRequestsTable {
  id: Generated<number>
  circle_id: number
  body: string
  requested_by: string | null
  confidentiality: PrayerConfidentiality
  expires_on: string | null
  answered_at: string | null
  praise_note: string | null
  created_at: CreatedAt
  updated_at: string
}

/** One change a volunteer made (a save, a delete, an import), in words; see db/history.ts. */
export interface HistoryChangesTable {
  id: Generated<number>
  at: CreatedAt
  channel: string
  summary: Generated<string>
  undone_by: number | null
  undo_of: number | null
}

/** A record's columns before and after one change, as JSON objects. */
export interface HistoryRowsTable {
  id: Generated<number>
  change_id: number
  tbl: string
  op: 'insert' | 'update' | 'delete'
  /** JSON array of the record's key before the change (after it, for an insert). */
  row_key: string
  new_key: string | null
  before: string | null
  after: string | null
  /** Some values were erased for privacy; the change can no longer be undone. */
  redacted: Generated<number>
}

export interface HistorySubjectsTable {
  change_id: number
  kind: 'person' | 'household' | 'train' | 'circle'
  ref_id: number
  label: string
}

/** A "reminded" tick on the call list: for exactly one meal sign-up or one prayer assignment. */
export interface ReachRemindersTable {
  id: Generated<number>
  meal_signup_id: number | null
  prayer_assignment_id: number | null
  /** 'p:<person id>' or 'w:<write-in name>': who was reminded, so a duty handed on shows unticked. */
  person_key: string
  reminded_at: ColumnType<string, string | undefined, string>
}

/** A member's standing offer of help (issue 15). `kinds` is a JSON array of CareKind; weekdays a mask, Monday = bit 0. */
export interface CareOffersTable {
  id: Generated<number>
  person_id: number
  title: string
  kinds: string
  weekdays: number
  time_from: string | null
  time_to: string | null
  notes: string | null
  closed_at: string | null
  created_at: CreatedAt
  updated_at: string
}

/** An ask for help. Title and details are health-sensitive: null once closed. */
export interface CareAsksTable {
  id: Generated<number>
  person_id: number | null
  household_id: number | null
  recipient_name: string
  kind: CareKind
  title: string | null
  details: string | null
  train_id: number | null
  closed_at: string | null
  created_at: CreatedAt
  updated_at: string
}

export interface Database {
  settings: SettingsTable
  households: HouseholdsTable
  people: PeopleTable
  person_tags: PersonTagsTable
  person_blackouts: PersonBlackoutsTable
  person_notes: PersonNotesTable
  prayer_circles: PrayerCirclesTable
  prayer_circle_members: PrayerCircleMembersTable
  prayer_schedules: PrayerSchedulesTable
  prayer_slots: PrayerSlotsTable
  prayer_assignments: PrayerAssignmentsTable
  prayer_requests: PrayerRequestsTable
  standing_schedules: StandingSchedulesTable
  standing_hours: StandingHoursTable
  standing_holders: StandingHoldersTable
  standing_exceptions: StandingExceptionsTable
  standing_substitutes: StandingSubstitutesTable
  standing_substitute_times: StandingSubstituteTimesTable
  member_week_times: MemberWeekTimesTable
  meal_trains: MealTrainsTable
  meal_train_meals: MealTrainMealsTable
  meal_signups: MealSignupsTable
  reach_reminders: ReachRemindersTable
  care_offers: CareOffersTable
  care_asks: CareAsksTable
  communal_series: CommunalSeriesTable
  communal_meals: CommunalMealsTable
  communal_needs: CommunalNeedsTable
  communal_signups: CommunalSignupsTable
  communal_rsvps: CommunalRsvpsTable
  history_changes: HistoryChangesTable
  history_rows: HistoryRowsTable
  history_subjects: HistorySubjectsTable
}

export type Household = Selectable<HouseholdsTable>
export type NewHousehold = Insertable<HouseholdsTable>
export type HouseholdUpdate = Updateable<HouseholdsTable>
export type Person = Selectable<PeopleTable>
export type NewPerson = Insertable<PeopleTable>
export type PersonUpdate = Updateable<PeopleTable>

