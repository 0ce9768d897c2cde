import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import {
  dataKeyFromRecoveryKey,
  isEncryptedDatabase,
  keyFilePath,
  newKeyFile,
  newRecoveryKey,
  normaliseRecoveryKey,
  openKeyFile,
  readKeyFile,
  writeKeyFile,
} from '../../db/cipher'
import { rewriteDatabase } from '../../db/cipher-file'
import { LATEST_SCHEMA_VERSION } from '../../db/migrations'
import { openDatabase } from '../../db/open'
import { fileAtVersion } from '../helpers/migrated'
import { HearthError } from '../../main/contract/errors'
import { tempDir } from '../helpers/temp'

const SECRET_NAMES = ['Zephyrine', 'Okonkwo-Ballantyne', 'Αθανασία', 'Чернышевская', '欧阳娜娜', 'สมศักดิ์', 'ابتسام']
const SECRET_NOTE = 'Anaphylaxis to sesame: EpiPen in the red bag'

/** Every byte sequence a name or note could be stored as: UTF-8 as SQLite keeps text, and UTF-16 for good measure. */
function leaks(bytes: Buffer): string[] {
  return [...SECRET_NAMES, SECRET_NOTE].filter((s) => bytes.includes(Buffer.from(s, 'utf8')) || bytes.includes(Buffer.from(s, 'utf16le')))
}

async function fillWithSecrets(sqlite: BetterSqlite3.Database): Promise<void> {
  const insert = sqlite.prepare("insert into settings (key, value) values (?, ?)")
  for (const [i, name] of SECRET_NAMES.entries()) insert.run(`secret-${i}`, JSON.stringify(`${name} — ${SECRET_NOTE}`))
}

describe('the recovery key', () => {
  it('is eight groups of four from an alphabet without look-alike letters, different each time', () => {
    const keys = Array.from({ length: 50 }, newRecoveryKey)
    for (const key of keys) expect(key).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}$/)
    expect(new Set(keys).size).toBe(50)
  })

  it('is read the same however it is typed: case, spaces, dashes, O for zero and I or L for one', async () => {
    const key = '0A1B-2C3D-4E5F-6G7H-8J9K-MNPQ-RSTV-WXYZ'
    expect(normaliseRecoveryKey(' oa1b 2c3d–4e5f 6g7h8j9k mnpq-rstv-wxyz ')).toBe(key)
    expect(normaliseRecoveryKey('OAIB-2C3D-4E5F-6G7H-8J9K-MNPQ-RSTV-WXYZ')).toBe('0A1B-2C3D-4E5F-6G7H-8J9K-MNPQ-RSTV-WXYZ')
    expect((await dataKeyFromRecoveryKey('oalb2c3d4e5f6g7h8j9kmnpqrstvwxyz')).equals(await dataKeyFromRecoveryKey(key))).toBe(true)
    expect((await dataKeyFromRecoveryKey(key.replace('Z', 'Y'))).equals(await dataKeyFromRecoveryKey(key))).toBe(false)
  })
})

describe('the key file', () => {
  it('unwraps the data key with the passphrase alone, for every script and the longest passphrase', async () => {
    const dir = tempDir()
    const db = join(dir, 'hearth.sqlite')
    const key = await dataKeyFromRecoveryKey(newRecoveryKey())
    for (const passphrase of ['correct horse battery staple', 'كلمة المرور الطويلة جداً', '密码密码密码密码', 'x'.repeat(1024), 'Cafe\u0301 au lait']) {
      writeKeyFile(db, await newKeyFile(key, passphrase, 'St Mary’s'))
      const file = readKeyFile(db)
      expect((await openKeyFile(file, passphrase))?.equals(key)).toBe(true)
      expect(await openKeyFile(file, `${passphrase} `)).toBeNull()
      expect(await openKeyFile(file, passphrase.toUpperCase() === passphrase ? `${passphrase}a` : passphrase.toUpperCase())).toBeNull()
    }
    // The same words typed with a composed é open what was set with a decomposed one.
    expect((await openKeyFile(readKeyFile(db), 'Café au lait'))?.equals(key)).toBe(true)
    expect(readFileSync(keyFilePath(db), 'utf8')).not.toContain(key.toString('hex'))
  })

  it('refuses a damaged or edited key file plainly, and a cost lowered by editing does not unwrap the key', async () => {
    const dir = tempDir()
    const db = join(dir, 'hearth.sqlite')
    const key = await dataKeyFromRecoveryKey(newRecoveryKey())
    writeKeyFile(db, await newKeyFile(key, 'the passphrase', ''))
    const good = readFileSync(keyFilePath(db), 'utf8')
    const edited = JSON.parse(good) as { kdf: { log2N: number } }
    edited.kdf.log2N = 15
    writeFileSync(keyFilePath(db), JSON.stringify(edited))
    expect(await openKeyFile(readKeyFile(db), 'the passphrase')).toBeNull()
    for (const broken of [good.slice(0, good.length / 2), '', '{"format":"hearth-keys","version":1}', JSON.stringify({ ...JSON.parse(good), kdf: { name: 'scrypt', log2N: 40, r: 8, p: 1 } })]) {
      writeFileSync(keyFilePath(db), broken)
      expect(() => readKeyFile(db)).toThrow(HearthError)
      try {
        readKeyFile(db)
      } catch (err) {
        expect((err as HearthError).said.id).toBe('errors.lock.keyFileDamaged')
      }
    }
  })
})

describe('an encrypted database file', () => {
  it('opens with its key, refuses a wrong key plainly, and holds no name or note in its file, WAL or safety copies', async () => {
    const dir = tempDir()
    const path = join(dir, 'hearth.sqlite')
    const key = await dataKeyFromRecoveryKey(newRecoveryKey())
    const db = await openDatabase(path, { key })
    await fillWithSecrets(db.sqlite)
    // Still open, so the WAL holds the latest pages too.
    expect(existsSync(`${path}-wal`)).toBe(true)
    expect(leaks(readFileSync(path))).toEqual([])
    expect(leaks(readFileSync(`${path}-wal`))).toEqual([])
    const copy = join(dir, 'copy.sqlite')
    // A safety copy is made this way (db/open.ts, db/backup.ts): SQLCipher writes it under the same key.
    db.sqlite.prepare('VACUUM INTO ?').run(copy)
    await db.close()
    expect(isEncryptedDatabase(path)).toBe(true)
    expect(leaks(readFileSync(path))).toEqual([])
    expect(leaks(readFileSync(copy))).toEqual([])

    const wrong = await dataKeyFromRecoveryKey(newRecoveryKey())
    await expect(openDatabase(path, { key: wrong })).rejects.toMatchObject({ said: { id: 'errors.lock.wrongKey' } })
    // Without a key it is not a database to SQLite at all, and Hearth says so without touching it.
    await expect(openDatabase(path)).rejects.toMatchObject({ said: { id: 'errors.open.notSqlite' } })
    const again = await openDatabase(path, { key })
    expect(again.sqlite.prepare("select count(*) from settings where key like 'secret-%'").pluck().get()).toBe(SECRET_NAMES.length)
    await again.close()
    const fromCopy = await openDatabase(copy, { key })
    expect(fromCopy.sqlite.prepare("select count(*) from settings where key like 'secret-%'").pluck().get()).toBe(SECRET_NAMES.length)
    await fromCopy.close()
  })

  it('keeps an older file’s safety copy encrypted when it is updated', async () => {
    const path = await fileAtVersion(LATEST_SCHEMA_VERSION - 1, (raw) => {
      const insert = raw.prepare('insert into settings (key, value) values (?, ?)')
      for (const [i, name] of SECRET_NAMES.entries()) insert.run(`secret-${i}`, JSON.stringify(`${name} — ${SECRET_NOTE}`))
    })
    const key = await dataKeyFromRecoveryKey(newRecoveryKey())
    // Encrypted as turning the passphrase on leaves a file: SQLCipher's rekey of a file in rollback mode.
    const raw = new BetterSqlite3(path)
    raw.pragma('journal_mode = DELETE')
    raw.pragma("cipher = 'sqlcipher'")
    raw.pragma('legacy = 4')
    raw.pragma(`rekey = "x'${key.toString('hex')}'"`)
    raw.close()
    const dir = dirname(path)
    const reopened = await openDatabase(path, { key, safetyCopyDir: join(dir, 'safety') })
    expect(reopened.safetyCopyPath).not.toBeNull()
    await reopened.close()
    const copies = readdirSync(join(dir, 'safety'))
    expect(copies.length).toBe(1)
    const bytes = readFileSync(join(dir, 'safety', copies[0]!))
    expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3')
    expect(leaks(bytes)).toEqual([])
    const copy = await openDatabase(join(dir, 'safety', copies[0]!), { key })
    expect(copy.sqlite.prepare("select count(*) from settings where key like 'secret-%'").pluck().get()).toBe(SECRET_NAMES.length)
    await copy.close()
  })

  it('is rewritten encrypted and back to plain with everything in it, leaving no copy beside it', async () => {
    const dir = tempDir()
    const path = join(dir, 'hearth.sqlite')
    const key = await dataKeyFromRecoveryKey(newRecoveryKey())
    let db = await openDatabase(path)
    await fillWithSecrets(db.sqlite)
    expect(leaks(readFileSync(`${path}-wal`)).length).toBeGreaterThan(0)
    await rewriteDatabase({ ...db, close: () => db.close(), key: null }, key)
    expect(readdirSync(dir).sort()).toEqual(['hearth.sqlite'])
    expect(isEncryptedDatabase(path)).toBe(true)
    expect(leaks(readFileSync(path))).toEqual([])
    db = await openDatabase(path, { key })
    expect(db.sqlite.prepare("select count(*) from settings where key like 'secret-%'").pluck().get()).toBe(SECRET_NAMES.length)
    expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    await rewriteDatabase({ ...db, close: () => db.close(), key }, null)
    expect(isEncryptedDatabase(path)).toBe(false)
    db = await openDatabase(path)
    expect(db.sqlite.prepare("select value from settings where key = 'secret-0'").pluck().get()).toContain(SECRET_NOTE)
    await db.close()
  })

  it('runs SQLCipher with secure delete on, so a deleted note is zeroed inside the encrypted pages too', async () => {
    const dir = tempDir()
    const path = join(dir, 'hearth.sqlite')
    const key = await dataKeyFromRecoveryKey(newRecoveryKey())
    const db = await openDatabase(path, { key })
    expect(db.sqlite.pragma('cipher', { simple: true })).toBe('sqlcipher')
    expect(db.sqlite.pragma('secure_delete', { simple: true })).toBe(1)
    await fillWithSecrets(db.sqlite)
    db.sqlite.prepare("delete from settings where key like 'secret-%'").run()
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    await db.close()
    // Decrypted page by page with the key, the file holds no trace of the deleted rows, in use or free.
    const plain = join(dir, 'plain.sqlite')
    const raw = new BetterSqlite3(path)
    for (const pragma of ["cipher = 'sqlcipher'", 'legacy = 4', `key = "x'${key.toString('hex')}'"`]) raw.pragma(pragma)
    raw.pragma('journal_mode = DELETE')
    raw.pragma("rekey = ''")
    raw.close()
    const { copyFileSync } = await import('node:fs')
    copyFileSync(path, plain)
    expect(leaks(readFileSync(plain))).toEqual([])
  })
})
