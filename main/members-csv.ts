import type { HandlersFor } from './context'
import type { membersCsvContract } from './contract/members-csv'

export const membersCsvHandlers: HandlersFor<typeof membersCsvContract> = {}
