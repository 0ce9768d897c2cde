// The one list of what the change history must never keep once it is cleared or changed: health and dietary
// details, confidential pastoral notes and prayer requests. db/history.ts erases these values from every kept
// change (and so from undo) the moment the record moves on from them, and a deleted record's copy once its undo
// hour is over. Add a column here and every path — an ordinary edit, an archive, a delete, an import — follows.

type Row = Record<string, unknown>

export interface SensitiveFields {
  table: string
  columns: readonly string[]
  /** Whether this version of a record makes its text private; absent means always. */
  privateWhen?: { test: (row: Row) => boolean; sql: (json: string) => string }
}

export const SENSITIVE_FIELDS: readonly SensitiveFields[] = [
  { table: 'people', columns: ['dietary', 'dietary_notes'] },
  { table: 'meal_trains', columns: ['reason', 'dietary', 'dietary_notes', 'household_needs_seen'] },
  {
    table: 'person_notes',
    columns: ['body'],
    privateWhen: { test: (r) => r.confidential === 1, sql: (json) => `json_extract(${json}, '$.confidential') = 1` },
  },
  { table: 'prayer_requests', columns: ['body', 'requested_by', 'praise_note'] },
  // An ask for help may name an illness ("a ride to dialysis"); closing one clears its words (main/care/handlers.ts).
  { table: 'care_asks', columns: ['title', 'details'] },
]

export function sensitiveFieldsOf(table: string): SensitiveFields | undefined {
  return SENSITIVE_FIELDS.find((s) => s.table === table)
}

/** Whether a version of a record holds private text: a note is private only while it is confidential. */
export function isPrivateVersion(fields: SensitiveFields, row: Row | null): boolean {
  return row !== null && (fields.privateWhen ? fields.privateWhen.test(row) : true)
}

/** A stored value worth erasing: text that says something (an empty list of needs says nothing). */
export function holdsText(value: unknown): boolean {
  return typeof value === 'string' && value !== '' && value !== '[]'
}
