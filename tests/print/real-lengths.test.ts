import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DirectoryOptions, PrintProfile } from '../../main/contract/print'
import { call, testSession } from '../helpers/session'
import { addSampleActivities } from './activities'
import { findTokens, pdfInfo, pdfWords, previewPdf } from './read-pdf'
import { addRealLengths, LONGEST_EMAIL, type RealLengths } from './real-lengths'

// Printouts of a congregation with real lengths, read back word by word with their positions (pdftotext -bbox).
let s: Awaited<ReturnType<typeof testSession>>
let data: RealLengths
beforeAll(async () => {
  s = await testSession('en-GB')
  await call(s, 'settings.update', { congregationName: 'St Brigid’s', timeZone: 'Europe/London' })
  data = await addRealLengths(s.context.db)
}, 120_000)
afterAll(() => s.close())

const directory = (profile: PrintProfile, options?: DirectoryOptions) => previewPdf(s, { document: 'directory', ...(options ? { options } : {}) }, profile)
// A wrapped email breaks after its "@" or a hyphen, or before a ".": never inside a word ("x|y" is the break).
const allowedBreak = (b: string) => b[0] === '@' || b[0] === '-' || b[2] === '.'

function expectWhole(pdf: Uint8Array, where: string, tokens: { phones: string[]; emails: string[] }) {
  const words = pdfWords(pdf)
  let seen = 0
  for (const phone of tokens.phones) {
    for (const found of findTokens(words, phone)) {
      seen++
      expect(found.lines, `${phone} split in ${where}`).toBe(1)
    }
  }
  for (const email of tokens.emails) {
    const found = findTokens(words, email)
    expect(found.length, `${email} printed whole in ${where}`).toBeGreaterThan(0)
    for (const f of found) for (const b of f.breaks) expect(allowedBreak(b), `${email} broken at ${b} in ${where}`).toBe(true)
    seen += found.length
  }
  return seen
}

describe('the directory with real lengths', () => {
  for (const paperSize of ['A4', 'Letter'] as const) {
    for (const [profile, columns] of [['volunteer', 2], ['coordinator', 2], ['volunteer', 3]] as const) {
      it(`keeps the ${columns} columns chosen for the ${profile} copy on ${paperSize}, wrapping only the email that does not fit`, async () => {
        await call(s, 'settings.update', { paperSize })
        const pdf = await directory(profile, { columns })
        const words = pdfWords(pdf)
        // Each column's household names start at its own left edge: the "Home" label stands at one of `columns` edges.
        const lefts = [...new Set(words.filter((w) => w.text === 'Home').map((w) => Math.round(w.xMin)))].sort((a, b) => a - b)
        expect(lefts.length).toBe(columns)
        const longest = findTokens(words, LONGEST_EMAIL)
        expect(longest.length).toBe(1)
        expect(longest[0]!.lines).toBeGreaterThan(1)
        expect(expectWhole(pdf, `${profile} directory on ${paperSize}`, { phones: data.phones, emails: data.emails })).toBeGreaterThan(data.phones.length)
      }, 60_000)
    }
  }
  it('never breaks a postcode inside itself', async () => {
    await call(s, 'settings.update', { paperSize: 'A4' })
    const words = pdfWords(await directory('volunteer', { columns: 3 }))
    for (const postcode of new Set(data.postcodes)) {
      const found = findTokens(words, postcode)
      expect(found.length, postcode).toBeGreaterThan(0)
      for (const f of found) expect(f.lines, `${postcode} split`).toBe(1)
    }
  }, 60_000)
})

describe('the phone list with real lengths', () => {
  for (const paperSize of ['A4', 'Letter'] as const) {
    for (const profile of ['volunteer', 'coordinator'] as const) {
      it(`never breaks a number or an email inside a word, and labels the second number (${profile}, ${paperSize})`, async () => {
        await call(s, 'settings.update', { paperSize })
        const pdf = await previewPdf(s, { document: 'phoneList' }, profile)
        expect(expectWhole(pdf, `${profile} phone list on ${paperSize}`, { phones: data.phones, emails: data.emails })).toBeGreaterThan(data.phones.length)
        const words = pdfWords(pdf)
        // Every second number stands after the word "other", on its line, not unlabelled under Home.
        const seconds = data.phones.filter((p) => p.includes('ext.'))
        for (const phone of seconds) {
          const [first] = phone.split(' ')
          const at = words.findIndex((w, i) => w.text === first && words[i + 1]?.text === phone.split(' ')[1] && words[i + 2]?.text === phone.split(' ')[2] && words[i + 3]?.text === 'ext.' && words[i + 4]?.text === phone.split(' ')[4])
          expect(at, phone).toBeGreaterThan(0)
          expect(words[at - 1]!.text, `label before ${phone}`).toBe('other')
        }
        // The Home column starts right after the widest mobile line, not at a fixed fifth of the page.
        const homeHead = words.find((w) => w.text === 'Home')!
        const emailHead = words.find((w) => w.text === 'Email')!
        expect(emailHead.xMin - homeHead.xMin).toBeLessThan(110)
      }, 60_000)
    }
  }
})

describe('an Arabic congregation’s printouts', () => {
  it('keep the header naming the document and the copy on every page of a long meal sheet', async () => {
    await call(s, 'settings.update', { paperSize: 'A4', language: 'ar' })
    const [, sheet] = (await addSampleActivities(s, data.personIds)).find(([name]) => name === 'meal-train-sheet')!
    for (const profile of ['volunteer', 'coordinator'] as const) {
      const pdf = await previewPdf(s, sheet, profile)
      const words = pdfWords(pdf)
      const pages = pdfInfo(pdf).pages
      expect(pages).toBeGreaterThan(1)
      // The title ("… The Okafor family") stands in the header band above the body on each page.
      for (let page = 1; page <= pages; page++) expect(words.some((w) => w.page === page && w.text === 'Okafor' && w.yMax < 62), `${profile} page ${page}`).toBe(true)
    }
    await call(s, 'settings.update', { language: 'en' })
  }, 120_000)
})
