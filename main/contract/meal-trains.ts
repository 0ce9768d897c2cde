export const mealTrainsContract = {}
