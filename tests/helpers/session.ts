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

export { call } from './call'

/** The value of a call that opens a picker the test has answered: null (the volunteer cancelled) fails the test. */
export function chosen<T>(value: T | null): T {
  if (value === null) throw new Error('the picker was cancelled, though the test answered it')
  return value
}
