import { existsSync, readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PrintPreview } from '../../main/contract/print'
import { testSession } from '../helpers/session'
import { pdfPages, pdfText } from './read-pdf'
import { addHousehold, addPerson, seedCongregation } from './seed'

let s: Awaited<ReturnType<typeof testSession>>
beforeAll(async () => {
  s = await testSession()
  await seedCongregation(s.context.db)
  await s.registry.dispatch('settings.update', { congregationName: 'St Brigid’s', paperSize: 'A4' })
})
afterAll(() => s.close())

async function preview(input: unknown): Promise<{ value: PrintPreview; text: string; pdf: Uint8Array }> {
  const r = await s.registry.dispatch('print.preview', input)
  if (!r.ok) throw new Error(r.error.message)
  const value = r.value as PrintPreview
  const pdf = new Uint8Array(Buffer.from(value.pdfBase64, 'base64'))
  return { value, pdf, text: pdfText(pdf) }
}

const flat = (text: string) => text.replace(/\s+/g, ' ')

describe('the member directory', () => {
  it('prints each household once, with its address, phones and email for volunteers', async () => {
    const { text, value } = await preview({ request: { document: 'directory' }, profile: 'volunteer' })
    expect(value.title).toBe('Member directory (volunteer copy)')
    expect(value.fileName).toMatch(/^Member directory \(volunteer copy\) \d{4}-\d{2}-\d{2}\.pdf$/)
    for (const expected of [
      'The Okafor family',
      'Ada, Tunde, Chidi',
      '12 Elm Street',
      'Leeds LS6 2AB',
      'Home 0113 496 0000',
      'Ada 07700 900123',
      'Tunde 07700 900456',
      'Ada ada@example.org',
      'Diet (Ada): Peanut allergy, Halal',
      'Ada: Prefers a call after six',
      'Papadopoulos',
      'Ἀθηνᾶ',
      '+30 691 234 5678',
      'Οδός Ερμού 5',
      'Кузнецова, Анна',
      'Flat 3, 8 Birch Road',
      'Diet: No mushrooms',
      'Tester, <img src=x onerror=alert(1)>',
      'St Brigid’s',
      'Volunteer copy — contains phone numbers, do not display',
      'Page 1 of 1',
    ]) {
      expect(text).toContain(expected)
    }
    // Names are not repeated on every contact line.
    expect(text).not.toContain('Ada Okafor')
    expect(text).not.toContain('Gone Away')
    expect(text).not.toContain('chemotherapy')
    expect(text).not.toContain('COORDINATOR COPY')
    // A–Z headings: the letter on a line of its own above its first household.
    expect(text).toMatch(/^\s*O\s*$/m)
    expect(text).toMatch(/^\s*К\s*$/m)
  })

  it('shows confidential notes only on the coordinator copy, which says so', async () => {
    const { text, value } = await preview({ request: { document: 'directory' }, profile: 'coordinator' })
    expect(text).toContain('COORDINATOR COPY — confidential')
    expect(flat(text)).toContain('Confidential (Ada): Undergoing chemotherapy until May')
    expect(text).toContain('Prefers a call after six')
    expect(value.fileName).toMatch(/^Member directory \(coordinator copy\) /)
  })

  it('keeps the noticeboard copy to first names and the family initial, given once', async () => {
    const { text, value } = await preview({ request: { document: 'directory' }, profile: 'noticeboard' })
    expect(value.fileName).toMatch(/^Member directory \(noticeboard copy\) /)
    expect(text).toContain('Noticeboard copy — fine to pin up')
    expect(text).toContain('Ada, Tunde and Chidi O.')
    expect(text).toContain('Ἀθηνᾶ Π.')
    expect(text).toContain('Анна К.')
    for (const hidden of ['Okafor', '12 Elm Street', '07700', 'ada@example.org', 'Peanut', 'chemotherapy', 'Prefers a call', 'Кузнецова']) {
      expect(text).not.toContain(hidden)
    }
  })
})

describe('the phone list', () => {
  it('prints one line a person, by family name', async () => {
    const { text } = await preview({ request: { document: 'phoneList' }, profile: 'volunteer' })
    const lines = text.split('\n')
    const okafor = lines.find((l) => l.includes('Okafor, Ada'))
    expect(okafor).toMatch(/Okafor, Ada\s+07700 900123\s+0113 496 0000\s+ada@example.org/)
    expect(lines.find((l) => l.includes('Okafor, Chidi'))).toMatch(/0113 496 0000/)
    expect(text.indexOf('Okafor, Ada')).toBeLessThan(text.indexOf('Tester, <img'))
    expect(text).not.toContain('Undergoing')
  })

  it('is not offered as a noticeboard copy', async () => {
    const r = await s.registry.dispatch('print.preview', { request: { document: 'phoneList' }, profile: 'noticeboard' })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toMatch(/Choose the volunteer or coordinator copy/)
  })

  it('runs onto more pages with the header row repeated and "Page n of m" right', async () => {
    const h = await addHousehold(s.context.db, { display_name: 'Many' })
    for (let i = 0; i < 120; i++) await addPerson(s.context.db, { household_id: h, first_name: `Person${i}`, last_name: 'Zed', mobile_phone: `0770${i}` })
    const { pdf } = await preview({ request: { document: 'phoneList' }, profile: 'volunteer' })
    const pages = pdfPages(pdf)
    expect(pages.length).toBeGreaterThan(1)
    pages.forEach((page, i) => {
      expect(page).toMatch(/Name\s+Mobile\s+Home\s+Email/)
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`)
    })
    expect(pages[pages.length - 1]).toContain('Zed, Person99')
  })
})

describe('print and save use the previewed bytes', () => {
  it('sends exactly the previewed PDF to the print dialog', async () => {
    const { value, pdf } = await preview({ request: { document: 'directory' }, profile: 'volunteer' })
    const r = await s.registry.dispatch('print.print', { token: value.token })
    expect(r).toEqual({ ok: true, value: { printed: true } })
    const printed = s.os.printed.at(-1)!
    expect(Buffer.from(printed.pdf).equals(Buffer.from(pdf))).toBe(true)
    expect(printed.jobName).toBe('Member directory (volunteer copy)')
  })

  it('saves the PDF where the person chooses, and nothing when they cancel', async () => {
    const { value, pdf } = await preview({ request: { document: 'directory' }, profile: 'volunteer' })
    const target = `${s.dir}/directory.pdf`
    s.os.saveAnswers.push(target)
    const saved = await s.registry.dispatch('print.save', { token: value.token })
    expect(saved).toEqual({ ok: true, value: { path: target } })
    expect(readFileSync(target).equals(Buffer.from(pdf))).toBe(true)
    expect(s.os.asked.at(-1)).toMatchObject({ kind: 'save', filters: [{ extensions: ['pdf'] }] })
    const cancelled = await s.registry.dispatch('print.save', { token: value.token })
    expect(cancelled).toEqual({ ok: true, value: null })
  })

  it('adds .pdf when the person types a name without it', async () => {
    const { value, pdf } = await preview({ request: { document: 'phoneList' }, profile: 'volunteer' })
    s.os.saveAnswers.push(`${s.dir}/phone list`)
    const saved = await s.registry.dispatch('print.save', { token: value.token })
    expect(saved).toEqual({ ok: true, value: { path: `${s.dir}/phone list.pdf` } })
    expect(readFileSync(`${s.dir}/phone list.pdf`).equals(Buffer.from(pdf))).toBe(true)
  })

  it('says plainly when the PDF cannot be written there, and leaves nothing behind', async () => {
    const { value } = await preview({ request: { document: 'phoneList' }, profile: 'volunteer' })
    const target = `${s.dir}/no-such-folder/list.pdf`
    s.os.saveAnswers.push(target)
    const r = await s.registry.dispatch('print.save', { token: value.token })
    expect(r).toMatchObject({ ok: false, error: { code: 'io', message: 'The PDF was not saved: the folder could not be written to. Choose another place and try again.' } })
    expect(existsSync(target)).toBe(false)
  })

  it('explains when a preview is no longer there', async () => {
    const r = await s.registry.dispatch('print.print', { token: 'gone' })
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found', message: 'That preview is no longer open. Make the preview again, then print.' } })
  })
})
