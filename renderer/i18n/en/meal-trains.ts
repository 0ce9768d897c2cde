export const mealTrains = {} as const
