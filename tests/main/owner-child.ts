// A separate Hearth process on a data folder, started exactly as Electron starts Hearth (main/session.ts):
//   hold <database>             — owns the file and saves a pair of settings rows in a loop through the session's
//                                 connection, printing each pair's number only after its commit returned;
//   restore <database> <backup> — tries to start Hearth on the same file and restore the backup over it, printing
//                                 "refused <message id>" or "restored".
import { dirname } from 'node:path'
import { HearthError } from '../../main/contract/errors'
import { startSession } from '../../main/session'
import { TestOs } from '../bridge/test-os'

async function main(): Promise<void> {
  const [mode, database, backup] = process.argv.slice(2)
  if (!database || (mode !== 'hold' && !(mode === 'restore' && backup))) throw new Error('usage: owner-child hold <database> | restore <database> <backup>')
  const os = new TestOs(dirname(database))
  if (mode === 'restore') {
    try {
      const session = await startSession(database, os, 'test')
      os.openAnswers.push(backup!)
      const chosen = await session.registry.dispatch('backup.chooseRestoreFile', {})
      if (!chosen.ok || !chosen.value) throw new Error('the backup was not chosen')
      const done = await session.registry.dispatch('backup.restore', { token: (chosen.value as { token: string }).token })
      process.stdout.write(done.ok ? 'restored\n' : `refused ${done.error.messageId}\n`)
      await session.close()
    } catch (err) {
      if (!(err instanceof HearthError)) throw err
      process.stdout.write(`refused ${err.said.id}\n${err.message}\n`)
    }
    return
  }
  const session = await startSession(database, os, 'test')
  const sqlite = session.database.sqlite
  const insert = sqlite.prepare('insert into settings (key, value) values (?, ?)')
  const pair = sqlite.transaction((n: number) => {
    insert.run(`owner-${n}-a`, JSON.stringify(n))
    insert.run(`owner-${n}-b`, JSON.stringify(n))
  })
  process.stdout.write('ready\n')
  for (let n = 1; ; n++) {
    pair(n)
    process.stdout.write(`${n}\n`)
    await new Promise((r) => setTimeout(r, 2))
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`)
  process.exit(1)
})
