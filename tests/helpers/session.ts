import { join } from 'node:path'
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

/** Calls a channel and returns its value, failing the test with Hearth's own message when the call was refused. */
export async function ok<T = unknown>(s: Pick<Session, 'registry'>, channel: string, input: unknown = {}): Promise<T> {
  const r = await s.registry.dispatch(channel, input)
  if (!r.ok) throw new Error(`${channel} failed: ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`)
  return r.value as T
}
