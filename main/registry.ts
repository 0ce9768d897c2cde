import { type Channel, contract, type Result } from './contract'
import './contract/validation'
import type { Context, Handlers } from './context'
import { fromZodError, toErrorShape } from './errors'

export interface Registry {
  /** Validates the input against the channel's schema, runs its handler, and never throws. */
  dispatch(channel: string, input: unknown): Promise<Result<unknown>>
  /** Resolves once every write queued so far has finished (used before closing the database). */
  idle(): Promise<void>
}

export function createRegistry(handlers: Handlers, ctx: Context, log: (e: unknown) => void = console.error): Registry {
  // Writes run one at a time, in the order they arrived: a handler that awaits (a backup, a PDF) can never
  // interleave with another write, and a change log or undo can hook into this one path.
  let writes: Promise<unknown> = Promise.resolve()

  function serialised<T>(run: () => Promise<T>): Promise<T> {
    const next = writes.then(run, run)
    writes = next.catch(() => undefined)
    return next
  }

  return {
    async dispatch(channel, input) {
      if (!Object.hasOwn(contract, channel)) {
        return { ok: false, error: { code: 'unknown_channel', message: `Hearth has no action called "${channel}".` } }
      }
      const name = channel as Channel
      const def = contract[name]
      const parsed = def.input.safeParse(input)
      if (!parsed.success) return { ok: false, error: fromZodError(parsed.error) }
      const handler = handlers[name] as (input: unknown, ctx: Context) => unknown
      const run = async () => handler(parsed.data, ctx)
      try {
        const value = def.kind === 'write' ? await serialised(run) : await run()
        return { ok: true, value }
      } catch (err) {
        return { ok: false, error: toErrorShape(err, log) }
      }
    },
    idle: () => writes.then(() => undefined),
  }
}
