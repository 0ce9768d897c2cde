import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pdfPages } from '../print/read-pdf'
import { testSession } from '../helpers/session'
import { call, refused } from './helpers'

let s: Awaited<ReturnType<typeof testSession>>
beforeAll(async () => {
  s = await testSession()
  await call(s, 'settings.update', { congregationName: 'St Brigid' })
})
afterAll(() => s.close())

const PASSPHRASE = 'blue kettle Zoë 42'

describe('the recovery sheet', () => {
  it('prints the passphrase plainly, letter by letter, with what to do, on one page', async () => {
    const { pdfBase64 } = await call(s, 'backup.recoverySheet', { passphrase: PASSPHRASE })
    const pages = pdfPages(Buffer.from(pdfBase64, 'base64'))
    expect(pages).toHaveLength(1)
    const text = pages[0]!
    expect(text).toContain('Backup recovery sheet')
    expect(text).toContain('St Brigid')
    expect(text).toContain(PASSPHRASE)
    expect(text).toContain('b l u e · k e t t l e · Z o ë · 4 2')
    expect(text).toMatch(/Restore from a backup/)
  })

  it('sends the same sheet to the printer and never stores the passphrase', async () => {
    const r = await call(s, 'backup.printRecoverySheet', { passphrase: PASSPHRASE })
    expect(r.printed).toBe(true)
    expect(s.os.printed).toHaveLength(1)
    expect(pdfPages(s.os.printed[0]!.pdf)[0]).toContain(PASSPHRASE)
    const stored = s.context.sqlite.prepare('select key || value from settings').pluck().all() as string[]
    expect(stored.filter((v) => v.includes('kettle'))).toEqual([])
  })

  it('refuses a passphrase too short to protect anything', async () => {
    const error = await refused(s, 'backup.recoverySheet', { passphrase: 'short' })
    expect(error.fields).toEqual({ passphrase: 'Use a passphrase of at least 8 characters.' })
  })
})
