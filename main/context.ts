import type BetterSqlite3 from 'better-sqlite3'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { Channel, OutputOf, ParsedInputOf } from './contract'
import type { LockControl } from './lock/write-control'
import type { OsEdge } from './os'

/** What every handler gets: the open database and the small OS edge (pickers, printing, paths). */
export interface Context {
  db: Kysely<Database>
  sqlite: BetterSqlite3.Database
  databasePath: string
  safetyCopyPath: string | null
  appVersion: string
  os: OsEdge
  /**
   * Swaps a verified database file in for the open one (a restore) while Hearth keeps running; `db` and `sqlite`
   * above point at the new connection afterwards. Call only from a write handler, so no other write is running.
   */
  replaceDatabase(preparedPath: string): Promise<{ safetyCopyPath: string }>
  /** The congregation's own file: the one Hearth always opens at start, whichever file is open now. */
  realDatabasePath: string
  /** True while the example congregation (main/home/write-example.ts) is open in place of the real file. */
  exampleOpen: boolean
  /**
   * Closes the open file and opens `path` in its place (the example congregation, or the real file again) with
   * no read in flight. Call only from a write handler.
   */
  switchDatabase(path: string): Promise<void>
  /** The passphrase lock (main/lock/): while it is locked, `db` is an empty stand-in and the registry refuses all else. */
  lock: LockControl
}

export type Handler<C extends Channel> = (input: ParsedInputOf<C>, ctx: Context) => OutputOf<C> | Promise<OutputOf<C>>

/** The handlers for one slice of the contract, e.g. HandlersFor<typeof membersContract>. */
export type HandlersFor<T> = { [C in keyof T & Channel]: Handler<C> }

export type Handlers = HandlersFor<Record<Channel, unknown>>
