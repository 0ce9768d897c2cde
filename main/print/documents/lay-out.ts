import type { DirectoryHousehold, PersonPhones } from '../../../db/print'
import type { CircleForPrint, ScheduleForPrint } from '../../../db/prayer-circles'
import type { DayOfYear } from '../../../db/reach'
import type { LabelSheet, PrintProfile } from '../../contract/print'
import type { CommunalMealDetail, SeriesDetail } from '../../contract/communal-meals'
import type { CallList } from '../../contract/reach'
import type { StandingNeeds, StandingWeek } from '../../contract/standing-hours'
import type { MealTrainForPrint } from '../../common/meal-train'
import type { Measurer } from '../engine/measure'
import type { PrintDocument } from '../engine/pdf'
import { birthdaysDocument } from './birthdays'
import { callListDocument } from './call-list'
import { communalCalendarDocument, communalDishCardsDocument, communalKitchenDocument, communalSheetDocument } from './communal-meals'
import { type DirectoryRequest, directoryDocument } from './directory'
import { labelsDocument } from './labels'
import { mealTrainCalendarDocument } from './meal-train-calendar'
import { mealTrainFamilyDocument } from './meal-train-family'
import { mealTrainSheetDocument } from './meal-train-sheet'
import { phoneListDocument } from './phone-list'
import { type CallHours, prayerCircleDocument } from './prayer-circle'
import { prayerSheetDocument } from './prayer-sheet'
import type { NamedPerson } from './profile'
import { standingNeedsDocument, standingSignInDocument, standingWeekDocument } from './standing-hours'

// What each document is laid out from: plain data read from the database beforehand, so it can be handed to the
// print worker, which lays every document out and makes its PDF (one path, the one the app takes).

type Common = { profile: PrintProfile; locale: string }

export type DocumentData = Common &
  (
    | { document: 'directory'; request: DirectoryRequest; households: DirectoryHousehold[] }
    | { document: 'mailingLabels'; households: DirectoryHousehold[]; sheet: LabelSheet; startAt: number; outline: boolean }
    | { document: 'phoneList'; households: DirectoryHousehold[] }
    | { document: 'mealTrainSheet' | 'mealTrainCalendar'; train: MealTrainForPrint; recipients: NamedPerson[] }
    | { document: 'mealTrainFamily'; train: MealTrainForPrint }
    | { document: 'prayerSheet'; schedule: ScheduleForPrint; phones: Map<number, PersonPhones> }
    | { document: 'prayerCircle'; circle: CircleForPrint; schedules: ScheduleForPrint[]; phones: Map<number, PersonPhones>; hours: CallHours }
    | { document: 'callList'; list: CallList }
    | { document: 'birthdays'; month: number; birthdays: DayOfYear[]; anniversaries: DayOfYear[] }
    | { document: 'standingWeek' | 'standingSignIn'; week: StandingWeek }
    | { document: 'standingNeeds'; needs: StandingNeeds }
    | { document: 'communalSheet' | 'communalKitchen' | 'communalDishCards'; meal: CommunalMealDetail }
    | { document: 'communalCalendar'; series: SeriesDetail }
  )

/**
 * What the worker is sent: the directory's people are left out, because it grows with the congregation and the
 * worker reads them itself over its own connection; every other document arrives read.
 */
export type DocumentJobInput = Exclude<DocumentData, { document: 'directory' }> | (Common & { document: 'directory'; request: DirectoryRequest })

/** Lays a document out for its copy. `progress` hears how far a long layout (the directory) has got. */
export function layOut(data: DocumentData, measurer: Measurer, progress?: (done: number, total: number) => void): PrintDocument {
  const { profile, locale } = data
  switch (data.document) {
    case 'directory':
      return directoryDocument({ ...data.request, households: data.households, measurer, ...(progress ? { progress } : {}) })
    case 'mailingLabels':
      return labelsDocument({ profile, households: data.households, sheet: data.sheet, startAt: data.startAt, outline: data.outline, measurer, locale })
    case 'phoneList':
      return phoneListDocument(profile, data.households, locale, measurer)
    case 'mealTrainSheet':
      return mealTrainSheetDocument(profile, data.train, data.recipients, locale, measurer)
    case 'mealTrainCalendar':
      return mealTrainCalendarDocument(profile, data.train, data.recipients, locale)
    case 'mealTrainFamily':
      return mealTrainFamilyDocument(profile, data.train, locale)
    case 'prayerSheet':
      return prayerSheetDocument(profile, data.schedule, locale, data.phones)
    case 'prayerCircle':
      return prayerCircleDocument(profile, data.circle, data.schedules, locale, data.phones, data.hours)
    case 'callList':
      return callListDocument(profile, data.list, locale)
    case 'birthdays':
      return birthdaysDocument(profile, data.month, data.birthdays, data.anniversaries, locale)
    case 'standingWeek':
      return standingWeekDocument(profile, data.week, locale)
    case 'standingSignIn':
      return standingSignInDocument(profile, data.week, locale)
    case 'standingNeeds':
      return standingNeedsDocument(profile, data.needs, locale)
    case 'communalSheet':
      return communalSheetDocument(profile, data.meal, locale)
    case 'communalKitchen':
      return communalKitchenDocument(profile, data.meal, locale)
    case 'communalDishCards':
      return communalDishCardsDocument(profile, data.meal, locale)
    case 'communalCalendar':
      return communalCalendarDocument(profile, data.series, locale)
  }
}
