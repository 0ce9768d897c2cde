import {
  dataKeyFromRecoveryKey,
  type KeyFile,
  newKeyFile,
  newRecoveryKey,
  openKeyFile,
  readKeyFileIfAny,
  writeKeyFile,
} from '../../db/cipher'
import { readSettings, writeSettings } from '../../db/settings'
import type { Context, HandlersFor } from '../context'
import { HearthError } from '../contract/errors'
import type { LockStatus, lockContract } from '../contract/lock'
import { getSettings } from '../common/read-settings'
import { recoverySheet } from './read-recovery-sheet'
import { idleMinutesFrom, secondsUntil, waitAfterFailures } from './rules'

const IDLE_SETTING = 'lockIdleMinutes'

// Kept in memory between locks while the file is open, so the unlock screen can still show it once it is closed.
const idleMinutesSeen = new WeakMap<Context, number>()

async function idleMinutes(ctx: Context): Promise<number> {
  if (ctx.lock.locked) return idleMinutesSeen.get(ctx) ?? idleMinutesFrom(undefined)
  const minutes = idleMinutesFrom((await readSettings(ctx.db))[IDLE_SETTING])
  idleMinutesSeen.set(ctx, minutes)
  return minutes
}

function keyFileOf(ctx: Context): KeyFile | null {
  return ctx.lock.encrypted ? readKeyFileIfAny(ctx.realDatabasePath) : null
}

export async function lockStatus(ctx: Context, now = Date.now()): Promise<LockStatus> {
  const { lock } = ctx
  let congregationName = ''
  if (!lock.locked) congregationName = (await getSettings(ctx)).congregationName
  else {
    try {
      congregationName = keyFileOf(ctx)?.congregationName ?? ''
    } catch {
      // A damaged key file must not keep the unlock screen from showing: the recovery key still opens the file.
    }
  }
  return { encrypted: lock.encrypted, locked: lock.locked, congregationName, idleMinutes: await idleMinutes(ctx), waitSeconds: secondsUntil(lock.retryAt, now) }
}

/**
 * The data key for what was typed, or null when it opens nothing: the passphrase through the key file, the recovery
 * key by derivation (which needs no key file, so a lost or damaged one never locks the congregation out).
 */
async function keyFor(ctx: Context, secret: string, kind: 'passphrase' | 'recoveryKey'): Promise<Buffer | null> {
  if (kind === 'recoveryKey') return dataKeyFromRecoveryKey(secret)
  const file = keyFileOf(ctx)
  if (!file) throw new HearthError('refused', 'errors.lock.keyFileMissing', { file: 'hearth.sqlite.keys' })
  return openKeyFile(file, secret)
}

function refuseWhileWaiting(ctx: Context, now: number): void {
  const wait = secondsUntil(ctx.lock.retryAt, now)
  if (wait > 0) throw new HearthError('refused', 'errors.lock.wait', { seconds: wait })
}

function countFailure(ctx: Context, now: number, kind: 'passphrase' | 'recoveryKey'): never {
  ctx.lock.failures++
  const wait = waitAfterFailures(ctx.lock.failures)
  ctx.lock.retryAt = now + wait * 1000
  throw new HearthError('refused', kind === 'passphrase' ? 'errors.lock.wrongPassphrase' : 'errors.lock.wrongRecoveryKey', { seconds: wait }, { secret: kind === 'passphrase' ? 'errors.lock.wrongPassphraseShort' : 'errors.lock.wrongRecoveryKeyShort' })
}

/** The data key for `secret` when it is the file's passphrase or recovery key; a wrong one counts and slows the next. */
async function provenKey(ctx: Context, secret: string, kind: 'passphrase' | 'recoveryKey'): Promise<Buffer> {
  const now = Date.now()
  refuseWhileWaiting(ctx, now)
  const key = await keyFor(ctx, secret, kind)
  if (key && (ctx.lock.key === null || key.equals(ctx.lock.key))) return key
  return countFailure(ctx, now, kind)
}

async function unlock(ctx: Context, secret: string, kind: 'passphrase' | 'recoveryKey'): Promise<LockStatus> {
  if (!ctx.lock.encrypted) throw new HearthError('refused', 'errors.lock.noPassphrase')
  if (!ctx.lock.locked) return lockStatus(ctx)
  const key = await provenKey(ctx, secret, kind)
  try {
    await ctx.lock.open(key)
  } catch (err) {
    if (err instanceof HearthError && err.said.id === 'errors.lock.wrongKey') countFailure(ctx, Date.now(), kind)
    throw err
  }
  ctx.lock.failures = 0
  ctx.lock.retryAt = 0
  return lockStatus(ctx)
}

function requireOpenRealFile(ctx: Context): void {
  if (ctx.exampleOpen) throw new HearthError('refused', 'errors.example.noBackups')
}

export const lockHandlers: HandlersFor<typeof lockContract> = {
  'lock.status': (_input, ctx) => lockStatus(ctx),
  'lock.unlock': (input, ctx) => unlock(ctx, input.secret, input.with),
  'lock.lockNow': async (_input, ctx) => {
    if (!ctx.lock.encrypted) throw new HearthError('refused', 'errors.lock.noPassphrase')
    if (!ctx.lock.locked) {
      await idleMinutes(ctx)
      await ctx.lock.close()
    }
    return lockStatus(ctx)
  },
  'lock.setPassphrase': async (input, ctx) => {
    requireOpenRealFile(ctx)
    if (ctx.lock.encrypted) throw new HearthError('refused', 'errors.lock.alreadySet')
    const recoveryKey = newRecoveryKey()
    const key = await dataKeyFromRecoveryKey(recoveryKey)
    const file = await newKeyFile(key, input.passphrase, (await getSettings(ctx)).congregationName)
    await ctx.lock.rewrite(key, file)
    return { status: await lockStatus(ctx), recoveryKey }
  },
  'lock.changePassphrase': async (input, ctx) => {
    requireOpenRealFile(ctx)
    if (!ctx.lock.encrypted) throw new HearthError('refused', 'errors.lock.noPassphrase')
    const key = await provenCurrent(ctx, input.current)
    // Only the key file changes, written beside and renamed over: the old or the new passphrase opens the file.
    writeKeyFile(ctx.realDatabasePath, await newKeyFile(key, input.passphrase, (await getSettings(ctx)).congregationName))
    return lockStatus(ctx)
  },
  'lock.removePassphrase': async (input, ctx) => {
    requireOpenRealFile(ctx)
    if (!ctx.lock.encrypted) throw new HearthError('refused', 'errors.lock.noPassphrase')
    await provenCurrent(ctx, input.current)
    await ctx.lock.rewrite(null, null)
    return lockStatus(ctx)
  },
  'lock.setIdleMinutes': async (input, ctx) => {
    await writeSettings(ctx.db, { [IDLE_SETTING]: input.minutes })
    idleMinutesSeen.set(ctx, input.minutes)
    return lockStatus(ctx)
  },
  'lock.recoverySheet': async (input, ctx) => ({ pdfBase64: Buffer.from(await recoverySheet(ctx, input.recoveryKey)).toString('base64') }),
  'lock.printRecoverySheet': async (input, ctx) => ({
    printed: await ctx.os.printPdf(await recoverySheet(ctx, input.recoveryKey), 'Hearth recovery sheet'),
  }),
}

/** The open file's key when `current` is its passphrase or its recovery key, tried in that order. */
async function provenCurrent(ctx: Context, current: string): Promise<Buffer> {
  refuseWhileWaiting(ctx, Date.now())
  const file = keyFileOf(ctx)
  const byPassphrase = file ? await openKeyFile(file, current) : null
  if (byPassphrase && ctx.lock.key && byPassphrase.equals(ctx.lock.key)) return byPassphrase
  const byRecovery = await dataKeyFromRecoveryKey(current)
  if (ctx.lock.key && byRecovery.equals(ctx.lock.key)) return byRecovery
  ctx.lock.failures++
  ctx.lock.retryAt = Date.now() + waitAfterFailures(ctx.lock.failures) * 1000
  throw new HearthError('invalid_input', 'errors.lock.wrongCurrent', undefined, { current: 'errors.lock.wrongCurrentShort' })
}
