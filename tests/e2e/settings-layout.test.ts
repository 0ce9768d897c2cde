import { join } from 'node:path'
import type { Browser } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HearthPage, launchChromium, openHearthPage } from '../bridge/bridge'
import { call } from '../helpers/session'
import { tempDir } from '../helpers/temp'

// The prayer chain's two call times sit side by side; help text over only one of them once pushed it lower.

let browser: Browser
let h: HearthPage
const dir = tempDir()

beforeAll(async () => {
  browser = await launchChromium()
  h = await openHearthPage(browser, join(dir, 'hearth.sqlite'), dir, 'en-GB', 'settings', { width: 800, height: 600 })
})
afterAll(async () => {
  await h?.close()
  await browser?.close()
})

describe('Settings at 800×600 with Large text', () => {
  it.each([
    ['en', 'Prayer chain: calling hours', 'Call from', 'Call until'],
    ['fr', 'Chaîne de prière : heures d’appel', 'Appeler à partir de', 'Appeler jusqu’à'],
    ['ar', 'سلسلة الصلاة: ساعات الاتصال', 'الاتصال من', 'الاتصال حتى'],
  ])('%s: the call-from and call-until boxes sit level, in one group that carries the help', async (language, group, from, until) => {
    const { page } = h
    await call(h.session, 'settings.update', { language, textSize: 'large' })
    await page.reload()
    const hours = page.getByRole('group', { name: group })
    await hours.waitFor()
    const [a, b] = [await hours.getByRole('textbox', { name: from }).boundingBox(), await hours.getByRole('textbox', { name: until }).boundingBox()]
    expect(a && b).toBeTruthy()
    expect(Math.abs(a!.y - b!.y)).toBeLessThan(1)
    expect(Math.abs(a!.height - b!.height)).toBeLessThan(1)
    await expect.poll(() => hours.getAttribute('aria-describedby')).toBe('chain-call-hours-help')
    expect(h.errors).toEqual([])
  })
})
