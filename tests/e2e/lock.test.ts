import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Browser, Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APP_ORIGIN, type HearthPage, launchChromium, openHearthPage } from '../bridge/bridge'
import { call } from '../helpers/session'
import { tempDir } from '../helpers/temp'

const PASSPHRASE = 'Lanterns along the harbour wall'
const SECRET_NAME = 'Wilhelmina'

let browser: Browser
let h: HearthPage
const dir = tempDir()

beforeAll(async () => {
  browser = await launchChromium()
  h = await openHearthPage(browser, join(dir, 'hearth.sqlite'), dir, 'en-GB', 'settings')
  await call(h.session, 'settings.update', { congregationName: 'St Columba’s by the Sea' })
  await call(h.session, 'members.create', { firstName: SECRET_NAME, lastName: 'Zwiebelhofer', dietaryNotes: 'Coeliac; bring gluten-free bread' })
})
afterAll(async () => {
  await h?.close()
  await browser?.close()
})

const lockScreen = (page: Page) => page.getByRole('heading', { name: 'Hearth is locked' })

/** Text the volunteer could read on screen: what is rendered and visible, dialogs and notices included. */
function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText)
}

async function unlock(page: Page, passphrase = PASSPHRASE): Promise<void> {
  await page.getByLabel('Passphrase').fill(passphrase)
  await page.getByRole('button', { name: 'Unlock' }).click()
}

describe('the passphrase and the lock, on screen', () => {
  it('sets a passphrase from Settings after saying plainly what losing it means, and shows the recovery sheet once', async () => {
    const { page } = h
    await page.goto(`${APP_ORIGIN}/index.html#/settings`)
    await page.getByText('Anyone who sits down at this computer can open Hearth').waitFor()
    await page.getByRole('button', { name: 'Set a passphrase…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Set a passphrase' })
    await dialog.getByText('nobody can open the data again').waitFor()
    await dialog.getByLabel('New passphrase').fill(PASSPHRASE)
    await dialog.getByLabel('The same passphrase again').fill(PASSPHRASE)
    const submit = dialog.getByRole('button', { name: 'Encrypt and set the passphrase' })
    // Never forced, never by accident: the button waits for the volunteer to say they understand.
    await expect(submit.isDisabled()).resolves.toBe(true)
    await dialog.getByLabel('I understand').check()
    // A double click rewrites the file once.
    await submit.dblclick()
    const sheet = page.getByRole('dialog', { name: 'Recovery sheet' })
    const key = (await sheet.getByLabel('Recovery key').textContent())!.trim()
    expect(key).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/)
    await sheet.getByRole('button', { name: 'Print the recovery sheet' }).click()
    await expect.poll(() => h.os.printed.length).toBe(1)
    await sheet.getByRole('button', { name: 'I have printed it' }).click()
    await page.getByText('The congregation’s file is encrypted.').waitFor()
    expect(h.session.context.lock.encrypted).toBe(true)
    expect(h.errors).toEqual([])
  })

  it('locks on Lock now with what was being typed kept, unseen, and there again after unlocking', async () => {
    const { page } = h
    await page.goto(`${APP_ORIGIN}/index.html#/members/new`)
    const dialog = page.getByRole('dialog', { name: 'Add a person' })
    await dialog.getByLabel('First name').fill('Half-typed Bartholomew')
    await page.keyboard.press('Control+L')
    await lockScreen(page).waitFor()
    await page.getByText('For St Columba’s by the Sea').waitFor()
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([])
    const shown = await visibleText(page)
    expect(shown).not.toContain('Bartholomew')
    expect(shown).not.toContain(SECRET_NAME)
    expect(shown).not.toContain('Add a person')
    // The keyboard cannot reach the hidden form either.
    for (let i = 0; i < 6; i++) await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.closest('[inert]') === null)).toBe(true)

    await unlock(page, 'lanterns along the harbour wall')
    await page.getByText('That is not the passphrase.').waitFor()
    await unlock(page)
    await lockScreen(page).waitFor({ state: 'detached' })
    await expect(dialog.getByLabel('First name').inputValue()).resolves.toBe('Half-typed Bartholomew')
    expect(h.errors.filter((e) => !e.includes('locked'))).toEqual([])
  })

  it('locks when the computer’s screen locks', async () => {
    const { page } = h
    await page.goto(`${APP_ORIGIN}/index.html#/home`)
    await page.getByRole('button', { name: 'Lock now (Ctrl+L)' }).waitFor()
    h.os.lockScreen()
    await lockScreen(page).waitFor({ timeout: 10_000 })
    expect(await visibleText(page)).not.toContain(SECRET_NAME)
    await unlock(page)
    await lockScreen(page).waitFor({ state: 'detached' })
  })

  it('locks itself after the idle time by the wall clock, counting time the computer slept', async () => {
    const { page } = h
    await call(h.session, 'lock.setIdleMinutes', { minutes: 1 })
    // A fresh page, so every timer it sets runs on the installed clock.
    await page.goto('about:blank')
    await page.clock.install()
    await page.goto(`${APP_ORIGIN}/index.html#/home`)
    await page.getByRole('button', { name: 'Lock now (Ctrl+L)' }).waitFor()
    // Forty seconds of typing keep it open; then a "sleep" of a minute and a half without a tick in between.
    await page.clock.runFor(40_000)
    await page.keyboard.press('Shift')
    await page.clock.runFor(30_000)
    expect(await lockScreen(page).count()).toBe(0)
    await page.clock.fastForward(90_000)
    // Time flows again (the page's own updates wait on timers too), and the next check finds the window idle.
    await page.clock.resume()
    await lockScreen(page).waitFor({ timeout: 15_000 })
    expect(h.session.context.lock.locked).toBe(true)
  })
})
