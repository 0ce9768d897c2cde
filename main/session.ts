import { dirname, join } from 'node:path'
import { swapDatabase } from '../db/backup'
import { openDatabase, type HearthDatabase, type OpenOptions } from '../db/open'
import type { Context } from './context'
import { handlers } from './handlers'
import type { OsEdge } from './os'
import { createRecorder } from './history/recorder'
import { createRegistry, type Registry } from './registry'
import { getSettings } from './settings/settings'

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
  let database = await openDatabase(databasePath, options)
  const context: Context = {
    db: database.db,
    sqlite: database.sqlite,
    databasePath,
    safetyCopyPath: database.safetyCopyPath,
    appVersion,
    os,
    replaceDatabase: (preparedPath) =>
      registry.exclusive(async () => {
        const swapped = await swapDatabase(database, preparedPath, { ...options, safetyCopyDir: options.safetyCopyDir ?? join(dirname(databasePath), 'safety-copies') })
        database = swapped.database
        context.db = database.db
        context.sqlite = database.sqlite
        recorder.attach(database.sqlite)
        if (swapped.failure) throw swapped.failure
        return { safetyCopyPath: swapped.safetyCopyPath }
      }),
  }
  const recorder = createRecorder(
    () => context.sqlite,
    async () => (await getSettings(context)).historyDays,
  )
  recorder.attach(database.sqlite)
  const registry = createRegistry(handlers, context, console.error, recorder)
  return {
    get database() {
      return database
    },
    registry,
    context,
    close: async () => {
      await registry.idle()
      await database.close()
    },
  }
}
