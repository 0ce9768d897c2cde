import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, testSession } from '../helpers/session'
import { pdfPages, pdfText, previewPdf } from '../print/read-pdf'
import { trainFields } from './fixtures'

// The household: she eats gluten-free, her husband has a severe nut allergy. The train was made from her
// record without copying any needs into it, as a new volunteer would.

let s: Awaited<ReturnType<typeof testSession>>
let trainId: number
const flat = (text: string) => text.replace(/\s+/g, ' ')

beforeAll(async () => {
  s = await testSession('en-GB')
  await call(s, 'settings.update', { timeZone: 'Europe/London' })
  const home = await call(s, 'households.create', { displayName: 'The Mensah family' })
  const grace = await call(s, 'members.create', { firstName: 'Grace', lastName: 'Mensah', householdId: home.id, householdRole: 'head', dietary: ['gluten_free'] })
  await call(s, 'members.create', {
    firstName: 'Tom',
    lastName: 'Mensah',
    householdId: home.id,
    householdRole: 'spouse',
    dietary: ['nut_allergy'],
    dietaryNotes: 'Severe — carries an EpiPen',
  })
  ;({ id: trainId } = await call(s, 'mealTrains.create', trainFields({ recipientPersonId: grace.id, recipientHouseholdId: home.id, recipientName: 'The Mensah family' })))
})
afterAll(() => s.close())

describe('printed sheets for a household', () => {
  it('the noticeboard sheet names both people’s needs on every page, by first name and initial, and keeps his free-text note off', async () => {
    const pdf = await previewPdf(s, { document: 'mealTrainSheet', trainId }, 'noticeboard')
    const text = flat(pdfText(pdf))
    // A note can hold a health detail, so the public copy sends cooks to the coordinator for it instead.
    expect(text).toContain('Allergies and dietary needs: Grace M.: gluten-free. Tom M.: nut allergy. Please ask the coordinator about other needs before cooking.')
    expect(text).not.toContain('EpiPen')
    expect(text).not.toContain('none given')
    expect(text).not.toContain('Mensah')
    for (const page of pdfPages(pdf)) expect(flat(page)).toContain('Tom M.: nut allergy')
  })

  it('the family’s schedule has the full names', async () => {
    const text = flat(pdfText(await previewPdf(s, { document: 'mealTrainFamily', trainId }, 'volunteer')))
    expect(text).toContain('Grace Mensah: gluten-free. Tom Mensah: nut allergy (Severe — carries an EpiPen)')
  })
})
