import { appHandlers } from './app'
import { backupHandlers } from './backup'
import type { Handlers } from './context'
import { mealTrainsHandlers } from './meal-trains'
import { membersHandlers } from './members'
import { membersCsvHandlers } from './members-csv'
import { prayerCirclesHandlers } from './prayer-circles'
import { printHandlers } from './print'

// Every channel of the contract must have exactly one handler here; the type checks that none is missing.
export const handlers: Handlers = {
  ...appHandlers,
  ...membersHandlers,
  ...membersCsvHandlers,
  ...mealTrainsHandlers,
  ...prayerCirclesHandlers,
  ...printHandlers,
  ...backupHandlers,
}
