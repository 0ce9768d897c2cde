export const prayerCircles = {} as const
