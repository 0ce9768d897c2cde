import { openDatabase, type HearthDatabase, type OpenOptions } from '../db/open'
import type { Context } from './context'
import { handlers } from './handlers'
import type { OsEdge } from './os'
import { createRegistry, type Registry } from './registry'

export interface Session {
  database: HearthDatabase
  registry: Registry
  context: Context
  close(): Promise<void>
}

/**
 * Opens the database and builds the handler registry over it. Electron's main process and the browser tests
 * both start Hearth through this one function; only the transport in front of `registry.dispatch` differs.
 */
export async function startSession(databasePath: string, os: OsEdge, appVersion: string, options: OpenOptions = {}): Promise<Session> {
  const database = await openDatabase(databasePath, options)
  const context: Context = {
    db: database.db,
    sqlite: database.sqlite,
    databasePath,
    safetyCopyPath: database.safetyCopyPath,
    appVersion,
    os,
  }
  const registry = createRegistry(handlers, context)
  return {
    database,
    registry,
    context,
    close: async () => {
      await registry.idle()
      await database.close()
    },
  }
}
