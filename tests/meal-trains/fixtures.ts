import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { DietaryNeed, MemberStatus } from '../../main/contract/values'
import { personSearchText } from '../../db/search-text'
import type { MealTrainFieldsInput } from '../../main/contract/meal-trains'

const now = '2026-01-01T00:00:00.000Z'

/** A member written straight to the tables, so these tests don't depend on the members screen's handlers. */
export async function addPerson(
  db: Kysely<Database>,
  p: { first: string; last: string; household?: string; phone?: string; dietary?: DietaryNeed[]; dietaryNotes?: string; status?: MemberStatus; skills?: string[]; address?: string },
): Promise<{ personId: number; householdId: number | null }> {
  let householdId: number | null = null
  if (p.household) {
    householdId = (
      await db
        .insertInto('households')
        .values({ display_name: p.household, address_line1: p.address ?? null, city: p.address ? 'Leeds' : null, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  }
  const { id } = await db
    .insertInto('people')
    .values({
      household_id: householdId,
      first_name: p.first,
      last_name: p.last,
      mobile_phone: p.phone ?? null,
      dietary: JSON.stringify(p.dietary ?? []),
      dietary_notes: p.dietaryNotes ?? null,
      status: p.status ?? 'member',
      search_text: personSearchText({ first_name: p.first, last_name: p.last, mobile_phone: p.phone ?? null }, p.skills),
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  for (const skill of p.skills ?? []) await db.insertInto('person_tags').values({ person_id: id, kind: 'skill', value: skill }).execute()
  return { personId: id, householdId }
}

export async function addBlackout(db: Kysely<Database>, personId: number, startsOn: string, endsOn: string, note: string | null = null): Promise<void> {
  await db.insertInto('person_blackouts').values({ person_id: personId, starts_on: startsOn, ends_on: endsOn, note }).execute()
}

/** A week of dinners for an outside family, Monday 2 to Sunday 8 March 2026. */
export function trainFields(over: Partial<MealTrainFieldsInput> = {}): MealTrainFieldsInput {
  return {
    recipientName: 'The Okafor family',
    reason: 'New baby',
    startsOn: '2026-03-02',
    endsOn: '2026-03-08',
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    meals: [{ meal: 'dinner', from: '17:30', to: '18:30' }],
    ...over,
  }
}
