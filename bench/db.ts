import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../db/open'
import { report, timeMs } from './report'

/** Start-up cost of the database: create and migrate a new file, then reopen it. */
export async function benchDb(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-db-'))
  try {
    const path = join(dir, 'hearth.sqlite')
    let open = await openDatabase(path)
    await open.close()
    rmSync(path, { force: true })
    report('db.create_and_migrate_ms', await timeMs(async () => (open = await openDatabase(path))), 'ms')
    await open.close()
    report('db.reopen_ms', await timeMs(async () => (open = await openDatabase(path))), 'ms')
    await open.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
