import { type Channel, contract, type Result } from './contract'
import './contract/validation'
import type { Context, Handlers } from './context'
import { HearthError } from './contract/errors'
import { fromZodError, toErrorShape } from './errors'
import type { Recorder } from './history/write-history'

export interface Registry {
  /** Validates the input against the channel's schema, runs its handler, and never throws. */
  dispatch(channel: string, input: unknown): Promise<Result<unknown>>
  /** Resolves once every write queued so far has finished (used before closing the database). */
  idle(): Promise<void>
  /**
   * Runs `fn` with no read in flight and holds new reads until it ends: for swapping the database file under a
   * running app (a restore), so a screen refreshing at that moment waits instead of meeting a closed connection.
   * Call it only from a write handler (writes are already one at a time).
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T>
  /** Runs `fn` in the queue of writes, so it never meets one half done (the session's timed erasure). */
  inWriteQueue<T>(fn: () => Promise<T>): Promise<T>
}

/**
 * The registry reads what each channel may do from its contract entry (kind and rules, contract/define.ts): reads
 * and effects run side by side, writes one at a time; `recorder` (the change history) wraps every recorded write, so
 * each one can be undone without any handler or screen doing anything for it; a channel not allowed in the example
 * congregation is refused while it is open; while Hearth is locked, every channel but those declared `whileLocked`
 * (the lock's state and unlocking) is refused.
 */
export function createRegistry(handlers: Handlers, ctx: Context, log: (e: unknown) => void = console.error, recorder?: Recorder): Registry {
  // Writes run one at a time, in the order they arrived: a handler that awaits (a backup, a PDF) can never
  // interleave with another write, and a change log or undo can hook into this one path.
  let writes: Promise<unknown> = Promise.resolve()

  function serialised<T>(run: () => Promise<T>): Promise<T> {
    const next = writes.then(run, run)
    writes = next.catch(() => undefined)
    return next
  }

  let readers = 0
  let closed = false
  let reopened: Promise<void> = Promise.resolve()
  let drained: (() => void) | null = null

  async function asReader<T>(run: () => Promise<T>): Promise<T> {
    while (closed) await reopened
    readers++
    try {
      return await run()
    } finally {
      readers--
      if (readers === 0) drained?.()
    }
  }

  async function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    let open!: () => void
    reopened = new Promise((resolve) => (open = resolve))
    closed = true
    try {
      while (readers > 0) await new Promise<void>((resolve) => (drained = resolve))
      drained = null
      return await fn()
    } finally {
      closed = false
      open()
    }
  }

  return {
    async dispatch(channel, input) {
      if (!Object.hasOwn(contract, channel)) {
        return { ok: false, error: { code: 'unknown_channel', message: `Hearth has no action called "${channel}".` } }
      }
      const name = channel as Channel
      const def = contract[name]
      if (ctx.lock.locked && !def.rules.whileLocked) return { ok: false, error: toErrorShape(new HearthError('refused', 'errors.lock.locked'), log) }
      const parsed = def.input.safeParse(input)
      if (!parsed.success) return { ok: false, error: fromZodError(parsed.error) }
      const handler = handlers[name] as (input: unknown, ctx: Context) => unknown
      const run = async () => {
        // Asked again when the call's turn comes: a write queued before a lock must not run after it.
        if (ctx.lock.locked && !def.rules.whileLocked) throw new HearthError('refused', 'errors.lock.locked')
        if (ctx.exampleOpen && !def.rules.inExample) throw new HearthError('refused', 'errors.example.noBackups')
        return handler(parsed.data, ctx)
      }
      try {
        if (def.kind !== 'write') return { ok: true, value: await asReader(run) }
        const done = await serialised(() => (recorder && def.rules.recorded ? recorder.record(name, run) : run().then((value) => ({ value }))))
        return { ok: true, ...done }
      } catch (err) {
        return { ok: false, error: toErrorShape(err, log) }
      }
    },
    idle: () => writes.then(() => undefined),
    exclusive,
    inWriteQueue: serialised,
  }
}
