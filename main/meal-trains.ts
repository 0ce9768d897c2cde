import type { HandlersFor } from './context'
import type { mealTrainsContract } from './contract/meal-trains'

export const mealTrainsHandlers: HandlersFor<typeof mealTrainsContract> = {}
