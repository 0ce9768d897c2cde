import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Locator } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HearthPage, launchChromium, openHearthPage } from '../bridge/bridge'
import { revealHeaderButton } from '../bridge/keyboard'
import { call } from '../helpers/session'
import { tempDir } from '../helpers/temp'

// The forms issue 11 left without a guard: typed input is never lost to a stray Escape. Keyboard only.

let browser: Browser
let h: HearthPage
let adaId: number
const dir = tempDir()

beforeAll(async () => {
  browser = await launchChromium()
  h = await openHearthPage(browser, join(dir, 'hearth.sqlite'), dir)
  await call(h.session, 'settings.update', { timeZone: 'Europe/London' })
  adaId = (await call(h.session, 'members.create', { firstName: 'Ada', lastName: 'Okafor' })).id
  await call(h.session, 'members.addNote', { personId: adaId, body: 'Likes visits on Sundays', confidential: false })
  await call(h.session, 'prayerCircles.create', { name: 'Tuesday circle', memberIds: [adaId] })
})
afterAll(async () => {
  await h?.close()
  await browser?.close()
})

const ask = () => h.page.getByRole('dialog', { name: 'Discard changes?' })

/** The question is up and has moved the focus to "Keep editing" (it does so once it has opened, not at once). */
async function asked(): Promise<void> {
  await ask().waitFor()
  await expect.poll(() => ask().getByRole('button', { name: 'Keep editing' }).evaluate((el) => el === document.activeElement), { timeout: 15_000 }).toBe(true)
}

/** Presses Escape, sees the question, keeps editing; then Escape again and discards. */
async function escapeKeepsThenDiscards(field: Locator, typed: string) {
  const { page } = h
  await page.keyboard.press('Escape')
  await asked()
  await page.keyboard.press('Enter')
  await ask().waitFor({ state: 'detached' })
  expect(await field.inputValue()).toBe(typed)

  await field.focus()
  await page.keyboard.press('Escape')
  await ask().getByRole('button', { name: 'Discard changes' }).focus()
  await page.keyboard.press('Enter')
  await ask().waitFor({ state: 'detached' })
}

async function focusAndEnter(target: Locator) {
  await target.focus()
  await h.page.keyboard.press('Enter')
}

async function openAda() {
  const { page } = h
  await page.keyboard.press('Control+3')
  await page.getByRole('heading', { level: 1, name: 'Prayer circles' }).waitFor()
  await page.keyboard.press('Control+1')
  await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor()
  await page.getByRole('listbox', { name: 'People' }).getByRole('option', { name: /Ada Okafor/ }).click()
  return page.getByRole('region', { name: 'Ada Okafor' })
}

/** Opens a dialog from a header button (behind "Actions" when folded), by keyboard. */
async function openFromHeader(button: string, dialog: string) {
  const opener = h.page.getByRole('button', { name: button, exact: true })
  await revealHeaderButton(h.page, opener)
  await focusAndEnter(opener)
  return { opener, dialog: h.page.getByRole('dialog', { name: dialog }) }
}

/** Opens a schedule form from its button, types a title, and checks Escape asks before it is thrown away. */
async function scheduleFormAsks(button: string, typed: string) {
  const { page } = h
  const { opener, dialog } = await openFromHeader(button, button)
  const title = dialog.getByLabel('Title')
  await title.focus()
  await page.keyboard.type(typed)
  await escapeKeepsThenDiscards(title, typed)
  await dialog.waitFor({ state: 'detached' })
  return { opener, dialog }
}

describe('Escape on a form with typed input asks first', () => {
  it('a new prayer vigil: keeps the title on "Keep editing", and opens blank after discarding', async () => {
    const { page } = h
    await page.keyboard.press('Control+3')
    await focusAndEnter(page.getByRole('button', { name: 'Open Tuesday circle' }))
    await page.getByRole('heading', { level: 1, name: 'Tuesday circle' }).waitFor()
    const { opener, dialog } = await scheduleFormAsks('New prayer vigil', 'Lent vigil')

    await revealHeaderButton(page, opener)
    await focusAndEnter(opener)
    expect(await dialog.getByLabel('Title').inputValue()).toBe('')
    // Untouched, it closes at once.
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(await ask().count()).toBe(0)
    expect(h.errors).toEqual([])
  })

  it('a new recurring meeting asks too', async () => {
    await scheduleFormAsks('New meeting or rotation', 'Thursday prayers')
    expect(h.errors).toEqual([])
  })

  it('editing the circle: a changed name is not lost to Escape', async () => {
    const { page } = h
    const { dialog } = await openFromHeader('Edit circle', 'Edit circle')
    const name = dialog.getByLabel('Name of the circle')
    await name.focus()
    await page.keyboard.type(' (evenings)')
    await escapeKeepsThenDiscards(name, 'Tuesday circle (evenings)')
    await dialog.waitFor({ state: 'hidden' })
    await page.getByRole('heading', { level: 1, name: 'Tuesday circle' }).waitFor()
    expect(h.errors).toEqual([])
  })

  it('editing a note: Escape asks, keeps the words, and discarding leaves the note as it was', async () => {
    const { page } = h
    const pane = await openAda()
    await focusAndEnter(pane.getByRole('button', { name: 'Edit note' }))
    const box = pane.getByLabel('Edit note')
    await box.focus()
    await page.keyboard.press('End')
    await page.keyboard.type(' after church')
    await escapeKeepsThenDiscards(box, 'Likes visits on Sundays after church')
    await pane.getByText('Likes visits on Sundays', { exact: true }).waitFor()
    expect(await pane.getByLabel('Edit note').count()).toBe(0)
    expect(await call(h.session, 'members.get', { id: adaId }).then((p) => p.notes.map((n) => n.body))).toEqual(['Likes visits on Sundays'])
    expect(h.errors).toEqual([])
  })

  it('a new note half written: Escape asks before clearing it, and switching section asks too', async () => {
    const { page } = h
    const pane = await openAda()
    const box = pane.getByLabel('New note')
    await box.focus()
    await page.keyboard.type('Brother in hospital')
    await escapeKeepsThenDiscards(box, 'Brother in hospital')
    expect(await box.inputValue()).toBe('')

    await box.focus()
    await page.keyboard.type('Call on Friday')
    await page.keyboard.press('Control+2')
    await asked()
    await page.keyboard.press('Enter')
    await ask().waitFor({ state: 'detached' })
    expect(await box.inputValue()).toBe('Call on Friday')
    expect(h.errors).toEqual([])
  })

  it('the spreadsheet import: a column matched by hand is not lost to Escape', async () => {
    const { page } = h
    // The half-written note of the test before is cleared by hand, so nothing is left to ask about.
    await page.getByRole('region', { name: 'Ada Okafor' }).getByLabel('New note').fill('')
    const path = join(dir, 'people.csv')
    writeFileSync(path, 'First Name,Last Name,Church Notes\nKwame,Mensah,Leads the choir\n')
    h.os.openAnswers.push(path)
    const { dialog } = await openFromHeader('Import from spreadsheet…', 'Import members from a spreadsheet')
    const notes = dialog.getByLabel('Church Notes')
    await notes.focus()
    await page.keyboard.press('N')
    await expect.poll(() => notes.inputValue()).toBe('notes')
    await escapeKeepsThenDiscards(notes, 'notes')
    await dialog.waitFor({ state: 'detached' })
    expect(await call(h.session, 'members.search', {}).then((r) => r.total)).toBe(1)
    expect(h.errors).toEqual([])
  })
})

describe('undo after a private detail was cleared', () => {
  it('puts the rest back and says plainly that the cleared detail cannot come back', async () => {
    const { page } = h
    const ada = { firstName: 'Ada', lastName: 'Okafor' }
    await call(h.session, 'members.update', { id: adaId, ...ada, mobilePhone: '07700 900001', dietaryNotes: 'Carries an EpiPen' })
    await call(h.session, 'members.update', { id: adaId, ...ada, mobilePhone: '07700 900002', dietaryNotes: null })
    await page.keyboard.press('Control+8')
    await page.getByRole('heading', { level: 1, name: 'History' }).waitFor()
    await focusAndEnter(page.getByRole('button', { name: /^Undo: / }).first())
    await page.getByText(/cannot be brought back/).waitFor()
    const back = await call(h.session, 'members.get', { id: adaId })
    expect([back.mobilePhone, back.dietaryNotes]).toEqual(['07700 900001', null])
    expect(h.errors).toEqual([])
  })
})
