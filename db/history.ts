import type BetterSqlite3 from 'better-sqlite3'
import type { HistoryEntry, HistoryFilter, HistorySubject, HistorySubjectKind } from '../main/contract/history'
import type { CareKind } from '../main/contract/values'
import { holdsText, isPrivateVersion, SENSITIVE_FIELDS, sensitiveFieldsOf } from './sensitive-fields'

// The change history and its undo, kept by the database itself.
//
// Every table (but the history's own) gets a TEMP trigger per insert, update and delete that copies the record's
// columns before and after, as JSON, into history_rows — but only while a change is open (a row in
// temp.history_current). The registry opens one around each write call, so one save, one delete or one import is
// one change, whatever screen or handler made it; writes outside the registry (migrations, tests seeding a file)
// are not recorded. Temp triggers live on the connection, not in the file: they are built from the tables as they
// are at each start, so a table added by a later migration is covered without anyone remembering to.
//
// Undo applies the inverse of each recorded row, newest first, inside one transaction, after checking that every
// record it touches is still exactly as the change left it.

type Sqlite = BetterSqlite3.Database
type Row = Record<string, unknown>

const NOT_RECORDED = new Set(['history_changes', 'history_rows', 'history_subjects', 'sqlite_sequence', 'sqlite_stat1'])

interface TableShape {
  name: string
  columns: string[]
  /** Columns naming the record; ['rowid'] for an ordinary table. */
  key: string[]
  /** A rowid table whose rowid is not one of its columns: a re-insert must name it. */
  hiddenRowid: boolean
  blobs: Set<string>
}

function quoteId(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

function quoteText(text: string): string {
  return `'${text.replace(/'/g, "''")}'`
}

const shapes = new WeakMap<Sqlite, Map<string, TableShape>>()

function tableShapes(sqlite: Sqlite): Map<string, TableShape> {
  let found = shapes.get(sqlite)
  if (found) return found
  found = new Map()
  const tables = sqlite.prepare(`select name, wr from pragma_table_list where schema = 'main' and type = 'table'`).all() as { name: string; wr: number }[]
  for (const t of tables) {
    if (NOT_RECORDED.has(t.name) || t.name.startsWith('sqlite_')) continue
    const cols = sqlite.prepare('select name, type, pk, hidden from pragma_table_xinfo(?) order by cid').all(t.name) as {
      name: string
      type: string
      pk: number
      hidden: number
    }[]
    const stored = cols.filter((c) => c.hidden === 0)
    const pk = stored.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk)
    const aliasesRowid = pk.length === 1 && pk[0]!.type.toUpperCase() === 'INTEGER'
    found.set(t.name, {
      name: t.name,
      columns: stored.map((c) => c.name),
      key: t.wr ? pk.map((c) => c.name) : aliasesRowid ? [pk[0]!.name] : ['rowid'],
      hiddenRowid: !t.wr && !aliasesRowid,
      blobs: new Set(stored.filter((c) => c.type.toUpperCase().includes('BLOB')).map((c) => c.name)),
    })
  }
  shapes.set(sqlite, found)
  return found
}

function rowJson(shape: TableShape, prefix: string): string {
  const parts = shape.columns.map((c) => {
    const ref = `${prefix}${quoteId(c)}`
    const value = shape.blobs.has(c) ? `case when typeof(${ref}) = 'blob' then json_object('$blob', hex(${ref})) else ${ref} end` : ref
    return `${quoteText(c)}, ${value}`
  })
  return `json_object(${parts.join(', ')})`
}

function keyJson(shape: TableShape, prefix: string): string {
  return `json_array(${shape.key.map((k) => `${prefix}${k === 'rowid' ? 'rowid' : quoteId(k)}`).join(', ')})`
}

/** Builds this connection's recording triggers. Call once after opening the file, and again after a restore. */
export function installHistory(sqlite: Sqlite): void {
  shapes.delete(sqlite)
  sqlite.exec(`create temp table if not exists history_current (change_id integer not null, summary text)`)
  for (const shape of tableShapes(sqlite).values()) {
    const t = quoteId(shape.name)
    const name = (op: string) => quoteId(`history_${op}_${shape.name}`)
    const open = `exists (select 1 from temp.history_current)`
    const current = `(select change_id from temp.history_current)`
    const table = quoteText(shape.name)
    sqlite.exec(`
      drop trigger if exists temp.${name('insert')};
      drop trigger if exists temp.${name('update')};
      drop trigger if exists temp.${name('delete')};
      create temp trigger ${name('insert')} after insert on main.${t} when ${open}
      begin
        insert into main.history_rows (change_id, tbl, op, row_key, new_key, before, after)
        values (${current}, ${table}, 'insert', ${keyJson(shape, 'new.')}, ${keyJson(shape, 'new.')}, null, ${rowJson(shape, 'new.')});
      end;
      create temp trigger ${name('update')} after update on main.${t} when ${open} and ${rowJson(shape, 'old.')} is not ${rowJson(shape, 'new.')}
      begin
        insert into main.history_rows (change_id, tbl, op, row_key, new_key, before, after)
        values (${current}, ${table}, 'update', ${keyJson(shape, 'old.')}, ${keyJson(shape, 'new.')}, ${rowJson(shape, 'old.')}, ${rowJson(shape, 'new.')});
      end;
      create temp trigger ${name('delete')} after delete on main.${t} when ${open}
      begin
        insert into main.history_rows (change_id, tbl, op, row_key, new_key, before, after)
        values (${current}, ${table}, 'delete', ${keyJson(shape, 'old.')}, null, ${rowJson(shape, 'old.')}, null);
      end;`)
  }
}

/** Opens a change: every write until endChange is recorded under it. */
export function beginChange(sqlite: Sqlite, channel: string): number {
  const id = Number(sqlite.prepare('insert into history_changes (channel) values (?)').run(channel).lastInsertRowid)
  sqlite.prepare('delete from temp.history_current').run()
  sqlite.prepare('insert into temp.history_current (change_id) values (?)').run(id)
  return id
}

/** The change open right now, for a handler that hands its id back (so the screen can offer Undo). */
export function currentChangeId(sqlite: Sqlite): number | null {
  return (sqlite.prepare('select change_id from temp.history_current').pluck().get() as number | undefined) ?? null
}

/** Lets a handler word its own change ("Undid …") instead of the description built from the rows. */
export function nameCurrentChange(sqlite: Sqlite, summary: string): void {
  sqlite.prepare('update temp.history_current set summary = ?').run(summary)
}

export interface RecordedRow {
  id: number
  tbl: string
  op: 'insert' | 'update' | 'delete'
  before: Row | null
  after: Row | null
}

/**
 * Closes the change. Returns its rows and any wording its handler chose, or null when nothing was written (the
 * empty change is dropped, so reads and refused writes leave no trace).
 */
export function endChange(sqlite: Sqlite, id: number): { rows: RecordedRow[]; summary: string | null } | null {
  const summary = (sqlite.prepare('select summary from temp.history_current where change_id = ?').pluck().get(id) as string | null | undefined) ?? null
  sqlite.prepare('delete from temp.history_current').run()
  const rows = changeRows(sqlite, id)
  if (rows.length === 0) {
    sqlite.prepare('delete from history_changes where id = ?').run(id)
    return null
  }
  return { rows, summary }
}

function changeRows(sqlite: Sqlite, id: number): RecordedRow[] {
  const raw = sqlite.prepare('select id, tbl, op, before, after from history_rows where change_id = ? order by id').all(id) as {
    id: number
    tbl: string
    op: RecordedRow['op']
    before: string | null
    after: string | null
  }[]
  return raw.map((r) => ({ id: r.id, tbl: r.tbl, op: r.op, before: r.before ? (JSON.parse(r.before) as Row) : null, after: r.after ? (JSON.parse(r.after) as Row) : null }))
}

/** Stores how a closed change reads in the History screen, and who or what it was about. */
export function describeChange(sqlite: Sqlite, id: number, summary: string, subjects: HistorySubject[]): void {
  sqlite.transaction(() => {
    sqlite.prepare('update history_changes set summary = ? where id = ?').run(summary, id)
    const add = sqlite.prepare('insert or ignore into history_subjects (change_id, kind, ref_id, label) values (?, ?, ?, ?)')
    for (const s of subjects) add.run(id, s.kind, s.id, s.label)
  })()
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the history.

export function listHistory(sqlite: Sqlite, filter: HistoryFilter): { entries: HistoryEntry[]; total: number } {
  const where: string[] = []
  const params: unknown[] = []
  if (filter.subject) {
    where.push('exists (select 1 from history_subjects s where s.change_id = c.id and s.kind = ? and s.ref_id = ?)')
    params.push(filter.subject.kind, filter.subject.id)
  } else if (filter.kind) {
    where.push('exists (select 1 from history_subjects s where s.change_id = c.id and s.kind = ?)')
    params.push(filter.kind)
  }
  const clause = where.length ? `where ${where.join(' and ')}` : ''
  const total = sqlite.prepare(`select count(*) from history_changes c ${clause}`).pluck().get(...params) as number
  const rows = sqlite
    .prepare(
      `select c.id, c.at, c.summary, c.undone_by, c.undo_of,
         (select count(*) from history_rows r where r.change_id = c.id) as records,
         (select json_group_array(json_array(s.kind, s.ref_id, s.label)) from history_subjects s where s.change_id = c.id) as subjects
       from history_changes c ${clause} order by c.id desc limit ? offset ?`,
    )
    .all(...params, filter.limit, filter.offset) as { id: number; at: string; summary: string; undone_by: number | null; undo_of: number | null; records: number; subjects: string }[]
  return {
    total,
    entries: rows.map((r) => ({
      id: r.id,
      at: r.at,
      summary: r.summary,
      records: r.records,
      undoneBy: r.undone_by,
      undoOf: r.undo_of,
      subjects: (JSON.parse(r.subjects) as [HistorySubjectKind, number, string][]).map(([kind, id, label]) => ({ kind, id, label })),
    })),
  }
}

/** Every person, household, train and circle the kept history mentions, for the filter. */
export function historySubjects(sqlite: Sqlite): HistorySubject[] {
  const rows = sqlite
    .prepare(
      `select kind, ref_id, label from history_subjects s
       where change_id = (select max(change_id) from history_subjects t where t.kind = s.kind and t.ref_id = s.ref_id)
       order by kind, label collate nocase`,
    )
    .all() as { kind: HistorySubjectKind; ref_id: number; label: string }[]
  return rows.map((r) => ({ kind: r.kind, id: r.ref_id, label: r.label }))
}

export function changeSummary(sqlite: Sqlite, id: number): { summary: string; at: string; undoneBy: number | null } | null {
  const row = sqlite.prepare('select summary, at, undone_by from history_changes where id = ?').get(id) as { summary: string; at: string; undone_by: number | null } | undefined
  return row ? { summary: row.summary, at: row.at, undoneBy: row.undone_by } : null
}

// ---------------------------------------------------------------------------------------------------------------
// Undo.

export type UndoRefusal =
  | { reason: 'unknown' }
  | { reason: 'already'; undoneBy: number }
  | { reason: 'erased' }
  | { reason: 'changed_since'; laterSummary: string | null; laterAt: string | null }
  | { reason: 'conflict' }
  | { reason: 'depended_on' }

/** `keptCleared`: the change had cleared or replaced private text, which stays cleared (it was erased). */
export type UndoOutcome = { ok: true; summary: string; keptCleared: boolean } | ({ ok: false } & UndoRefusal)

interface StoredRow {
  id: number
  tbl: string
  op: RecordedRow['op']
  row_key: string
  new_key: string | null
  before: string | null
  after: string | null
  redacted: number
}

class DependedOn extends Error {}

function whereKey(shape: TableShape): string {
  return shape.key.map((k) => `${k === 'rowid' ? 'rowid' : quoteId(k)} = ?`).join(' and ')
}

function currentJson(sqlite: Sqlite, shape: TableShape, key: unknown[]): string | null {
  return (sqlite.prepare(`select ${rowJson(shape, '')} from main.${quoteId(shape.name)} where ${whereKey(shape)}`).pluck().get(...key) as string | undefined) ?? null
}

function sameRow(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b
  const x = JSON.parse(a) as Row
  const y = JSON.parse(b) as Row
  const keys = new Set([...Object.keys(x), ...Object.keys(y)])
  for (const k of keys) if (JSON.stringify(x[k] ?? null) !== JSON.stringify(y[k] ?? null)) return false
  return true
}

function valueOf(shape: TableShape, column: string, value: unknown): unknown {
  if (shape.blobs.has(column) && value && typeof value === 'object' && '$blob' in value) return Buffer.from(String((value as { $blob: string }).$blob), 'hex')
  return value
}

function reverse(sqlite: Sqlite, shape: TableShape, row: StoredRow): void {
  const t = `main.${quoteId(shape.name)}`
  if (row.op === 'insert') {
    sqlite.prepare(`delete from ${t} where ${whereKey(shape)}`).run(...(JSON.parse(row.new_key ?? row.row_key) as unknown[]))
    return
  }
  const before = JSON.parse(row.before!) as Row
  // Erased private text is never written back: the record keeps what it holds now.
  const cols = shape.columns.filter((c) => c in before && !isErased(before[c]))
  const values = cols.map((c) => valueOf(shape, c, before[c]))
  if (row.op === 'delete') {
    const names = shape.hiddenRowid ? ['rowid', ...cols.map(quoteId)] : cols.map(quoteId)
    const all = shape.hiddenRowid ? [(JSON.parse(row.row_key) as unknown[])[0], ...values] : values
    sqlite.prepare(`insert into ${t} (${names.join(', ')}) values (${names.map(() => '?').join(', ')})`).run(...all)
    return
  }
  sqlite
    .prepare(`update ${t} set ${cols.map((c) => `${quoteId(c)} = ?`).join(', ')} where ${whereKey(shape)}`)
    .run(...values, ...(JSON.parse(row.new_key ?? row.row_key) as unknown[]))
}

/**
 * Reverses a change if every record it touched is still as the change left it; otherwise says why not and changes
 * nothing. Run it as a write (inside an open change), so the undo is itself in the history.
 */
export function undoChange(sqlite: Sqlite, id: number): UndoOutcome {
  const change = sqlite.prepare('select summary, undone_by from history_changes where id = ?').get(id) as { summary: string; undone_by: number | null } | undefined
  if (!change) return { ok: false, reason: 'unknown' }
  if (change.undone_by !== null) return { ok: false, reason: 'already', undoneBy: change.undone_by }
  const rows = sqlite.prepare('select id, tbl, op, row_key, new_key, before, after, redacted from history_rows where change_id = ? order by id').all(id) as StoredRow[]
  if (rows.length === 0) return { ok: false, reason: 'unknown' }
  // A deleted record cannot come back without its erased text; an edit can, keeping that text cleared — unless
  // clearing it was all the edit did.
  if (rows.some((r) => r.redacted && r.op === 'delete')) return { ok: false, reason: 'erased' }
  const edits = rows.map((r) => (r.op === 'update' ? restorable(r) : { restores: true, keptCleared: false }))
  if (!edits.some((e) => e.restores)) return { ok: false, reason: 'erased' }
  const tables = tableShapes(sqlite)

  // The state the change left each record in is the last row it wrote for that record.
  const last = new Map<string, StoredRow>()
  for (const r of rows) {
    if (r.op !== 'insert') last.set(`${r.tbl}|${r.row_key}`, r)
    if (r.op !== 'delete') last.set(`${r.tbl}|${r.new_key}`, r)
  }
  for (const [record, r] of last) {
    const shape = tables.get(r.tbl)
    if (!shape) return { ok: false, reason: 'conflict' }
    const key = record.slice(r.tbl.length + 1)
    const leftAs = r.op === 'delete' || key !== r.new_key ? null : r.after
    if (!sameRow(currentJson(sqlite, shape, JSON.parse(key) as unknown[]), leftAs)) {
      const later = sqlite
        .prepare(
          `select c.summary, c.at from history_rows r join history_changes c on c.id = r.change_id
           where r.tbl = ? and (r.row_key = ? or r.new_key = ?) and r.change_id > ? order by r.change_id desc limit 1`,
        )
        .get(r.tbl, key, key, id) as { summary: string; at: string } | undefined
      return { ok: false, reason: 'changed_since', laterSummary: later?.summary ?? null, laterAt: later?.at ?? null }
    }
  }

  const undoneBy = currentChangeId(sqlite)
  const apply = sqlite.transaction(() => {
    // Children may come back before their parents (or the other way round): checked once, at the end.
    sqlite.pragma('defer_foreign_keys = ON')
    for (const r of [...rows].reverse()) reverse(sqlite, tables.get(r.tbl)!, r)
    // Each reversed row writes exactly one row of this undo's own record. More means the database went further —
    // removing a person added by the change would also remove the notes written about them since — so refuse.
    if (undoneBy !== null && (sqlite.prepare('select count(*) from history_rows where change_id = ?').pluck().get(undoneBy) as number) > rows.length) {
      throw new DependedOn()
    }
  })
  try {
    apply()
  } catch (err) {
    if (err instanceof DependedOn) return { ok: false, reason: 'depended_on' }
    const code = (err as { code?: unknown }).code
    if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) return { ok: false, reason: 'conflict' }
    throw err
  }
  sqlite.prepare('update history_changes set undone_by = ? where id = ?').run(undoneBy ?? -1, id)
  if (undoneBy !== null) sqlite.prepare('update history_changes set undo_of = ? where id = ?').run(id, undoneBy)
  return { ok: true, summary: change.summary, keptCleared: edits.some((e) => e.keptCleared) }
}

/**
 * Whether undoing an edit would put back anything a volunteer typed (a bare "last changed" stamp is not that), and
 * whether it leaves erased private text cleared.
 */
function restorable(row: StoredRow): { restores: boolean; keptCleared: boolean } {
  const before = JSON.parse(row.before!) as Row
  const after = JSON.parse(row.after!) as Row
  const differing = Object.keys(before).filter((c) => c !== 'updated_at' && !sameValue(before[c], after[c]))
  return { restores: differing.some((c) => !isErased(before[c])), keptCleared: differing.some((c) => isErased(before[c])) }
}

// ---------------------------------------------------------------------------------------------------------------
// Privacy and keeping.

/** What a cleared sensitive value reads as in the history: not the value, and not a null undo could write back. */
const ERASED = { $erased: 1 } as const

function isErased(value: unknown): boolean {
  return typeof value === 'object' && value !== null && '$erased' in value
}

type Side = 'before' | 'after'

/**
 * Erases the named columns of one record from the kept changes: each value that says something becomes the ERASED
 * mark and its row is flagged redacted. `keep` spares a side of a row — the new values of the edit that cleared the
 * old ones (they are the live record), or a delete's own copy while its undo hour lasts. Returns how many values
 * were erased.
 */
function eraseRecord(
  sqlite: Sqlite,
  table: string,
  keyValues: unknown[],
  columns: readonly string[],
  keep: (row: { id: number; change_id: number }, side: Side) => boolean = () => false,
): number {
  const key = JSON.stringify(keyValues)
  const rows = sqlite
    .prepare(`select id, change_id, before, after from history_rows where tbl = ? and (row_key = ? or new_key = ?)`)
    .all(table, key, key) as { id: number; change_id: number; before: string | null; after: string | null }[]
  const erase = rowEraser(sqlite)
  for (const r of rows) erase(r, (side, version) => (keep(r, side) ? [] : columns.filter((c) => holdsText(version[c]))))
  return erase.count()
}

/**
 * Rewrites history rows with the values `choose` names (per side) replaced by the ERASED mark, flagging each row
 * it changes as redacted; `count()` says how many values it erased.
 */
function rowEraser(sqlite: Sqlite) {
  const update = sqlite.prepare('update history_rows set before = ?, after = ?, redacted = 1 where id = ?')
  let erased = 0
  const clear = (side: Side, json: string | null, choose: (side: Side, version: Row) => readonly string[]) => {
    if (json === null) return json
    const version = JSON.parse(json) as Row
    const columns = choose(side, version)
    for (const c of columns) version[c] = ERASED
    erased += columns.length
    return columns.length ? JSON.stringify(version) : json
  }
  const erase = (r: { id: number; before: string | null; after: string | null }, choose: (side: Side, version: Row) => readonly string[]) => {
    const before = clear('before', r.before, choose)
    const after = clear('after', r.after, choose)
    if (before !== r.before || after !== r.after) update.run(before, after, r.id)
  }
  return Object.assign(erase, { count: () => erased })
}

/**
 * Erases the named columns of one record from every change that holds them. `exceptChange` keeps one change's
 * copy (the delete being offered for undo).
 */
export function forgetValues(sqlite: Sqlite, table: string, keyValues: unknown[], columns: string[], exceptChange: number | null = null): number {
  return eraseRecord(sqlite, table, keyValues, columns, (row) => row.change_id === exceptChange)
}

export function hasErasedValues(sqlite: Sqlite, changeId: number): boolean {
  return sqlite.prepare('select exists (select 1 from history_rows where change_id = ? and redacted = 1)').pluck().get(changeId) === 1
}

/** How long a deleted record's private text stays in the history, so the delete can be undone right after. */
const SECRET_UNDO_HOURS = 1

/**
 * After a change: every sensitive value it cleared or replaced leaves the history at once — from earlier changes
 * and from this change's own "before" — so neither the History screen, undo nor a copy of the file can bring it
 * back. A deleted record loses its earlier versions now and the delete's own copy when its undo hour is over.
 * Returns how many values were erased.
 */
export function forgetClearedValues(sqlite: Sqlite, rows: RecordedRow[]): number {
  let erased = 0
  for (const r of rows) {
    const fields = sensitiveFieldsOf(r.tbl)
    if (!fields || !r.before) continue
    const id = r.before.id
    if (r.op === 'delete') {
      if (isPrivateVersion(fields, r.before)) erased += eraseRecord(sqlite, r.tbl, [id], fields.columns, (row) => row.id === r.id)
      continue
    }
    if (r.op !== 'update' || !(isPrivateVersion(fields, r.before) || isPrivateVersion(fields, r.after))) continue
    const moved = fields.columns.filter((c) => holdsText(r.before![c]) && !sameValue(r.before![c], r.after?.[c]))
    // The record as this change left it is the live one: its last row here keeps its new values.
    const last = [...rows].reverse().find((x) => x.tbl === r.tbl && x.after?.id === id)
    if (moved.length) erased += eraseRecord(sqlite, r.tbl, [id], moved, (row, side) => side === 'after' && row.id === last?.id)
  }
  return erased
}

/**
 * Moves what the write-ahead log still holds into the file and empties the log, so an erased value survives in
 * neither (secure_delete, set when the file is opened, zeroes the space it leaves in the file). Run after a change
 * that erased something; a reader holding the log open only delays it to the next one.
 */
export function flushErasedValues(sqlite: Sqlite): void {
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
}

/**
 * Drops changes older than `keepDays`, then makes sure the history holds no private text the file no longer holds
 * (see eraseStaleValues). Returns how many changes were dropped and how many values were erased.
 */
export function pruneHistory(sqlite: Sqlite, keepDays: number, now: Date = new Date()): { dropped: number; erased: number } {
  return sqlite.transaction(() => {
    const cutoff = new Date(now.getTime() - keepDays * 86_400_000).toISOString()
    const dropped = sqlite.prepare('delete from history_changes where at < ?').run(cutoff).changes
    return { dropped, erased: eraseStaleValues(sqlite, now) }
  })()
}

/**
 * The rule behind every erasure, checked over the whole history: a private value may stay only while the live
 * record still holds it, or as the last copy of a record deleted less than SECRET_UNDO_HOURS ago (so that delete
 * can be undone). This also erases what an earlier version of Hearth kept of edits, and the copies of deletes
 * whose undo hour has run out.
 */
function eraseStaleValues(sqlite: Sqlite, now: Date = new Date()): number {
  const undoFrom = new Date(now.getTime() - SECRET_UNDO_HOURS * 3_600_000).toISOString()
  const erase = rowEraser(sqlite)
  for (const fields of SENSITIVE_FIELDS) {
    const columns = fields.columns.map((c) => `${quoteText(c)}, t.${quoteId(c)}`).join(', ')
    const rows = sqlite
      .prepare(
        `select h.id, h.op, h.before, h.after, c.at, case when t.id is null then null else json_object(${columns}) end as live
         from history_rows h join history_changes c on c.id = h.change_id
           left join main.${quoteId(fields.table)} t on t.id = json_extract(h.row_key, '$[0]')
         where h.tbl = ?`,
      )
      .all(fields.table) as { id: number; op: RecordedRow['op']; before: string | null; after: string | null; at: string; live: string | null }[]
    for (const r of rows) {
      const live = r.live ? (JSON.parse(r.live) as Row) : null
      const undoable = !live && r.op === 'delete' && r.at >= undoFrom
      erase(r, (side, version) =>
        (undoable && side === 'before') || !isPrivateVersion(fields, version)
          ? []
          : fields.columns.filter((c) => holdsText(version[c]) && !(live && sameValue(live[c], version[c]))),
      )
    }
  }
  return erase.count()
}

// ---------------------------------------------------------------------------------------------------------------
// Names for the sentences: what a change points at but did not write itself.

export function liveNames(sqlite: Sqlite) {
  const one = <T>(text: string, id: number): T | null => (sqlite.prepare(text).get(id) as T | undefined) ?? null
  return {
    person: (id: number) => {
      const p = one<{ first_name: string; last_name: string; preferred_name: string | null }>('select first_name, last_name, preferred_name from people where id = ?', id)
      return p ? `${p.preferred_name || p.first_name} ${p.last_name}`.trim() : null
    },
    household: (id: number) => one<{ display_name: string }>('select display_name from households where id = ?', id)?.display_name ?? null,
    train: (id: number) => one<{ recipient_name: string }>('select recipient_name from meal_trains where id = ?', id)?.recipient_name ?? null,
    care: (id: number) => one<{ kind: CareKind; title: string | null }>('select kind, title from meal_trains where id = ?', id),
    circle: (id: number) => one<{ name: string }>('select name from prayer_circles where id = ?', id)?.name ?? null,
    schedule: (id: number) => {
      const s = one<{ title: string; circle_id: number }>('select title, circle_id from prayer_schedules where id = ?', id)
      return s ? { title: s.title, circleId: s.circle_id } : null
    },
    slot: (id: number) => {
      const s = one<{ local_date: string; schedule_id: number }>('select local_date, schedule_id from prayer_slots where id = ?', id)
      return s ? { date: s.local_date, scheduleId: s.schedule_id } : null
    },
  }
}
