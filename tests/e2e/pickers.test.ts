import { join } from 'node:path'
import type { Browser } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HearthPage, launchChromium, openHearthPage } from '../bridge/bridge'
import { openSection, pickWithKeyboard } from '../bridge/keyboard'
import { call } from '../helpers/session'
import { tempDir } from '../helpers/temp'
import { addPeople } from '../prayer-circles/people'

// Pickers and forms that start from what they show (issue 29): typing after a click replaces a picker's text,
// every form opens with its own values, and an empty required box is answered in the app's words.

let browser: Browser
let h: HearthPage
const dir = tempDir()

beforeAll(async () => {
  browser = await launchChromium()
  h = await openHearthPage(browser, join(dir, 'hearth.sqlite'), dir)
  const [ann, ben] = (await addPeople(h.session, ['Ann Abbott', 'Bartholomew Featherstonehaugh-Ó Súilleabháin', 'Cara Cole'])) as [number, number]
  const circle = await call(h.session, 'prayerCircles.create', { name: 'Adorers', leaderPersonId: ann, memberIds: [ben] })
  await call(h.session, 'standingHours.create', { circleId: circle.id, title: 'Chapel', weekdays: [1, 2], fromTime: '09:00', toTime: '12:00', slotMinutes: 60, peoplePerSlot: 1 })
})
afterAll(async () => {
  await h?.close()
  await browser?.close()
})

describe('pickers and forms in Chromium', () => {
  it('replaces a picker’s text with what is typed after a click: "London", not "UTCLondon"', async () => {
    const { page } = h
    await openSection(page, 'Control+6', page.getByRole('heading', { level: 1, name: 'Settings' }))
    const zone = page.getByRole('textbox', { name: 'Time zone' }).or(page.getByRole('combobox', { name: 'Time zone' })).first()
    const before = await zone.inputValue()
    expect(before.length).toBeGreaterThan(0)
    await zone.click()
    await page.keyboard.type('London')
    expect(await zone.inputValue()).toBe('London')
    await page.getByRole('option', { name: 'Europe/London' }).waitFor()
    await page.keyboard.press('Escape')
    // A second click in the box places the caret as usual: only the click that brings the focus selects.
    await zone.click()
    await page.keyboard.press('End')
    await page.keyboard.type('x')
    expect(await zone.inputValue()).toMatch(/x$/)
    expect(h.errors).toEqual([])
  })

  it('opens the substitute form with each person’s own limit, never the last one’s', async () => {
    const { page } = h
    await openSection(page, 'Control+3', page.getByRole('heading', { level: 1, name: 'Prayer circles' }))
    await page.getByRole('button', { name: 'Open Adorers' }).click()
    await page.getByRole('tab', { name: 'Schedules' }).click()
    await page.getByRole('button', { name: 'Open Chapel' }).click()
    await page.getByRole('tab', { name: 'Substitute pool' }).click()
    const person = page.getByLabel('Member offering to substitute', { exact: true }).first()
    const most = page.getByLabel('Times a month, at most')

    await pickWithKeyboard(page, person, 'Featherstone', /Bartholomew/)
    await most.fill('2')
    await page.getByRole('button', { name: 'Add to the pool' }).click()
    await page.getByRole('cell', { name: /Bartholomew/ }).first().waitFor()
    expect(await most.inputValue()).toBe('')

    await pickWithKeyboard(page, person, 'Cara', /Cara Cole/)
    expect(await most.inputValue()).toBe('')
    // Back to the picker from the next box, as a volunteer would: its text is selected, so typing replaces it.
    await most.focus()
    await person.focus()
    await page.keyboard.type('Featherstone')
    expect(await person.inputValue()).toBe('Featherstone')
    await page.getByRole('option', { name: /Bartholomew/ }).click()
    expect(await most.inputValue()).toBe('2')
    expect(h.errors).toEqual([])
  })

  it('answers an empty required name in the app’s words, with no browser bubble', async () => {
    const { page } = h
    await openSection(page, 'Control+3', page.getByRole('heading', { level: 1, name: 'Prayer circles' }))
    await page.getByRole('button', { name: 'New circle' }).click()
    const dialog = page.getByRole('dialog', { name: 'New circle' })
    const name = dialog.getByLabel('Name of the circle')
    await name.waitFor()
    expect(await name.evaluate((el) => (el as HTMLInputElement).required)).toBe(true)
    await dialog.getByRole('button', { name: 'Create circle' }).click()
    await expect.poll(() => name.getAttribute('aria-invalid'), { timeout: 15_000 }).toBe('true')
    const said = await name.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')?.split(' ').find((id) => id.endsWith('error')) ?? '')?.textContent ?? '')
    expect(said.length).toBeGreaterThan(0)
    expect(h.session.context.sqlite.prepare("select count(*) from prayer_circles where name = ''").pluck().get()).toBe(0)
    expect(h.errors).toEqual([])
  })
})
