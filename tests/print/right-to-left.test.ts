import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Channel, InputOf } from '../../main/contract'
import type { PrintProfile, PrintRequest } from '../../main/contract/print'
import { labelCorner, LABEL_PADDING, SHEETS } from '../../main/print/documents/labels'
import { call, testSession } from '../helpers/session'
import { generateCongregation } from './congregation'
import { pdfInfo, pdfWords, previewPdf } from './read-pdf'
import { addHousehold, addPerson } from './seed'

// An Arabic printout is the mirror image of the English one: read back with poppler, the first column's words sit
// at the right of the page and the page frame's corners are swapped. The English copy keeps its layout.

let s: Awaited<ReturnType<typeof testSession>>
let trainId: number
let circleId: number

const ok = <C extends Channel>(channel: C, input: InputOf<C>) => call(s, channel, ...([input] as [InputOf<C>]))
type Word = ReturnType<typeof pdfWords>[number]

// A4 with the frame's 40-point margins.
const PAGE_WIDTH = 595.28
const LEFT = 40
const RIGHT = PAGE_WIDTH - 40

async function pdfOf(language: 'ar' | 'en', request: PrintRequest, profile: PrintProfile): Promise<Uint8Array> {
  await ok('settings.update', { language })
  return previewPdf(s, request, profile)
}

async function words(language: 'ar' | 'en', request: PrintRequest, profile: PrintProfile): Promise<Word[]> {
  return pdfWords(await pdfOf(language, request, profile))
}

const onPage = (all: Word[], page: number) => all.filter((w) => w.page === page)
const first = (all: Word[], text: string) => {
  const found = all.find((w) => w.text === text)
  if (!found) throw new Error(`"${text}" is not on the page: ${all.map((w) => w.text).join(' ')}`)
  return found
}
/** The words on the line of `word`, left to right. */
const lineOf = (all: Word[], word: Word) => all.filter((w) => w.page === word.page && Math.abs(w.yMin - word.yMin) < 3).sort((a, b) => a.xMin - b.xMin)
const header = (all: Word[]) => onPage(all, 1).filter((w) => w.yMax < 45)
const footer = (all: Word[]) => onPage(all, 1).filter((w) => w.yMin > 800)

beforeAll(async () => {
  s = await testSession('en-GB')
  await ok('settings.update', { congregationName: 'St Brigid’s', timeZone: 'Europe/London', paperSize: 'A4' })
  const db = s.context.db
  const { personIds } = await generateCongregation(db, 60)
  const haddad = await addHousehold(db, { display_name: 'عائلة الحداد', address_line1: '12 شارع الملك فيصل', city: 'عمّان', home_phone: '+962 6 555 0101' })
  await addPerson(db, { household_id: haddad, household_role: 'head', first_name: 'أحمد', last_name: 'الحداد', mobile_phone: '+962 79 555 0102' })
  ;({ id: trainId } = await ok('mealTrains.create', {
    recipientName: 'The Okafor family',
    reason: 'Recovering from surgery',
    startsOn: '2026-03-27',
    endsOn: '2026-03-29',
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    meals: [{ meal: 'dinner', from: '17:30', to: '18:30' }],
    adults: 2,
    children: 1,
  }))
  await ok('mealTrains.signUp', { trainId, date: '2026-03-28', meal: 'dinner', volunteer: { name: 'Grace Mensah', phone: '07700 900555' }, dish: 'Jollof rice' })
  ;({ id: circleId } = await ok('prayerCircles.create', { name: 'Tuesday circle', leaderPersonId: personIds[0]!, memberIds: personIds.slice(0, 4) }))
}, 120_000)
afterAll(() => s.close())

describe('the directory', () => {
  it('in Arabic: its first column, title and congregation at the right, the page number at the left', async () => {
    const all = await words('ar', { document: 'directory' }, 'volunteer')
    const page = onPage(all, 1)
    // The first letter heading opens the first column, flush with the right margin; the second column is at the left.
    const letter = first(page, 'A')
    expect(letter.xMax).toBeGreaterThan(RIGHT - 2)
    expect(page.some((w) => w.yMin > letter.yMin + 40 && w.xMax < PAGE_WIDTH / 2 - 20)).toBe(true)
    // The title's line ends at the right margin.
    const title = page.filter((w) => w.yMin > 60 && w.yMax < 112)
    expect(Math.max(...title.map((w) => w.xMax))).toBeGreaterThan(RIGHT - 2)
    expect(Math.min(...title.map((w) => w.xMin))).toBeGreaterThan(PAGE_WIDTH / 2)
    // The congregation's name (a Latin name, in its own order) is in the right corner, the date printed in the left.
    const brigid = first(header(all), 'Brigid’s')
    expect(brigid.xMax).toBeGreaterThan(RIGHT - 2)
    expect(first(header(all), 'St').xMax).toBeLessThan(brigid.xMin)
    expect(Math.min(...header(all).map((w) => w.xMin))).toBeLessThan(LEFT + 2)
    // "Page 1 of n" reads from the right, so the count ends the line at the left margin.
    const bottom = footer(all).sort((a, b) => a.xMin - b.xMin)
    expect(bottom[0]!.xMin).toBeLessThan(LEFT + 2)
    expect(bottom[0]!.text).toMatch(/^\d+$/)
    // A Latin address line inside keeps its order: the house number before the street.
    const street = first(page, 'Street')
    const number = lineOf(page, street).filter((w) => /^\d+$/.test(w.text) && w.xMax <= street.xMin)
    expect(number.length).toBe(1)
    // After an Arabic word ("home"), a phone number keeps its groups in their order, left to right.
    const groups = lineOf(all, first(all, '0101'))
    expect(groups.map((w) => w.text).slice(0, 4)).toEqual(['+962', '6', '555', '0101'])
    expect(groups.length).toBeGreaterThan(4)
  })

  it('in English: the same directory left to right', async () => {
    const all = await words('en', { document: 'directory' }, 'volunteer')
    const page = onPage(all, 1)
    expect(first(page, 'A').xMin).toBeLessThan(LEFT + 2)
    expect(first(page, 'Member').xMin).toBeLessThan(LEFT + 2)
    expect(first(header(all), 'St').xMin).toBeLessThan(LEFT + 2)
    const bottom = footer(all).sort((a, b) => a.xMin - b.xMin)
    expect(bottom.at(-1)!.xMax).toBeGreaterThan(RIGHT - 2)
  })

  it('an Arabic booklet is bound on the right: its cover is the left half of the first side', async () => {
    // The congregation's name in large type on the cover (the header of the last page also names it, smaller).
    const cover = (pdf: Uint8Array) => onPage(pdfWords(pdf), 1).filter((w) => w.text === 'Brigid’s').reduce((a, b) => (b.yMax - b.yMin > a.yMax - a.yMin ? b : a))
    const arabic = await pdfOf('ar', { document: 'directory', options: { booklet: true } }, 'volunteer')
    const english = await pdfOf('en', { document: 'directory', options: { booklet: true } }, 'volunteer')
    const middle = pdfInfo(arabic).width / 2
    expect(pdfInfo(english).width / 2).toBe(middle)
    expect(cover(arabic).xMax).toBeLessThan(middle)
    expect(cover(english).xMin).toBeGreaterThan(middle)
    // The cover keeps its whole notice, in Arabic's taller lines: page 2 (the right half of side 2) opens with "A".
    const page2 = onPage(pdfWords(arabic), 2).filter((w) => w.xMin > middle && w.yMin > 50).sort((a, b) => a.yMin - b.yMin)
    expect(page2[0]!.text).toBe('A')
  })
})

describe('the meal sign-up sheet', () => {
  it('in Arabic: the day in the first column at the right, what is brought in the last at the left', async () => {
    const all = await words('ar', { document: 'mealTrainSheet', trainId }, 'volunteer')
    const row = lineOf(all, first(all, 'Jollof'))
    const x = (text: string) => first(row, text).xMin
    expect(x('Jollof')).toBeLessThan(x('07700'))
    expect(x('07700')).toBeLessThan(x('Grace'))
    // The day, in Arabic with its number, closes the row at the right, inside the table's right rule.
    expect(row.at(-1)!.xMax).toBeGreaterThan(RIGHT - 10)
    expect(row.slice(0, 2).map((w) => w.text)).toEqual(['Jollof', 'rice'])
    // The heading block is set from the right margin.
    const title = onPage(all, 1).filter((w) => w.yMin > 60 && w.yMax < 112)
    expect(Math.max(...title.map((w) => w.xMax))).toBeGreaterThan(RIGHT - 2)
  })

  it('in English: the same sheet left to right', async () => {
    const all = await words('en', { document: 'mealTrainSheet', trainId }, 'volunteer')
    const row = lineOf(all, first(all, 'Jollof'))
    const x = (text: string) => first(row, text).xMin
    expect(x('Grace')).toBeLessThan(x('07700'))
    expect(x('07700')).toBeLessThan(x('Jollof'))
    expect(first(all, 'Meals').xMin).toBeLessThan(LEFT + 2)
  })
})

describe('the prayer circle roster', () => {
  it('in Arabic: the phone chain’s numbers in the first column at the right, the names to their left', async () => {
    const all = await words('ar', { document: 'prayerCircle', circleId }, 'volunteer')
    const one = all.filter((w) => w.text === '1' && w.page === 1 && w.yMin > 150).sort((a, b) => b.xMin - a.xMin)[0]!
    expect(one.xMax).toBeGreaterThan(RIGHT - 18)
    const row = lineOf(all, one)
    expect(row.at(-1)).toEqual(one)
    expect(row.filter((w) => /\p{sc=Latin}/u.test(w.text)).every((w) => w.xMax < one.xMin)).toBe(true)
    const title = onPage(all, 1).filter((w) => w.yMin > 60 && w.yMax < 112)
    expect(Math.max(...title.map((w) => w.xMax))).toBeGreaterThan(RIGHT - 2)
  })

  it('in English: the chain numbers at the left', async () => {
    const all = await words('en', { document: 'prayerCircle', circleId }, 'volunteer')
    const one = all.filter((w) => w.text === '1' && w.page === 1 && w.yMin > 150).sort((a, b) => a.xMin - b.xMin)[0]!
    expect(one.xMin).toBeLessThan(LEFT + 10)
    expect(lineOf(all, one)[0]).toEqual(one)
  })
})

describe('address labels in an Arabic printout', () => {
  it('an Arabic address is set from its label’s right edge, a Latin one from its left edge, on the same die cuts', async () => {
    const sheet = SHEETS.L7163
    const all = await words('ar', { document: 'mailingLabels', options: { sheet: 'L7163' } }, 'volunteer')
    const cut = (w: Word) => {
      for (let i = 0; i < sheet.columns * sheet.rows; i++) {
        const { x, y } = labelCorner(sheet, i)
        if (w.xMin >= x && w.xMax <= x + sheet.width && w.yMin >= y && w.yMax <= y + sheet.height) return { x, y }
      }
      throw new Error(`"${w.text}" is on no label`)
    }
    const arabic = first(all, '12')
    const arabicLine = lineOf(all, arabic)
    expect(arabicLine.at(-1)).toEqual(arabic)
    expect(arabic.xMax).toBeCloseTo(cut(arabic).x + sheet.width - LABEL_PADDING, 0)
    const latin = first(all, 'Elm')
    const latinLine = lineOf(all, latin).filter((w) => cut(w).x === cut(latin).x)
    expect(latinLine[0]!.xMin).toBeCloseTo(cut(latin).x + LABEL_PADDING, 0)
  })
})
