import { execFileSync, spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { open as openFile } from 'node:fs/promises'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { SEAL_BYTES, sealBackup } from '../../main/backup/seal'
import { backupWorkDir } from '../../main/backup/write-work-folder'
import { pickedFileRefusal, withDeadline } from '../../main/common/read-picked-file'
import { startSession } from '../../main/session'
import { TestOs } from '../bridge/test-os'
import { tempDir } from '../helpers/temp'
import { bundledScript } from './child'
import { addPerson, call, chosen, peopleNames, pick, refused, sessionsClosedAfterEach, useFolder } from './helpers'

const { session, release } = sessionsClosedAfterEach()

const PASSPHRASE = 'blue kettle on the vestry shelf'

async function backedUp(passphrase?: string) {
  const s = await session()
  const folder = tempDir('hearth-stick-')
  await useFolder(s, folder)
  addPerson(s.context.sqlite, 'Ada', 'Lovelace')
  const done = chosen(await call(s, 'backup.run', passphrase ? { passphrase } : {}))
  addPerson(s.context.sqlite, 'Grace', 'Hopper')
  return { s, folder, file: join(folder, done.fileName) }
}

describe('paths come only from the native dialogs', () => {
  it('refuses a path, a made-up token, a token from another session and a token for another kind of file', async () => {
    const { s, file } = await backedUp()
    const other = await session()
    const otherToken = await pick(other, file)
    const tokens = [randomUUID(), otherToken]
    for (const channel of ['backup.inspect', 'backup.restore']) {
      expect((await refused(s, channel, { path: file })).code).toBe('invalid_input')
      for (const token of tokens) expect(await refused(s, channel, { token }), channel).toMatchObject({ code: 'not_found', message: /choose it again/ })
    }
    // A spreadsheet token never opens a backup, and a backup token never opens a spreadsheet.
    const csv = join(tempDir('hearth-csv-'), 'people.csv')
    writeFileSync(csv, 'First name,Last name\nAda,Byron\n')
    s.os.openAnswers.push(csv)
    const sheet = chosen(await call(s, 'membersCsv.openFile'))
    expect(await refused(s, 'backup.inspect', { token: sheet.token })).toMatchObject({ code: 'not_found' })
    const backupToken = await pick(s, file)
    for (const token of [backupToken, randomUUID()]) {
      for (const channel of ['membersCsv.check', 'membersCsv.import']) {
        expect(await refused(s, channel, { token, mapping: ['firstName', 'lastName'], dateOrder: 'dmy' }), channel).toMatchObject({ code: 'not_found' })
      }
    }
    expect(peopleNames(s.context.sqlite)).toEqual(['Ada Lovelace', 'Grace Hopper'])
  })

  it('sets the backup folder only through its chooser, and a restored file never brings its own folder', async () => {
    const { s, folder, file } = await backedUp()
    const elsewhere = tempDir('hearth-elsewhere-')
    const error = await refused(s, 'settings.update', { backupFolder: elsewhere })
    expect(error.code).toBe('invalid_input')
    expect((await call(s, 'backup.status')).folder).toBe(folder)
    await call(s, 'backup.run', {})
    expect(readdirSync(elsewhere)).toEqual([])

    // A backup whose settings point somewhere else (made by hand, sealed again): after the restore Hearth still
    // backs up to the folder chosen on this computer.
    const bytes = readFileSync(file)
    const crafted = join(tempDir('hearth-crafted-'), 'hearth-2026-03-14-1830.sqlite')
    writeFileSync(crafted, bytes.subarray(0, bytes.length - SEAL_BYTES))
    const db = new BetterSqlite3(crafted)
    db.prepare("insert into settings (key, value) values ('backupFolder', ?) on conflict (key) do update set value = excluded.value").run(JSON.stringify(elsewhere))
    db.close()
    writeFileSync(crafted, sealBackup(readFileSync(crafted)))
    await call(s, 'backup.restore', { token: await pick(s, crafted) })
    expect((await call(s, 'backup.status')).folder).toBe(folder)
    await call(s, 'backup.run', {})
    expect(readdirSync(elsewhere)).toEqual([])
  })

  it('asks for the folder again when it has gone, and backs up where the volunteer then points', async () => {
    const { s, folder } = await backedUp()
    rmSync(folder, { recursive: true })
    const status = await call(s, 'backup.status')
    expect(status).toMatchObject({ folder, folderPresent: false, backups: [] })
    const replugged = tempDir('hearth-stick-again-')
    s.os.folderAnswers.push(replugged)
    const done = chosen(await call(s, 'backup.run', {}))
    expect(s.os.asked.at(-1)).toMatchObject({ kind: 'folder', title: expect.stringMatching(/cannot find .*choose the folder for backups again/) })
    expect(readdirSync(replugged)).toEqual([done.fileName])
    expect((await call(s, 'backup.status')).folder).toBe(replugged)
  })
})

describe('reading a chosen file never stalls', () => {
  it('refuses a FIFO, /dev/zero, a folder and an enormous file at once, then carries on writing', async () => {
    const s = await session()
    const dir = tempDir('hearth-odd-')
    const fifo = join(dir, 'hearth-2026-03-14-1830.sqlite')
    execFileSync('mkfifo', [fifo])
    const folder = join(dir, 'hearth-2026-03-14-1831.sqlite')
    mkdirSync(folder)
    const huge = join(dir, 'hearth-2026-03-14-1832.sqlite')
    writeFileSync(huge, '')
    truncateSync(huge, 600 * 1024 * 1024)
    const cases: [string, RegExp][] = [
      [fifo, /not an ordinary file/],
      ['/dev/zero', /not an ordinary file/],
      [folder, /not an ordinary file/],
      [huge, /is 600 MB, far bigger than any Hearth backup/],
    ]
    for (const [path, message] of cases) {
      const started = Date.now()
      s.os.openAnswers.push(path)
      expect((await refused(s, 'backup.chooseRestoreFile')).message, path).toMatch(message)
      s.os.openAnswers.push(path)
      expect((await refused(s, 'membersCsv.openFile')).message, path).toMatch(/not an ordinary file|up to 20 MB/)
      expect(Date.now() - started, path).toBeLessThan(5_000)
    }
    // A regular file swapped for a FIFO after it was chosen is refused just as fast.
    const { file } = await backedUp()
    const token = await pick(s, file)
    rmSync(file)
    execFileSync('mkfifo', [file])
    expect((await refused(s, 'backup.restore', { token })).message).toMatch(/not an ordinary file/)
    await call(s, 'settings.update', { congregationName: 'Still writing' })
    expect((await call(s, 'settings.get')).congregationName).toBe('Still writing')
  })

  it('gives up on a read that never answers, after its deadline', async () => {
    const fifo = join(tempDir('hearth-fifo-'), 'blocked')
    execFileSync('mkfifo', [fifo])
    // An ordinary open of a FIFO waits for a writer forever: the deadline ends the wait for the caller.
    const stuck = openFile(fifo, 'r')
    const started = Date.now()
    await expect(withDeadline(stuck, 200)).rejects.toEqual(pickedFileRefusal('timed_out'))
    expect(Date.now() - started).toBeLessThan(2_000)
    // Let the stuck open finish so no thread stays blocked after the test.
    const writer = openSync(fifo, 'w')
    await (await stuck).close()
    closeSync(writer)
  })
})

describe('restoring from files Hearth itself uses', () => {
  it('refuses the live database (whose latest writes are still in its -wal), and loses nothing', async () => {
    const s = await session()
    const db = s.context.databasePath
    for (let i = 0; i < 20; i++) addPerson(s.context.sqlite, `Recent${i}`, 'Write')
    expect(existsSync(`${db}-wal`)).toBe(true)
    const linked = join(tempDir('hearth-link-'), 'hearth-2026-03-14-1830.sqlite')
    execFileSync('ln', [db, linked])
    for (const path of [db, linked]) {
      const token = await pick(s, path)
      for (const channel of ['backup.inspect', 'backup.restore']) {
        expect((await refused(s, channel, { token })).message, `${path} via ${channel}`).toMatch(/is the file Hearth is using right now/)
      }
    }
    expect(peopleNames(s.context.sqlite)).toHaveLength(20)
  })

  it('restores a safety copy safely, which undoes a restore', async () => {
    const { s, file } = await backedUp()
    const done = await call(s, 'backup.restore', { token: await pick(s, file) })
    expect(peopleNames(s.context.sqlite)).toEqual(['Ada Lovelace'])
    await call(s, 'backup.restore', { token: await pick(s, done.safetyCopyPath) })
    expect(peopleNames(s.context.sqlite)).toEqual(['Ada Lovelace', 'Grace Hopper'])
    expect(s.context.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  })
})

describe('decrypted work files', () => {
  function child(mode: 'inspect' | 'stage', database: string, backup: string) {
    const proc = spawn(process.execPath, [bundledScript('restore-child'), mode, database, backup, PASSPHRASE], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    proc.stderr.on('data', (c: Buffer) => (err += c.toString()))
    const exited = new Promise<void>((resolve) => proc.on('exit', () => resolve()))
    const waitFor = (pattern: RegExp) =>
      new Promise<RegExpMatchArray>((resolve, reject) => {
        const check = () => {
          const m = out.match(pattern)
          if (m) resolve(m)
        }
        proc.stdout.on('data', (c: Buffer) => {
          out += c.toString()
          check()
        })
        proc.on('exit', () => reject(new Error(`restore-child stopped: ${err}`)))
      })
    return { proc, exited, waitFor }
  }

  it('are never written while a locked backup is inspected, even when the process is killed', async () => {
    const { s, file } = await backedUp(PASSPHRASE)
    const work = backupWorkDir(s.context.databasePath)
    for (let round = 0; round < 2; round++) {
      const c = child('inspect', s.context.databasePath, file)
      await c.waitFor(new RegExp(`(checked\\n){${round + 1}}`))
      c.proc.kill('SIGKILL')
      await c.exited
      expect(existsSync(work) ? readdirSync(work) : []).toEqual([])
    }
  }, 60_000)

  it('left by a restore killed before the swap are removed when Hearth next starts', async () => {
    const { s, file } = await backedUp(PASSPHRASE)
    const database = s.context.databasePath
    await s.close()
    release(s)
    const c = child('stage', database, file)
    const [, staged] = await c.waitFor(/staged (.+)\n/)
    c.proc.kill('SIGKILL')
    await c.exited
    // The kill left a decrypted copy with the members' details in Hearth's private work folder…
    expect(readFileSync(staged!).subarray(0, 15).toString()).toBe('SQLite format 3')
    expect(readFileSync(staged!).includes(Buffer.from('Lovelace'))).toBe(true)
    // …which the next start removes before anything else.
    const again = await startSession(database, new TestOs(s.dir), 'test')
    try {
      expect(existsSync(staged!)).toBe(false)
      expect(readdirSync(backupWorkDir(database))).toEqual([])
    } finally {
      await again.close()
    }
  }, 60_000)

  it('live in a folder only this user can open', async () => {
    const { s, file } = await backedUp(PASSPHRASE)
    await call(s, 'backup.restore', { token: await pick(s, file), passphrase: PASSPHRASE })
    const mode = execFileSync('stat', ['-c', '%a', backupWorkDir(s.context.databasePath)]).toString().trim()
    expect(mode).toBe('700')
  })
})
