import type { Kysely, Transaction } from 'kysely'
import type { PersonNeeds } from '../main/contract/meal-trains'
import { knownNeeds, parseDietary } from './dietary'
import { displayName } from './members'
import type { Database } from './schema'

type Db = Kysely<Database> | Transaction<Database>

/**
 * Who a train's meals are for, with each person's needs as their member record has them now: every current
 * member of the recipient's household (head and spouse first), or the one member when they have no household.
 * Empty for a train for someone outside the members, which keeps its typed-in list.
 */
export async function householdNeeds(db: Db, recipient: { recipientPersonId: number | null; recipientHouseholdId: number | null }): Promise<PersonNeeds[]> {
  let q = db.selectFrom('people').select(['id', 'first_name', 'last_name', 'preferred_name', 'household_role', 'dietary', 'dietary_notes'])
  if (recipient.recipientHouseholdId !== null) {
    q = q.where('household_id', '=', recipient.recipientHouseholdId).where((eb) => eb.or([eb('archived_at', 'is', null), eb('id', '=', recipient.recipientPersonId ?? -1)]))
  } else if (recipient.recipientPersonId !== null) {
    q = q.where('id', '=', recipient.recipientPersonId)
  } else {
    return []
  }
  const rows = await q.execute()
  const rank = (r: string | null) => (r === 'head' ? 0 : r === 'spouse' ? 1 : r === 'child' ? 3 : 2)
  return rows
    .sort((a, b) => rank(a.household_role) - rank(b.household_role) || a.first_name.localeCompare(b.first_name) || a.id - b.id)
    .map((r) => ({ personId: r.id, name: displayName(r), role: r.household_role, dietary: parseDietary(r.dietary), notes: r.dietary_notes?.trim() || null }))
}

/** The household's needs as the coordinator last saw them; null when never marked. */
export async function needsSeen(db: Db, trainId: number): Promise<PersonNeeds[] | null> {
  const row = await db.selectFrom('meal_trains').select('household_needs_seen').where('id', '=', trainId).executeTakeFirst()
  if (!row?.household_needs_seen) return null
  const value = JSON.parse(row.household_needs_seen) as unknown
  return Array.isArray(value) ? (value as PersonNeeds[]).map((p) => ({ ...p, dietary: knownNeeds(p.dietary) })) : null
}

export async function markNeedsSeen(db: Db, trainId: number, needs: PersonNeeds[]): Promise<void> {
  await db.updateTable('meal_trains').set({ household_needs_seen: JSON.stringify(needs) }).where('id', '=', trainId).execute()
}
