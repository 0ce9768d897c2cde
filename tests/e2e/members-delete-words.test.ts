import { join } from 'node:path'
import type { Browser } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HearthPage, launchChromium, openHearthPage } from '../bridge/bridge'
import { call } from '../helpers/session'
import { tempDir } from '../helpers/temp'

// The delete dialog says what refers to a person by the catalog's word for each kind of record, in the language
// chosen in Settings (the database names its tables in English).

let browser: Browser
let h: HearthPage
const dir = tempDir()

beforeAll(async () => {
  browser = await launchChromium()
  h = await openHearthPage(browser, join(dir, 'hearth.sqlite'), dir, 'de-DE')
  const ann = await call(h.session, 'members.create', { firstName: 'Ann', lastName: 'Lee', tags: ['Chor'] })
  await call(h.session, 'members.addNote', { personId: ann.id, body: 'Ruft gern zurück', confidential: false })
  await call(h.session, 'settings.update', { language: 'de' })
  await h.page.reload()
})
afterAll(async () => {
  await h?.close()
  await browser?.close()
})

describe('the delete dialog in German', () => {
  it('lists the tag and the note in German words', async () => {
    const { page } = h
    await page.getByRole('option', { name: /Ann Lee/ }).click()
    await page.getByRole('region', { name: 'Ann Lee' }).getByRole('button', { name: 'Löschen', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Ann Lee löschen?' })
    await dialog.getByText('1 × Notiz (werden mitgelöscht)').waitFor()
    await expect(dialog.getByText('1 × Gruppe oder Fähigkeit (werden mitgelöscht)').isVisible()).resolves.toBe(true)
    await expect(dialog.getByText(/tag or skill|note/).count()).resolves.toBe(0)
    expect(h.errors).toEqual([])
  })
})
