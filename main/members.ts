import type { HandlersFor } from './context'
import type { membersContract } from './contract/members'

export const membersHandlers: HandlersFor<typeof membersContract> = {}
