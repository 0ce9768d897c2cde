import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { copyLabel, copyShortLabel } from '../../main/print/engine/copies'
import { headerTitle } from '../../main/print/engine/pdf'
import { PROFILES_FOR, type PrintRequest } from '../../main/contract/print'
import { call, testSession } from '../helpers/session'
import { addSampleActivities } from './activities'
import { generateCongregation } from './congregation'
import { pdfPages, pdfTitle, pdfWords, previewPdf } from './read-pdf'

// Every document print-samples makes, as every copy it has: the rules that hold for all of them.
let s: Awaited<ReturnType<typeof testSession>>
let requests: [string, PrintRequest][]
let phones: string[]
beforeAll(async () => {
  s = await testSession('en-GB')
  await call(s, 'settings.update', { congregationName: 'St Brigid’s', timeZone: 'Europe/London' })
  const congregation = await generateCongregation(s.context.db, 127)
  requests = [['directory', { document: 'directory' }], ['phone list', { document: 'phoneList' }], ...(await addSampleActivities(s, congregation.personIds))]
  const rows = await s.context.db.selectFrom('people').select(['mobile_phone']).where('mobile_phone', 'is not', null).execute()
  phones = [...new Set(rows.map((r) => r.mobile_phone!)), '+30 691 234 5678']
}, 120_000)
afterAll(() => s.close())

describe('every document, every copy', () => {
  it('says which copy it is on every page, prints nothing under 9 pt and never splits a phone number', async () => {
    let phonesSeen = 0
    for (const [name, request] of requests) {
      for (const profile of PROFILES_FOR[request.document]) {
        const pdf = await previewPdf(s, request, profile)
        const pages = pdfPages(pdf)
        const title = pdfTitle(pdf)
        pages.forEach((page, i) => {
          expect(page, `${name}, ${profile}`).toContain(copyLabel(profile, 'en'))
          // The header names the document and the copy on every page, and the count is the file's own.
          expect(page, `${name}, ${profile}, page ${i + 1}: its header`).toContain(headerTitle(title, 300).replace(/…$/, ''))
          expect(page, `${name}, ${profile}, page ${i + 1}`).toContain(copyShortLabel(profile, 'en'))
          expect(page, `${name}, ${profile}, page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`)
        })
        const words = pdfWords(pdf)
        const smallest = Math.min(...words.map((w) => (w.yMax - w.yMin) / 1.362))
        expect(smallest, `${name}, ${profile}`).toBeGreaterThanOrEqual(8.99)
        // Where a phone number's groups follow each other in reading order, they stand on one line.
        for (const phone of phones) {
          const groups = phone.split(' ')
          for (let i = 0; i + groups.length <= words.length; i++) {
            if (!groups.every((g, j) => words[i + j]!.text === g)) continue
            const run = words.slice(i, i + groups.length)
            phonesSeen++
            expect(new Set(run.map((w) => `${w.page}|${Math.round(w.yMin)}`)).size, `${phone} split in ${name}, ${profile}`).toBe(1)
          }
        }
      }
    }
    expect(phonesSeen).toBeGreaterThan(100)
  }, 300_000)
})
