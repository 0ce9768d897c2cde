import { dataKeyFromRecoveryKey, isEncryptedDatabase, newKeyFile, openKeyFile, readKeyFile, writeKeyFile } from '../../db/cipher'
import { decryptDatabase, encryptDatabase } from '../../db/cipher-file'
import { openDatabase } from '../../db/open'

// Turns encryption on, changes the passphrase and turns it off again, round and round, through the same functions
// the lock's handlers use, until the test kills it with SIGKILL at a moment of its choosing.
//   node rewrite-child.cjs <database path> <recovery key> <passphrase one> <passphrase two>

const [path, recoveryKey, first, second] = process.argv.slice(2) as [string, string, string, string]
// The key file records its own cost, so a cheaper one here only makes more rewrites fit between the kills.
const QUICK = { log2N: 14, r: 8, p: 1 }

async function main(): Promise<void> {
  const key = await dataKeyFromRecoveryKey(recoveryKey)
  process.stdout.write('ready\n')
  for (let turn = 0; ; turn++) {
    if (!isEncryptedDatabase(path)) {
      const db = await openDatabase(path)
      await encryptDatabase({ ...db, close: () => db.close(), key: null }, key, await newKeyFile(key, first, 'St Kilda', QUICK))
      process.stdout.write('on\n')
      continue
    }
    const db = await openDatabase(path, { key })
    const next = (await openKeyFile(readKeyFile(path), first)) ? second : first
    writeKeyFile(path, await newKeyFile(key, next, 'St Kilda', QUICK))
    process.stdout.write('changed\n')
    if (turn % 2 === 1) {
      await decryptDatabase({ ...db, close: () => db.close(), key })
      process.stdout.write('off\n')
    } else await db.close()
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`)
  process.exit(1)
})
