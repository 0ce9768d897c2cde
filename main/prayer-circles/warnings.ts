import type { Commitment } from '../../db/commitments'
import type { SlotWarning } from '../contract/prayer-circles'
import type { conflictsFor } from '../common/conflicts'

// A member's clashes in a schedule as the screen's warnings: pure, from the commitments and blackouts read for them.

/** The same slot as a commitment, to leave it out of its own clash check. */
export function isSameSlot(c: Commitment, scheduleId: number, slot: { starts_at: string; ends_at: string }): boolean {
  return c.ref.area === 'prayer-circles' && c.ref.id === scheduleId && c.startsAt === slot.starts_at && c.endsAt === slot.ends_at
}

export function toWarnings(list: ReturnType<typeof conflictsFor>): SlotWarning[] {
  return list.map((w) => (w.kind === 'blackout' ? { kind: 'blackout' } : { kind: 'double_booked', label: w.other.label }))
}
