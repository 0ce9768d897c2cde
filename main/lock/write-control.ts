import type { KeyFile } from '../../db/cipher'
import { decryptDatabase, encryptDatabase, type Rewrite } from '../../db/cipher-file'
import { type HearthDatabase, type OpenOptions, openDatabase } from '../../db/open'

/**
 * Hearth's lock as the session holds it. While locked the connection is an empty database in memory: the real
 * file is closed, its key forgotten, so nothing of the congregation is held or readable, and the registry refuses
 * every channel but unlocking (main/registry.ts).
 */
export interface LockControl {
  /** The real file is encrypted: read from its bytes at start, changed by setting or removing the passphrase. */
  encrypted: boolean
  locked: boolean
  /** The data key while the encrypted file is open; null while locked or when the file is plain. */
  key: Buffer | null
  /** Wrong passphrases in a row, and when (ms since the epoch) the next may be tried. */
  failures: number
  retryAt: number
  /** Opens the real file with `key` in place of the empty stand-in. Call only from a write handler. */
  open(key: Buffer): Promise<void>
  /** Closes whichever file is open and puts the empty stand-in in its place. Call only from a write handler. */
  close(): Promise<void>
  /**
   * Rewrites the real file encrypted with `key` and `keyFile` beside it, or plain when `key` is null, then opens
   * the new one; a failure leaves the old file open as it was. Call only from a write handler, with the real file open.
   */
  rewrite(key: Buffer | null, keyFile: KeyFile | null): Promise<void>
}

/** How the lock reaches the session's one open database. */
export interface DatabaseSlot {
  current(): HearthDatabase
  /** Makes `next` the open database, as the congregation's real file when `real` is true (else the stand-in). */
  install(next: HearthDatabase, real: boolean): void
  exclusive<T>(fn: () => Promise<T>): Promise<T>
}

/** The empty database that stands in while Hearth is locked: in memory, so nothing is ever written for it. */
export function lockedStandIn(): Promise<HearthDatabase> {
  return openDatabase(':memory:')
}

export function createLockControl(path: string, options: OpenOptions, slot: DatabaseSlot, encrypted: boolean): LockControl {
  const control: LockControl = {
    encrypted,
    locked: encrypted,
    key: null,
    failures: 0,
    retryAt: 0,
    open: (key) =>
      slot.exclusive(async () => {
        const next = await openDatabase(path, { ...options, key })
        const old = slot.current()
        slot.install(next, true)
        control.key = key
        control.locked = false
        await old.close()
      }),
    close: () =>
      slot.exclusive(async () => {
        const standIn = await lockedStandIn()
        const old = slot.current()
        slot.install(standIn, false)
        control.key = null
        control.locked = true
        await old.close()
      }),
    rewrite: (key, keyFile) =>
      slot.exclusive(async () => {
        const old = slot.current()
        let closed = false
        const current: Rewrite = {
          sqlite: old.sqlite,
          key: control.key,
          path,
          schemaVersion: old.schemaVersion,
          close: async () => {
            await old.close()
            closed = true
          },
        }
        try {
          if (key && keyFile) await encryptDatabase(current, key, keyFile, options.nativeBinding)
          else await decryptDatabase(current, options.nativeBinding)
        } catch (err) {
          if (closed) slot.install(await openDatabase(path, { ...options, ...(control.key ? { key: control.key } : {}) }), true)
          throw err
        }
        slot.install(await openDatabase(path, { ...options, ...(key ? { key } : {}) }), true)
        control.key = key
        control.encrypted = key !== null
      }),
  }
  return control
}
