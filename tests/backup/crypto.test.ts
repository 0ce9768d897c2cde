import { createCipheriv, createHash, createHmac, scryptSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SCRYPT, decryptBackup, encryptBackup, HEADER_BYTES, isEncryptedBackup } from '../../main/backup/crypto'
import { HearthError } from '../../main/contract/errors'

// The real parameters (N=2^17) are exercised by the restore tests; these use a cheaper cost to stay quick.
const FAST = { log2N: 12, r: 8, p: 1 }
const plain = Buffer.from('SQLite format 3\0 pretend database body '.repeat(200))
const FILE = 'hearth-2026-03-14-1830.sqlite.hearthenc'

/** The catalog id a refused decryption says, e.g. 'errors.backup.wrong_passphrase'. */
async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p
  } catch (err) {
    if (err instanceof HearthError) {
      expect(err.said.values).toMatchObject({ file: FILE })
      return err.said.id
    }
    throw err
  }
  throw new Error('expected a refusal')
}

const flipped = (bytes: Buffer, at: number) => {
  const bad = Buffer.from(bytes)
  bad[at] = bad[at]! ^ 0x01
  return bad
}

describe('backup encryption', () => {
  it('round-trips with the right passphrase and never leaves plaintext in the file', async () => {
    const sealed = await encryptBackup(plain, 'correct horse battery', FAST)
    expect(isEncryptedBackup(sealed)).toBe(true)
    expect(sealed.includes(Buffer.from('pretend database'))).toBe(false)
    expect(sealed.length).toBe(plain.length + HEADER_BYTES + 16)
    expect((await decryptBackup(sealed, 'correct horse battery', FILE)).equals(plain)).toBe(true)
  })

  it('uses a fresh salt and IV every time', async () => {
    const a = await encryptBackup(plain, 'same passphrase', FAST)
    const b = await encryptBackup(plain, 'same passphrase', FAST)
    expect(a.subarray(13, HEADER_BYTES).equals(b.subarray(13, HEADER_BYTES))).toBe(false)
  })

  it('treats the same passphrase typed in a different Unicode form as the same', async () => {
    const sealed = await encryptBackup(plain, 'Zoë’s kitchen', FAST)
    expect((await decryptBackup(sealed, 'Zoe\u0308’s kitchen', FILE)).equals(plain)).toBe(true)
  })

  it('refuses a wrong passphrase as the passphrase field’s fault', async () => {
    const sealed = await encryptBackup(plain, 'correct horse battery', FAST)
    const err = await decryptBackup(sealed, 'correct horse batterx', FILE).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(HearthError)
    expect(err).toMatchObject({ code: 'invalid_input', said: { id: 'errors.backup.wrong_passphrase' } })
    expect((err as HearthError).fieldWords?.passphrase?.id).toBe('errors.backup.wrong_passphrase')
  })

  it('refuses a file with any one byte flipped in the body or the tag as damaged', async () => {
    const sealed = await encryptBackup(plain, 'correct horse battery', FAST)
    for (const at of [HEADER_BYTES, HEADER_BYTES + 500, sealed.length - 1, sealed.length - 16]) {
      expect(await refusal(decryptBackup(flipped(sealed, at), 'correct horse battery', FILE)), `byte ${at}`).toBe('errors.backup.damaged_encrypted')
    }
  })

  it('tells a damaged header apart from a wrong passphrase: every bit of every header byte after the format number', async () => {
    const sealed = await encryptBackup(plain, 'correct horse battery', FAST)
    const said = new Map<string, number>()
    for (let at = 10; at < HEADER_BYTES; at++) {
      for (let bit = 0; bit < 8; bit++) {
        const bad = Buffer.from(sealed)
        bad[at] = bad[at]! ^ (1 << bit)
        const id = await refusal(decryptBackup(bad, 'correct horse battery', FILE))
        said.set(id, (said.get(id) ?? 0) + 1)
      }
    }
    expect([...said.keys()]).toEqual(['errors.backup.damaged_header'])
    expect(said.get('errors.backup.damaged_header')).toBe((HEADER_BYTES - 10) * 8)
  })

  it('refuses a crafted header asking for more than Hearth writes within a second and without the memory it asks for', async () => {
    const sealed = await encryptBackup(plain, 'correct horse battery', FAST)
    // Each parameter at the most a byte can ask (2^255 would be far beyond any machine), and the old limits.
    const greedy: [number, number][] = [
      [10, 30],
      [10, 255],
      [10, DEFAULT_SCRYPT.log2N + 1],
      [11, 16],
      [11, 255],
      [12, 4],
      [12, 255],
      [10, 0],
      [11, 0],
      [12, 0],
    ]
    for (const [at, value] of greedy) {
      const crafted = Buffer.from(sealed)
      crafted[at] = value
      // The header's digest has no key: whoever crafts a header writes a matching one.
      createHash('sha256').update(crafted.subarray(0, HEADER_BYTES - 16)).digest().copy(crafted, HEADER_BYTES - 16, 0, 16)
      const before = process.memoryUsage().rss
      const started = performance.now()
      expect(await refusal(decryptBackup(crafted, 'correct horse battery', FILE)), `byte ${at} = ${value}`).toBe('errors.backup.damaged_header')
      expect(performance.now() - started).toBeLessThan(1000)
      expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024)
    }
  })

  it('still opens a locked backup made by the earlier format, without the header digest, and caps its cost too', async () => {
    const sealed = await encryptBackup(plain, 'correct horse battery', FAST)
    // Format 1 is format 2 without the 16-byte digest; its AAD is its own shorter header.
    const header = Buffer.from(sealed.subarray(0, HEADER_BYTES - 16))
    header[9] = 1
    const out = scryptSync('correct horse battery', header.subarray(13, 29), 64, { N: 2 ** FAST.log2N, r: FAST.r, p: FAST.p })
    createHmac('sha256', out.subarray(32)).update(header.subarray(0, HEADER_BYTES - 32)).digest().subarray(0, 16).copy(header, HEADER_BYTES - 32)
    const cipher = createCipheriv('aes-256-gcm', out.subarray(0, 32), header.subarray(29, 41))
    cipher.setAAD(header)
    const v1 = Buffer.concat([header, cipher.update(plain), cipher.final(), cipher.getAuthTag()])
    expect((await decryptBackup(v1, 'correct horse battery', FILE)).equals(plain)).toBe(true)
    expect(await refusal(decryptBackup(v1, 'correct horse batterx', FILE))).toBe('errors.backup.wrong_passphrase')
    const greedy = Buffer.from(v1)
    greedy[10] = 20
    const started = performance.now()
    expect(await refusal(decryptBackup(greedy, 'correct horse battery', FILE))).toBe('errors.backup.damaged_header')
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('refuses a cut-short file, a newer format and a file that is not locked at all', async () => {
    const sealed = await encryptBackup(plain, 'correct horse battery', FAST)
    expect(await refusal(decryptBackup(sealed.subarray(0, 30), 'correct horse battery', FILE))).toBe('errors.backup.truncated')
    expect(await refusal(decryptBackup(sealed.subarray(0, sealed.length - 100), 'correct horse battery', FILE))).toBe('errors.backup.damaged_encrypted')
    const newer = Buffer.from(sealed)
    newer[9] = 3
    expect(await refusal(decryptBackup(newer, 'correct horse battery', FILE))).toBe('errors.backup.newer_format')
    const zero = Buffer.from(sealed)
    zero[9] = 0
    expect(await refusal(decryptBackup(zero, 'correct horse battery', FILE))).toBe('errors.backup.damaged_header')
    expect(await refusal(decryptBackup(plain, 'x', FILE))).toBe('errors.backup.not_sqlite')
  })
})
