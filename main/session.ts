import { basename, dirname, join } from 'node:path'
import { swapDatabase } from '../db/backup'
import { backupWorkDir, clearBackupWork } from './backup/write-work-folder'
import { clearFolder, lockDatabaseFile, openDatabase, printWorkDir, type DatabaseLock, type HearthDatabase, type OpenOptions } from '../db/open'
import { isEncryptedDatabase, removeKeyFile } from '../db/cipher'
import { clearRewriteLeftovers, keyedCopyOf } from '../db/cipher-file'
import { HearthError } from './contract/errors'
import { createLockControl, lockedStandIn } from './lock/write-control'
import type { Context } from './context'
import { handlers } from './handlers'
import type { OsEdge } from './os'
import { createRecorder } from './history/write-history'
import { createRegistry, type Registry } from './registry'
import { getSettings } from './common/read-settings'
import { chosenLocale } from './i18n/say'

/** Time as the session sees it: the real clock in Hearth, a hand-moved one in tests of erasure on time. */
export interface SessionClock {
  now(): Date
  /** Calls `run` every `ms` until the returned function is called. */
  every(ms: number, run: () => void): () => void
}

const realClock: SessionClock = {
  now: () => new Date(),
  every(ms, run) {
    const timer = setInterval(run, ms)
    // The timer alone must not keep Hearth (or a test run) from exiting.
    timer.unref()
    return () => clearInterval(timer)
  },
}

export interface SessionOptions extends OpenOptions {
  clock?: SessionClock
}

// Pruning and a checkpoint this often, write or no write: a deleted note's text, kept one hour for its undo, is gone
// from the file's bytes at most this long after that hour (README "History and Undo").
export const ERASE_EVERY_MS = 5 * 60_000

export interface Session {
  database: HearthDatabase
  /** This process's ownership of the real file, held from start to close (db/open.ts lockDatabaseFile). */
  lock: DatabaseLock
  registry: Registry
  context: Context
  /** Prunes the history and checkpoints the log now (at start, on the timer, and before the backup on quit). */
  eraseDue(): Promise<void>
  close(): Promise<void>
}

/**
 * Opens the database and builds the handler registry over it. Electron's main process and the browser tests
 * both start Hearth through this one function; only the transport in front of `registry.dispatch` differs.
 */
export async function startSession(databasePath: string, os: OsEdge, appVersion: string, options: SessionOptions = {}): Promise<Session> {
  // First of all: another Hearth holding the file is left alone, its work folder included.
  const lock = lockDatabaseFile(databasePath, options)
  try {
    return await startOwnedSession(databasePath, lock, os, appVersion, options)
  } catch (err) {
    lock.release()
    throw err
  }
}

async function startOwnedSession(databasePath: string, lock: DatabaseLock, os: OsEdge, appVersion: string, { clock = realClock, ...options }: SessionOptions): Promise<Session> {
  // A crash or kill during a backup, a restore or a printout can leave a plain copy of members' details in a work
  // folder; none may outlive the next start.
  clearBackupWork(backupWorkDir(databasePath))
  clearFolder(printWorkDir(databasePath))
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
        // Renaming a file over the database while another process writes to it loses that process's writes silently.
        try {
          lock.assertHeld()
        } catch {
          throw new HearthError('refused', 'errors.backup.notOwner', { file: basename(databasePath) })
        }
        // A restore onto an encrypted congregation swaps in a copy under its own key, so the file stays encrypted.
        const replacement = context.lock.key ? keyedCopyOf(preparedPath, context.lock.key, options.nativeBinding) : preparedPath
        const swapped = await swapDatabase(database, replacement, { ...keyed(), safetyCopyDir: options.safetyCopyDir ?? join(dirname(databasePath), 'safety-copies') })
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
    () => clock.now(),
  )
  const registry = createRegistry(handlers, context, console.error, recorder)
  // The computer's screen locking, sleeping or switching user locks Hearth too, through the same channel as the button.
  os.onScreenLock(() => {
    if (context.lock.encrypted && !context.lock.locked) void registry.dispatch('lock.lockNow', {})
  })
  // While locked the file is closed and only an empty stand-in is open: there is nothing to erase until unlocking.
  const eraseDue = () => registry.inWriteQueue(async () => (context.lock.locked ? undefined : recorder.eraseDue()))
  // A damaged file (say, a settings row that is not JSON) must still open, so the screens can offer a way back.
  const eraseOrSay = () => eraseDue().catch((err: unknown) => console.error('Erasing on time failed:', err))
  // At start too: a note whose undo hour ran out while Hearth was closed leaves the file before anyone reads it.
  await eraseOrSay()
  const stopErasing = clock.every(ERASE_EVERY_MS, () => void eraseOrSay())
  return {
    get database() {
      return database
    },
    lock,
    registry,
    context,
    eraseDue,
    close: async () => {
      stopErasing()
      await registry.idle()
      try {
        await database.close()
      } finally {
        lock.release()
      }
    },
  }
}
