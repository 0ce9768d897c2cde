import type { PersonCommitment } from '../main/contract/members'

/**
 * Something a person has promised to do at a time: bring a meal, pray in a vigil slot, lead a meeting. Each area
 * reports its own (db/meal-trains.ts, db/prayer-circles.ts); conflict warnings, substitutes and the member
 * detail pane read them all through this one shape.
 */
export interface Commitment extends PersonCommitment {
  personId: number
}
