// A separate process that writes to a Hearth database in a loop, opened exactly as Hearth opens it (db/open.ts).
// Each transaction adds a pair of settings rows; the id is printed only after the commit returned, so every id
// on stdout is a promise that its rows are durable. Used by the crash test (SIGKILL) and the backup-while-writing
// test (the copy must never hold half a pair).
//
// It prints "loaded" once its modules are in, and opens the database only when "go" arrives on stdin, so a test
// can start the next writer while the previous one is still running.
import { createInterface } from 'node:readline'
import { openDatabase } from '../../db/open'

async function main(): Promise<void> {
  const [path, prefix = 'w', pace = 'fast'] = process.argv.slice(2)
  if (!path) throw new Error('usage: writer-child <database> [prefix] [fast|paced]')
  process.stdout.write('loaded\n')
  await new Promise<void>((resolve) => {
    const lines = createInterface({ input: process.stdin })
    lines.on('line', (line) => {
      if (line === 'go') resolve()
    })
  })
  const database = await openDatabase(path)
  const insert = database.sqlite.prepare('insert into settings (key, value) values (?, ?)')
  const pair = database.sqlite.transaction((n: number) => {
    insert.run(`${prefix}-${n}-a`, JSON.stringify(n))
    insert.run(`${prefix}-${n}-b`, JSON.stringify(n))
  })
  process.stdout.write('ready\n')
  for (let n = 1; ; n++) {
    pair(n)
    process.stdout.write(`${n}\n`)
    // "paced" pauses between saves, as an app does, so another connection gets its turn at the write lock.
    await new Promise((r) => (pace === 'paced' ? setTimeout(r, 1) : setImmediate(r)))
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
