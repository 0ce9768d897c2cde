import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import { backupRefusal } from './refusals'

// An encrypted backup is one header, the AES-256-GCM ciphertext of the whole SQLite file, then the 16-byte tag:
//   "HEARTHENC" | version u8 | log2(N) u8 | r u8 | p u8 | salt 16 | iv 12 | check 16 | digest 16 (version 2) |
//   ciphertext | tag 16
// Everything before the ciphertext is authenticated as AAD, so the parameters cannot be swapped. The check value
// (HMAC of the header under a second scrypt-derived key) tells a wrong passphrase apart from a damaged file,
// which GCM alone cannot; it reveals nothing a GCM tag does not already. The digest (SHA-256 of the header before
// it, no key) tells a damaged header apart from a wrong passphrase before any key is derived: without it a flipped
// byte in the salt or the check reads as "wrong passphrase", and a volunteer may think the passphrase is lost.
// Version 1 files (no digest) still open.

export const ENCRYPTED_MAGIC = Buffer.from('HEARTHENC', 'ascii')
const FORMAT_VERSION = 2
const SALT_BYTES = 16
const IV_BYTES = 12
const CHECK_BYTES = 16
const DIGEST_BYTES = 16
const TAG_BYTES = 16
const VERSION_OFFSET = ENCRYPTED_MAGIC.length
const PARAMS_OFFSET = VERSION_OFFSET + 1
const SALT_OFFSET = PARAMS_OFFSET + 3
const IV_OFFSET = SALT_OFFSET + SALT_BYTES
const CHECK_OFFSET = IV_OFFSET + IV_BYTES
const DIGEST_OFFSET = CHECK_OFFSET + CHECK_BYTES
const headerBytes = (version: number) => (version === 1 ? DIGEST_OFFSET : DIGEST_OFFSET + DIGEST_BYTES)
export const HEADER_BYTES = headerBytes(FORMAT_VERSION)

export interface ScryptParams {
  log2N: number
  r: number
  p: number
}

/** N=2^17, r=8, p=1: about 128 MiB and well under a second per attempt, so guessing passphrases stays slow. */
export const DEFAULT_SCRYPT: ScryptParams = { log2N: 17, r: 8, p: 1 }
// A file's header chooses the cost, and a crafted one must not cost more than a backup Hearth makes: no parameter
// may exceed what Hearth writes (cheaper ones, as the tests use, only weaken that one file).
const MIN_LOG2N = 10

function withinCap(params: ScryptParams): boolean {
  return (
    params.log2N >= MIN_LOG2N && params.log2N <= DEFAULT_SCRYPT.log2N && params.r >= 1 && params.r <= DEFAULT_SCRYPT.r && params.p >= 1 && params.p <= DEFAULT_SCRYPT.p
  )
}

export function isEncryptedBackup(head: Uint8Array): boolean {
  return head.length >= ENCRYPTED_MAGIC.length && Buffer.from(head.subarray(0, ENCRYPTED_MAGIC.length)).equals(ENCRYPTED_MAGIC)
}

function deriveKeys(passphrase: string, salt: Buffer, params: ScryptParams): Promise<{ key: Buffer; checkKey: Buffer }> {
  const N = 2 ** params.log2N
  return new Promise((resolve, reject) => {
    // scrypt needs 128·N·r bytes; the margin is Node's own bookkeeping.
    scrypt(passphrase.normalize('NFC'), salt, 64, { N, r: params.r, p: params.p, maxmem: 128 * N * params.r + 16 * 1024 * 1024 }, (err, out) => {
      if (err) reject(err)
      else resolve({ key: out.subarray(0, 32), checkKey: out.subarray(32) })
    })
  })
}

function checkValue(checkKey: Buffer, headerWithoutCheck: Buffer): Buffer {
  return createHmac('sha256', checkKey).update(headerWithoutCheck).digest().subarray(0, CHECK_BYTES)
}

const headerDigest = (headerBeforeDigest: Buffer) => createHash('sha256').update(headerBeforeDigest).digest().subarray(0, DIGEST_BYTES)

export async function encryptBackup(plain: Uint8Array, passphrase: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<Buffer> {
  const header = Buffer.alloc(HEADER_BYTES)
  ENCRYPTED_MAGIC.copy(header, 0)
  header.writeUInt8(FORMAT_VERSION, VERSION_OFFSET)
  header.writeUInt8(params.log2N, PARAMS_OFFSET)
  header.writeUInt8(params.r, PARAMS_OFFSET + 1)
  header.writeUInt8(params.p, PARAMS_OFFSET + 2)
  const salt = randomBytes(SALT_BYTES)
  const iv = randomBytes(IV_BYTES)
  salt.copy(header, SALT_OFFSET)
  iv.copy(header, IV_OFFSET)
  const { key, checkKey } = await deriveKeys(passphrase, salt, params)
  checkValue(checkKey, header.subarray(0, CHECK_OFFSET)).copy(header, CHECK_OFFSET)
  headerDigest(header.subarray(0, DIGEST_OFFSET)).copy(header, DIGEST_OFFSET)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(header)
  const body = Buffer.concat([cipher.update(plain), cipher.final()])
  return Buffer.concat([header, body, cipher.getAuthTag()])
}

/**
 * What the header says, or the refusal for a header that cannot be trusted — decided from its bytes alone, before
 * any key is derived, so a crafted header costs nothing.
 */
function readHeader(data: Buffer, fileName: string): { header: Buffer; params: ScryptParams } {
  if (data.length < VERSION_OFFSET + 1) throw backupRefusal('truncated', fileName)
  const version = data.readUInt8(VERSION_OFFSET)
  if (version > FORMAT_VERSION) throw backupRefusal('newer_format', fileName)
  if (version < 1) throw backupRefusal('damaged_header', fileName)
  const size = headerBytes(version)
  if (data.length < size + TAG_BYTES) throw backupRefusal('truncated', fileName)
  const header = data.subarray(0, size)
  if (version >= 2 && !timingSafeEqual(headerDigest(header.subarray(0, DIGEST_OFFSET)), header.subarray(DIGEST_OFFSET, size))) {
    throw backupRefusal('damaged_header', fileName)
  }
  const params: ScryptParams = { log2N: header.readUInt8(PARAMS_OFFSET), r: header.readUInt8(PARAMS_OFFSET + 1), p: header.readUInt8(PARAMS_OFFSET + 2) }
  if (!withinCap(params)) throw backupRefusal('damaged_header', fileName)
  return { header, params }
}

/** The plain SQLite bytes of a locked backup; refuses with the backup's own words for `fileName`. */
export async function decryptBackup(file: Uint8Array, passphrase: string, fileName: string): Promise<Buffer> {
  const data = Buffer.from(file.buffer, file.byteOffset, file.byteLength)
  if (!isEncryptedBackup(data)) throw backupRefusal('not_sqlite', fileName)
  const { header, params } = readHeader(data, fileName)
  const salt = header.subarray(SALT_OFFSET, IV_OFFSET)
  const iv = header.subarray(IV_OFFSET, CHECK_OFFSET)
  const { key, checkKey } = await deriveKeys(passphrase, Buffer.from(salt), params)
  if (!timingSafeEqual(checkValue(checkKey, header.subarray(0, CHECK_OFFSET)), header.subarray(CHECK_OFFSET, DIGEST_OFFSET))) {
    throw backupRefusal('wrong_passphrase', fileName)
  }
  const decipher = createDecipheriv('aes-256-gcm', key, iv)
  decipher.setAAD(header)
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES))
  try {
    return Buffer.concat([decipher.update(data.subarray(header.length, data.length - TAG_BYTES)), decipher.final()])
  } catch {
    throw backupRefusal('damaged_encrypted', fileName)
  }
}
