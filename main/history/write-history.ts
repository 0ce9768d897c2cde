import type BetterSqlite3 from 'better-sqlite3'
import { beginChange, describeChange, endChange, flushErasedValues, forgetClearedValues, hasErasedValues, installHistory, liveNames, pruneHistory } from '../../db/history'
import type { ChangeNotice } from '../contract'
import { describeRows } from './describe'

// The registry runs every recorded write through here (a channel's `recorded` rule, contract/define.ts): one change
// per call, described in words once the handler is done.

const PRUNE_EVERY_MS = 10 * 60_000

export interface Recorder {
  record<T>(channel: string, run: () => Promise<T>): Promise<{ value: T; change?: ChangeNotice }>
  /**
   * Prunes the history and checkpoints the log now, write or no write: what pruning erases (a deleted note's copy
   * once its undo hour is over) leaves the file's bytes only when this runs (the session's timer, main/session.ts).
   */
  eraseDue(): Promise<void>
}

/**
 * `locale` is the language chosen in Settings, read as each change starts: a change is described once, in the
 * words its volunteer was reading.
 */
export function createRecorder(
  connection: () => BetterSqlite3.Database,
  keepDays: () => Promise<number>,
  locale: () => Promise<string> = async () => 'en-GB',
  now: () => Date = () => new Date(),
): Recorder {
  let lastPrune = 0
  let schemaVersion = -1
  let attached: BetterSqlite3.Database | null = null
  const attach = (sqlite: BetterSqlite3.Database) => {
    installHistory(sqlite)
    attached = sqlite
    schemaVersion = sqlite.pragma('schema_version', { simple: true }) as number
    lastPrune = 0
  }
  const prune = async (sqlite: BetterSqlite3.Database) => {
    if (now().getTime() - lastPrune < PRUNE_EVERY_MS) return
    lastPrune = now().getTime()
    if (pruneHistory(sqlite, await keepDays(), now()).erased > 0) flushErasedValues(sqlite)
  }

  return {
    async record(channel, run) {
      const sqlite = connection()
      // The one place the triggers are built: on the first write to a connection (at start, after a restore swapped
      // the file, on opening or leaving the example congregation), and again when a table was created since (by a
      // restore's migration, or a test).
      if (sqlite !== attached || sqlite.pragma('schema_version', { simple: true }) !== schemaVersion) attach(sqlite)
      const speaking = await locale()
      const id = beginChange(sqlite, channel)
      let value: Awaited<ReturnType<typeof run>>
      try {
        value = await run()
      } finally {
        // A restore during the call leaves this connection closed; there is nothing of ours to finish on it.
        if (sqlite.open) finish(sqlite, id, speaking)
      }
      const done = sqlite.open ? notice(sqlite, id) : undefined
      if (sqlite.open) await prune(sqlite)
      return done ? { value, change: done } : { value }
    },
    async eraseDue() {
      const sqlite = connection()
      const days = await keepDays()
      // A restore or a switch to the example may have closed this connection while the settings were read.
      if (!sqlite.open || sqlite !== connection()) return
      lastPrune = now().getTime()
      pruneHistory(sqlite, days, now())
      // Always, not only when something was erased now: a value erased by a write whose checkpoint a reader held
      // up is still in the log until one succeeds.
      flushErasedValues(sqlite)
    },
  }
}

const described = new WeakMap<BetterSqlite3.Database, Map<number, ChangeNotice>>()

function finish(sqlite: BetterSqlite3.Database, id: number, locale: string): void {
  const ended = endChange(sqlite, id)
  if (!ended) return
  const d = describeRows(ended.rows, liveNames(sqlite), locale)
  const summary = ended.summary ?? d.summary
  describeChange(sqlite, id, summary, d.subjects)
  // Also when the handler erased values itself (archiving a train with "clear health details").
  if (forgetClearedValues(sqlite, ended.rows) > 0 || hasErasedValues(sqlite, id)) flushErasedValues(sqlite)
  let map = described.get(sqlite)
  if (!map) described.set(sqlite, (map = new Map()))
  // A change whose values were erased for privacy cannot be undone, so it is not offered.
  map.set(id, { id, summary, destructive: ended.summary === null && d.destructive && !hasErasedValues(sqlite, id) })
}

function notice(sqlite: BetterSqlite3.Database, id: number): ChangeNotice | undefined {
  const map = described.get(sqlite)
  const n = map?.get(id)
  map?.delete(id)
  return n
}
