import { z } from 'zod'
import type { Settings } from './app'
import type { CareKind, Meal } from './values'
import { read, write } from './define'

/** How far ahead the home looks: a week, a fortnight or a month. */
export const HOME_SPANS = [7, 14, 30] as const
export type HomeSpan = (typeof HOME_SPANS)[number]

export interface PhoneContact {
  name: string
  phone: string | null
}

/** A train's open meal slots in the period: each is a meal nobody has signed up to bring yet. */
export interface OpenMeals {
  trainId: number
  /** The calendar's kind, so a ride is called a ride on the home. */
  kind: CareKind
  recipientName: string
  slots: { date: string; meal: Meal }[]
}

/** A vigil's or rota's slots short of people in the period. */
export interface PrayerGaps {
  circleId: number
  scheduleId: number
  circleName: string
  title: string
  kind: 'vigil' | 'rotation'
  slots: { slotId: number; date: string; start: string; end: string; missing: number }[]
}

/** Someone down to pray who asked for a substitute. */
export interface SubstituteNeeded extends PhoneContact {
  circleId: number
  scheduleId: number
  circleName: string
  title: string
  assignmentId: number
  date: string
  start: string
}

/** A meal sign-up left without a slot after its train changed. */
export interface Rescheduling {
  trainId: number
  recipientName: string
  signupId: number
  volunteerName: string
  volunteerPhone: string | null
  date: string
  meal: Meal
}

export interface MealHappening {
  trainId: number
  recipientName: string
  meal: Meal
  from: string
  to: string
  volunteer: PhoneContact
  dish: string | null
}

export interface PrayerHappening {
  circleId: number
  scheduleId: number
  circleName: string
  title: string
  start: string
  end: string
  people: PhoneContact[]
}

/** One day of the period with what is planned on it; days with nothing planned are left out. */
export interface HomeDay {
  date: string
  meals: MealHappening[]
  prayers: PrayerHappening[]
}

export interface ExpiringRequest {
  requestId: number
  circleId: number
  circleName: string
  /** Null for a coordinator-only request: the home names its circle but never shows its words. */
  body: string | null
  expiresOn: string
}

export interface Birthday {
  personId: number
  name: string
  phone: string | null
  /** The day it falls on in the period (28 February for a 29 February birthday in a common year). */
  date: string
}

/** What a new Hearth still needs; the first-run checklist shows until every step is done. */
export interface SetupState {
  congregationName: string
  paperSize: Settings['paperSize']
  backupFolder: string | null
  people: number
}

export interface HomeBackup {
  lastBackupAt: string | null
  folder: string | null
  reminderDays: number
  /** No backup yet, or the last one older than the reminder allows. */
  due: boolean
}

export interface HomeView {
  today: string
  /** The last day shown (today + span - 1). */
  until: string
  span: HomeSpan
  setup: SetupState
  /** True while the example congregation is open instead of the congregation's own data. */
  example: boolean
  openMeals: OpenMeals[]
  prayerGaps: PrayerGaps[]
  substitutes: SubstituteNeeded[]
  rescheduling: Rescheduling[]
  days: HomeDay[]
  expiringRequests: ExpiringRequest[]
  birthdays: Birthday[]
  backup: HomeBackup
}

export const homeContract = {
  'home.view': read<HomeView>()(
    z.strictObject({ span: z.union([z.literal(7), z.literal(14), z.literal(30)]).default(7) }),
  ),
  /**
   * Opens a freshly made example congregation in a separate file instead of the congregation's own data, which
   * stays closed and untouched until `home.leaveExample` (or the next start of Hearth, which always opens it).
   */
  'home.openExample': write<{ example: true }>({ recorded: false })(z.strictObject({})),
  'home.leaveExample': write<{ example: false }>({ recorded: false })(z.strictObject({})),
}
