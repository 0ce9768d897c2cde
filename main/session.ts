import { basename, dirname, join } from 'node:path'
import { backupWorkDir, clearBackupWork, swapDatabase } from '../db/backup'
import { lockDatabaseFile, openDatabase, type DatabaseLock, type HearthDatabase, type OpenOptions } from '../db/open'
import { HearthError } from './contract/errors'
import type { Context } from './context'
import { handlers } from './handlers'
import type { OsEdge } from './os'
import { createRecorder } from './history/recorder'
import { createRegistry, type Registry } from './registry'
import { getSettings } from './settings/settings'
import { chosenLocale } from './i18n/say'

export interface Session {
  database: HearthDatabase
  /** This process's ownership of the real file, held from start to close (db/open.ts lockDatabaseFile). */
  lock: DatabaseLock
  registry: Registry
  context: Context
  close(): Promise<void>
}

/**
 * Opens the database and builds the handler registry over it. Electron's main process and the browser tests
 * both start Hearth through this one function; only the transport in front of `registry.dispatch` differs.
 */
export async function startSession(databasePath: string, os: OsEdge, appVersion: string, options: OpenOptions = {}): Promise<Session> {
  // First of all: another Hearth holding the file is left alone, its work folder included.
  const lock = lockDatabaseFile(databasePath, options)
  try {
    return await startOwnedSession(databasePath, lock, os, appVersion, options)
  } catch (err) {
    lock.release()
    throw err
  }
}

async function startOwnedSession(databasePath: string, lock: DatabaseLock, os: OsEdge, appVersion: string, options: OpenOptions): Promise<Session> {
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
        // Renaming a file over the database while another process writes to it loses that process's writes silently.
        try {
          lock.assertHeld()
        } catch {
          throw new HearthError('refused', 'errors.backup.notOwner', { file: basename(databasePath) })
        }
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
    lock,
    registry,
    context,
    close: async () => {
      await registry.idle()
      try {
        await database.close()
      } finally {
        lock.release()
      }
    },
  }
}
