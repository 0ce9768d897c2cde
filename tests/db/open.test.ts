import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { describe, expect, it } from 'vitest'
import { LATEST_SCHEMA_VERSION, migrations } from '../../db/migrations'
import { HearthError } from '../../main/contract/errors'
import { HEARTH_APPLICATION_ID, openDatabase, pruneSafetyCopies } from '../../db/open'
import { sha256, tempDir } from '../helpers/temp'

const dir = tempDir()
let n = 0
const fresh = () => join(dir, `db-${++n}.sqlite`)

function tables(path: string): string[] {
  const db = new BetterSqlite3(path, { readonly: true })
  try {
    return db.prepare("select name from sqlite_master where type = 'table' order by name").pluck().all() as string[]
  } finally {
    db.close()
  }
}

describe('opening a database', () => {
  it('creates a new file at the current schema with the Hearth marks and safe pragmas', async () => {
    const path = fresh()
    const h = await openDatabase(path)
    expect(h.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
    expect(h.sqlite.pragma('application_id', { simple: true })).toBe(HEARTH_APPLICATION_ID)
    expect(h.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(h.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(h.sqlite.pragma('synchronous', { simple: true })).toBe(2)
    expect(h.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
    expect(h.safetyCopyPath).toBeNull()
    await h.close()
    expect(tables(path)).toEqual(expect.arrayContaining(['settings', 'households', 'people', 'person_notes']))
  })

  it('migrates an empty (0-byte) file to the current schema', async () => {
    const path = fresh()
    writeFileSync(path, '')
    const h = await openDatabase(path)
    expect(h.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    expect(h.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    await h.close()
  })

  it('opens its own file again without migrating or copying', async () => {
    const path = fresh()
    await (await openDatabase(path)).close()
    const before = sha256(path)
    const again = await openDatabase(path)
    expect(again.safetyCopyPath).toBeNull()
    await again.close()
    expect(tables(path)).toContain('people')
    expect(before).toHaveLength(64)
  })

  it('refuses a foreign SQLite file and leaves it byte-for-byte untouched', async () => {
    const path = fresh()
    const other = new BetterSqlite3(path)
    other.exec("create table invoices(id integer primary key, total real); insert into invoices(total) values (12.5)")
    other.close()
    const before = sha256(path)
    const err = await openDatabase(path).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(HearthError)
    expect((err as HearthError).said.id).toBe('errors.open.notHearth')
    expect((err as Error).message).toMatch(/another program/)
    expect(sha256(path)).toBe(before)
    expect(existsSync(`${path}-wal`)).toBe(false)
  })

  it('refuses a file that is not a database at all, untouched', async () => {
    const path = fresh()
    writeFileSync(path, 'Name,Phone\nRuth,555-0101\n')
    const before = sha256(path)
    const err = await openDatabase(path).catch((e: unknown) => e)
    expect((err as HearthError).said.id).toBe('errors.open.notSqlite')
    expect(sha256(path)).toBe(before)
  })

  it('refuses a Hearth file from a newer version, untouched', async () => {
    const path = fresh()
    await (await openDatabase(path)).close()
    const raw = new BetterSqlite3(path)
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
    raw.pragma('journal_mode = DELETE')
    raw.close()
    const before = sha256(path)
    const err = await openDatabase(path).catch((e: unknown) => e)
    expect((err as HearthError).said.id).toBe('errors.open.newerSchema')
    expect((err as Error).message).toMatch(/newer version of Hearth/)
    expect(sha256(path)).toBe(before)
  })

  it('makes a safety copy before migrating an older file, and the copy keeps the old data', async () => {
    const path = fresh()
    const raw = new BetterSqlite3(path)
    const old = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) })
    await migrations[0]!.up(old)
    raw.pragma(`application_id = ${HEARTH_APPLICATION_ID}`)
    raw.pragma('user_version = 1')
    raw.prepare("insert into settings(key, value) values ('congregationName', '\"St Brigid''s\"')").run()
    await old.destroy()

    const safetyDir = join(dir, 'safety')
    const h = await openDatabase(path, { safetyCopyDir: safetyDir })
    expect(h.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    expect(h.safetyCopyPath).not.toBeNull()
    expect(readdirSync(safetyDir)).toHaveLength(1)
    const kept = h.sqlite.prepare("select value from settings where key = 'congregationName'").pluck().get()
    expect(kept).toBe('"St Brigid\'s"')
    await h.close()

    const copy = new BetterSqlite3(h.safetyCopyPath!, { readonly: true })
    expect(copy.pragma('user_version', { simple: true })).toBe(1)
    expect(copy.prepare("select value from settings where key = 'congregationName'").pluck().get()).toBe('"St Brigid\'s"')
    copy.close()
  })

  it('rolls back every migration when one fails, leaving the file at its old version', async () => {
    const path = fresh()
    const raw = new BetterSqlite3(path)
    const old = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) })
    await migrations[0]!.up(old)
    raw.pragma(`application_id = ${HEARTH_APPLICATION_ID}`)
    raw.pragma('user_version = 1')
    // A table in the way of migration 2 makes it fail part-way.
    raw.exec('create table people(x)')
    await old.destroy()
    await expect(openDatabase(path, { safetyCopyDir: join(dir, 'safety-2') })).rejects.toThrow()
    expect(tables(path)).not.toContain('households')
    const check = new BetterSqlite3(path, { readonly: true })
    expect(check.pragma('user_version', { simple: true })).toBe(1)
    check.close()
  })
})

describe('each migration on a real file', () => {
  for (const m of migrations) {
    it(`migration ${m.version} (${m.name}) applies on top of the ones before it`, async () => {
      const path = fresh()
      const raw = new BetterSqlite3(path)
      // As the runner does: a migration that rebuilds a table runs with foreign keys off.
      raw.pragma(`foreign_keys = ${m.rebuildsTable ? 'OFF' : 'ON'}`)
      const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) })
      for (const earlier of migrations.filter((e) => e.version < m.version)) await earlier.up(db)
      // The schema's own text, so a migration that only adds a column counts as a change too.
      const schema = () => raw.prepare("select group_concat(coalesce(sql, name), ';') from (select sql, name from sqlite_master order by name)").pluck().get() as string
      const before = schema()
      await m.up(db)
      expect(schema()).not.toBe(before)
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(raw.pragma('foreign_key_check')).toEqual([])
      await db.destroy()
    })
  }
})

describe('a file that crashed before its first checkpoint', () => {
  it('is still recognised as Hearth’s from its -wal file, and opens with its data', async () => {
    const { spawnSync } = await import('node:child_process')
    const path = fresh()
    // A child process creates the database, saves a setting, and dies without closing: the marks and the data
    // exist only in the -wal file.
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `const { openDatabase } = require(${JSON.stringify(join(__dirname, '..', '..', 'db', 'open.ts'))});
         openDatabase(${JSON.stringify(path)}).then((h) => {
           h.sqlite.pragma('wal_autocheckpoint = 0');
           h.sqlite.prepare("insert into settings(key, value) values ('congregationName', '\\"Grace\\"')").run();
           process.kill(process.pid, 'SIGKILL');
         });`,
      ],
      { encoding: 'utf8' },
    )
    expect(child.signal).toBe('SIGKILL')
    expect(existsSync(`${path}-wal`)).toBe(true)
    const h = await openDatabase(path)
    expect(h.sqlite.prepare("select value from settings where key = 'congregationName'").pluck().get()).toBe('"Grace"')
    await h.close()
  })

  it('still refuses a foreign database whose marks are only in its -wal file, untouched', async () => {
    const path = fresh()
    const { spawnSync } = await import('node:child_process')
    const child = spawnSync(
      process.execPath,
      [
        '-e',
        `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(path)});
         db.pragma('journal_mode = WAL'); db.pragma('wal_autocheckpoint = 0');
         db.pragma('application_id = 1234'); db.exec('create table t(x)');
         process.kill(process.pid, 'SIGKILL');`,
      ],
      { encoding: 'utf8', cwd: join(__dirname, '..', '..') },
    )
    expect(child.signal).toBe('SIGKILL')
    const before = sha256(path)
    const wal = sha256(`${path}-wal`)
    const err = await openDatabase(path).catch((e: unknown) => e)
    expect((err as HearthError).said.id).toBe('errors.open.notHearth')
    expect(sha256(path)).toBe(before)
    expect(sha256(`${path}-wal`)).toBe(wal)
  })
})

describe('safety copies', () => {
  it('keeps the newest five of a kind and never touches other files', () => {
    const folder = join(dir, 'prune')
    mkdirSync(folder)
    const made = Array.from({ length: 8 }, (_, i) => `hearth-before-restore-2026-01-0${i + 1}T10-00-00-000Z.sqlite`)
    for (const name of [...made, 'hearth-v1-before-update-2026-01-01.sqlite', 'notes.txt']) writeFileSync(join(folder, name), 'x')
    pruneSafetyCopies(folder, 'hearth-before-restore-')
    expect(readdirSync(folder).sort()).toEqual([...made.slice(3), 'hearth-v1-before-update-2026-01-01.sqlite', 'notes.txt'].sort())
  })
})

describe('closing', () => {
  it('closes the handle and leaves no -wal behind even when Kysely never ran a query', async () => {
    const path = fresh()
    await (await openDatabase(path)).close()
    // Opened again at the current schema, nothing migrates: only the raw connection is ever used.
    const h = await openDatabase(path)
    const insert = h.sqlite.prepare('insert into settings (key, value) values (?, ?)')
    for (let i = 0; i < 500; i++) insert.run(`k${i}`, JSON.stringify('x'.repeat(2000)))
    expect(existsSync(`${path}-wal`)).toBe(true)
    await h.close()
    expect(h.sqlite.open).toBe(false)
    expect(existsSync(`${path}-wal`)).toBe(false)
    expect(existsSync(`${path}-shm`)).toBe(false)
    const check = new BetterSqlite3(path, { readonly: true })
    expect(check.prepare("select count(*) from settings where key like 'k%'").pluck().get()).toBe(500)
    check.close()
  })

  it('closes the handle after Kysely has run queries too, and a second close is harmless', async () => {
    const h = await openDatabase(fresh())
    await h.db.selectFrom('settings').selectAll().execute()
    await h.close()
    expect(h.sqlite.open).toBe(false)
    await h.close()
    expect(existsSync(`${h.path}-wal`)).toBe(false)
  })
})
