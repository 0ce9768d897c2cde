import type { HandlersFor } from './context'
import type { prayerCirclesContract } from './contract/prayer-circles'

export const prayerCirclesHandlers: HandlersFor<typeof prayerCirclesContract> = {}
