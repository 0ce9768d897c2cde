import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract, type HearthErrorShape } from '../../main/contract'
import { en } from '../../main/contract/i18n/en'
import { languageFor, messagesOf } from '../../main/contract/i18n/catalog'
import { issueWords } from '../../main/i18n/issue-words'
import { HearthCallError } from '../../renderer/api'
import { speakErrorsIn } from '../../renderer/i18n/errors'
import { testSession } from '../helpers/session'

// A refused form speaks the volunteer's language in its summary and beside each field: main sends catalog ids with
// the English, and HearthCallError (renderer/api.ts), which every form reads its field messages from, words them.
let s: Awaited<ReturnType<typeof testSession>>
beforeAll(async () => {
  s = await testSession('en-GB')
})
afterAll(() => s.close())

async function refused(channel: string, input: unknown): Promise<HearthErrorShape> {
  const r = await s.registry.dispatch(channel, input)
  if (r.ok) throw new Error(`${channel} should have been refused`)
  expect(r.error.code).toBe('invalid_input')
  return r.error
}

/** What the screen shows for a refused call in a language: the summary and each field's message. */
function shown(shape: HearthErrorShape, code: string): { summary: string; fields: Record<string, string> } {
  speakErrorsIn(code, messagesOf(languageFor(code, code)))
  const error = new HearthCallError(shape)
  return { summary: error.message, fields: error.fields }
}

describe('a refused form in the volunteer’s language', () => {
  it('names the missing last name in German and Arabic, and keeps English in English', async () => {
    const error = await refused('members.create', { firstName: 'Ann', lastName: '   ' })
    expect(error.fields).toEqual({ lastName: 'Please give a last name.' })
    expect(error.message).toBe('Please give a last name.')
    expect(shown(error, 'de')).toEqual({ summary: 'Bitte geben Sie einen Nachnamen an.', fields: { lastName: 'Bitte geben Sie einen Nachnamen an.' } })
    expect(shown(error, 'ar')).toEqual({ summary: 'يُرجى كتابة اسم العائلة.', fields: { lastName: 'يُرجى كتابة اسم العائلة.' } })
    expect(shown(error, 'en')).toEqual({ summary: 'Please give a last name.', fields: { lastName: 'Please give a last name.' } })
  })

  it('words every field and the summary that quotes the first one, with the schema’s own limits filled in', async () => {
    const error = await refused('settings.update', { congregationName: 'x'.repeat(500), backupKeep: 0, paperSize: 'A5' })
    expect(error.fields).toEqual({
      congregationName: 'Keep the name under 120 characters.',
      backupKeep: 'Keep at least one backup.',
      paperSize: 'Choose one of the options.',
    })
    expect(error.message).toBe('Please check 3 things in the form. Keep the name under 120 characters.')
    const german = shown(error, 'de')
    expect(german.fields).toEqual({
      congregationName: 'Der Name muss unter 120 Zeichen bleiben.',
      backupKeep: 'Bewahren Sie mindestens eine Sicherung auf.',
      paperSize: 'Wählen Sie eine der Möglichkeiten.',
    })
    expect(german.summary).toBe('Bitte prüfen Sie 3 Angaben im Formular. Der Name muss unter 120 Zeichen bleiben.')
    const arabic = shown(error, 'ar')
    expect(arabic.fields.backupKeep).toBe('احتفظ بنسخة احتياطية واحدة على الأقل.')
    expect(arabic.fields.congregationName).toBe(`يجب أن يكون عدد أحرف الاسم أقل من ${new Intl.NumberFormat('ar').format(120)}.`)
    expect(arabic.summary).toBe(`يُرجى مراجعة ${new Intl.NumberFormat('ar').format(3)} أمور في النموذج. ${arabic.fields.congregationName}`)
  })

  it('words zod’s own checks (too long, wrong kind, not a date) with their numbers in the language', async () => {
    const error = await refused('mealTrains.create', {
      recipientName: 'x'.repeat(500),
      startsOn: '2026-02-30',
      endsOn: '2026-03-02',
      weekdays: 'Monday',
      meals: [{ meal: 'dinner', from: '17:30', to: '18:30' }],
    })
    expect(error.fields).toMatchObject({ recipientName: 'Keep this under 121 characters.', startsOn: 'Use a real date, like 2026-03-14.', weekdays: 'This is not the right kind of value.' })
    expect(shown(error, 'de').fields).toMatchObject({
      recipientName: 'Bleiben Sie unter 121 Zeichen.',
      startsOn: 'Geben Sie ein echtes Datum an, etwa 2026-03-14.',
      weekdays: 'Dieser Wert hat nicht die richtige Art.',
    })
    expect(shown(error, 'fr').fields.recipientName).toBe('Restez sous 121 caractères.')
    expect(shown(error, 'ar').fields.weekdays).toBe('هذه القيمة ليست من النوع الصحيح.')
  })

  it('names unknown fields in Polish, however many are sent', async () => {
    const error = await refused('settings.update', Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`field${i}`, i])))
    expect(error.message).toBe('Hearth does not know "field0", "field1", "field2" and 9 more.')
    expect(shown(error, 'pl').summary).toBe('Hearth nie zna pól: "field0", "field1", "field2" i innych (jeszcze 9).')
  })

  it('keeps main’s English for a field it worded only in English', () => {
    const german = shown({ code: 'invalid_input', message: 'Keep the kind as it was.', fields: { kind: 'Keep the kind as it was.' } }, 'de')
    expect(german.fields).toEqual({ kind: 'Keep the kind as it was.' })
  })
})

describe('the words for one refused value', () => {
  it('fall back to general words for a message that is not a catalog id, or whose numbers the check lacks', () => {
    expect(issueWords({ code: 'custom', path: ['x'], message: 'Something English.', input: 1 } as never)).toEqual({ id: 'validation.notRight' })
    expect(issueWords({ code: 'custom', path: ['x'], message: 'validation.nameTooLong' } as never)).toEqual({ id: 'validation.notRight' })
    expect(issueWords({ code: 'too_big', origin: 'string', maximum: 120, inclusive: true, path: ['x'], message: 'validation.nameTooLong' } as never)).toEqual({
      id: 'validation.nameTooLong',
      values: { maximum: 120 },
    })
  })

  it('count the limit one past an inclusive maximum, and at the maximum of an exclusive one', () => {
    const tooBig = (inclusive: boolean) => ({ code: 'too_big', origin: 'string', maximum: 200, inclusive, path: [], message: 'validation.tooLong' }) as never
    expect(issueWords(tooBig(true))).toEqual({ id: 'validation.tooLong', values: { limit: 201 } })
    expect(issueWords(tooBig(false))).toEqual({ id: 'validation.tooLong', values: { limit: 200 } })
  })
})

const CONTRACT = join(__dirname, '..', '..', 'main', 'contract')
const modules = readdirSync(CONTRACT)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: f, code: readFileSync(join(CONTRACT, f), 'utf8') }))
/** The module without its comments, which may quote English. */
const uncommented = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '')

describe('the contract’s schemas speak through the catalog', () => {
  it('name only message ids the English catalog has', () => {
    const used = modules.flatMap(({ file, code }) => [...code.matchAll(/'(validation\.[\w.]+)'/g)].map((m) => `${file}: ${m[1]}`))
    expect(used.length).toBeGreaterThan(90)
    expect(used.filter((u) => !Object.hasOwn(en, u.split(': ')[1]!))).toEqual([])
  })

  it('put a message with {maximum} or {minimum} only on the check that has that number', () => {
    // validation.ts picks zod's own words by the issue's code (too_small, too_big), which always has the number.
    const schemas = modules.filter((m) => m.file !== 'validation.ts')
    const misplaced = schemas.flatMap(({ file, code }) =>
      [...code.matchAll(/(\.(?:min|max)\([^,()]+,\s*)?'(validation\.[\w.]+)'/g)].flatMap((m) => {
        const text: string = en[m[2] as keyof typeof en] ?? ''
        const wants = text.includes('{minimum}') ? '.min(' : /\{(maximum|limit)\}/.test(text) ? '.max(' : null
        return wants && !m[1]?.startsWith(wants) ? [`${file}: ${m[2]}`] : []
      }),
    )
    expect(misplaced).toEqual([])
  })

  it('hold no English sentence a schema could show instead of an id', () => {
    const sentences = modules.flatMap(({ file, code }) => [...uncommented(code).matchAll(/(['"`])([A-Z][^'"`\n]* [^'"`\n]*\.)\1/g)].map((m) => `${file}: ${m[2]}`))
    expect(sentences).toEqual([])
  })

  it('refuse wrong input to every channel with catalog ids only', () => {
    const messages = new Set<string>()
    for (const def of Object.values(contract)) {
      for (const bad of [null, 'text', { sneaky: 1 }, {}, { id: -1, personId: 'x', name: '', title: '', from: '2026-13-01' }]) {
        const parsed = def.input.safeParse(bad)
        if (!parsed.success) for (const issue of parsed.error.issues) messages.add(issue.message)
      }
    }
    expect(messages.size).toBeGreaterThan(5)
    expect([...messages].filter((m) => !Object.hasOwn(en, m))).toEqual([])
  })
})
