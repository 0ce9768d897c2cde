import { join } from 'node:path'
import type { ChangeNotice, Channel, InputOf, OutputOf } from '../../main/contract'
import { type Session, startSession } from '../../main/session'
import { TestOs } from '../bridge/test-os'
import { tempDir } from './temp'

/** A real Hearth session over a new database file in a temp folder: the handlers exactly as Electron runs them. */
export async function testSession(locale = 'en-GB'): Promise<Session & { os: TestOs; dir: string }> {
  const dir = tempDir()
  const os = new TestOs(dir, locale)
  const session = await startSession(join(dir, 'hearth.sqlite'), os, 'test')
  return Object.assign(session, { os, dir })
}

export { call } from './call'

/** The value of a call that opens a picker the test has answered: null (the volunteer cancelled) fails the test. */
export function chosen<T>(value: T | null): T {
  if (value === null) throw new Error('the picker was cancelled, though the test answered it')
  return value
}

/** Like `call`, also returning the change the write recorded in the history (its id is what Undo takes). */
export async function callRecorded<C extends Channel>(
  s: Pick<Session, 'registry'>,
  channel: C,
  ...[input]: {} extends InputOf<C> ? [input?: InputOf<C>] : [input: InputOf<C>]
): Promise<{ value: OutputOf<C>; change: ChangeNotice }> {
  const r = await s.registry.dispatch(channel, input ?? {})
  if (!r.ok) throw new Error(`${channel} failed: ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`)
  if (!r.change) throw new Error(`${channel} recorded no change in the history`)
  return { value: r.value as OutputOf<C>, change: r.change }
}
