// A separate process that writes to a Hearth database in a loop, opened exactly as Hearth opens it (db/open.ts).
// Each transaction adds a pair of settings rows; the id is printed only after the commit returned, so every id
// on stdout is a promise that its rows are durable. Used by the crash test (SIGKILL) and the backup-while-writing
// test (the copy must never hold half a pair).
import { openDatabase } from '../../db/open'

async function main(): Promise<void> {
  const [path, prefix = 'w'] = process.argv.slice(2)
  if (!path) throw new Error('usage: writer-child <database> [prefix]')
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
    // A short pause between saves, as an app has, so the other connection gets its turn at the write lock.
    await new Promise((r) => setTimeout(r, 1))
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
