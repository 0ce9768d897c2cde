import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Channel, InputOf } from '../../main/contract'
import type { PrintProfile, PrintRequest } from '../../main/contract/print'
import { call, testSession } from '../helpers/session'
import { pdfPages, pdfText } from './read-pdf'
import { seedCongregation } from './seed'

// Printouts and their file names speak the language chosen in Settings (the computer here is British English).
let s: Awaited<ReturnType<typeof testSession>>
let trainId: number

const ok = <C extends Channel>(channel: C, input: InputOf<C>) => call(s, channel, ...([input] as [InputOf<C>]))
const flat = (text: string) => text.replace(/\s+/g, ' ')

async function preview(language: string, request: PrintRequest, profile: PrintProfile): Promise<{ text: string; pages: string[]; fileName: string; title: string }> {
  await ok('settings.update', { language })
  const value = await call(s, 'print.preview', { request, profile })
  const pdf = new Uint8Array(Buffer.from(value.pdfBase64, 'base64'))
  return { text: flat(pdfText(pdf)), pages: pdfPages(pdf), fileName: value.fileName, title: value.title }
}

beforeAll(async () => {
  s = await testSession('en-GB')
  await ok('settings.update', { congregationName: 'St Brigid’s', timeZone: 'Europe/London' })
  const { okafor, ada } = await seedCongregation(s.context.db)
  ;({ id: trainId } = await ok('mealTrains.create', {
    recipientPersonId: ada,
    recipientHouseholdId: okafor,
    recipientName: 'The Okafor family',
    reason: 'Recovering from surgery',
    startsOn: '2026-03-27',
    endsOn: '2026-03-29',
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    meals: [{ meal: 'dinner', from: '17:30', to: '18:30' }],
    adults: 2,
    children: 1,
    dietary: ['peanut_allergy'],
  }))
}, 60_000)
afterAll(() => s.close())

describe('a German printout', () => {
  it('titles, labels, counts, page numbers and the copy marking of the directory are German, and so is the file name', async () => {
    const { text, pages, fileName, title } = await preview('de', { document: 'directory' }, 'volunteer')
    expect(title).toBe('Mitgliederverzeichnis (Helfer)')
    expect(fileName).toMatch(/^Mitgliederverzeichnis \(Helfer\) \d{4}-\d{2}-\d{2}\.pdf$/)
    expect(text).toContain('Mitgliederverzeichnis')
    expect(text).toContain('Helfer-Exemplar – enthält Telefonnummern, nicht aushängen')
    expect(text).toMatch(/Gedruckt am \d+\. \p{L}+ \d{4}/u)
    expect(text).toContain('Festnetz')
    expect(text).toContain('Mitglieder und regelmäßige Besucher')
    expect(text).toMatch(/\d+ Haushalte, \d+ Personen/)
    pages.forEach((page, i) => expect(page).toContain(`Seite ${i + 1} von ${pages.length}`))
    expect(text).not.toMatch(/Member directory|Volunteer copy|Printed|Page \d/)
  })

  it('the meal sheet gives German days, meals, counts and instructions', async () => {
    const { text, fileName } = await preview('de', { document: 'mealTrainSheet', trainId }, 'noticeboard')
    expect(fileName).toMatch(/^Mahlzeiten für Ada, Tunde und Chidi \(Aushang\) \d{4}-\d{2}-\d{2}\.pdf$/)
    expect(text).toContain('Aushang-Exemplar – darf ausgehängt werden')
    expect(text).toContain('27.–29. März 2026')
    expect(text).toContain('2 Erwachsene, 1 Kind')
    expect(text).toContain('3 von 3 Mahlzeiten noch offen')
    expect(text).toContain('Fr., 27. März')
    expect(text).toContain('Abendessen 17:30–18:30')
    expect(text).toContain('Was Sie mitbringen')
    expect(text).toContain('Allergien und Ernährung')
    expect(text).not.toMatch(/Meals for|still open|Dinner|What you will bring/)
  })
})

describe('an Arabic printout', () => {
  it('the directory reads back in Arabic, and its file name is Arabic', async () => {
    const { text, fileName, title } = await preview('ar', { document: 'directory' }, 'volunteer')
    expect(title).toBe('دليل الأعضاء (نسخة المتطوعين)')
    expect(fileName).toMatch(/^دليل الأعضاء \(نسخة المتطوعين\) \d{4}-\d{2}-\d{2}\.pdf$/)
    for (const word of ['دليل', 'الأعضاء', 'المتطوعين', 'المنزل', 'صفحة']) expect(text).toContain(word)
    expect(text).not.toMatch(/Member directory|Volunteer copy|Printed|Page \d/)
  })

  it('the meal sheet is Arabic, with the Arabic plural forms', async () => {
    const { text, fileName } = await preview('ar', { document: 'mealTrainSheet', trainId }, 'noticeboard')
    expect(fileName).toMatch(/^وجبات من أجل .* \(نسخة لوحة الإعلانات\) \d{4}-\d{2}-\d{2}\.pdf$/)
    for (const word of ['وجبات', 'بالغان', 'طفل', 'واحد', 'اسمك', 'تحضره', 'الحساسية']) expect(text).toContain(word)
    expect(text).not.toMatch(/Meals for|still open|Dinner|What you will bring/)
  })
})

describe('the language setting', () => {
  it('"system" prints in the computer’s language, English here', async () => {
    const { title } = await preview('system', { document: 'directory' }, 'volunteer')
    expect(title).toBe('Member directory (volunteer copy)')
  })
})
