import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HearthPage, launchChromium, openHearthPage } from '../bridge/bridge'
import { addPerson } from '../backup/helpers'
import { tempDir } from '../helpers/temp'

let browser: Browser
let h: HearthPage
const dir = tempDir()
const stick = tempDir('hearth-stick-')
const PASSPHRASE = 'blue kettle on the vestry shelf'

beforeAll(async () => {
  browser = await launchChromium()
  h = await openHearthPage(browser, join(dir, 'hearth.sqlite'), dir)
  await h.session.registry.dispatch('settings.update', { congregationName: 'St Brigid' })
  addPerson(h.session.context.sqlite, 'Ada', 'Lovelace')
  await h.page.reload()
})
afterAll(async () => {
  await h?.close()
  await browser?.close()
})

describe('backing up and restoring in Chromium', () => {
  it('backs up to a USB folder with the keyboard, and the header shows it', async () => {
    const { page } = h
    await page.getByText('Never backed up').waitFor()
    await page.keyboard.press('Control+5')
    await page.getByRole('heading', { level: 1, name: 'Backup' }).waitFor()
    await expect(page.getByLabel('Lock the backup with a passphrase (recommended)').isChecked()).resolves.toBe(true)

    h.os.folderAnswers.push(stick)
    await page.getByLabel('Passphrase', { exact: true }).focus()
    await page.keyboard.type(PASSPHRASE)
    await page.keyboard.press('Tab')
    await page.keyboard.type('not the same')
    await page.keyboard.press('Enter')
    await page.getByText('The two passphrases are not the same.').waitFor()
    expect(readdirSync(stick)).toEqual([])

    await page.getByLabel('Type the passphrase again').fill('')
    await page.getByLabel('Type the passphrase again').focus()
    await page.keyboard.type(PASSPHRASE)
    await page.keyboard.press('Enter')
    await page.getByRole('status').getByText(/Backed up to hearth-.*\.sqlite\.hearthenc/).waitFor()
    await page.getByText('Last backed up today').waitFor()
    expect(readdirSync(stick)).toHaveLength(1)
    await page.getByText(stick).waitFor()
    await page.getByRole('cell', { name: readdirSync(stick)[0]! }).waitFor()
    expect(h.os.asked.filter((a) => a.kind === 'folder')).toHaveLength(1)
    expect(h.errors).toEqual([])
  })

  it('previews the recovery sheet before printing it', async () => {
    const { page } = h
    await page.getByRole('button', { name: 'Recovery sheet for this passphrase…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Recovery sheet' })
    await dialog.getByRole('img', { name: 'Page 1 of 1' }).waitFor({ timeout: 30_000 })
    await dialog.getByRole('button', { name: 'Print' }).click()
    await page.getByText('Sent to the printer.').last().waitFor()
    expect(h.os.printed).toHaveLength(1)
    expect(h.os.printed[0]!.jobName).toBe('Hearth backup recovery sheet')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    expect(h.errors).toEqual([])
  })

  it('restores the backup after a change, asking for the passphrase and showing what is inside first', async () => {
    const { page } = h
    await page.keyboard.press('Control+6')
    await page.getByLabel('Name of your congregation or group').fill('Renamed after the backup')
    await page.getByRole('button', { name: 'Save' }).click()
    await page.getByText('Saved').first().waitFor()

    await page.keyboard.press('Control+5')
    await page.getByRole('heading', { level: 1, name: 'Backup' }).waitFor()
    const file = join(stick, readdirSync(stick)[0]!)
    h.os.openAnswers.push(file)
    await page.getByRole('button', { name: 'Restore from a backup…' }).focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('Passphrase for this backup').waitFor()
    await page.keyboard.type('the wrong passphrase')
    await page.keyboard.press('Enter')
    await dialog.getByText(/That passphrase does not open/).waitFor()

    await dialog.getByLabel('Passphrase for this backup').fill('')
    await dialog.getByLabel('Passphrase for this backup').focus()
    await page.keyboard.type(PASSPHRASE)
    await page.keyboard.press('Enter')
    await dialog.getByText('1 person').waitFor()
    await dialog.getByText('0 care calendars').waitFor()
    await dialog.getByText(/^Made /).waitFor()
    // Nothing has changed yet.
    expect(h.session.context.sqlite.prepare("select value from settings where key = 'congregationName'").pluck().get()).toBe(
      JSON.stringify('Renamed after the backup'),
    )

    await dialog.getByRole('button', { name: 'Replace my data with this backup' }).focus()
    await page.keyboard.press('Enter')
    await dialog.waitFor({ state: 'hidden' })
    await page.getByText(/Restored\. Hearth now shows the data from/).waitFor()

    await page.keyboard.press('Control+6')
    await expect(page.getByLabel('Name of your congregation or group').inputValue()).resolves.toBe('St Brigid')
    await page.getByText('Last backed up today').waitFor()
    expect(h.errors).toEqual([])
  })

  it('explains a refused file in plain words', async () => {
    const { page } = h
    await page.keyboard.press('Control+5')
    h.os.openAnswers.push(join(dir, 'hearth.sqlite-not-there'))
    await page.getByRole('button', { name: 'Restore from a backup…' }).click()
    await page.getByRole('alert').getByText('Hearth cannot find hearth.sqlite-not-there any more. If it is on a USB stick, check that it is plugged in.').waitFor()
    expect(h.errors).toEqual([])
  })

  it('warns before restoring an older backup that carries no seal, and changes nothing when cancelled', async () => {
    const { page } = h
    const older = join(tempDir('hearth-older-'), 'hearth-2025-06-01-1000.sqlite')
    h.session.context.sqlite.prepare('VACUUM INTO ?').run(older)
    h.os.openAnswers.push(older)
    await page.getByRole('button', { name: 'Restore from a backup…' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByText('This backup cannot prove it is unchanged').waitFor()
    await dialog.getByText('1 person').waitFor()
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    expect(h.errors).toEqual([])
  })
})
