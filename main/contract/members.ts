import { z } from 'zod'
import { DIETARY_NEEDS, MEMBER_STATUSES } from '../../db/schema'
import { read } from './define'

/** A person as offered in a picker: enough to tell two Marias apart. */
export interface PersonChoice {
  id: number
  name: string
  householdName: string | null
  phone: string | null
}

/**
 * Which people a list shows: the members screen, CSV export and printed rosters all take this same filter.
 * Empty arrays mean "any".
 */
export const MemberFilterSchema = z.strictObject({
  query: z.string().max(200).default(''),
  statuses: z.array(z.enum(MEMBER_STATUSES)).default([]),
  tags: z.array(z.string().max(100)).default([]),
  skills: z.array(z.string().max(100)).default([]),
  dietary: z.array(z.enum(DIETARY_NEEDS)).default([]),
  includeArchived: z.boolean().default(false),
})
export type MemberFilter = z.infer<typeof MemberFilterSchema>

export const membersContract = {
  'members.pick': read<PersonChoice[]>()(
    z.strictObject({
      query: z.string().max(100),
      limit: z.number().int().min(1).max(50).default(20),
    }),
  ),
}
