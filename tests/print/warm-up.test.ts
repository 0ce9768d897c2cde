import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { warmUpPrintingAtStart } from '../../main/print/warm-up'
import { call, testSession } from '../helpers/session'
import { pdfInfo, pdfText, previewPdf } from './read-pdf'
import { addHousehold, addPerson } from './seed'

let s: Awaited<ReturnType<typeof testSession>>

beforeAll(async () => {
  s = await testSession('en-GB')
  await call(s, 'settings.update', { congregationName: 'St Brigid’s', timeZone: 'Europe/London', language: 'de' })
  const home = await addHousehold(s.context.db, { display_name: 'The Okafor family', address_line1: '12 Elm Street', city: 'Leeds' })
  await addPerson(s.context.db, { household_id: home, household_role: 'head', first_name: 'Adaeze', last_name: 'Okafor' })
  await addPerson(s.context.db, { first_name: 'Ἀθηνᾶ', last_name: 'Παπαδοπούλου' })
})

afterAll(async () => {
  await s.close()
})

describe('printing readied a moment after start', () => {
  it('keeps answering calls while it runs, then prints in the language of Settings', async () => {
    let warm = false
    const warming = warmUpPrintingAtStart(s.context).then(() => {
      warm = true
    })
    // Main gives the event loop back between the steps of its warm-up: a call made meanwhile is answered first.
    const settings = await call(s, 'settings.get')
    expect(settings.congregationName).toBe('St Brigid’s')
    expect(warm).toBe(false)
    await warming

    const directory = await previewPdf(s, { document: 'directory' }, 'noticeboard')
    const text = pdfText(directory)
    expect(text).toContain('Adaeze O.')
    expect(text).toContain('Ἀθηνᾶ Π.')
    expect(text).toContain('Seite 1 von 1')
    expect(pdfInfo(directory).fonts).toMatch(/NotoSans/)
  })
})
