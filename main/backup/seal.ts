import { createHash } from 'node:crypto'

// A plain backup carries proof of its content as a 48-byte seal appended to the SQLite file:
//   <the SQLite file, every byte> | "HEARTH-SEAL-v1\0\0" (16 bytes) | SHA-256 of the SQLite bytes (32 bytes)
// The file stays an ordinary SQLite database that other tools can open: SQLite reads the page count from its
// header and ignores the bytes after the last page. A restore checks the digest before anything else, so any
// changed byte — a flipped bit in a note, a zeroed sector in a page no table uses — is refused. The digest has no
// key (a backup must restore on another computer), so it proves the file is intact, not who made it: locking the
// backup with a passphrase (AES-256-GCM) is what stops a deliberate forgery, and the restore's schema and row
// checks (schema-check.ts, row-check.ts) are what stop a crafted file from carrying anything Hearth did not make.

export const SEAL_MAGIC = Buffer.from('HEARTH-SEAL-v1\0\0', 'latin1')
const DIGEST_BYTES = 32
export const SEAL_BYTES = SEAL_MAGIC.length + DIGEST_BYTES

const digest = (body: Uint8Array) => createHash('sha256').update(body).digest()

export function sealBackup(body: Uint8Array): Buffer {
  return Buffer.concat([body, SEAL_MAGIC, digest(body)])
}

export type Unsealed =
  /** The seal is there and the digest matches: every byte is as Hearth wrote it. */
  | { kind: 'sealed'; body: Buffer }
  /** A backup from before seals (or from outside Hearth): it can only be checked by SQLite's own checks. */
  | { kind: 'unsealed'; body: Buffer }
  /** A seal whose digest does not match, or a file sized for a seal that has lost it: something changed. */
  | { kind: 'damaged' }

function pageSizeOf(bytes: Buffer): number | null {
  if (bytes.length < 100) return null
  const raw = bytes.readUInt16BE(16)
  return raw === 1 ? 65536 : raw >= 512 ? raw : null
}

export function unsealBackup(bytes: Buffer): Unsealed {
  const at = bytes.length - SEAL_BYTES
  if (at >= 0 && bytes.subarray(at, at + SEAL_MAGIC.length).equals(SEAL_MAGIC)) {
    const body = bytes.subarray(0, at)
    return digest(body).equals(bytes.subarray(at + SEAL_MAGIC.length)) ? { kind: 'sealed', body } : { kind: 'damaged' }
  }
  // A SQLite file is whole pages; one that is whole pages plus exactly a seal's length had a seal that was hit.
  const pageSize = pageSizeOf(bytes)
  if (pageSize !== null && bytes.length % pageSize === SEAL_BYTES) return { kind: 'damaged' }
  return { kind: 'unsealed', body: bytes }
}

/**
 * Every Hearth whose files are at this schema version or later seals each plain backup it makes: the first
 * release with seals was at version 8, alongside releases at 8 without them.
 */
export const ALWAYS_SEALED_FROM_VERSION = 9

/**
 * Whether a plain file must have carried a seal: a backup's own snapshot (it is stamped with `backupMadeAt`) at a
 * version that always seals. Without one, its seal was cut off — by damage or by hand — so it is damaged, never
 * "an older backup". Safety copies are not backups (they carry no stamp), and files from before seals still
 * restore after the full check.
 */
export function mustBeSealed(schemaVersion: number, stampedAsBackup: boolean): boolean {
  return stampedAsBackup && schemaVersion >= ALWAYS_SEALED_FROM_VERSION
}
