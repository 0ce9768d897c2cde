import { dirname, join } from 'node:path'
import { backupWorkDir, clearBackupWork, swapDatabase } from '../db/backup'
import { openDatabase, type HearthDatabase, type OpenOptions } from '../db/open'
import type { Context } from './context'
import { handlers } from './handlers'
import type { OsEdge } from './os'
import { createRecorder } from './history/write-history'
import { createRegistry, type Registry } from './registry'
import { getSettings } from './common/read-settings'
import { chosenLocale } from './i18n/say'

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
  // A crash or kill during a backup or restore can leave a decrypted work file; none may outlive the next start.
  clearBackupWork(backupWorkDir(databasePath))
  let database = await openDatabase(databasePath, options)
  const startSafetyCopy = database.safetyCopyPath
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
        if (swapped.failure) throw swapped.failure
        return { safetyCopyPath: swapped.safetyCopyPath }
      }),
    realDatabasePath: databasePath,
    exampleOpen: false,
    switchDatabase: (path) =>
      registry.exclusive(async () => {
        // The other file opens first, so a failure leaves the open one as it was.
        const next = await openDatabase(path, options)
        await database.close()
        database = next
        context.db = next.db
        context.sqlite = next.sqlite
        context.databasePath = path
        context.safetyCopyPath = path === databasePath ? startSafetyCopy : null
        context.exampleOpen = path !== databasePath
      }),
  }
  // The recorder builds the history's triggers on whichever connection the next write meets (this one, a restored
  // file, the example congregation), so nothing here has to remember to.
  const recorder = createRecorder(
    () => context.sqlite,
    async () => (await getSettings(context)).historyDays,
    async () => chosenLocale((await getSettings(context)).language, context.os.locale),
  )
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
