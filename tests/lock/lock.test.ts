import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { keyFilePath } from '../../db/cipher'
import { channelNames, contract } from '../../main/contract'
import { type Session, startSession } from '../../main/session'
import { TestOs } from '../bridge/test-os'
import { pick, refused, useFolder } from '../backup/helpers'
import { call, callRecorded } from '../helpers/session'
import { tempDir } from '../helpers/temp'

const PASSPHRASE = 'Seven candles on the altar'
const NAMES = [
  { firstName: 'Zephyrine', lastName: 'Okonkwo-Ballantyne-Featherstonehaugh' },
  { firstName: 'Αθανασία', lastName: 'Παπαδοπούλου' },
  { firstName: 'Ярослава', lastName: 'Чернышевская' },
  { firstName: '娜娜', lastName: '欧阳' },
  { firstName: 'สมศักดิ์', lastName: 'วงศ์สวัสดิ์' },
  { firstName: 'ابتسام', lastName: 'الهاشمي' },
]
const NOTE = 'Severe sesame allergy; EpiPen kept in the red bag by the door'

type Started = Session & { os: TestOs; dir: string; path: string }

async function start(dir: string): Promise<Started> {
  const os = new TestOs(dir)
  const path = join(dir, 'hearth.sqlite')
  const session = await startSession(path, os, 'test')
  afterAll(() => session.close())
  return Object.assign(session, { os, dir, path })
}

async function encryptedCongregation(): Promise<{ dir: string; recoveryKey: string }> {
  const dir = tempDir()
  const s = await start(dir)
  await call(s, 'settings.update', { congregationName: 'St Brigid’s of the Hills' })
  for (const n of NAMES) await call(s, 'members.create', { ...n, dietaryNotes: NOTE })
  const { recoveryKey, status } = await call(s, 'lock.setPassphrase', { passphrase: PASSPHRASE, confirmation: PASSPHRASE })
  expect(status).toMatchObject({ encrypted: true, locked: false })
  await s.close()
  return { dir, recoveryKey }
}

function secretsIn(bytes: Buffer): string[] {
  const strings = [...NAMES.flatMap((n) => [n.firstName, n.lastName]), NOTE, 'sesame']
  return strings.filter((t) => bytes.includes(Buffer.from(t, 'utf8')))
}

/** Every file Hearth keeps for the congregation but the plain key file: the live file, WAL, safety copies, anything. */
function everyFile(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.endsWith('.keys'))
    .map((e) => join(e.parentPath, e.name))
}

describe('a congregation without a passphrase', () => {
  it('starts as before, in a folder that does not exist yet, unlocked, with nothing to lock', async () => {
    const dir = join(tempDir(), 'not', 'yet', 'made')
    const s = await start(dir)
    expect(await call(s, 'lock.status')).toMatchObject({ encrypted: false, locked: false, waitSeconds: 0 })
    expect((await s.registry.dispatch('lock.lockNow', {})).ok).toBe(false)
    expect((await s.registry.dispatch('lock.unlock', { secret: 'anything at all', with: 'passphrase' })).ok).toBe(false)
    await call(s, 'members.create', { firstName: 'Ada', lastName: 'Ng' })
    expect(existsSync(keyFilePath(s.path))).toBe(false)
  })
})

describe('a congregation with a passphrase', () => {
  it('opens locked, and the registry refuses every channel but the lock’s own', async () => {
    const { dir } = await encryptedCongregation()
    const s = await start(dir)
    expect(await call(s, 'lock.status')).toMatchObject({ encrypted: true, locked: true, congregationName: 'St Brigid’s of the Hills', waitSeconds: 0 })
    const open = channelNames.filter((c) => contract[c].rules.whileLocked).sort()
    expect(open).toEqual(['lock.lockNow', 'lock.status', 'lock.unlock'])
    for (const channel of channelNames.filter((c) => !contract[c].rules.whileLocked)) {
      const r = await s.registry.dispatch(channel, {})
      expect(r.ok, channel).toBe(false)
      if (!r.ok) expect(r.error.messageId, channel).toBe('errors.lock.locked')
    }
    // Locked, nothing of the congregation is reachable even through a call that would be valid.
    const r = await s.registry.dispatch('members.search', {})
    expect(r.ok).toBe(false)
  })

  it('unlocks with the passphrase or the recovery key; wrong ones are told plainly and slowed after a few', async () => {
    const { dir, recoveryKey } = await encryptedCongregation()
    const s = await start(dir)
    for (let i = 0; i < 2; i++) {
      const wrong = await s.registry.dispatch('lock.unlock', { secret: PASSPHRASE.toLowerCase(), with: 'passphrase' })
      expect(wrong).toMatchObject({ ok: false, error: { messageId: 'errors.lock.wrongPassphrase', values: { seconds: 0 } } })
    }
    const third = await s.registry.dispatch('lock.unlock', { secret: 'Seven candles on the altar ', with: 'passphrase' })
    expect(third).toMatchObject({ ok: false, error: { messageId: 'errors.lock.wrongPassphrase', values: { seconds: 5 } } })
    // Even the right passphrase waits its turn, and the screen is told how long.
    const early = await s.registry.dispatch('lock.unlock', { secret: PASSPHRASE, with: 'passphrase' })
    expect(early).toMatchObject({ ok: false, error: { messageId: 'errors.lock.wait' } })
    expect((await call(s, 'lock.status')).waitSeconds).toBeGreaterThan(0)
    s.context.lock.retryAt = Date.now()
    const wrongKey = await s.registry.dispatch('lock.unlock', { secret: recoveryKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')), with: 'recoveryKey' })
    expect(wrongKey).toMatchObject({ ok: false, error: { messageId: 'errors.lock.wrongRecoveryKey', values: { seconds: 10 } } })
    s.context.lock.retryAt = Date.now()
    expect(await call(s, 'lock.unlock', { secret: recoveryKey.toLowerCase().replace(/-/g, ' '), with: 'recoveryKey' })).toMatchObject({ locked: false })
    expect((await call(s, 'members.search', {})).rows.map((m) => m.firstName).sort()).toEqual(NAMES.map((n) => n.firstName).sort())
    await call(s, 'lock.lockNow')
    expect((await s.registry.dispatch('members.search', {})).ok).toBe(false)
    // A good unlock starts the count again.
    expect(await call(s, 'lock.unlock', { secret: PASSPHRASE, with: 'passphrase' })).toMatchObject({ locked: false, waitSeconds: 0 })
    expect(s.context.lock.failures).toBe(0)
  })

  it('locks when the computer’s screen locks, and on Lock now; unlocking again shows the same data', async () => {
    const { dir } = await encryptedCongregation()
    const s = await start(dir)
    await call(s, 'lock.unlock', { secret: PASSPHRASE, with: 'passphrase' })
    s.os.lockScreen()
    await s.registry.idle()
    expect(await call(s, 'lock.status')).toMatchObject({ locked: true })
    expect((await s.registry.dispatch('settings.get', {})).ok).toBe(false)
    await call(s, 'lock.unlock', { secret: PASSPHRASE, with: 'passphrase' })
    expect((await call(s, 'settings.get')).congregationName).toBe('St Brigid’s of the Hills')
    // The reopened file records changes and undoes them as before the lock.
    const { value, change } = await callRecorded(s, 'members.create', { firstName: 'Ottilie', lastName: 'Quenneville-Żółkiewska' })
    await call(s, 'history.undo', { changeId: change.id })
    expect((await s.registry.dispatch('members.get', { id: value.id })).ok).toBe(false)
  })

  it('keeps no name or note readable in the live file, its WAL or any safety copy', async () => {
    const { dir } = await encryptedCongregation()
    const s = await start(dir)
    await call(s, 'lock.unlock', { secret: PASSPHRASE, with: 'passphrase' })
    // Fresh writes sit in the WAL while Hearth runs.
    await call(s, 'members.create', { firstName: 'Wilhelmina', lastName: 'Zwiebelhofer', dietaryNotes: NOTE })
    expect(existsSync(`${s.path}-wal`)).toBe(true)
    const files = everyFile(dir)
    expect(files.length).toBeGreaterThanOrEqual(2)
    for (const file of files) expect(secretsIn(readFileSync(file)), file).toEqual([])
    // The key file beside it is plain by design, and holds the congregation's name and nothing else of it.
    const keyFile = readFileSync(keyFilePath(s.path), 'utf8')
    expect(keyFile).toContain('St Brigid’s of the Hills')
    expect(secretsIn(Buffer.from(keyFile, 'utf8'))).toEqual([])
  })

  it('changes the passphrase (the recovery key still opens) and removes it, leaving a plain file and no key file', async () => {
    const { dir, recoveryKey } = await encryptedCongregation()
    let s = await start(dir)
    await call(s, 'lock.unlock', { secret: PASSPHRASE, with: 'passphrase' })
    const refused = await s.registry.dispatch('lock.changePassphrase', { current: 'not it', passphrase: 'A new one for Advent', confirmation: 'A new one for Advent' })
    expect(refused).toMatchObject({ ok: false, error: { messageId: 'errors.lock.wrongCurrent' } })
    const mismatch = await s.registry.dispatch('lock.setPassphrase', { passphrase: 'A new one for Advent', confirmation: 'A new one for advent' })
    expect(mismatch).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    await call(s, 'lock.changePassphrase', { current: PASSPHRASE, passphrase: 'A new one for Advent', confirmation: 'A new one for Advent' })
    await s.close()

    s = await start(dir)
    expect((await s.registry.dispatch('lock.unlock', { secret: PASSPHRASE, with: 'passphrase' })).ok).toBe(false)
    await call(s, 'lock.unlock', { secret: 'A new one for Advent', with: 'passphrase' })
    await call(s, 'lock.lockNow')
    await call(s, 'lock.unlock', { secret: recoveryKey, with: 'recoveryKey' })
    // The recovery key stands in for a forgotten passphrase when removing it too.
    expect(await call(s, 'lock.removePassphrase', { current: recoveryKey })).toMatchObject({ encrypted: false, locked: false })
    expect(existsSync(keyFilePath(s.path))).toBe(false)
    expect(readFileSync(s.path).subarray(0, 15).toString('latin1')).toBe('SQLite format 3')
    expect((await call(s, 'members.search', {})).rows.length).toBe(NAMES.length)
    await s.close()

    s = await start(dir)
    expect(await call(s, 'lock.status')).toMatchObject({ encrypted: false, locked: false })
    expect((await s.registry.dispatch('lock.lockNow', {})).ok).toBe(false)
    expect((await call(s, 'members.search', {})).rows.length).toBe(NAMES.length)
  })

  it('opens with the recovery key even when the key file beside it is lost', async () => {
    const { dir, recoveryKey } = await encryptedCongregation()
    const { rmSync } = await import('node:fs')
    rmSync(keyFilePath(join(dir, 'hearth.sqlite')))
    const s = await start(dir)
    expect(await call(s, 'lock.status')).toMatchObject({ encrypted: true, locked: true, congregationName: '' })
    const byPassphrase = await s.registry.dispatch('lock.unlock', { secret: PASSPHRASE, with: 'passphrase' })
    expect(byPassphrase).toMatchObject({ ok: false, error: { messageId: 'errors.lock.keyFileMissing' } })
    await call(s, 'lock.unlock', { secret: recoveryKey, with: 'recoveryKey' })
    expect((await call(s, 'members.search', {})).rows.length).toBe(NAMES.length)
  })
})

describe('backups of a congregation with a passphrase', () => {
  it('are always locked, hold no name or note, restore onto the encrypted Hearth keeping it encrypted, and into a new Hearth on another computer', async () => {
    const { dir } = await encryptedCongregation()
    const s = await start(dir)
    await call(s, 'lock.unlock', { secret: PASSPHRASE, with: 'passphrase' })
    const stick = join(tempDir(), 'stick')
    await import('node:fs').then((fs) => fs.mkdirSync(stick))
    await useFolder(s, stick)
    // A plain copy on a stick that can be lost would undo the passphrase: Hearth asks for one instead.
    const plain = await refused(s, 'backup.run', {})
    expect(plain.messageId).toBe('errors.backup.lockedNeedsPassphrase')
    expect(readdirSync(stick)).toEqual([])
    const done = await call(s, 'backup.run', { passphrase: 'a different long passphrase' })
    expect(done).toMatchObject({ encrypted: true })
    const backup = join(stick, done!.fileName)
    expect(secretsIn(readFileSync(backup))).toEqual([])
    for (const file of everyFile(dir)) expect(secretsIn(readFileSync(file)), file).toEqual([])

    // Restored onto the encrypted Hearth itself, the file stays encrypted and opens with the same passphrase.
    await call(s, 'members.create', { firstName: 'Made', lastName: 'After-The-Backup' })
    const back = await pick(s, backup)
    await call(s, 'backup.restore', { token: back, passphrase: 'a different long passphrase' })
    const restored = await call(s, 'members.search', { filter: { query: '' }, sort: 'name', limit: 50 })
    expect(restored.rows.map((r: { lastName: string }) => r.lastName).sort()).toEqual(NAMES.map((n) => n.lastName).sort())
    for (const file of everyFile(dir)) expect(secretsIn(readFileSync(file)), file).toEqual([])
    await call(s, 'lock.lockNow')
    await call(s, 'lock.unlock', { secret: PASSPHRASE, with: 'passphrase' })
    expect((await call(s, 'members.search', { filter: { query: '' }, sort: 'name', limit: 50 })).rows).toHaveLength(NAMES.length)

    const elsewhere = await start(tempDir())
    const token = await pick(elsewhere, backup)
    const preview = await call(elsewhere, 'backup.inspect', { token, passphrase: 'a different long passphrase' })
    expect(preview).toMatchObject({ encrypted: true, verified: true })
    await call(elsewhere, 'backup.restore', { token, passphrase: 'a different long passphrase' })
    const page = await call(elsewhere, 'members.search', { filter: { query: '' }, sort: 'name', limit: 50 })
    expect(page.rows.map((r: { lastName: string }) => r.lastName).sort()).toEqual(NAMES.map((n) => n.lastName).sort())
  })
})
