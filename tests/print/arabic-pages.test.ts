import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { labelCorner, SHEETS } from '../../main/print/documents/labels'
import { loadMeasurer } from '../../main/print/engine/measure'
import { frameOf } from '../../main/print/engine/pdf'
import { call, testSession } from '../helpers/session'
import { pdfInfo, pdfPages, pdfWords, previewPdf } from './read-pdf'
import { laidOut } from './laid-out'
import { addHousehold, addPerson } from './seed'

// A mosque's directory: Arabic type prints half as tall again as Latin, and pages planned with Latin line heights
// overflowed (4 pages planned, 7 printed, households split across pages). Pages are now planned with each line's
// own height.

let s: Awaited<ReturnType<typeof testSession>>
const settings = { congregationName: 'مسجد النور', paperSize: 'A4', timeZone: 'Europe/London' } as const
const NAMES = ['أحمد', 'فاطمة', 'يوسف', 'مريم', 'علي', 'خديجة']
const FAMILIES = ['الحداد', 'النجار', 'العلي', 'السيد', 'الخطيب', 'المصري', 'الشامي', 'البغدادي']

beforeAll(async () => {
  s = await testSession('en-GB')
  await call(s, 'settings.update', { ...settings })
  for (let h = 0; h < 40; h++) {
    const family = FAMILIES[h % FAMILIES.length]!
    const id = await addHousehold(s.context.db, { display_name: `عائلة ${family}`, address_line1: `${h + 1} شارع الملك فيصل`, city: 'عمّان', home_phone: `06 555 ${1000 + h}` })
    for (let m = 0; m < 3; m++) {
      await addPerson(s.context.db, { household_id: id, household_role: m ? 'child' : 'head', first_name: NAMES[(h + m) % NAMES.length]!, last_name: family, mobile_phone: `079 555 ${2000 + h * 3 + m}` })
    }
  }
}, 60_000)
afterAll(() => s.close())

describe('line heights', () => {
  it('an Arabic line is measured as tall as it prints, a Latin one as before', async () => {
    const m = await loadMeasurer()
    const style = { size: 10 }
    expect(m.lineHeight(style, 'عائلة الحداد')).toBeGreaterThan(m.lineHeight(style) * 1.3)
    expect(m.lineHeight(style, 'The Okafor family')).toBe(m.lineHeight(style))
    expect(m.lineHeight(style, 'Zoë Παπαδοπούλου')).toBe(m.lineHeight(style))
  })
})

describe('a directory of Arabic names', () => {
  for (const language of ['ar', 'en'] as const) {
    it(`prints on the pages it was planned on, every household whole on one page (${language})`, async () => {
      await call(s, 'settings.update', { language })
      const doc = await laidOut(s.context, { document: 'directory' }, 'volunteer', language)
      // The congregation's Arabic name stands in the header, which needs the whole top margin: the slimmer margins
      // a short document is otherwise tried with are never used.
      const planned = doc.pages!(frameOf(doc, settings)).length
      const pdf = await previewPdf(s, { document: 'directory' }, 'volunteer')
      expect(pdfInfo(pdf).pages).toBe(planned)
      const pages = pdfPages(pdf)
      for (let h = 0; h < 40; h++) {
        // A phone number after an Arabic name keeps its groups in order, on an English page too.
        const numbers = [`06 555 ${1000 + h}`, ...[0, 1, 2].map((m) => `079 555 ${2000 + h * 3 + m}`)]
        const page = pages.findIndex((p) => p.includes(numbers[0]!))
        expect(page).toBeGreaterThanOrEqual(0)
        for (const number of numbers) expect(pages[page], `household ${h} whole`).toContain(number)
      }
    })
  }
})

describe('Arabic address labels', () => {
  it('stay inside their die cuts', async () => {
    await call(s, 'settings.update', { language: 'ar' })
    const sheet = SHEETS['5160']
    const words = pdfWords(await previewPdf(s, { document: 'mailingLabels', options: { sheet: '5160' } }, 'volunteer'))
    expect(words.length).toBeGreaterThan(100)
    for (const w of words) {
      const inside = Array.from({ length: sheet.columns * sheet.rows }, (_, i) => labelCorner(sheet, i)).some(
        ({ x, y }) => w.xMin >= x - 0.5 && w.xMax <= x + sheet.width + 0.5 && w.yMin >= y - 0.5 && w.yMax <= y + sheet.height + 0.5,
      )
      expect(inside, `"${w.text}" inside a label`).toBe(true)
    }
  })
})
