import { createCipheriv, createDecipheriv, randomBytes, randomInt, scrypt } from 'node:crypto'
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import { z } from 'zod'
import { HearthError } from '../main/contract/errors'

// An encrypted congregation is two files: the SQLCipher database, encrypted page by page with a 256-bit data key,
// and a small plain key file beside it (`hearth.sqlite.keys`) holding that data key wrapped under the passphrase
// (AES-256-GCM under a scrypt-derived key) and the congregation's name for the unlock screen. The data key itself
// is derived from the recovery key on the printed sheet, so the sheet opens the file even when the key file is
// lost, and changing the passphrase only rewraps the data key (the sheet stays valid). The database's own bytes say
// whether it is encrypted: a plain SQLite file starts with "SQLite format 3", so a key file left over from a kill is
// never mistaken for a lock.

export const KEY_FILE_SUFFIX = '.keys'
export const DATA_KEY_BYTES = 32

export interface LockScrypt {
  log2N: number
  r: number
  p: number
}

/**
 * N=2^16, r=8, p=1: 64 MiB of memory per guess, about a tenth of a second here, so unlocking stays well under half a
 * second while a stolen key file still costs an attacker that memory and time for every passphrase tried.
 */
export const LOCK_SCRYPT: LockScrypt = { log2N: 16, r: 8, p: 1 }

const slotSchema = z.object({
  salt: z.string().regex(/^[0-9a-f]{32}$/),
  iv: z.string().regex(/^[0-9a-f]{24}$/),
  wrapped: z.string().regex(/^[0-9a-f]{64}$/),
  tag: z.string().regex(/^[0-9a-f]{32}$/),
})

const keyFileSchema = z.object({
  format: z.literal('hearth-keys'),
  version: z.literal(1),
  kdf: z.object({
    name: z.literal('scrypt'),
    // A crafted key file must not make Hearth ask for gigabytes of memory.
    log2N: z.number().int().min(14).max(20),
    r: z.number().int().min(1).max(16),
    p: z.number().int().min(1).max(4),
  }),
  passphrase: slotSchema,
  congregationName: z.string().max(200),
})

export type KeyFile = z.infer<typeof keyFileSchema>
export type KeySlot = z.infer<typeof slotSchema>

export function keyFilePath(databasePath: string): string {
  return `${databasePath}${KEY_FILE_SUFFIX}`
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1')

/** True when the file exists, holds data and does not start as a plain SQLite file does (SQLCipher hides even that). */
export function isEncryptedDatabase(path: string): boolean {
  if (!existsSync(path)) return false
  // An encrypted file is whole database pages (512 bytes at the least, a power of two); anything else that is not
  // SQLite (a spreadsheet saved over it, a cut-off copy) is refused when opened, not taken for a locked congregation.
  const size = statSync(path).size
  if (size < 512 || size % 512 !== 0) return false
  const head = Buffer.alloc(16)
  const fd = openSync(path, 'r')
  let read = 0
  try {
    read = readSync(fd, head, 0, 16, 0)
  } finally {
    closeSync(fd)
  }
  return read === 16 && !head.equals(SQLITE_MAGIC)
}

function deriveWrappingKey(secret: string, salt: Buffer, kdf: LockScrypt): Promise<Buffer> {
  const N = 2 ** kdf.log2N
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFC'), salt, 32, { N, r: kdf.r, p: kdf.p, maxmem: 64 * 1024 * 1024 + 256 * N * kdf.r }, (err, out) =>
      err ? reject(err) : resolve(out),
    )
  })
}

// The cost is authenticated with the wrapped key, so a key file cannot be edited to make guessing cheaper.
function slotAad(kdf: LockScrypt): Buffer {
  return Buffer.from(`hearth-keys/1/${kdf.log2N}/${kdf.r}/${kdf.p}`, 'utf8')
}

export async function wrapDataKey(dataKey: Buffer, secret: string, kdf: LockScrypt = LOCK_SCRYPT): Promise<KeySlot> {
  const salt = randomBytes(16)
  const iv = randomBytes(12)
  const key = await deriveWrappingKey(secret, salt, kdf)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(slotAad(kdf))
  const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final()])
  return { salt: salt.toString('hex'), iv: iv.toString('hex'), wrapped: wrapped.toString('hex'), tag: cipher.getAuthTag().toString('hex') }
}

/** The data key, or null when `secret` is not the one this slot was made with. */
export async function unwrapDataKey(slot: KeySlot, secret: string, kdf: LockScrypt): Promise<Buffer | null> {
  const key = await deriveWrappingKey(secret, Buffer.from(slot.salt, 'hex'), kdf)
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(slot.iv, 'hex'))
  decipher.setAAD(slotAad(kdf))
  decipher.setAuthTag(Buffer.from(slot.tag, 'hex'))
  try {
    return Buffer.concat([decipher.update(Buffer.from(slot.wrapped, 'hex')), decipher.final()])
  } catch {
    return null
  }
}

// Crockford's base32 without I, L, O and U: nothing on the sheet can be misread as another letter or a digit.
const RECOVERY_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const RECOVERY_GROUPS = 8
const RECOVERY_GROUP_LENGTH = 4

/** 32 characters (160 bits) in eight groups of four, e.g. "7Q2M-XK4D-…": typed from paper in a minute. */
export function newRecoveryKey(): string {
  const chars = Array.from({ length: RECOVERY_GROUPS * RECOVERY_GROUP_LENGTH }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)])
  return Array.from({ length: RECOVERY_GROUPS }, (_, g) => chars.slice(g * RECOVERY_GROUP_LENGTH, (g + 1) * RECOVERY_GROUP_LENGTH).join('')).join('-')
}

/**
 * A recovery key as typed from the sheet, in the one form it was wrapped with: case, spaces and dashes do not
 * matter, and the letters people confuse with digits are read as the digits (O→0, I and L→1).
 */
export function normaliseRecoveryKey(typed: string): string {
  const bare = typed
    .toUpperCase()
    .replace(/[\s\-–—_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
  const groups = bare.match(new RegExp(`.{1,${RECOVERY_GROUP_LENGTH}}`, 'g')) ?? []
  return groups.join('-')
}

// The recovery key carries 160 random bits, so no per-file salt is needed against guessing; scrypt is kept so a
// mistyped sheet costs the same as a wrong passphrase, and the fixed salt names what the key is for.
const RECOVERY_SALT = Buffer.from('hearth/recovery-key/data-key/1', 'utf8')

/** The file's data key, from the recovery key on the printed sheet (as typed: case and dashes do not matter). */
export function dataKeyFromRecoveryKey(recoveryKey: string, kdf: LockScrypt = LOCK_SCRYPT): Promise<Buffer> {
  return deriveWrappingKey(normaliseRecoveryKey(recoveryKey), RECOVERY_SALT, kdf)
}

export async function newKeyFile(dataKey: Buffer, passphrase: string, congregationName: string, kdf: LockScrypt = LOCK_SCRYPT): Promise<KeyFile> {
  return { format: 'hearth-keys', version: 1, kdf: { name: 'scrypt', ...kdf }, passphrase: await wrapDataKey(dataKey, passphrase, kdf), congregationName }
}

/** The data key the passphrase unwraps, or null when it is not the passphrase. */
export function openKeyFile(file: KeyFile, passphrase: string): Promise<Buffer | null> {
  return unwrapDataKey(file.passphrase, passphrase, file.kdf)
}

/** The key file, or null when there is none beside the database (deleted, or never made). */
export function readKeyFileIfAny(databasePath: string): KeyFile | null {
  return existsSync(keyFilePath(databasePath)) ? readKeyFile(databasePath) : null
}

export function readKeyFile(databasePath: string): KeyFile {
  const path = keyFilePath(databasePath)
  if (!existsSync(path)) throw new HearthError('refused', 'errors.lock.keyFileMissing', { file: basename(path) })
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    throw new HearthError('refused', 'errors.lock.keyFileDamaged', { file: basename(path) })
  }
  const checked = keyFileSchema.safeParse(parsed)
  if (!checked.success) throw new HearthError('refused', 'errors.lock.keyFileDamaged', { file: basename(path) })
  return checked.data
}

/** Writes `bytes` to `path` so a kill at any moment leaves the old file or the new one whole: beside, fsync, rename. */
export function writeFileAtomically(path: string, bytes: Buffer | string): void {
  const partial = `${path}.partial`
  const fd = openSync(partial, 'w')
  try {
    writeSync(fd, typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(partial, path)
  fsyncDir(dirname(path))
}

export function writeKeyFile(databasePath: string, file: KeyFile): void {
  writeFileAtomically(keyFilePath(databasePath), `${JSON.stringify(file, null, 2)}\n`)
}

export function removeKeyFile(databasePath: string): void {
  const path = keyFilePath(databasePath)
  // Also asked at every start, when the folder itself may not exist yet.
  if (!existsSync(path)) return
  rmSync(path, { force: true })
  fsyncDir(dirname(databasePath))
}

export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Makes a rename durable; Windows cannot open a folder for fsync and makes renames durable itself. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return
  const fd = openSync(dir, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}
