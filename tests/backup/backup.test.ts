import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { chooseBackupName, parseBackupName } from '../../main/backup/names'
import { backupsToRemove } from '../../main/backup/rotation'
import { type BackupFs, nodeBackupFs } from '../../main/backup/write-stick'
import { backupWorkDir } from '../../main/backup/write-work-folder'
import { LATEST_SCHEMA_VERSION } from '../../db/migrations'
import { HEARTH_APPLICATION_ID } from '../../db/open'
import { backupNow, backupOnQuit } from '../../main/backup/handlers'
import { startSession } from '../../main/session'
import { TestOs } from '../bridge/test-os'
import { sha256, tempDir } from '../helpers/temp'
import { startWriter } from './child'
import { addPerson, type BackupTestSession, call, chosen, peopleNames, refused, sessionsClosedAfterEach, useFolder } from './helpers'

const { session, release } = sessionsClosedAfterEach()

function stick(): string {
  const dir = join(tempDir('hearth-stick-'), 'USB STICK')
  mkdirSync(dir)
  return dir
}

function hashes(folder: string): Record<string, string> {
  return Object.fromEntries(readdirSync(folder).map((f) => [f, sha256(join(folder, f))]))
}

/** Opens a backup file read-only and reports what a restore would care about. */
function examine(path: string) {
  const header = readFileSync(path).subarray(0, 100)
  const db = new BetterSqlite3(path, { readonly: true })
  try {
    return {
      writeVersion: header[18],
      integrity: db.pragma('integrity_check', { simple: true }),
      applicationId: db.pragma('application_id', { simple: true }),
      userVersion: db.pragma('user_version', { simple: true }),
      people: peopleNames(db),
    }
  } finally {
    db.close()
  }
}

const at = (iso: string) => new Date(iso)

describe('back up now', () => {
  it('asks for a folder once, remembers it, and writes a verified self-contained copy', async () => {
    const s = await session()
    const folder = stick()
    addPerson(s.context.sqlite, 'Ada', 'Lovelace')
    s.os.folderAnswers.push(folder)
    const done = chosen(await call(s, 'backup.run', {}))
    expect(done.folder).toBe(folder)
    expect(parseBackupName(done.fileName)).not.toBeNull()
    expect(done.encrypted).toBe(false)
    expect(readdirSync(folder)).toEqual([done.fileName])
    const copy = examine(join(folder, done.fileName))
    // Byte 18 is 1 for a rollback-journal file, 2 for WAL: a backup must not depend on a -wal beside it.
    expect(copy).toEqual({ writeVersion: 1, integrity: 'ok', applicationId: HEARTH_APPLICATION_ID, userVersion: LATEST_SCHEMA_VERSION, people: ['Ada Lovelace'] })

    // The copy records its own making, so after a restore the header shows when that backup was made.
    const inCopy = new BetterSqlite3(join(folder, done.fileName), { readonly: true })
    const recorded = Object.fromEntries(
      (inCopy.prepare("select key, value from settings where key in ('backupMadeAt', 'lastBackupAt', 'lastBackupEncrypted')").all() as { key: string; value: string }[]).map(
        (r) => [r.key, JSON.parse(r.value) as unknown],
      ),
    )
    inCopy.close()
    expect(recorded).toEqual({ backupMadeAt: done.madeAt, lastBackupAt: done.madeAt, lastBackupEncrypted: false })

    const info = await call(s, 'app.info')
    expect(info.lastBackupAt).toBe(done.madeAt)
    const status = await call(s, 'backup.status')
    expect(status).toMatchObject({ folder, folderPresent: true, lastBackupAt: done.madeAt })
    expect(status.backups.map((b) => b.fileName)).toEqual([done.fileName])

    // The second time it does not ask again; a snapshot left behind by a backup cut off by a crash is cleared.
    const stale = join(backupWorkDir(s.context.databasePath), '.hearth-backup-0123456789ab.sqlite')
    writeFileSync(stale, 'left by a crash')
    await call(s, 'backup.run', {})
    expect(s.os.asked.filter((a) => a.kind === 'folder')).toHaveLength(1)
    expect(readdirSync(backupWorkDir(s.context.databasePath))).toEqual([])
  })

  it('returns null and writes nothing when the person cancels the folder picker', async () => {
    const s = await session()
    s.os.folderAnswers.push(null)
    expect(await call(s, 'backup.run', {})).toBeNull()
    expect((await call(s, 'app.info')).lastBackupAt).toBeNull()
  })

  it('gives two backups in the same minute different names', async () => {
    const s = await session()
    const folder = stick()
    const now = at('2026-03-14T10:15:00Z')
    const a = await backupNow(s.context, folder, { now })
    const b = await backupNow(s.context, folder, { now })
    const c = await backupNow(s.context, folder, { now, passphrase: 'a long passphrase' })
    expect(new Set([a.fileName, b.fileName, c.fileName]).size).toBe(3)
    expect(b.fileName).toMatch(/-2\.sqlite$/)
    expect(c.fileName).toMatch(/\.sqlite\.hearthenc$/)
    expect(readdirSync(folder).sort()).toEqual([a.fileName, b.fileName, c.fileName].sort())
  })

  it('keeps the last N of its own backups and never deletes anything else', async () => {
    const s = await session()
    const folder = stick()
    const foreign = ['notes.txt', 'hearth.sqlite', 'hearth-2020-01-01-1200.sqlite.bak', 'hearth-old.sqlite', 'Hearth-2020-01-01-1200.sqlite']
    for (const f of foreign) writeFileSync(join(folder, f), `not ours: ${f}`)
    await call(s, 'settings.update', { backupKeep: 3 })
    await useFolder(s, folder)
    const made: string[] = []
    for (let i = 0; i < 6; i++) {
      const done = await backupNow(s.context, folder, { now: new Date(2026, 0, 31, 23, 58 + i) })
      made.push(done.fileName)
      expect(readdirSync(folder).filter((f) => parseBackupName(f)).length).toBe(Math.min(i + 1, 3))
    }
    expect(readdirSync(folder).sort()).toEqual([...foreign, ...made.slice(3)].sort())
    for (const f of foreign) expect(readFileSync(join(folder, f), 'utf8')).toBe(`not ours: ${f}`)
  })

  it('orders same-minute backups by their counter when rotating', () => {
    const names = ['hearth-2026-01-01-1200-2.sqlite', 'hearth-2026-01-01-1200.sqlite', 'hearth-2026-01-01-1200-10.sqlite', 'hearth-2025-12-31-2359.sqlite.hearthenc']
    expect(backupsToRemove(names, 2, 'hearth-2026-01-01-1200-10.sqlite')).toEqual(['hearth-2025-12-31-2359.sqlite.hearthenc', 'hearth-2026-01-01-1200.sqlite'])
    expect(chooseBackupName(['hearth-2026-01-01-1200.sqlite', 'hearth-2026-01-01-1200-2.sqlite.partial'], new Date(2026, 0, 1, 12, 0, 30), false)).toBe(
      'hearth-2026-01-01-1200-3.sqlite',
    )
  })

  it('takes a consistent copy while another process is writing', async () => {
    const s = await session()
    const folder = stick()
    // A brand-new file keeps its header in the WAL until a checkpoint; db/open.ts reads the header from the main
    // file, so a second process would take it for a foreign file before then.
    s.context.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const writer = startWriter(s.context.databasePath, 'pair', 'paced')
    try {
      await writer.go()
      await writer.waitFor(20)
      for (let i = 0; i < 3; i++) {
        const seen = writer.committed.length
        const done = await backupNow(s.context, folder, { now: new Date(2026, 4, 1, 9, i) })
        const copy = new BetterSqlite3(join(folder, done.fileName), { readonly: true })
        try {
          expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
          const keys = copy.prepare("select key from settings where key like 'pair-%'").pluck().all() as string[]
          const ids = new Set(keys.map((k) => k.split('-')[1]))
          // Every transaction is in the copy whole (both rows of the pair) or not at all.
          expect(keys.length).toBe(ids.size * 2)
          expect(ids.size).toBeGreaterThanOrEqual(seen)
        } finally {
          copy.close()
        }
        await writer.waitFor(writer.committed.length + 5)
      }
    } finally {
      writer.child.kill('SIGKILL')
      await writer.exited
    }
  })
})

describe('the automatic backup when Hearth closes', () => {
  it('never keeps Hearth from closing when the stick stops answering mid-write', async () => {
    const s = await session()
    const folder = stick()
    await useFolder(s, folder)
    await call(s, 'settings.update', { backupOnQuit: true })
    const hung: BackupFs = { ...nodeBackupFs, create: () => new Promise(() => undefined) }
    const started = Date.now()
    await expect(backupOnQuit(s.context, { fs: hung, timeoutMs: 300 })).rejects.toMatchObject({ said: { id: 'errors.backup.io.missing' } })
    expect(Date.now() - started).toBeLessThan(3_000)
  })

  it('runs only when turned on and the folder is there, and never writes a plain copy after an encrypted one', async () => {
    const s = await session()
    const folder = stick()
    await useFolder(s, folder)
    expect(await backupOnQuit(s.context)).toBeNull()
    expect(readdirSync(folder)).toEqual([])

    await call(s, 'settings.update', { backupOnQuit: true })
    const plain = await backupOnQuit(s.context, { now: new Date(2026, 2, 1, 18, 0) })
    expect(plain).toMatchObject({ encrypted: false })

    await call(s, 'backup.run', { passphrase: 'a long passphrase' })
    const locked = await backupOnQuit(s.context, { now: new Date(2026, 2, 2, 18, 0) })
    expect(locked).toMatchObject({ encrypted: true })
    expect(readdirSync(folder).filter((f) => f.endsWith('.sqlite'))).toEqual([plain!.fileName])

    // A new run of Hearth has no passphrase in memory: after an encrypted backup it makes none rather than a plain one.
    const dbPath = s.context.databasePath
    await s.close()
    release(s)
    const again = await startSession(dbPath, new TestOs(s.dir), 'test')
    try {
      const before = readdirSync(folder).sort()
      expect(await backupOnQuit(again.context)).toBeNull()
      expect(readdirSync(folder).sort()).toEqual(before)
      rmSync(folder, { recursive: true })
      expect(await backupOnQuit(again.context)).toBeNull()
    } finally {
      await again.close()
    }
  })
})

/** The real file system, with one step made to fail the way a full, locked or pulled-out stick fails. */
function failing(overrides: Partial<BackupFs>): BackupFs {
  return { ...nodeBackupFs, ...overrides }
}

const ioError = (code: string) => Object.assign(new Error(`${code}: simulated`), { code })

describe('when the USB stick fails', () => {
  async function withEarlierBackups() {
    const s = await session()
    const folder = stick()
    addPerson(s.context.sqlite, 'Ada', 'Lovelace')
    await useFolder(s, folder)
    await backupNow(s.context, folder, { now: new Date(2026, 1, 1, 9, 0) })
    await backupNow(s.context, folder, { now: new Date(2026, 1, 2, 9, 0), passphrase: 'a long passphrase' })
    const before = hashes(folder)
    const lastBackupAt = (await call(s, 'app.info')).lastBackupAt
    addPerson(s.context.sqlite, 'Grace', 'Hopper')
    return { s, folder, before, lastBackupAt }
  }

  async function expectNothingChanged(s: BackupTestSession, folder: string, before: Record<string, string>, lastBackupAt: string | null) {
    expect(hashes(folder)).toEqual(before)
    expect((await call(s, 'app.info')).lastBackupAt).toBe(lastBackupAt)
    expect(readdirSync(backupWorkDir(s.context.databasePath))).toEqual([])
  }

  it('says plainly that the folder is gone when the stick is not plugged in', async () => {
    const { s, folder } = await withEarlierBackups()
    rmSync(folder, { recursive: true })
    const error = await refused(s, 'backup.run', {})
    expect(error.code).toBe('refused')
    expect(error.message).toMatch(/cannot reach .*USB STICK.*plugged in/)
    expect(existsSync(folder)).toBe(false)
  })

  it('leaves earlier backups untouched when the stick is pulled out part-way through writing', async () => {
    const { s, folder, before, lastBackupAt } = await withEarlierBackups()
    const away = `${folder}-unplugged`
    const fs = failing({
      async create(path) {
        const file = await nodeBackupFs.create(path)
        return {
          ...file,
          async write(data) {
            await file.write(data.subarray(0, data.length >> 1))
            renameSync(folder, away)
            throw ioError('EIO')
          },
        }
      },
    })
    await expect(backupNow(s.context, folder, { fs })).rejects.toThrow(/cannot reach .*plugged in.*earlier backups were not changed/)
    // Plugged back in: the half-written file is still on it (nobody could delete it), under its .partial name.
    renameSync(away, folder)
    const partials = readdirSync(folder).filter((f) => f.endsWith('.partial'))
    expect(partials).toHaveLength(1)
    const { [partials[0]!]: _, ...rest } = hashes(folder)
    expect(rest).toEqual(before)
    expect((await call(s, 'app.info')).lastBackupAt).toBe(lastBackupAt)
    // The next backup tidies Hearth's own unfinished file away and works.
    const done = await backupNow(s.context, folder)
    expect(readdirSync(folder).filter((f) => f.endsWith('.partial'))).toEqual([])
    expect(examine(join(folder, done.fileName)).people).toEqual(['Ada Lovelace', 'Grace Hopper'])
  })

  it('refuses plainly when the stick is read-only, and leaves nothing behind', async () => {
    const { s, folder, before, lastBackupAt } = await withEarlierBackups()
    chmodSync(folder, 0o555)
    try {
      // The tests run as root, which ignores permissions, so the refusal the OS would give is injected too.
      const fs = failing({ create: async () => Promise.reject(ioError('EACCES')) })
      await expect(backupNow(s.context, folder, { fs })).rejects.toThrow(/not allowed to write .*read-only/)
      const erofs = failing({ create: async () => Promise.reject(ioError('EROFS')) })
      await expect(backupNow(s.context, folder, { fs: erofs })).rejects.toThrow(/read-only/)
    } finally {
      chmodSync(folder, 0o755)
    }
    await expectNothingChanged(s, folder, before, lastBackupAt)
  })

  it('removes the half-written file when the stick fills up mid-write', async () => {
    const { s, folder, before, lastBackupAt } = await withEarlierBackups()
    let room = 20_000
    const fs = failing({
      async create(path) {
        const file = await nodeBackupFs.create(path)
        return {
          ...file,
          async write(data) {
            const fits = Math.min(room, data.length)
            await file.write(data.subarray(0, fits))
            room -= fits
            if (fits < data.length) throw ioError('ENOSPC')
          },
        }
      },
    })
    await expect(backupNow(s.context, folder, { fs })).rejects.toThrow(/not enough room .*USB stick may be full/)
    expect(room).toBe(0)
    await expectNothingChanged(s, folder, before, lastBackupAt)
  })

  it('gives up cleanly when the new file cannot be renamed, or reads back differently', async () => {
    const { s, folder, before, lastBackupAt } = await withEarlierBackups()
    let tries = 0
    const busy = failing({
      rename: async () => {
        tries++
        throw ioError('EBUSY')
      },
    })
    await expect(backupNow(s.context, folder, { fs: busy })).rejects.toThrow(/could not be written/)
    expect(tries).toBe(5)
    await expectNothingChanged(s, folder, before, lastBackupAt)

    const liar = failing({
      readFile: async (path) => {
        const bytes = await nodeBackupFs.readFile(path)
        bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0xff
        return bytes
      },
    })
    await expect(backupNow(s.context, folder, { fs: liar })).rejects.toThrow(/cannot reach|could not be written/)
    await expectNothingChanged(s, folder, before, lastBackupAt)
  })

  it('reports the failure through the channel as a plain message, not an internal error', async () => {
    const { s, folder } = await withEarlierBackups()
    rmSync(folder, { recursive: true })
    const error = await refused(s, 'backup.run', { passphrase: 'a long passphrase' })
    expect(error.code).toBe('refused')
    expect(error.message).not.toMatch(/inside Hearth/)
    const short = await refused(s, 'backup.run', { passphrase: 'short' })
    expect(short).toMatchObject({ code: 'invalid_input', fields: { passphrase: 'Use a passphrase of at least 8 characters.' } })
  })
})
