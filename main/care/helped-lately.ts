import type { Commitment } from '../../db/commitments'
import type { HelperRecord } from '../../db/care'
import type { HelpedLatelyRow } from '../contract/care'
import { CARE_KINDS, type CareKind } from '../contract/values'

/**
 * The kind of care a commitment is, or null for a prayer duty. Meal trains are the care calendars; every sign-up
 * on one counts under its calendar's kind.
 */
export function careKindOf(c: Commitment): CareKind | null {
  return c.kind === 'meal' ? (c.careKind ?? 'meals') : null
}

/**
 * Heavy: at least three duties and at least twice the average of the others who helped (not counting the person
 * themselves, whose own load would lift the bar). `totals` is everyone's, this person's included.
 */
export function isHeavy(total: number, totals: readonly number[]): boolean {
  if (total < 3) return false
  const others = [...totals]
  others.splice(others.indexOf(total), 1)
  const helped = others.filter((t) => t > 0)
  if (helped.length === 0) return false
  return total >= (2 * helped.reduce((a, b) => a + b, 0)) / helped.length
}

/**
 * One row per current member (and anyone else with a duty in the period): how many duties of each kind of care and
 * of prayer they held, and their last day. Most first, so someone doing too much is at the top; ties by name.
 */
export function helpedLately(people: readonly HelperRecord[], commitments: readonly Commitment[]): HelpedLatelyRow[] {
  const byPerson = new Map<number, { care: Map<CareKind, number>; prayer: number; lastDate: string | null }>()
  for (const c of commitments) {
    const row = byPerson.get(c.personId) ?? { care: new Map(), prayer: 0, lastDate: null }
    const kind = careKindOf(c)
    if (kind === null) row.prayer += 1
    else row.care.set(kind, (row.care.get(kind) ?? 0) + 1)
    if (row.lastDate === null || c.date > row.lastDate) row.lastDate = c.date
    byPerson.set(c.personId, row)
  }
  const rows = people
    .filter((p) => p.current || byPerson.has(p.personId))
    .map((p) => {
      const r = byPerson.get(p.personId)
      const care = CARE_KINDS.filter((k) => r?.care.has(k)).map((kind) => ({ kind, count: r!.care.get(kind)! }))
      const prayer = r?.prayer ?? 0
      return { personId: p.personId, name: p.name, phone: p.phone, care, prayer, total: prayer + care.reduce((a, c) => a + c.count, 0), lastDate: r?.lastDate ?? null }
    })
  const totals = rows.map((r) => r.total)
  return rows.map((r) => ({ ...r, heavy: isHeavy(r.total, totals) })).sort((a, b) => b.total - a.total || a.name.localeCompare(b.name) || a.personId - b.personId)
}
