import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { makeBackup } from '../main/backup/write-backup'
import { discardPreparedRestore, prepareRestore } from '../main/backup/write-restore'
import { openDatabase } from '../db/open'
import { report, timeMs } from './report'
import { sized } from './scale'

/** Back up now and restore checks on a 2,000-person congregation with pastoral notes, plain and encrypted. */
export async function benchBackup(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-backup-'))
  try {
    const database = await openDatabase(join(dir, 'hearth.sqlite'))
    const person = database.sqlite.prepare(
      "insert into people (first_name, last_name, email, mobile_phone, search_text, updated_at) values (?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))",
    )
    const note = database.sqlite.prepare("insert into person_notes (person_id, body, updated_at) values (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))")
    database.sqlite.transaction(() => {
      for (let i = 0; i < sized(2000, 50); i++) {
        const id = Number(person.run(`First${i}`, `Family${i % 300}`, `p${i}@example.org`, `0770090${String(i).padStart(4, '0')}`, `first${i} family${i % 300}`).lastInsertRowid)
        note.run(id, 'Visited after the operation; would welcome meals on Tuesdays and a lift to church. '.repeat(4))
      }
    })()
    const stick = join(dir, 'stick')
    mkdirSync(stick)
    const workDir = join(dir, 'work')
    let plainPath = ''
    let encPath = ''
    report('backup.plain_ms', await timeMs(async () => (plainPath = (await makeBackup({ sqlite: database.sqlite, folder: stick, keep: 10, workDir })).path)), 'ms')
    report('backup.file_kib', statSync(plainPath).size / 1024, 'KiB')
    report(
      'backup.encrypted_ms',
      await timeMs(async () => (encPath = (await makeBackup({ sqlite: database.sqlite, folder: stick, keep: 10, workDir, passphrase: 'bench passphrase' })).path)),
      'ms',
    )
    report('restore.check_plain_ms', await timeMs(async () => discardPreparedRestore(await prepareRestore(plainPath, workDir))), 'ms')
    report('restore.check_encrypted_ms', await timeMs(async () => discardPreparedRestore(await prepareRestore(encPath, workDir, 'bench passphrase'))), 'ms')
    await database.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
