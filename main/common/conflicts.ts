import type { Commitment } from '../../db/commitments'

/** A period of time someone is busy. Without start and end it is the whole (congregation-local) day. */
export interface Busy {
  date: string
  startsAt: string | null
  endsAt: string | null
}

export interface Blackout {
  personId: number
  startsOn: string
  endsOn: string
}

/** Two times clash when they overlap (touching end to start is fine); an all-day one clashes with its whole day. */
export function clashes(a: Busy, b: Busy): boolean {
  if (a.startsAt === null || a.endsAt === null || b.startsAt === null || b.endsAt === null) return a.date === b.date
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt
}

export function onBlackout(personId: number, date: string, blackouts: readonly Blackout[]): Blackout | undefined {
  return blackouts.find((b) => b.personId === personId && b.startsOn <= date && date <= b.endsOn)
}

export type ConflictWarning =
  | { kind: 'blackout'; personId: number; date: string; blackout: Blackout }
  | { kind: 'double_booked'; personId: number; date: string; other: Commitment }

/**
 * What is wrong with a person being at `at`: away that day, or promised elsewhere at the same time. `others` are
 * that person's commitments, already excluding the one being checked.
 */
export function conflictsFor(personId: number, at: Busy, others: readonly Commitment[], blackouts: readonly Blackout[]): ConflictWarning[] {
  const warnings: ConflictWarning[] = []
  const away = onBlackout(personId, at.date, blackouts)
  if (away) warnings.push({ kind: 'blackout', personId, date: at.date, blackout: away })
  for (const other of others) {
    if (other.personId === personId && clashes(at, other)) warnings.push({ kind: 'double_booked', personId, date: at.date, other })
  }
  return warnings
}
