import { appHandlers } from './settings/handlers'
import { backupHandlers } from './backup/handlers'
import { careHandlers } from './care/handlers'
import { communalMealsHandlers } from './communal-meals/handlers'
import type { Handlers } from './context'
import { homeHandlers } from './home/handlers'
import { historyHandlers } from './history/handlers'
import { lockHandlers } from './lock/handlers'
import { mealTrainsHandlers } from './meal-trains/handlers'
import { membersHandlers } from './members/handlers'
import { membersCsvHandlers } from './members-csv/handlers'
import { prayerCirclesHandlers } from './prayer-circles/handlers'
import { printHandlers } from './print/handlers'
import { reachHandlers } from './reach/handlers'
import { standingHoursHandlers } from './standing-hours/handlers'

// Every channel of the contract must have exactly one handler here; the type checks that none is missing.
export const handlers: Handlers = {
  ...appHandlers,
  ...membersHandlers,
  ...membersCsvHandlers,
  ...mealTrainsHandlers,
  ...prayerCirclesHandlers,
  ...standingHoursHandlers,
  ...printHandlers,
  ...reachHandlers,
  ...backupHandlers,
  ...homeHandlers,
  ...historyHandlers,
  ...careHandlers,
  ...lockHandlers,
  ...communalMealsHandlers,
}
