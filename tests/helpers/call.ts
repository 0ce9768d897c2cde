import type { Channel, InputOf, OutputOf } from '../../main/contract'
import type { Session } from '../../main/session'

// Kept apart from session.ts (which registers vitest clean-up) so scripts such as print-samples can use it too.

/**
 * Calls a channel and returns its value, failing the test with Hearth's own message when the call was refused.
 * Input and result are typed from the contract, as the renderer's are.
 */
export async function call<C extends Channel>(
  s: Pick<Session, 'registry'>,
  channel: C,
  ...[input]: {} extends InputOf<C> ? [input?: InputOf<C>] : [input: InputOf<C>]
): Promise<OutputOf<C>> {
  const r = await s.registry.dispatch(channel, input ?? {})
  if (!r.ok) throw new Error(`${channel} failed: ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`)
  return r.value as OutputOf<C>
}
