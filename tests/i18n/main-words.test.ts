import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { languageFor, messagesOf } from '../../main/contract/i18n/catalog'
import { say } from '../../main/i18n/say'
import { mealTrainCommitments } from '../../main/common/read-meal-train'
import { errorText, speakErrorsIn } from '../../renderer/i18n/errors'
import { call, testSession } from '../helpers/session'
import { pdfText } from '../print/read-pdf'

// What main says outside printouts: errors reach the screen as catalog ids the renderer shows in the volunteer's
// language, and messages copied to the clipboard start from the standard words in that language.
let s: Awaited<ReturnType<typeof testSession>>
let trainId: number

beforeAll(async () => {
  s = await testSession('en-GB')
  await call(s, 'settings.update', { congregationName: 'St Brigid’s', timeZone: 'Europe/London', language: 'de' })
  ;({ id: trainId } = await call(s, 'mealTrains.create', {
    recipientName: 'Familie Weiß',
    startsOn: '2099-03-27',
    endsOn: '2099-03-28',
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    meals: [{ meal: 'dinner', from: '17:30', to: '18:30' }],
    coordinatorName: 'Maria',
  }))
})
afterAll(() => s.close())

describe('errors from main', () => {
  it('carry their catalog id, and the screen shows them in the language chosen', async () => {
    const r = await s.registry.dispatch('print.print', { token: '00000000-0000-4000-8000-000000000000' })
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found', messageId: 'errors.print.previewGone', message: 'That preview is no longer open. Make the preview again, then print.' } })
    if (r.ok) return
    speakErrorsIn('de-DE', messagesOf(languageFor('de', 'de-DE')))
    expect(errorText(r.error)).toBe('Diese Vorschau ist nicht mehr offen. Erstellen Sie die Vorschau neu und drucken Sie dann.')
    speakErrorsIn('ar', messagesOf(languageFor('ar', 'ar')))
    expect(errorText(r.error)).toBe('هذه المعاينة لم تعد مفتوحة. أنشئ المعاينة من جديد ثم اطبع.')
  })

  it('keep main’s English when the catalog has no id for them', () => {
    speakErrorsIn('de-DE', messagesOf(languageFor('de', 'de-DE')))
    expect(errorText({ code: 'invalid_input', message: 'Choose a language from the list.' })).toBe('Choose a language from the list.')
  })

  it('fill in values and choose the plural in the language', () => {
    speakErrorsIn('pl', messagesOf(languageFor('pl', 'pl')))
    expect(errorText({ code: 'invalid_input', message: '', messageId: 'errors.checkForm', values: { count: 3, first: 'X' } })).toBe('Sprawdź 3 rzeczy w formularzu. X')
    speakErrorsIn('ar', messagesOf(languageFor('ar', 'ar')))
    expect(errorText({ code: 'invalid_input', message: '', messageId: 'errors.checkForm', values: { count: 2, first: 'X' } })).toBe('يُرجى مراجعة أمرين في النموذج. X')
  })
})

describe('messages copied to the clipboard', () => {
  it('start from the standard words in the chosen language, with its days and meals', async () => {
    const { text } = await call(s, 'reach.copyMessage', { request: { kind: 'mealTrain', trainId } })
    expect(text).toContain('Mahlzeiten für Familie Weiß')
    expect(text).toContain('Können Sie eine Mahlzeit bringen? Diese Tage sind noch offen:')
    expect(text).toMatch(/• Fr\., 27\. März: Abendessen, 17:30–18:30/)
    expect(text).toContain('Zum Eintragen antworten Sie Maria.')
    expect(s.os.copied.at(-1)).toBe(text)
  })

  it('the settings show the standard words in the language, and saving them stores nothing of the volunteer’s', async () => {
    const words = await call(s, 'reach.templates', {})
    expect(words.reminder).toBe(say('de', 'messages.template.reminder', { name: '{name}', congregation: '{congregation}', duties: '{duties}' }))
    await call(s, 'reach.setTemplates', { reminder: words.reminder })
    await call(s, 'settings.update', { language: 'fr' })
    expect((await call(s, 'reach.templates', {})).reminder).toContain('Bonjour {name}')
  })
})

describe('the call list', () => {
  it('names each duty in the chosen language on paper, with the file name', async () => {
    await call(s, 'settings.update', { language: 'de' })
    const bea = await call(s, 'members.create', { firstName: 'Bea', lastName: 'Mensah', mobilePhone: '07700 900321' })
    await call(s, 'mealTrains.signUp', { trainId, date: '2099-03-27', meal: 'dinner', volunteer: { personId: bea.id }, dish: 'Suppe' })
    const list = await call(s, 'print.preview', { request: { document: 'callList', from: '2099-03-27', to: '2099-03-28' }, profile: 'volunteer' })
    expect(list.fileName).toMatch(/^Anrufliste \(Helfer\) \d{4}-\d{2}-\d{2}\.pdf$/)
    const text = pdfText(new Uint8Array(Buffer.from(list.pdfBase64, 'base64'))).replace(/\s+/g, ' ')
    expect(text).toContain('Abendessen für Familie Weiß')
    expect(text).toContain('Mobil 07700 900321')
    expect(text).toContain('Noch offen')
    expect(text).not.toContain('Dinner for')
    // The same promise among Bea's commitments (her page, the warnings of other rooms) is worded the same way.
    expect((await mealTrainCommitments(s.context, { personId: bea.id, from: '2099-03-27', to: '2099-03-27' })).map((c) => c.label)).toEqual(['Abendessen für Familie Weiß'])
  })
})
