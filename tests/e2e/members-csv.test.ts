import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as XLSX from '@e965/xlsx'
import type { Browser } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HearthPage, launchChromium, openHearthPage } from '../bridge/bridge'
import { tempDir } from '../helpers/temp'
import { revealHeaderButton } from '../bridge/keyboard'

let browser: Browser
let h: HearthPage
const dir = tempDir()

const peopleCount = () => h.session.context.sqlite.prepare('select count(*) from people').pluck().get() as number

beforeAll(async () => {
  browser = await launchChromium()
  h = await openHearthPage(browser, join(dir, 'hearth.sqlite'), dir)
  const created = await h.session.registry.dispatch('members.create', { firstName: 'José', lastName: 'Núñez', mobilePhone: '07700 900123' })
  if (!created.ok) throw new Error(created.error.message)
})
afterAll(async () => {
  await h?.close()
  await browser?.close()
})

const CSV = [
  'Family ID,Family Role,First Name,Last Name,Mobile,Email,Birthdate,Church Notes',
  'F1,Head,Kwame,Mensah,07700 900001,kwame@example.org,25/12/1970,Leads the choir',
  'F1,Spouse,Abena,Mensah,07700 900002,abena@example.org,,',
  ',,Jose,Nunez,07700 900123,,,',
  ',,Bob,Stone,,bob@,,',
  ',,Zoë,Brontë,,zoe@example.org,29/02/1984,"Two lines,\nof notes"',
].join('\n')

/** Activates a button with the keyboard alone: focus it, then Enter. */
async function press(name: string | RegExp) {
  const button = h.page.getByRole('button', { name })
  await revealHeaderButton(h.page, button)
  await button.focus()
  await h.page.keyboard.press('Enter')
}

describe('importing and exporting members in Chromium', () => {
  it('imports a spreadsheet with the keyboard: preview, mapping, counts, confirm', async () => {
    const { page } = h
    await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor()
    const path = join(dir, 'congregation.csv')
    writeFileSync(path, CSV)
    h.os.openAnswers.push(path)
    await press('Import from spreadsheet…')

    const dialog = page.getByRole('dialog', { name: 'Import members from a spreadsheet' })
    await dialog.waitFor()
    await dialog.getByText('congregation.csv: 5 rows of people below the headings.').waitFor()
    const table = dialog.getByRole('table')
    await expect(table.getByRole('columnheader', { name: 'Family Role' }).isVisible()).resolves.toBe(true)
    await expect(table.getByRole('cell', { name: 'Kwame', exact: true }).isVisible()).resolves.toBe(true)

    // Hearth's guesses, visible per column.
    await expect(dialog.getByLabel('First Name').inputValue()).resolves.toBe('firstName')
    await expect(dialog.getByLabel('Family ID').inputValue()).resolves.toBe('householdId')
    await expect(dialog.getByLabel('Mobile').inputValue()).resolves.toBe('mobilePhone')
    await expect(dialog.getByLabel('Church Notes').inputValue()).resolves.toBe('')
    await expect(dialog.getByLabel('How are dates like 03/04/1980 written in this file?').inputValue()).resolves.toBe('dmy')

    const status = dialog.getByRole('status')
    await status.getByText('3 new people').waitFor()
    await status.getByText('1 looks like a duplicate').waitFor()
    await status.getByText('1 row can’t be imported').waitFor()
    await status.getByText('1 household will be made or joined.').waitFor()
    await dialog.getByText("Row 5: the email 'bob@' is not an email address").waitFor()
    await dialog.getByText('Row 4: Jose Nunez looks like José Núñez, already in Hearth').waitFor()

    // Map the unrecognised column with the keyboard: focus its list and type the first letter of "Notes".
    await dialog.getByLabel('Church Notes').focus()
    await page.keyboard.press('N')
    await expect(dialog.getByLabel('Church Notes').inputValue()).resolves.toBe('notes')

    // Taking the duplicate too changes the count on the button.
    await dialog.getByLabel('Skip rows that look like people already in Hearth (recommended)').focus()
    await page.keyboard.press('Space')
    await dialog.getByRole('button', { name: 'Import 4 people' }).waitFor()
    await page.keyboard.press('Space')
    await dialog.getByRole('button', { name: 'Import 3 people' }).waitFor()

    expect(peopleCount()).toBe(1)
    await press('Import 3 people')
    await page.getByText('Imported 3 people in 1 household. 2 rows were skipped.').waitFor()
    await dialog.waitFor({ state: 'hidden' })
    expect(peopleCount()).toBe(4)
    const note = h.session.context.sqlite.prepare("select body from person_notes n join people p on p.id = n.person_id where p.first_name = 'Zoë'").pluck().get()
    expect(note).toBe('Two lines,\nof notes')
    const household = h.session.context.sqlite.prepare("select display_name from households where external_id = 'F1'").pluck().get()
    expect(household).toBe('Kwame & Abena Mensah')
    expect(h.errors).toEqual([])
  })

  it('says plainly why a malformed file cannot be read, and writes nothing', async () => {
    const path = join(dir, 'broken.csv')
    writeFileSync(path, 'First Name,Last Name,Notes\nAmy,Ng,"never closed\n')
    h.os.openAnswers.push(path)
    await press('Import from spreadsheet…')
    await h.page.getByText(/Hearth could not read this file: a quotation mark in row 2 is never closed/).waitFor()
    await expect(h.page.getByRole('dialog', { name: 'Import members from a spreadsheet' }).count()).resolves.toBe(0)
    expect(peopleCount()).toBe(4)
    expect(h.errors).toEqual([])
  })

  it('exports the list to the file the volunteer chose', async () => {
    const target = join(dir, 'members.csv')
    h.os.saveAnswers.push(target)
    await press('Export this list (CSV)…')
    await h.page.getByText('Saved 4 people to members.csv.').waitFor()
    expect(existsSync(target)).toBe(true)
    const text = readFileSync(target, 'utf8')
    expect(text.startsWith('\uFEFFFirst Name,Last Name,')).toBe(true)
    expect(text).toContain('Zoë,Brontë')
    expect(h.errors).toEqual([])
  })
})

describe('importing a workbook in Chromium', () => {
  it('imports an .xlsx through the dialog: picks the sheet, shows the changes, keeps everyone', async () => {
    const { page } = h
    const book = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Choir rota'], ['Sunday', 'Kwame']]), 'Rota')
    const people = XLSX.utils.aoa_to_sheet([
      ['First Name', 'Last Name', 'Mobile', 'Birthday', 'Membership Status', 'Address'],
      ['Αικατερίνη', 'Παπαδοπούλου-Ιωάννου', null, '14 March', 'Catechumen', '3 Odos Ermou\nAthens'],
      ['Nguyễn', 'Thị Minh Khai', '4.47701E+11', null, 'Visitor', null],
    ])
    // A phone stored as a number, shown with its leading zero by its format.
    people.C2 = { t: 'n', v: 7700900555, z: '00000000000' }
    XLSX.utils.book_append_sheet(book, people, 'People')
    const path = join(dir, 'congregation.xlsx')
    writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
    const before = peopleCount()
    h.os.openAnswers.push(path)
    await press('Import from spreadsheet…')

    const dialog = page.getByRole('dialog', { name: 'Import members from a spreadsheet' })
    await dialog.waitFor()
    // The rota sheet has a heading and one row, so it opens first; the volunteer picks People with the keyboard.
    const sheet = dialog.getByLabel('Which sheet holds the people?')
    await expect(sheet.inputValue()).resolves.toBe('Rota')
    await sheet.focus()
    await page.keyboard.press('P')
    await dialog.getByText('congregation.xlsx: 2 rows of people below the headings.').waitFor()
    await expect(dialog.getByRole('table').getByRole('cell', { name: '07700900555' }).isVisible()).resolves.toBe(true)

    const status = dialog.getByRole('status')
    await status.getByText('2 new people').waitFor()
    await status.getByText('0 rows can’t be imported').waitFor()
    await dialog.getByRole('heading', { name: 'Rows imported with a change — please look them over' }).waitFor()
    await dialog.getByText("Row 2: the membership status 'Catechumen' is not one Hearth knows, so they come in as a member with the tag 'Catechumen'").waitFor()
    await dialog.getByText(/Row 3: the mobile phone '4\.47701E\+11' lost its last digits/).waitFor()

    await press('Import 2 people')
    await dialog.waitFor({ state: 'hidden' })
    expect(peopleCount()).toBe(before + 2)
    const kept = h.session.context.sqlite
      .prepare("select mobile_phone, birth_month_day, address_line1, address_line2 from people where first_name = 'Αικατερίνη'")
      .get()
    expect(kept).toEqual({ mobile_phone: '07700900555', birth_month_day: '03-14', address_line1: '3 Odos Ermou', address_line2: 'Athens' })
    expect(h.errors).toEqual([])
  })
})
