import type BetterSqlite3 from 'better-sqlite3'
import type { Session } from '../../main/session'

/** Adds a person straight into the tables (the members screens are another area's work). */
export function addPerson(sqlite: BetterSqlite3.Database, first: string, last: string): number {
  const r = sqlite
    .prepare("insert into people (first_name, last_name, search_text, updated_at) values (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))")
    .run(first, last, `${first} ${last}`.toLowerCase())
  return Number(r.lastInsertRowid)
}

export function peopleNames(sqlite: BetterSqlite3.Database): string[] {
  return sqlite.prepare("select first_name || ' ' || last_name from people order by id").pluck().all() as string[]
}


/** Calls a channel that must fail and returns its error. */
export async function refused(s: Session, channel: string, input: unknown = {}) {
  const r = await s.registry.dispatch(channel, input)
  if (r.ok) throw new Error(`${channel} should have failed but returned ${JSON.stringify(r.value)}`)
  return r.error
}

export { call, chosen } from '../helpers/session'
