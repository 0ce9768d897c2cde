import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { channelNames, contract } from '../../main/contract'
import { handlers } from '../../main/handlers'
import { testSession } from '../helpers/session'

let s: Awaited<ReturnType<typeof testSession>>
beforeAll(async () => {
  s = await testSession('en-US')
})
afterAll(() => s.close())

const settingsRows = () => s.context.sqlite.prepare('select key, value from settings order by key').all()

describe('the handler registry', () => {
  it('has exactly one handler for every channel in the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual([...channelNames].sort())
    for (const name of channelNames) expect(['read', 'write', 'effect']).toContain(contract[name].kind)
  })

  it('reads what a channel may do from its own contract entry: printing and files are effects, file swaps go unrecorded', () => {
    expect(contract['print.print'].kind).toBe('effect')
    expect(contract['print.save'].kind).toBe('effect')
    expect(contract['members.create']).toMatchObject({ kind: 'write', rules: { recorded: true, inExample: true } })
    const unrecorded = channelNames.filter((c) => contract[c].kind === 'write' && !contract[c].rules.recorded).sort()
    // The lock's writes swap or rewrite the whole file, or touch only the key file beside it (main/lock/).
    const lockWrites = ['lock.changePassphrase', 'lock.lockNow', 'lock.removePassphrase', 'lock.setIdleMinutes', 'lock.setPassphrase', 'lock.unlock']
    expect(unrecorded).toEqual(['backup.chooseFolder', 'backup.restore', 'backup.run', 'home.leaveExample', 'home.openExample', ...lockWrites])
    const notInExample = channelNames.filter((c) => !contract[c].rules.inExample).sort()
    expect(notInExample).toEqual(['backup.chooseFolder', 'backup.restore', 'backup.run', 'lock.changePassphrase', 'lock.removePassphrase', 'lock.setIdleMinutes', 'lock.setPassphrase'])
    for (const c of channelNames) if (contract[c].kind !== 'write') expect(contract[c].rules.recorded, c).toBe(false)
  })

  it('answers app.info with the database path and the current schema', async () => {
    const r = await s.registry.dispatch('app.info', {})
    expect(r).toMatchObject({ ok: true, value: { databasePath: s.context.databasePath, version: 'test', lastBackupAt: null } })
  })

  it('gives defaults from the locale: Letter paper for the US', async () => {
    const r = await s.registry.dispatch('settings.get', {})
    expect(r).toMatchObject({ ok: true, value: { paperSize: 'Letter', textSize: 'normal', backupKeep: 10, backupReminderDays: 7 } })
  })

  it('saves settings and reads them back', async () => {
    const r = await s.registry.dispatch('settings.update', { congregationName: '  Grace Chapel ', paperSize: 'A4' })
    expect(r).toMatchObject({ ok: true, value: { congregationName: 'Grace Chapel', paperSize: 'A4' } })
    expect(await s.registry.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { congregationName: 'Grace Chapel' } })
  })

  it('refuses invalid input with a plain message per field and writes nothing', async () => {
    const before = settingsRows()
    const r = await s.registry.dispatch('settings.update', { paperSize: 'A5', backupKeep: 0, congregationName: 'x'.repeat(500) })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('invalid_input')
    expect(r.error.fields).toMatchObject({
      paperSize: 'Choose one of the options.',
      backupKeep: 'Keep at least one backup.',
      congregationName: 'Keep the name under 120 characters.',
    })
    expect(r.error.message).toMatch(/Please check 3 things/)
    expect(settingsRows()).toEqual(before)
  })

  it('refuses unknown fields, wrong types and a missing input without writing', async () => {
    const before = settingsRows()
    for (const bad of [{ sneaky: 1 }, 'not an object', null, 42, { textSize: 7 }, { timeZone: 'Mars/Olympus' }]) {
      const r = await s.registry.dispatch('settings.update', bad)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error.code).toBe('invalid_input')
    }
    expect(settingsRows()).toEqual(before)
  })

  it('answers an unknown channel with an error instead of throwing', async () => {
    expect(await s.registry.dispatch('members.dropAll', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
    expect(await s.registry.dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
    expect(await s.registry.dispatch('toString', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
  })

  it('runs writes one at a time, in the order they arrived', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `Name ${i}`)
    const results = await Promise.all(names.map((congregationName) => s.registry.dispatch('settings.update', { congregationName })))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(await s.registry.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { congregationName: 'Name 19' } })
  })
})
