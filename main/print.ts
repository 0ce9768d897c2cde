import type { HandlersFor } from './context'
import type { printContract } from './contract/print'

export const printHandlers: HandlersFor<typeof printContract> = {}
