import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { examplePath } from '../../main/home/write-example'
import { type HearthPage, launchChromium, openHearthPage } from '../bridge/bridge'
import { sha256, tempDir } from '../helpers/temp'

let browser: Browser
let h: HearthPage
const dir = tempDir()
const realPath = join(dir, 'hearth.sqlite')

beforeAll(async () => {
  browser = await launchChromium()
  // As Hearth itself starts: on the home.
  h = await openHearthPage(browser, realPath, dir, 'en-GB', 'home')
})
afterAll(async () => {
  await h?.close()
  await browser?.close()
})

/** Focuses a button and presses Enter, as someone using only the keyboard would. */
async function press(name: string) {
  const button = h.page.getByRole('button', { name, exact: true })
  await button.focus()
  await h.page.keyboard.press('Enter')
}

describe('the home in Chromium', () => {
  it('opens an empty Hearth on a first-run checklist, with no empty lists and nothing said twice', async () => {
    const { page } = h
    await page.getByRole('heading', { level: 1, name: 'This week' }).waitFor()
    await page.getByRole('heading', { name: 'Getting started' }).waitFor()
    const steps = page.getByRole('listitem')
    expect(await steps.allInnerTexts()).toEqual([
      expect.stringMatching(/Name your congregation and choose the paper size\s+To do\s+Open Settings/),
      expect.stringMatching(/Choose where backups go.*\s+To do\s+Choose a backup folder/),
      expect.stringMatching(/Bring your people in\s+To do\s+Import a spreadsheet\s+Add the first person/),
      expect.stringMatching(/Protect the records with a passphrase \(recommended\)\s+To do\s*·\s*Without one, anyone at this computer can open Hearth\.\s+Set a passphrase…/),
    ])
    expect(await page.getByText('No one matches').count()).toBe(0)
    expect(await page.getByRole('heading', { name: 'Needs a person' }).count()).toBe(0)
    expect(h.errors).toEqual([])
  })

  it('keeps each step number round beside words that fill two lines, at 800×600 with Large text', async () => {
    const { page } = h
    const before = page.viewportSize()!
    await h.session.registry.dispatch('settings.update', { textSize: 'large' })
    await page.setViewportSize({ width: 800, height: 600 })
    await page.reload()
    try {
      const numbers = page.locator('.home-steps .mantine-Badge-root')
      await numbers.first().waitFor()
      const squeezed = await numbers.evaluateAll((badges) => badges.map((b) => Math.round(b.getBoundingClientRect().height - b.getBoundingClientRect().width)))
      expect(squeezed).toEqual([0, 0, 0, 0])
    } finally {
      await h.session.registry.dispatch('settings.update', { textSize: 'normal' })
      await page.setViewportSize(before)
      await page.reload()
    }
  })

  it('takes each checklist step to the place that does it, and ticks it off when done', async () => {
    const { page } = h
    await press('Open Settings')
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
    await page.getByLabel('Name of your congregation or group').fill('St Brigid’s')
    await press('Save')
    await page.getByText('Saved').first().waitFor()

    await page.keyboard.press('Control+H')
    await page.getByText('St Brigid’s, printing on A4').waitFor()
    await press('Choose a backup folder')
    await page.getByRole('heading', { level: 1, name: 'Backup' }).waitFor()
    const stick = join(dir, 'usb')
    mkdirSync(stick)
    h.os.folderAnswers.push(stick)
    await press('Choose folder…')
    await page.getByText(stick).first().waitFor()

    await page.keyboard.press('Control+H')
    await page.getByText(`Backups go to ${stick}`).waitFor()
    await press('Add the first person')
    await page.getByRole('dialog', { name: 'Add a person' }).waitFor()
    await page.keyboard.press('Escape')
    expect(h.errors).toEqual([])
  })

  it('opens the example congregation in its own file, never touching the real one, and leaves it again', async () => {
    const { page } = h
    await page.keyboard.press('Control+H')
    await press('Open the example congregation')
    await page.getByText('You are looking at a made-up example congregation', { exact: false }).waitFor()
    // The real file is closed now (its write-ahead log folded in), so its bytes are stable to compare.
    expect(existsSync(`${realPath}-wal`)).toBe(false)
    const before = sha256(realPath)
    expect(h.session.context.databasePath).toBe(examplePath(realPath))
    expect(await page.getByText('Example congregation', { exact: true }).first().isVisible()).toBe(true)

    // The open meal slot: one button straight to the train.
    await press('Find cooks for The Okafor family')
    await page.getByRole('heading', { level: 1, name: 'The Okafor family' }).waitFor()
    // The vigil gap: one button straight to the schedule.
    await page.keyboard.press('Control+H')
    await press('Fill the gaps in Night of prayer')
    await page.getByRole('heading', { level: 1, name: 'Night of prayer' }).waitFor()

    // Changes in the example, and a backup refused, leave the real file exactly as it was.
    await h.session.registry.dispatch('members.create', { firstName: 'Try', lastName: 'Out' })
    const backup = await h.session.registry.dispatch('backup.run', {})
    expect(backup.ok).toBe(false)
    expect(sha256(realPath)).toBe(before)

    await page.keyboard.press('Control+H')
    await press('Leave the example')
    await page.getByRole('heading', { name: 'Getting started' }).waitFor()
    await page.getByText('St Brigid’s, printing on A4').waitFor()
    expect(h.session.context.databasePath).toBe(realPath)
    expect(await page.getByText('Example congregation', { exact: true }).count()).toBe(0)
    expect(h.errors).toEqual([])
  })

  it('with people and plans, lists what needs a person and what is happening, with phone numbers', async () => {
    const { page } = h
    await h.session.registry.dispatch('home.openExample', {})
    await page.reload()
    await page.getByRole('heading', { name: 'Needs a person' }).waitFor()
    await page.getByText('The Okafor family: 4 meals without a cook').waitFor()
    await page.getByText(/Night of prayer \(Tuesday prayer circle\): 4 times with nobody praying/).waitFor()
    await page.getByText(/John Smith needs a substitute for Night of prayer/).waitFor()
    await page.getByText(/Peter Nowak’s meal for The Okafor family .* needs a new day/).waitFor()
    const happening = page.getByRole('region', { name: 'What is happening' })
    expect(await happening.innerText()).toMatch(/Dinner for The Okafor family, 17:30–18:30: Maria Fernández · 07700 900104 · Chicken casserole/)
    await page.getByRole('heading', { name: 'Prayer requests ending soon' }).waitFor()
    expect(await page.getByText('A private family matter').count()).toBe(0)
    await page.getByRole('heading', { name: 'Birthdays' }).waitFor()
    await page.getByText('30 days', { exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'The next 30 days' }).waitFor()
    await page.getByText('The Okafor family: 11 meals without a cook').waitFor()
    await h.session.registry.dispatch('home.leaveExample', {})
    expect(h.errors).toEqual([])
  })
})
