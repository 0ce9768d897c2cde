import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { _electron as electron } from 'playwright'
import { describe, expect, it } from 'vitest'
import '../helpers/globals'
import { tempDir } from '../helpers/temp'
import { electronAvailability } from './availability'

const available = electronAvailability()
if ('missing' in available) console.log(`electron suite: SKIPPED, ${available.missing}.`)

describe.skipIf('missing' in available)('the real Electron app', () => {
  it('opens one secure window, creates the database, and answers over IPC', async () => {
    const userData = tempDir('hearth-electron-')
    const app = await electron.launch({
      executablePath: (available as { executable: string }).executable,
      args: [resolve(__dirname, '..', '..', 'out', 'main', 'index.js'), '--no-sandbox'],
      env: { ...process.env, HEARTH_USER_DATA: userData },
    })
    try {
      const page = await app.firstWindow()
      await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor()
      const exposed = await page.evaluate(() => ({
        hasApi: typeof window.hearth?.app?.info === 'function',
        hasRequire: typeof (window as unknown as { require?: unknown }).require !== 'undefined',
        hasProcess: typeof (window as unknown as { process?: unknown }).process !== 'undefined',
      }))
      expect(exposed).toEqual({ hasApi: true, hasRequire: false, hasProcess: false })
      const info = await page.evaluate(() => window.hearth.app.info())
      expect(info).toMatchObject({ ok: true, value: { databasePath: join(userData, 'hearth.sqlite') } })
      expect(existsSync(join(userData, 'hearth.sqlite'))).toBe(true)
      const opened = await page.evaluate(() => window.open('https://example.org') === null)
      expect(opened).toBe(true)
    } finally {
      await app.close()
    }
  })
})
