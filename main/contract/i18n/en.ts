import { app } from './en/app'
import { backup } from './en/backup'
import { careCalendars } from './en/care-calendars'
import { care } from './en/care'
import { home } from './en/home'
import { layout } from './en/layout'
import { scheduleGrid } from './en/schedule-grid'
import { history } from './en/history'
import { mealTrains } from './en/meal-trains'
import { members } from './en/members'
import { membersCsv } from './en/members-csv'
import { prayerCircles } from './en/prayer-circles'
import { errors } from './en/errors'
import { dbErrors, roomErrors, signupWarnings } from './en/room-errors'
import { messages } from './en/messages'
import { print } from './en/print'
import { printed } from './en/printed'
import { reach } from './en/reach'
import { standingHours } from './en/standing-hours'
import { validation } from './en/validation'
import { calendarFile } from './en/calendar-file'
import { lock } from './en/lock'
import { communalMeals } from './en/communal-meals'

// English, the catalog every other language is translated from. Each area keeps its strings in its own file;
// ids are prefixed with the area so they never collide.
export const en = {
  ...app,
  ...home,
  ...layout,
  ...members,
  ...membersCsv,
  ...mealTrains,
  ...careCalendars,
  ...prayerCircles,
  ...standingHours,
  ...scheduleGrid,
  ...print,
  ...printed,
  ...errors,
  ...roomErrors,
  ...dbErrors,
  ...signupWarnings,
  ...messages,
  ...backup,
  ...reach,
  ...history,
  ...care,
  ...validation,
  ...calendarFile,
  ...lock,
  ...communalMeals,
}

export type MessageId = keyof typeof en

declare global {
  namespace FormatjsIntl {
    interface Message {
      ids: MessageId
    }
  }
}
