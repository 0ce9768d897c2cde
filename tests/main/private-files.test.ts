import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeBackup } from '../../main/backup/write-backup'
import { backupWorkDir } from '../../main/backup/write-work-folder'
import { migrations } from '../../db/migrations'
import { HEARTH_APPLICATION_ID, lockPathFor, openDatabase, printWorkDir, privateFolder, vacuumIntoPrivate } from '../../db/open'
import { startSession } from '../../main/session'
import { mayLoad } from '../../main/trusted-urls'
import { TestOs } from '../bridge/test-os'
import { call } from '../helpers/session'
import { tempDir } from '../helpers/temp'

const mode = (path: string) => statSync(path).mode & 0o777
const posix = process.platform !== 'win32'

// The usual umask of a desktop session: without Hearth's own modes, every file would be readable by every account.
let umask: number
beforeEach(() => {
  umask = process.umask(0o022)
})
afterEach(() => {
  process.umask(umask)
})

describe.skipIf(!posix)('file modes', () => {
  it('the live file, its -wal, -shm and lock are readable by this account only', async () => {
    const dir = tempDir()
    const database = join(dir, 'hearth.sqlite')
    const s = await startSession(database, new TestOs(dir), 'test')
    try {
      await call(s, 'members.create', { firstName: 'Ada', lastName: 'Lovelace' })
      for (const p of [database, `${database}-wal`, `${database}-shm`, lockPathFor(database)]) expect(mode(p), p).toBe(0o600)
    } finally {
      await s.close()
    }
  })

  it('a file left readable by an earlier version is made private when it is opened, with its -wal', async () => {
    const dir = tempDir()
    const database = join(dir, 'hearth.sqlite')
    await (await openDatabase(database)).close()
    chmodSync(database, 0o644)
    const h = await openDatabase(database)
    try {
      h.sqlite.prepare("insert into settings (key, value) values ('a', '1')").run()
      expect(mode(database)).toBe(0o600)
      expect(mode(`${database}-wal`)).toBe(0o600)
    } finally {
      await h.close()
    }
  })

  it('safety copies before an update and before a restore, and their folder, are private', async () => {
    const dir = tempDir()
    const database = join(dir, 'hearth.sqlite')
    const raw = new BetterSqlite3(database)
    const old = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) })
    await migrations[0]!.up(old)
    raw.pragma(`application_id = ${HEARTH_APPLICATION_ID}`)
    raw.pragma('user_version = 1')
    await old.destroy()
    const os = new TestOs(dir)
    const s = await startSession(database, os, 'test')
    try {
      const copies = join(dir, 'safety-copies')
      expect(mode(copies)).toBe(0o700)
      expect(readdirSync(copies).map((f) => mode(join(copies, f)))).toEqual([0o600])

      const elsewhere = await openDatabase(join(dir, 'elsewhere', 'hearth.sqlite'))
      const backup = await makeBackup({ sqlite: elsewhere.sqlite, folder: dir, keep: 3, workDir: join(dir, 'elsewhere', 'work') })
      await elsewhere.close()
      os.openAnswers.push(backup.path)
      const chosen = await call(s, 'backup.chooseRestoreFile', {})
      await call(s, 'backup.restore', { token: chosen!.token })
      expect(readdirSync(copies)).toHaveLength(2)
      for (const f of readdirSync(copies)) expect(mode(join(copies, f)), f).toBe(0o600)
      expect(mode(database)).toBe(0o600)
      expect(mode(backupWorkDir(database))).toBe(0o700)
    } finally {
      await s.close()
    }
  })

  it('a working copy is private from its first byte, and its folder too', () => {
    const dir = tempDir()
    const source = new BetterSqlite3(':memory:')
    source.exec("create table t(x); insert into t values ('Ruth Olson, 07700 900001')")
    const target = join(dir, 'work', '.hearth-backup-x.sqlite')
    vacuumIntoPrivate(source, target)
    source.close()
    expect(mode(target)).toBe(0o600)
    expect(mode(join(dir, 'work'))).toBe(0o700)
    const copy = new BetterSqlite3(target, { readonly: true })
    expect(copy.prepare('select x from t').pluck().get()).toBe('Ruth Olson, 07700 900001')
    copy.close()
  })

  it('the data folder is made this account’s only, even when it already existed open to all', () => {
    const dir = join(tempDir(), 'hearth')
    mkdirSync(dir, { mode: 0o755 })
    expect(mode(dir)).toBe(0o755)
    privateFolder(dir)
    expect(mode(dir)).toBe(0o700)
  })

  it('never closes a folder every account shares, such as the system temp folder', () => {
    const shared = join(tempDir(), 'shared')
    mkdirSync(shared)
    chmodSync(shared, 0o1777)
    privateFolder(shared)
    expect(statSync(shared).mode & 0o7777).toBe(0o1777)
  })
})

describe('work folders are cleared at start', () => {
  it('removes a printout and a backup snapshot a killed Hearth left behind, and nothing else', async () => {
    const dir = tempDir()
    const database = join(dir, 'hearth.sqlite')
    const print = printWorkDir(database)
    mkdirSync(join(print, 'job-abc'), { recursive: true })
    writeFileSync(join(print, 'job-abc', 'Phone list.pdf'), '%PDF-1.7 Ruth Olson 07700 900001')
    mkdirSync(backupWorkDir(database), { recursive: true })
    writeFileSync(join(backupWorkDir(database), '.hearth-backup-1f2e.sqlite'), 'SQLite format 3\0')
    writeFileSync(join(dir, 'notes.txt'), 'the volunteer’s own file')
    const s = await startSession(database, new TestOs(dir), 'test')
    try {
      expect(readdirSync(print)).toEqual([])
      expect(readdirSync(backupWorkDir(database))).toEqual([])
      expect(readdirSync(dir)).toContain('notes.txt')
    } finally {
      await s.close()
    }
  })
})

describe('what a window may load', () => {
  const root = tempDir()
  const renderer = join(root, 'out', 'renderer')
  const printing = join(root, 'data', 'print-work')
  const rules = { trusted: pathToFileURL(join(renderer, 'index.html')).href, fileFolders: [renderer, printing], devServer: false }
  const file = (...parts: string[]) => pathToFileURL(join(...parts)).href

  it('loads the renderer’s own files and the printout being printed', () => {
    for (const url of [rules.trusted, file(renderer, 'assets', 'index-3f2a.js'), file(renderer, 'assets', 'pdf.worker.min.mjs'), file(printing, 'job-1', 'Phone list.pdf')]) {
      expect(mayLoad(url, rules), url).toBe(true)
    }
    for (const url of ['data:image/png;base64,AAAA', 'blob:file:///5d1e', 'devtools://devtools/bundled/inspector.html']) expect(mayLoad(url, rules), url).toBe(true)
  })

  it('refuses every other file: the database, a member list beside it, the system’s files, and ways around the folder', () => {
    for (const url of [
      file(root, 'data', 'hearth.sqlite'),
      file(root, 'data', 'members.csv'),
      'file:///etc/passwd',
      `${pathToFileURL(renderer).href}/../../data/hearth.sqlite`,
      `${pathToFileURL(renderer).href}-evil/index.html`,
      pathToFileURL(renderer).href,
      'file://server/share/roster.pdf',
    ]) {
      expect(mayLoad(url, rules), url).toBe(false)
    }
  })

  it('refuses remote content, and the dev server unless Hearth runs under it', () => {
    for (const url of ['https://example.org/track.gif', 'http://localhost:5173/', 'ws://localhost:5173/', 'chrome://settings']) expect(mayLoad(url, rules), url).toBe(false)
    const dev = { ...rules, trusted: 'http://localhost:5173/', devServer: true }
    expect(mayLoad('http://localhost:5173/src/main.tsx', dev)).toBe(true)
    expect(mayLoad('http://localhost:5174/', dev)).toBe(false)
  })
})
