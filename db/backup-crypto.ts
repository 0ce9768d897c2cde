import { createCipheriv, createDecipheriv, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

// An encrypted backup is one header, the AES-256-GCM ciphertext of the whole SQLite file, then the 16-byte tag:
//   "HEARTHENC" | version u8 | log2(N) u8 | r u8 | p u8 | salt 16 | iv 12 | check 16 | ciphertext | tag 16
// Everything before the ciphertext is authenticated as AAD, so the parameters cannot be swapped. The check value
// (HMAC of the header under a second scrypt-derived key) tells a wrong passphrase apart from a damaged file,
// which GCM alone cannot; it reveals nothing a GCM tag does not already.

export const ENCRYPTED_MAGIC = Buffer.from('HEARTHENC', 'ascii')
const FORMAT_VERSION = 1
const SALT_BYTES = 16
const IV_BYTES = 12
const CHECK_BYTES = 16
const TAG_BYTES = 16
const PARAMS_OFFSET = ENCRYPTED_MAGIC.length + 1
const SALT_OFFSET = PARAMS_OFFSET + 3
const IV_OFFSET = SALT_OFFSET + SALT_BYTES
const CHECK_OFFSET = IV_OFFSET + IV_BYTES
export const HEADER_BYTES = CHECK_OFFSET + CHECK_BYTES

export interface ScryptParams {
  log2N: number
  r: number
  p: number
}

/** N=2^17, r=8, p=1: about 128 MiB and well under a second per attempt, so guessing passphrases stays slow. */
export const DEFAULT_SCRYPT: ScryptParams = { log2N: 17, r: 8, p: 1 }
// A file's header chooses the cost; these bounds stop a crafted header from asking for gigabytes of memory.
const MAX_LOG2N = 20
const MAX_R = 16
const MAX_P = 4

export type DecryptRefusal = 'not_encrypted' | 'newer_format' | 'truncated' | 'wrong_passphrase' | 'damaged'

export class DecryptError extends Error {
  constructor(readonly reason: DecryptRefusal) {
    super(reason)
    this.name = 'DecryptError'
  }
}

export function isEncryptedBackup(head: Uint8Array): boolean {
  return head.length >= ENCRYPTED_MAGIC.length && Buffer.from(head.subarray(0, ENCRYPTED_MAGIC.length)).equals(ENCRYPTED_MAGIC)
}

function deriveKeys(passphrase: string, salt: Buffer, params: ScryptParams): Promise<{ key: Buffer; checkKey: Buffer }> {
  const N = 2 ** params.log2N
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 64, { N, r: params.r, p: params.p, maxmem: 256 * 1024 * 1024 + 128 * N * params.r }, (err, out) => {
      if (err) reject(err)
      else resolve({ key: out.subarray(0, 32), checkKey: out.subarray(32) })
    })
  })
}

function checkValue(checkKey: Buffer, headerWithoutCheck: Buffer): Buffer {
  return createHmac('sha256', checkKey).update(headerWithoutCheck).digest().subarray(0, CHECK_BYTES)
}

export async function encryptBackup(plain: Uint8Array, passphrase: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<Buffer> {
  const header = Buffer.alloc(HEADER_BYTES)
  ENCRYPTED_MAGIC.copy(header, 0)
  header.writeUInt8(FORMAT_VERSION, ENCRYPTED_MAGIC.length)
  header.writeUInt8(params.log2N, PARAMS_OFFSET)
  header.writeUInt8(params.r, PARAMS_OFFSET + 1)
  header.writeUInt8(params.p, PARAMS_OFFSET + 2)
  const salt = randomBytes(SALT_BYTES)
  const iv = randomBytes(IV_BYTES)
  salt.copy(header, SALT_OFFSET)
  iv.copy(header, IV_OFFSET)
  const { key, checkKey } = await deriveKeys(passphrase, salt, params)
  checkValue(checkKey, header.subarray(0, CHECK_OFFSET)).copy(header, CHECK_OFFSET)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(header)
  const body = Buffer.concat([cipher.update(plain), cipher.final()])
  return Buffer.concat([header, body, cipher.getAuthTag()])
}

export async function decryptBackup(file: Uint8Array, passphrase: string): Promise<Buffer> {
  const data = Buffer.from(file.buffer, file.byteOffset, file.byteLength)
  if (!isEncryptedBackup(data)) throw new DecryptError('not_encrypted')
  if (data.length < ENCRYPTED_MAGIC.length + 1) throw new DecryptError('truncated')
  if (data.readUInt8(ENCRYPTED_MAGIC.length) > FORMAT_VERSION) throw new DecryptError('newer_format')
  if (data.length < HEADER_BYTES + TAG_BYTES) throw new DecryptError('truncated')
  const header = data.subarray(0, HEADER_BYTES)
  const params: ScryptParams = { log2N: header.readUInt8(PARAMS_OFFSET), r: header.readUInt8(PARAMS_OFFSET + 1), p: header.readUInt8(PARAMS_OFFSET + 2) }
  if (header.readUInt8(ENCRYPTED_MAGIC.length) !== FORMAT_VERSION) throw new DecryptError('damaged')
  if (params.log2N < 10 || params.log2N > MAX_LOG2N || params.r < 1 || params.r > MAX_R || params.p < 1 || params.p > MAX_P) {
    throw new DecryptError('damaged')
  }
  const salt = header.subarray(SALT_OFFSET, IV_OFFSET)
  const iv = header.subarray(IV_OFFSET, CHECK_OFFSET)
  const { key, checkKey } = await deriveKeys(passphrase, Buffer.from(salt), params)
  if (!timingSafeEqual(checkValue(checkKey, header.subarray(0, CHECK_OFFSET)), header.subarray(CHECK_OFFSET, HEADER_BYTES))) {
    throw new DecryptError('wrong_passphrase')
  }
  const decipher = createDecipheriv('aes-256-gcm', key, iv)
  decipher.setAAD(header)
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES))
  try {
    return Buffer.concat([decipher.update(data.subarray(HEADER_BYTES, data.length - TAG_BYTES)), decipher.final()])
  } catch {
    throw new DecryptError('damaged')
  }
}
