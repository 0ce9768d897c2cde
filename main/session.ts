import { dirname, join } from 'node:path'
import { swapDatabase } from '../db/backup'
import { backupWorkDir, clearBackupWork } from './backup/work-folder'
import { openDatabase, type HearthDatabase, type OpenOptions } from '../db/open'
import { isEncryptedDatabase, removeKeyFile } from '../db/cipher'
import { clearRewriteLeftovers } from '../db/cipher-file'
import { createLockControl, lockedStandIn } from './lock/control'
import type { Context } from './context'
import { handlers } from './handlers'
import type { OsEdge } from './os'
import { createRecorder } from './history/recorder'
import { createRegistry, type Registry } from './registry'
import { getSettings } from './settings/settings'
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
  // An encrypted file starts locked, behind an empty stand-in; a plain one never keeps a key file a kill left behind.
  clearRewriteLeftovers(databasePath)
  const encrypted = isEncryptedDatabase(databasePath)
  if (!encrypted) removeKeyFile(databasePath)
  let database = encrypted ? await lockedStandIn() : await openDatabase(databasePath, options)
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
        const swapped = await swapDatabase(database, preparedPath, { ...keyed(), safetyCopyDir: options.safetyCopyDir ?? join(dirname(databasePath), 'safety-copies') })
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
        const next = await openDatabase(path, path === databasePath ? keyed() : options)
        await database.close()
        database = next
        context.db = next.db
        context.sqlite = next.sqlite
        context.databasePath = path
        context.safetyCopyPath = path === databasePath ? startSafetyCopy : null
        context.exampleOpen = path !== databasePath
      }),
    lock: createLockControl(
      databasePath,
      options,
      {
        current: () => database,
        install: (next, real) => {
          database = next
          context.db = next.db
          context.sqlite = next.sqlite
          context.databasePath = real ? databasePath : next.path
          context.exampleOpen = false
        },
        exclusive: (fn) => registry.exclusive(fn),
      },
      encrypted,
    ),
  }
  const keyed = (): OpenOptions => (context.lock.key ? { ...options, key: context.lock.key } : options)
  // The recorder builds the history's triggers on whichever connection the next write meets (this one, a restored
  // file, the example congregation), so nothing here has to remember to.
  const recorder = createRecorder(
    () => context.sqlite,
    async () => (await getSettings(context)).historyDays,
    async () => chosenLocale((await getSettings(context)).language, context.os.locale),
  )
  const registry = createRegistry(handlers, context, console.error, recorder)
  // The computer's screen locking, sleeping or switching user locks Hearth too, through the same channel as the button.
  os.onScreenLock(() => {
    if (context.lock.encrypted && !context.lock.locked) void registry.dispatch('lock.lockNow', {})
  })
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
