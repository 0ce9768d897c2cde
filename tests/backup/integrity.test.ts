import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { expectedSchema, schemaOf } from '../../db/backup'
import { HearthError } from '../../main/contract/errors'
import { HEADER_BYTES } from '../../main/backup/crypto'
import { examineBackup } from '../../main/backup/write-restore'
import { normaliseSql, schemaDifferences } from '../../main/backup/schema-check'
import { ALWAYS_SEALED_FROM_VERSION, SEAL_BYTES, sealBackup, unsealBackup } from '../../main/backup/seal'
import { LATEST_SCHEMA_VERSION } from '../../db/migrations'
import { tempDir } from '../helpers/temp'
import { addPerson, call, chosen, olderHearthFile, peopleNames, pick, refused, sessionsClosedAfterEach, useFolder } from './helpers'

const { session } = sessionsClosedAfterEach()

/** A congregation with people, notes and a deleted person (so the file has freed space), backed up plain. */
async function sealedBackup() {
  const s = await session()
  const folder = tempDir('hearth-stick-')
  await useFolder(s, folder)
  const ids = Array.from({ length: 40 }, (_, i) => addPerson(s.context.sqlite, `Person${i}`, `Family${i % 7}`))
  const note = s.context.sqlite.prepare("insert into person_notes (person_id, body, confidential, created_at, updated_at) values (?, ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')")
  for (const id of ids) note.run(id, `Pastoral note for ${id}: ${'visited and prayed with the family. '.repeat(8)}`, id % 3 === 0 ? 1 : 0)
  s.context.sqlite.prepare('delete from person_notes where person_id > ?').run(ids[30])
  const done = chosen(await call(s, 'backup.run', {}))
  const file = join(folder, done.fileName)
  return { s, file, bytes: readFileSync(file) }
}

async function refusalOf(path: string): Promise<HearthError | null> {
  try {
    await examineBackup(path)
    return null
  } catch (err) {
    if (err instanceof HearthError) return err
    throw err
  }
}

describe('the seal on a plain backup', () => {
  it('is appended after the SQLite pages, and the file still opens as an ordinary SQLite database', async () => {
    const { bytes, file } = await sealedBackup()
    const pageSize = bytes.readUInt16BE(16)
    expect(bytes.length % pageSize).toBe(SEAL_BYTES)
    expect(unsealBackup(bytes).kind).toBe('sealed')
    const db = new BetterSqlite3(file, { readonly: true })
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(peopleNames(db)).toHaveLength(40)
    db.close()
  })

  it('refuses a backup with any single byte flipped: a sampled sweep over every page, the unused space and the seal', async () => {
    const { bytes } = await sealedBackup()
    const dir = tempDir('hearth-flips-')
    const pageSize = bytes.readUInt16BE(16)
    const offsets = new Set<number>()
    // Every page's header and middle, the SQLite header, every byte of the seal, and a stride over the rest.
    for (let page = 0; page * pageSize < bytes.length; page++) for (const at of [0, 5, pageSize >> 1, pageSize - 1]) offsets.add(page * pageSize + at)
    for (let at = 0; at < 100; at += 3) offsets.add(at)
    for (let at = bytes.length - SEAL_BYTES; at < bytes.length; at++) offsets.add(at)
    for (let at = 7; at < bytes.length; at += 997) offsets.add(at)
    // Bytes no table uses: zeros inside pages (free space between cells, freed notes).
    const unused = [...bytes.subarray(0, bytes.length - SEAL_BYTES).keys()].filter((i) => bytes[i] === 0 && i % pageSize > 100)
    for (let k = 0; k < unused.length; k += Math.max(1, Math.floor(unused.length / 150))) offsets.add(unused[k]!)
    const swept = [...offsets].filter((at) => at < bytes.length)
    expect(swept.length).toBeGreaterThan(300)

    const restored: number[] = []
    // The same flip in the same file with its seal cut off: a backup of this version always seals, so a file
    // without one is refused too, whatever SQLite's own checks would have let through.
    let passedWithoutSeal = 0
    const path = join(dir, 'hearth-2026-03-14-1830.sqlite')
    for (const at of swept) {
      const flipped = Buffer.from(bytes)
      flipped[at] = flipped[at]! ^ (1 << (at % 8))
      writeFileSync(path, flipped)
      const refusal = await refusalOf(path)
      if (!refusal) restored.push(at)
      else expect(refusal.message, `offset ${at}`).not.toMatch(/inside Hearth/)
      if (at < bytes.length - SEAL_BYTES) {
        writeFileSync(path, flipped.subarray(0, bytes.length - SEAL_BYTES))
        if ((await refusalOf(path)) === null) passedWithoutSeal++
      }
    }
    expect(restored).toEqual([])
    expect(passedWithoutSeal, 'flips restored once the seal was cut off').toBe(0)
  })

  it('refuses a backup with any 512-byte sector zeroed, unless zeroing changed nothing', async () => {
    const { bytes } = await sealedBackup()
    const path = join(tempDir('hearth-zeroed-'), 'hearth-2026-03-14-1830.sqlite')
    let changed = 0
    for (let at = 0; at < bytes.length; at += 512) {
      const zeroed = Buffer.from(bytes)
      zeroed.fill(0, at, Math.min(bytes.length, at + 512))
      writeFileSync(path, zeroed)
      const refusal = await refusalOf(path)
      if (zeroed.equals(bytes)) {
        expect(refusal, `sector at ${at} was already zero: the file is unchanged`).toBeNull()
      } else {
        changed++
        expect(refusal?.message, `sector at ${at}`).toMatch(/damaged|incomplete|not a Hearth backup|not a database/)
      }
    }
    expect(changed).toBeGreaterThan(50)
  })

  it('refuses a backup of a version that always seals once its seal is cut off, and Hearth keeps working', async () => {
    const { s, bytes } = await sealedBackup()
    const before = peopleNames(s.context.sqlite)
    const cut = join(tempDir('hearth-cut-'), 'hearth-2026-03-14-1830.sqlite')
    writeFileSync(cut, bytes.subarray(0, bytes.length - SEAL_BYTES))
    expect(unsealBackup(readFileSync(cut)).kind).toBe('unsealed')
    const token = await pick(s, cut)
    for (const channel of ['backup.inspect', 'backup.restore']) {
      const error = await refused(s, channel, { token })
      expect(error).toMatchObject({ code: 'refused', messageId: 'errors.backup.damaged_plain' })
    }
    // Renamed, it is still the same file: the rule reads its contents, not its name.
    const renamed = join(tempDir('hearth-cut-'), 'old copy.sqlite')
    writeFileSync(renamed, bytes.subarray(0, bytes.length - SEAL_BYTES))
    expect((await refused(s, 'backup.inspect', { token: await pick(s, renamed) })).messageId).toBe('errors.backup.damaged_plain')
    expect(peopleNames(s.context.sqlite)).toEqual(before)
    await call(s, 'settings.update', { congregationName: 'Still writing' })
    expect((await call(s, 'settings.get')).congregationName).toBe('Still writing')
  })

  it('restores an older backup from before seals after the full check, and says it cannot prove it unchanged', async () => {
    const s = await session()
    const old = await olderHearthFile(join(tempDir('hearth-old-'), 'hearth-2025-01-01-0900.sqlite'), ALWAYS_SEALED_FROM_VERSION - 1, (raw) => {
      for (let i = 0; i < 40; i++) addPerson(raw, `Person${i}`, `Family${i % 7}`)
      raw.prepare("insert into settings (key, value) values ('backupMadeAt', ?)").run(JSON.stringify('2025-01-01T09:00:00.000Z'))
    })
    const token = await pick(s, old)
    expect(await call(s, 'backup.inspect', { token })).toMatchObject({ verified: false, contents: { people: 40, madeAt: '2025-01-01T09:00:00.000Z' } })
    expect(await call(s, 'backup.restore', { token })).toMatchObject({ verified: false })
    expect(peopleNames(s.context.sqlite)).toHaveLength(40)
  })

  it('restores the safety copy a restore made (no seal, and not a backup) with the same note', async () => {
    const { s, file } = await sealedBackup()
    addPerson(s.context.sqlite, 'Added', 'Later')
    const restored = await call(s, 'backup.restore', { token: await pick(s, file) })
    expect(peopleNames(s.context.sqlite)).not.toContain('Added Later')
    const back = await pick(s, restored.safetyCopyPath)
    expect(await call(s, 'backup.inspect', { token: back })).toMatchObject({ verified: false, contents: { people: 41 } })
    await call(s, 'backup.restore', { token: back })
    expect(peopleNames(s.context.sqlite)).toContain('Added Later')
    // The data restored from a backup is no backup itself: so a safety copy of it is taken for one neither.
    const again = await call(s, 'backup.restore', { token: await pick(s, file) })
    expect(await call(s, 'backup.inspect', { token: await pick(s, again.safetyCopyPath) })).toMatchObject({ verified: false, contents: { people: 41 } })
  })

  it('refuses a file sized for a seal whose seal was lost', async () => {
    const { bytes } = await sealedBackup()
    const lost = Buffer.from(bytes)
    lost.fill(0x20, bytes.length - SEAL_BYTES, bytes.length - SEAL_BYTES + 4)
    expect(unsealBackup(lost).kind).toBe('damaged')
    expect(unsealBackup(sealBackup(lost)).kind).toBe('sealed')
  })
})

describe('the schema of a file to restore', () => {
  /** Changes a copy of the backup with SQLite, then seals it again (as anyone can: the seal has no key). */
  function altered(bytes: Buffer, change: (db: BetterSqlite3.Database) => void): string {
    const path = join(tempDir('hearth-altered-'), 'hearth-2026-03-14-1830.sqlite')
    writeFileSync(path, bytes.subarray(0, bytes.length - SEAL_BYTES))
    const db = new BetterSqlite3(path)
    change(db)
    db.close()
    writeFileSync(path, sealBackup(readFileSync(path)))
    return path
  }

  it('is refused when a table is missing, or a trigger, view, index or column was added', async () => {
    const { s, bytes } = await sealedBackup()
    const cases: [string, (db: BetterSqlite3.Database) => void][] = [
      ['dropped person_notes', (db) => db.exec('drop table person_notes')],
      [
        'trigger that clears the confidential flag',
        (db) => db.exec('create trigger leak after insert on person_notes begin update person_notes set confidential = 0 where id = new.id; end'),
      ],
      ['extra view', (db) => db.exec('create view everyone as select * from people')],
      ['extra index', (db) => db.exec('create index people_email on people (email)')],
      ['dropped index', (db) => db.exec('drop index people_name')],
      ['extra column', (db) => db.exec('alter table people add column shoe_size integer')],
      ['extra table', (db) => db.exec('create table notes_copy (body text)')],
    ]
    const before = peopleNames(s.context.sqlite)
    for (const [label, change] of cases) {
      const token = await pick(s, altered(bytes, change))
      for (const channel of ['backup.inspect', 'backup.restore']) {
        const error = await refused(s, channel, { token })
        expect(error.message, `${label} via ${channel}`).toMatch(/does not have the layout Hearth gives its backups/)
      }
    }
    expect(peopleNames(s.context.sqlite)).toEqual(before)
    expect(s.context.sqlite.prepare("select count(*) from sqlite_master where name = 'leak'").pluck().get()).toBe(0)
  })

  it('is worked out from the migrations at every version, and matches the database Hearth itself builds', async () => {
    const s = await session()
    const latest = await expectedSchema(LATEST_SCHEMA_VERSION)
    expect(schemaDifferences(schemaOf(s.context.sqlite), latest)).toEqual([])
    const withTrigger = [...latest.filter((e) => e.name !== 'person_notes'), { type: 'trigger', name: 'leak', table: 'person_notes', sql: 'create trigger leak…' }]
    expect(schemaDifferences(withTrigger, latest)).toEqual(['extra trigger leak', 'missing table person_notes'])
    for (let v = 1; v < LATEST_SCHEMA_VERSION; v++) {
      const here = (await expectedSchema(v)).map((e) => `${e.type} ${e.name}`)
      const next = (await expectedSchema(v + 1)).map((e) => `${e.type} ${e.name}`)
      expect(here.length, `version ${v}`).toBeGreaterThan(0)
      expect(next.length, `version ${v + 1} adds to version ${v}`).toBeGreaterThanOrEqual(here.length)
    }
  })

  it('compares statements without regard to spacing, letter case or identifier quotes, but keeps literals exact', () => {
    expect(normaliseSql('CREATE TABLE "people" (\n  "id" integer PRIMARY KEY,  [name] text )')).toBe(normaliseSql('create table people (id integer primary key, name text)'))
    expect(normaliseSql("check (status in ('member','visitor'))")).not.toBe(normaliseSql("check (status in ('member','Visitor'))"))
    expect(normaliseSql("default 'A  B'")).toBe("default 'A  B'")
  })
})

describe('the header of a locked backup', () => {
  const PASSPHRASE = 'blue kettle on the vestry shelf'

  it('when damaged is said to be damaged, never a wrong passphrase, and a crafted cost is refused at once', async () => {
    const s = await session()
    const folder = tempDir('hearth-stick-')
    await useFolder(s, folder)
    addPerson(s.context.sqlite, 'Ada', 'Lovelace')
    const done = chosen(await call(s, 'backup.run', { passphrase: PASSPHRASE }))
    const bytes = readFileSync(join(folder, done.fileName))
    const dir = tempDir('hearth-header-')
    // Salt, IV, check value and digest: a byte of each, and the cost parameters.
    for (const at of [10, 11, 12, 13, 20, 29, 35, 41, 50, 57, HEADER_BYTES - 1]) {
      const bad = Buffer.from(bytes)
      bad[at] = bad[at]! ^ 0x10
      const path = join(dir, `flipped-${at}.sqlite.hearthenc`)
      writeFileSync(path, bad)
      const error = await refused(s, 'backup.inspect', { token: await pick(s, path), passphrase: PASSPHRASE })
      expect(error, `byte ${at}`).toMatchObject({ code: 'refused', messageId: 'errors.backup.damaged_header' })
      expect(error.fieldMessages?.passphrase, `byte ${at}: the passphrase is not blamed`).toBeUndefined()
    }
    const crafted = Buffer.from(bytes)
    crafted[10] = 24
    crafted[11] = 255
    createHash('sha256').update(crafted.subarray(0, HEADER_BYTES - 16)).digest().copy(crafted, HEADER_BYTES - 16, 0, 16)
    const path = join(dir, 'crafted.sqlite.hearthenc')
    writeFileSync(path, crafted)
    const token = await pick(s, path)
    const before = process.memoryUsage().rss
    const started = performance.now()
    expect(await refused(s, 'backup.inspect', { token, passphrase: PASSPHRASE })).toMatchObject({ messageId: 'errors.backup.damaged_header' })
    expect(performance.now() - started).toBeLessThan(1000)
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024)
    // The intact backup with a wrong passphrase is still told as that, on the passphrase field.
    const wrong = await refused(s, 'backup.inspect', { token: await pick(s, join(folder, done.fileName)), passphrase: 'not the passphrase' })
    expect(wrong).toMatchObject({ code: 'invalid_input', messageId: 'errors.backup.wrong_passphrase' })
    expect(wrong.fieldMessages?.passphrase).toBeDefined()
    await call(s, 'settings.update', { congregationName: 'Still writing' })
    expect((await call(s, 'settings.get')).congregationName).toBe('Still writing')
  })
})
