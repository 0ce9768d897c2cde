import { createHash } from 'node:crypto'
import type BetterSqlite3 from 'better-sqlite3'

/**
 * A digest of every row of every table in the main database file. "A refused call writes nothing" is checked on
 * this, not on total_changes(): the change history's own bookkeeping (a change opened, then dropped because the call
 * wrote nothing) counts as changes on the connection yet leaves the file's contents exactly as they were.
 */
export function contentsDigest(sqlite: BetterSqlite3.Database): string {
  const hash = createHash('sha256')
  const tables = sqlite.prepare("select name from main.sqlite_schema where type = 'table' and name not like 'sqlite_%' order by name").pluck().all() as string[]
  for (const table of tables) {
    hash.update(`\u0000${table}\u0000`)
    for (const row of sqlite.prepare(`select * from main."${table.replace(/"/g, '""')}"`).raw().iterate()) hash.update(JSON.stringify(row))
  }
  return hash.digest('hex')
}
