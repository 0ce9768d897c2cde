import { pickPeople } from '../db/members'
import type { HandlersFor } from './context'
import type { membersContract } from './contract/members'

export const membersHandlers: HandlersFor<typeof membersContract> = {
  'members.pick': ({ query, limit }, ctx) => pickPeople(ctx.db, query, limit),
}
