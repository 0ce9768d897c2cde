export const prayerCirclesContract = {}
