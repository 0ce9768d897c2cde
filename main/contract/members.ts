import { z } from 'zod'
import { read } from './define'

/** A person as offered in a picker: enough to tell two Marias apart. */
export interface PersonChoice {
  id: number
  name: string
  householdName: string | null
  phone: string | null
}

export const membersContract = {
  'members.pick': read<PersonChoice[]>()(
    z.strictObject({
      query: z.string().max(100),
      limit: z.number().int().min(1).max(50).default(20),
    }),
  ),
}
