import { describe, expect, it } from 'vitest'
import { DecryptError, decryptBackup, encryptBackup, HEADER_BYTES, isEncryptedBackup } from '../../db/backup-crypto'

// The real parameters (N=2^17) are exercised by the restore tests; these use a cheaper cost to stay quick.
const FAST = { log2N: 12, r: 8, p: 1 }
const plain = Buffer.from('SQLite format 3\0 pretend database body '.repeat(200))

async function reason(p: Promise<unknown>): Promise<string> {
  try {
    await p
  } catch (err) {
    if (err instanceof DecryptError) return err.reason
    throw err
  }
  throw new Error('expected a refusal')
}

describe('backup encryption', () => {
  it('round-trips with the right passphrase and never leaves plaintext in the file', async () => {
    const sealed = await encryptBackup(plain, 'correct horse battery', FAST)
    expect(isEncryptedBackup(sealed)).toBe(true)
    expect(sealed.includes(Buffer.from('pretend database'))).toBe(false)
    expect(sealed.length).toBe(plain.length + HEADER_BYTES + 16)
    expect((await decryptBackup(sealed, 'correct horse battery')).equals(plain)).toBe(true)
  })

  it('uses a fresh salt and IV every time', async () => {
    const a = await encryptBackup(plain, 'same passphrase', FAST)
    const b = await encryptBackup(plain, 'same passphrase', FAST)
    expect(a.subarray(13, HEADER_BYTES).equals(b.subarray(13, HEADER_BYTES))).toBe(false)
  })

  it('treats the same passphrase typed in a different Unicode form as the same', async () => {
    const sealed = await encryptBackup(plain, 'Zoë’s kitchen', FAST)
    expect((await decryptBackup(sealed, 'Zoe\u0308’s kitchen')).equals(plain)).toBe(true)
  })

  it('refuses a wrong passphrase', async () => {
    const sealed = await encryptBackup(plain, 'correct horse battery', FAST)
    expect(await reason(decryptBackup(sealed, 'correct horse batterx'))).toBe('wrong_passphrase')
  })

  it('refuses a file with any one byte flipped, in the body, the tag or the authenticated header', async () => {
    const sealed = await encryptBackup(plain, 'correct horse battery', FAST)
    const positions = [HEADER_BYTES, HEADER_BYTES + 500, sealed.length - 1, sealed.length - 16]
    for (const at of positions) {
      const bad = Buffer.from(sealed)
      bad[at] = bad[at]! ^ 0x01
      expect(await reason(decryptBackup(bad, 'correct horse battery')), `byte ${at}`).toBe('damaged')
    }
    for (const at of [20, 30, HEADER_BYTES - 1]) {
      const bad = Buffer.from(sealed)
      bad[at] = bad[at]! ^ 0x01
      expect(['wrong_passphrase', 'damaged']).toContain(await reason(decryptBackup(bad, 'correct horse battery')))
    }
  })

  it('refuses a cut-short file, a newer format, and a cost a crafted header could abuse', async () => {
    const sealed = await encryptBackup(plain, 'correct horse battery', FAST)
    expect(await reason(decryptBackup(sealed.subarray(0, 30), 'correct horse battery'))).toBe('truncated')
    expect(await reason(decryptBackup(sealed.subarray(0, sealed.length - 100), 'correct horse battery'))).toBe('damaged')
    const newer = Buffer.from(sealed)
    newer[9] = 2
    expect(await reason(decryptBackup(newer, 'correct horse battery'))).toBe('newer_format')
    const greedy = Buffer.from(sealed)
    greedy[10] = 30
    expect(await reason(decryptBackup(greedy, 'correct horse battery'))).toBe('damaged')
    expect(await reason(decryptBackup(plain, 'x'))).toBe('not_encrypted')
  })
})
