// A separate Hearth process that works on a locked backup until it is killed, for the SIGKILL tests:
//   inspect <database> <backup> <passphrase> — checks the backup over and over, printing "checked" each time;
//   stage <database> <backup> <passphrase>   — prepares the restore (the decrypted copy is written to the work
//                                               folder), prints "staged <path>", then waits to be killed.
import { examineBackup, prepareRestore } from '../../main/backup/write-restore'
import { backupWorkDir } from '../../main/backup/write-work-folder'

async function main(): Promise<void> {
  const [mode, database, backup, passphrase] = process.argv.slice(2)
  if (!database || !backup || !passphrase) throw new Error('usage: restore-child inspect|stage <database> <backup> <passphrase>')
  if (mode === 'inspect') {
    for (;;) {
      await examineBackup(backup, passphrase)
      process.stdout.write('checked\n')
    }
  }
  const prepared = await prepareRestore(backup, backupWorkDir(database), passphrase)
  process.stdout.write(`staged ${prepared.localPath}\n`)
  await new Promise(() => setInterval(() => undefined, 60_000))
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`)
  process.exit(1)
})
