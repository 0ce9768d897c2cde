import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { swapDatabase } from '../../db/backup'
import { discardPreparedRestore, prepareRestore } from '../../main/backup/write-restore'
import { SEAL_BYTES, sealBackup } from '../../main/backup/seal'
import { backupWorkDir } from '../../main/backup/write-work-folder'
import { LATEST_SCHEMA_VERSION } from '../../db/migrations'
import { openDatabase } from '../../db/open'
import { backupNow } from '../../main/backup/handlers'
import type { PersonChoice } from '../../main/contract/members'
import { startSession } from '../../main/session'
import { TestOs } from '../bridge/test-os'
import { sha256, tempDir } from '../helpers/temp'
import { addPerson, call, chosen, olderHearthFile, peopleNames, pick, refused, sessionsClosedAfterEach, useFolder } from './helpers'

const { session, release } = sessionsClosedAfterEach()

const PASSPHRASE = 'blue kettle on the vestry shelf'

/** A congregation with one person, backed up; then a change made after the backup. */
async function backedUp(passphrase?: string) {
  const s = await session()
  const folder = tempDir('hearth-stick-')
  await call(s, 'settings.update', { congregationName: 'St Brigid' })
  await useFolder(s, folder)
  addPerson(s.context.sqlite, 'Ada', 'Lovelace')
  const done = chosen(await call(s, 'backup.run', passphrase ? { passphrase } : {}))
  await call(s, 'settings.update', { congregationName: 'Renamed after the backup' })
  addPerson(s.context.sqlite, 'Grace', 'Hopper')
  return { s, folder, done, file: join(folder, done.fileName) }
}

describe('restore a good backup', () => {
  it('shows what is inside, swaps it in, and the app carries on with the old data', async () => {
    const { s, file, done, folder } = await backedUp()
    s.os.openAnswers.push(file)
    const choice = chosen(await call(s, 'backup.chooseRestoreFile'))
    expect(choice).toEqual({ token: expect.any(String), fileName: done.fileName, encrypted: false })
    expect(JSON.stringify(choice)).not.toContain(folder)

    const preview = await call(s, 'backup.inspect', { token: choice.token })
    expect(preview).toMatchObject({ fileName: done.fileName, encrypted: false, verified: true, needsUpdate: false })
    expect(preview.contents).toMatchObject({ madeAt: done.madeAt, schemaVersion: LATEST_SCHEMA_VERSION, people: 1, households: 0, mealTrains: 0, prayerCircles: 0 })
    // Looking is free: the live data is unchanged.
    expect(peopleNames(s.context.sqlite)).toEqual(['Ada Lovelace', 'Grace Hopper'])

    const restored = await call(s, 'backup.restore', { token: choice.token })
    expect(restored).toMatchObject({ verified: true, contents: { people: 1 } })
    expect((await call(s, 'settings.get')).congregationName).toBe('St Brigid')
    expect((await call(s, 'members.pick', { query: 'ada' })).map((p) => p.name)).toEqual(['Ada Lovelace'])
    expect(await call(s, 'members.pick', { query: 'grace' })).toEqual([])
    expect((await call(s, 'app.info')).lastBackupAt).toBe(done.madeAt)

    // The data as it was just before the restore is kept, whole.
    const safety = new BetterSqlite3(restored.safetyCopyPath, { readonly: true })
    expect(peopleNames(safety)).toEqual(['Ada Lovelace', 'Grace Hopper'])
    safety.close()

    // Writes, reads and another backup all work on the swapped-in file; the stick's file was never opened in place.
    await call(s, 'settings.update', { congregationName: 'St Brigid and St Kevin' })
    addPerson(s.context.sqlite, 'Katherine', 'Johnson')
    await call(s, 'backup.run', {})
    expect(s.context.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(readdirSync(backupWorkDir(s.context.databasePath))).toEqual([])
    expect(existsSync(`${file}-wal`)).toBe(false)
  })

  it('answers screens that read while the file is being swapped, from the old data or the new, never an error', async () => {
    const { s, file } = await backedUp()
    let restored = false
    const restoring = s.registry.dispatch('backup.restore', { token: await pick(s, file) }).finally(() => (restored = true))
    // Screens keep reading, every few milliseconds, for as long as the restore takes.
    const reads: ReturnType<typeof s.registry.dispatch>[] = []
    while (!restored) {
      reads.push(s.registry.dispatch('members.pick', { query: '' }))
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
    expect(await restoring).toMatchObject({ ok: true })
    const answers = await Promise.all(reads)
    expect(answers.length).toBeGreaterThan(1)
    expect(answers.filter((a) => !a.ok)).toEqual([])
    const names = answers.map((a) => (a.ok ? (a.value as PersonChoice[]).map((p) => p.name) : []))
    for (const n of names) expect([['Grace Hopper', 'Ada Lovelace'], ['Ada Lovelace']]).toContainEqual(n)
    expect((await call(s, 'members.pick', { query: '' })).map((p) => p.name)).toEqual(['Ada Lovelace'])
  })

  it('restores an encrypted backup only with its passphrase', async () => {
    const { s, file, done } = await backedUp(PASSPHRASE)
    expect(done.fileName).toMatch(/\.sqlite\.hearthenc$/)
    const bytes = readFileSync(file)
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false)
    expect(bytes.includes(Buffer.from('Lovelace'))).toBe(false)

    s.os.openAnswers.push(file)
    const choice = chosen(await call(s, 'backup.chooseRestoreFile'))
    expect(choice.encrypted).toBe(true)
    const token = choice.token
    const missing = await refused(s, 'backup.inspect', { token })
    expect(missing).toMatchObject({ code: 'invalid_input', fields: { passphrase: expect.stringMatching(/is encrypted/) } })
    const wrong = await refused(s, 'backup.restore', { token, passphrase: 'blue kettle on the vestry shelF' })
    expect(wrong.message).toMatch(/passphrase does not open/)
    expect(peopleNames(s.context.sqlite)).toEqual(['Ada Lovelace', 'Grace Hopper'])

    const preview = await call(s, 'backup.inspect', { token, passphrase: PASSPHRASE })
    expect(preview).toMatchObject({ encrypted: true, verified: true, contents: { people: 1 } })
    await call(s, 'backup.restore', { token, passphrase: PASSPHRASE })
    expect(peopleNames(s.context.sqlite)).toEqual(['Ada Lovelace'])
  })

  it('updates a backup made by an older Hearth after restoring it', async () => {
    const s = await session()
    const old = await olderHearthFile(join(tempDir('hearth-old-'), 'hearth-2025-06-01-1000.sqlite'), 2, (raw) => addPerson(raw, 'Old', 'Timer'))

    const token = await pick(s, old)
    const preview = await call(s, 'backup.inspect', { token })
    // Made before backups carried a seal: fully checked, restorable, and flagged as unproven.
    expect(preview).toMatchObject({ verified: false, needsUpdate: LATEST_SCHEMA_VERSION > 2, contents: { schemaVersion: 2, people: 1, mealTrains: 0 } })
    expect(preview.contents.madeAt).toBe(new Date(2025, 5, 1, 10, 0).toISOString())
    await call(s, 'backup.restore', { token })
    expect((await call(s, 'app.info')).schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    expect(peopleNames(s.context.sqlite)).toEqual(['Old Timer'])
    expect(s.context.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  })
})

describe('refusing a bad file changes nothing', () => {
  it('refuses foreign, truncated, garbage, damaged, newer, unfinished and tampered files, each in its own words', async () => {
    const made = await backedUp()
    const enc = await backupNow(made.s.context, made.folder, { passphrase: PASSPHRASE })
    const dir = tempDir('hearth-bad-')
    const good = readFileSync(made.file)
    const encBytes = readFileSync(join(made.folder, enc.fileName))
    const bad = (name: string, bytes: Uint8Array) => {
      writeFileSync(join(dir, name), bytes)
      return join(dir, name)
    }

    const foreignPath = join(dir, 'recipes.sqlite')
    const foreign = new BetterSqlite3(foreignPath)
    foreign.exec("create table recipes (name text); insert into recipes values ('soup')")
    foreign.close()

    // A newer Hearth's own backup, sealed as it would seal it.
    const newerPath = bad('from-the-future.sqlite', good.subarray(0, good.length - SEAL_BYTES))
    const newer = new BetterSqlite3(newerPath)
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
    newer.close()
    writeFileSync(newerPath, sealBackup(readFileSync(newerPath)))

    // Damage inside the file that the header cannot show: scribble over the b-tree header of the people table's
    // root page. (Scribbling over cell contents can leave a structurally valid file, which no check can see.)
    // An older backup, from before seals: only SQLite's own checks can find this damage.
    const scribbled = Buffer.from(good.subarray(0, good.length - SEAL_BYTES))
    const pageSize = scribbled.readUInt16BE(16)
    const reader = new BetterSqlite3(made.file, { readonly: true })
    const root = reader.prepare("select rootpage from sqlite_master where name = 'people'").pluck().get() as number
    reader.close()
    scribbled.fill(0x5a, (root - 1) * pageSize, (root - 1) * pageSize + 12)

    const flipped = Buffer.from(encBytes)
    flipped[flipped.length >> 1] = flipped[flipped.length >> 1]! ^ 0x01

    const cases: [string, { path: string; passphrase?: string }, RegExp][] = [
      ['foreign', { path: foreignPath }, /not a Hearth backup: it belongs to another program/],
      ['truncated', { path: bad('hearth-2026-01-01-1200.sqlite', good.subarray(0, good.length >> 1)) }, /incomplete — it was cut short/],
      ['tiny', { path: bad('tiny.sqlite', good.subarray(0, 40)) }, /incomplete/],
      ['garbage', { path: bad('garbage.sqlite', Buffer.from('this is a shopping list, not a database\n'.repeat(50))) }, /not a database file at all/],
      ['empty', { path: bad('empty.sqlite', Buffer.alloc(0)) }, /not a database file at all/],
      ['damaged', { path: bad('scribbled.sqlite', scribbled) }, /is damaged and cannot be restored/],
      ['damaged and sealed', { path: bad('scribbled-sealed.sqlite', Buffer.concat([scribbled, good.subarray(good.length - SEAL_BYTES)])) }, /damaged or changed since Hearth made it/],
      ['newer', { path: newerPath }, /made by a newer version of Hearth/],
      ['unfinished', { path: bad(`${made.done.fileName}.partial`, good) }, /unfinished backup/],
      ['missing', { path: bad('pulled-out.sqlite', good) }, /cannot find pulled-out\.sqlite any more/],
      ['flipped byte', { path: bad('flipped.sqlite.hearthenc', flipped), passphrase: PASSPHRASE }, /damaged or altered/],
      ['wrong passphrase', { path: join(made.folder, enc.fileName), passphrase: 'not the passphrase' }, /passphrase does not open/],
      ['cut encrypted', { path: bad('cut.sqlite.hearthenc', encBytes.subarray(0, encBytes.length - 4096)), passphrase: PASSPHRASE }, /damaged or altered/],
    ]

    // Hash the live file in a settled state: close (which checkpoints), hash, then reopen over the same file.
    const dbPath = made.s.context.databasePath
    await made.s.close()
    release(made.s)
    const before = sha256(dbPath)
    const os = new TestOs(made.s.dir)
    const s = Object.assign(await startSession(dbPath, os, 'test'), { os })
    try {
      for (const [label, { path, passphrase }, message] of cases) {
        // The volunteer picks each file in the dialog; the stick is pulled out after picking the "missing" one.
        const token = await pick(s, path)
        if (label === 'missing') rmSync(path)
        for (const channel of ['backup.inspect', 'backup.restore']) {
          const error = await refused(s, channel, { token, ...(passphrase ? { passphrase } : {}) })
          expect(error.message, `${label} via ${channel}`).toMatch(message)
          expect(error.message, label).not.toMatch(/inside Hearth/)
        }
      }
      expect(peopleNames(s.context.sqlite)).toEqual(['Ada Lovelace', 'Grace Hopper'])
      expect(readdirSync(backupWorkDir(dbPath))).toEqual([])
      expect(existsSync(join(made.s.dir, 'safety-copies')) ? readdirSync(join(made.s.dir, 'safety-copies')) : []).toEqual([])
    } finally {
      await s.close()
    }
    expect(sha256(dbPath)).toBe(before)
  })

  it('never opens a file where it lies: a prepared restore is a local copy', async () => {
    const { s, file } = await backedUp()
    const copy = join(tempDir('hearth-copy-'), 'hearth-2026-02-02-0202.sqlite')
    copyFileSync(file, copy)
    const before = sha256(copy)
    const prepared = await prepareRestore(copy, backupWorkDir(s.context.databasePath))
    expect(prepared.localPath.startsWith(backupWorkDir(s.context.databasePath))).toBe(true)
    expect(sha256(copy)).toBe(before)
    expect(existsSync(`${copy}-wal`) || existsSync(`${copy}-journal`)).toBe(false)
    discardPreparedRestore(prepared)
    expect(readdirSync(backupWorkDir(s.context.databasePath))).toEqual([])
  })

  it('puts the previous data back when a swapped-in file will not open after all', async () => {
    const dir = tempDir('hearth-swap-')
    const current = await openDatabase(join(dir, 'hearth.sqlite'))
    addPerson(current.sqlite, 'Ada', 'Lovelace')
    const replacement = join(dir, 'replacement.sqlite')
    writeFileSync(replacement, Buffer.from('not a database at all\n'.repeat(100)))
    const swapped = await swapDatabase(current, replacement, { safetyCopyDir: join(dir, 'safety-copies') })
    try {
      expect(swapped.failure?.message).toMatch(/put your previous data back/)
      expect(peopleNames(swapped.database.sqlite)).toEqual(['Ada Lovelace'])
      expect(swapped.database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(existsSync(swapped.safetyCopyPath)).toBe(true)
    } finally {
      await swapped.database.close()
    }
  })
})
