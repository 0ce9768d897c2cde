import { z } from 'zod'
import { read, write } from './define'
import { id } from './validation'

export const HISTORY_SUBJECT_KINDS = ['person', 'household', 'train', 'circle'] as const
export type HistorySubjectKind = (typeof HISTORY_SUBJECT_KINDS)[number]

/** Who or what a change was about: a person, a household, a meal train or a prayer circle. */
export interface HistorySubject {
  kind: HistorySubjectKind
  id: number
  label: string
}

export interface HistoryEntry {
  id: number
  /** ISO instant. */
  at: string
  /** In a volunteer's words: "Cancelled the dinner signed up for 4 Dec". Never holds a confidential note or health detail. */
  summary: string
  /** How many records the change wrote. */
  records: number
  /** The change that undid this one, if any. */
  undoneBy: number | null
  /** The change this one undid, if it is an undo. */
  undoOf: number | null
  subjects: HistorySubject[]
}

export const HistoryFilterSchema = z.strictObject({
  kind: z.enum(HISTORY_SUBJECT_KINDS).nullable().default(null),
  subject: z.strictObject({ kind: z.enum(HISTORY_SUBJECT_KINDS), id: id() }).nullable().default(null),
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(200).default(50),
})
export type HistoryFilter = z.infer<typeof HistoryFilterSchema>

export const historyContract = {
  'history.list': read<{ entries: HistoryEntry[]; total: number }>()(HistoryFilterSchema),
  'history.subjects': read<HistorySubject[]>()(z.strictObject({})),
  /** Reverses a change whose records are still as it left them; refuses with a plain reason otherwise. */
  /** keptCleared: private text the change had cleared stays cleared (it was erased from the history). */
  'history.undo': write<{ changeId: number; summary: string; keptCleared: boolean }>()(z.strictObject({ changeId: id() })),
}
