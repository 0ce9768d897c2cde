import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Channel, HearthErrorShape, InputOf } from '../../main/contract'
import { addDays } from '../../main/contract/days'
import { RELATIVE_EPOCH } from '../../main/contract/meal-trains'
import { languageFor, messagesOf } from '../../main/contract/i18n/catalog'
import { say } from '../../main/i18n/say'
import { errorText, fieldTexts, speakErrorsIn } from '../../renderer/i18n/errors'
import { call, callRecorded, testSession } from '../helpers/session'

// Refusals of main's rooms reach the screen as catalog ids with values: through the real session, each is shown in
// the volunteer's language (German and Arabic here), its per-field messages too, while main's English stays.
let s: Awaited<ReturnType<typeof testSession>>
let trainId: number
let circleId: number

beforeAll(async () => {
  s = await testSession('en-GB')
  await call(s, 'settings.update', { timeZone: 'Europe/London' })
  ;({ id: trainId } = await call(s, 'mealTrains.create', {
    recipientName: 'Familie Weiß',
    startsOn: '2099-03-02',
    endsOn: '2099-03-08',
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    meals: [{ meal: 'dinner', from: '17:30', to: '18:30' }],
    coordinatorName: 'Maria',
  }))
  await call(s, 'mealTrains.signUp', { trainId, date: '2099-03-02', meal: 'dinner', volunteer: { name: 'Jo', phone: null }, dish: null, notes: null })
  ;({ id: circleId } = await call(s, 'prayerCircles.create', { name: 'Morning prayer' }))
})
afterAll(() => s.close())

async function refusal<C extends Channel>(channel: C, input: InputOf<C>): Promise<HearthErrorShape> {
  const r = await s.registry.dispatch(channel, input)
  if (r.ok) throw new Error(`${channel} was not refused`)
  return r.error
}

function inLanguage(code: 'de' | 'ar', error: HearthErrorShape): { message: string; fields: Record<string, string> } {
  speakErrorsIn(code, messagesOf(languageFor(code, code)))
  return { message: errorText(error), fields: fieldTexts(error) }
}

describe('a room’s refusal, in the volunteer’s language', () => {
  it('a taken meal slot names the helper and the day, the day written in the language', async () => {
    const taken = await refusal('mealTrains.signUp', { trainId, date: '2099-03-02', meal: 'dinner', volunteer: { name: 'Sam', phone: null }, dish: null, notes: null })
    expect(taken).toMatchObject({ code: 'conflict', messageId: 'errors.meals.slotTaken', message: 'Jo is already bringing dinner on Monday 2 March. Choose another slot.' })
    expect(inLanguage('de', taken).message).toBe('Jo bringt bereits das Abendessen am Montag, 2. März. Wählen Sie einen anderen Termin.')
    expect(inLanguage('ar', taken).message).toMatch(/^Jo سيحضر العشاء بالفعل يوم .*الاثنين.*مارس.*\. اختر فترة أخرى\.$/)
  })

  it('a meal train’s dates out of order, with the field at fault worded too', async () => {
    const backwards = await refusal('mealTrains.create', {
      recipientName: 'Familie Weiß',
      startsOn: '2099-03-08',
      endsOn: '2099-03-02',
      weekdays: [1],
      meals: [{ meal: 'dinner', from: '17:30', to: '18:30' }],
    })
    expect(backwards).toMatchObject({ code: 'invalid_input', messageId: 'errors.plan.lastBeforeFirst', fields: { endsOn: 'Choose a last day on or after the first day.' } })
    expect(inLanguage('de', backwards)).toEqual({ message: 'Der letzte Tag liegt vor dem ersten Tag.', fields: { endsOn: 'Wählen Sie einen letzten Tag am oder nach dem ersten Tag.' } })
    expect(inLanguage('ar', backwards)).toEqual({ message: 'اليوم الأخير قبل اليوم الأول.', fields: { endsOn: 'اختر يومًا أخيرًا هو اليوم الأول أو بعده.' } })
  })

  it('a vigil that cannot be split evenly (a schedule rule), on its field', async () => {
    const uneven = await refusal('prayerCircles.createVigil', { circleId, title: 'Lent vigil', startDate: '2099-03-02', startTime: '20:00', hours: 5, slotMinutes: 45 })
    expect(uneven).toMatchObject({ messageId: 'errors.slots.uneven', message: '5 hours cannot be split evenly into 45-minute slots.' })
    expect(inLanguage('de', uneven)).toEqual({
      message: '5 Stunden lassen sich nicht gleichmäßig in Abschnitte von 45 Minuten teilen.',
      fields: { slotMinutes: '5 Stunden lassen sich nicht gleichmäßig in Abschnitte von 45 Minuten teilen.' },
    })
    expect(inLanguage('ar', uneven).message).toBe('لا يمكن تقسيم 5 ساعة بالتساوي إلى فترات من 45 دقيقة.')
  })

  it('something gone, an unknown time zone and an undo that cannot be', async () => {
    const gone = await refusal('members.get', { id: 987654 })
    expect(gone).toMatchObject({ code: 'not_found', messageId: 'errors.gone.person' })
    expect(inLanguage('de', gone).message).toBe('Diese Person ist nicht mehr in Hearth. Vielleicht wurde sie gelöscht.')
    expect(inLanguage('ar', gone).message).toBe('هذا الشخص لم يعد في Hearth. ربما حُذف.')

    const zone = await refusal('settings.update', { timeZone: 'Mars/Olympus' })
    expect(zone).toMatchObject({ message: '"Mars/Olympus" is not a time zone Hearth knows.', fields: { timeZone: 'Choose a time zone from the list.' } })
    expect(inLanguage('de', zone)).toEqual({ message: '„Mars/Olympus“ ist keine Zeitzone, die Hearth kennt.', fields: { timeZone: 'Wählen Sie eine Zeitzone aus der Liste.' } })
    expect(inLanguage('ar', zone).fields).toEqual({ timeZone: 'اختر منطقة زمنية من القائمة.' })

    const undo = await refusal('history.undo', { changeId: 987654 })
    expect(undo).toMatchObject({ code: 'not_found', messageId: 'errors.history.unknown' })
    expect(inLanguage('de', undo).message).toBe('Diese Änderung steht nicht mehr im Verlauf und kann daher nicht rückgängig gemacht werden.')
    expect(inLanguage('ar', undo).message).toBe('هذا التغيير لم يعد في السجل، لذا لا يمكن التراجع عنه.')
  })

  it('a circle thing gone names what it was, and a backup no longer open', async () => {
    const slot = await refusal('prayerCircles.assign', { slotId: 987654, personId: null, writeInName: 'Ann' })
    expect(slot).toMatchObject({ messageId: 'errors.gone.thing', values: { what: 'timeSlot' }, message: 'That time slot no longer exists. It may have been deleted.' })
    expect(inLanguage('de', slot).message).toBe('Diesen Zeitabschnitt gibt es nicht mehr. Vielleicht wurde er gelöscht.')

    const backup = await refusal('backup.restore', { token: '00000000-0000-4000-8000-000000000000', passphrase: null })
    expect(backup).toMatchObject({ code: 'not_found', messageId: 'errors.backup.notOpen' })
    expect(inLanguage('ar', backup).message).toBe('لم تعد هذه النسخة الاحتياطية مفتوحة في Hearth. اخترها مرة أخرى من «الاستعادة من نسخة احتياطية…».')
  })
})

describe('a refusal that quotes days, labels or lists, each worded in the language', () => {
  it('the volunteers a change leaves without a slot, their days written in the language and the list joined its way', async () => {
    const train = {
      recipientName: 'Familie Weiß',
      startsOn: '2099-03-02',
      endsOn: '2099-03-08',
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      meals: [{ meal: 'dinner' as const, from: '17:30', to: '18:30' }],
    }
    const { id } = await call(s, 'mealTrains.create', train)
    for (const [name, date] of [['Jo', '2099-03-02'], ['Sam', '2099-03-03']] as const) {
      await call(s, 'mealTrains.signUp', { trainId: id, date, meal: 'dinner', volunteer: { name, phone: null }, dish: null, notes: null })
    }
    const stranded = await refusal('mealTrains.update', { id, fields: { ...train, startsOn: '2099-03-05' } })
    expect(stranded).toMatchObject({
      code: 'conflict',
      messageId: 'errors.meals.stranded',
      message: 'This change leaves 2 volunteers without a slot: Jo (Monday 2 March), Sam (Tuesday 3 March). Nothing was changed. Confirm to keep them as "needs rescheduling".',
    })
    expect(inLanguage('de', stranded).message).toBe(
      'Durch diese Änderung verlieren 2 helfende Personen ihren Termin: Jo (Montag, 2. März), Sam (Dienstag, 3. März). Es wurde nichts geändert. Bestätigen Sie, um sie als „muss neu geplant werden“ zu behalten.',
    )
    const arabic = inLanguage('ar', stranded).message
    expect(arabic).toMatch(/^هذا التغيير يترك متطوعَين بلا فترة: Jo \(الاثنين.*مارس\) وSam \(الثلاثاء.*مارس\)\. /)
    expect(arabic).not.toMatch(/Monday|Tuesday|March/)
  })

  it('on a calendar whose date is not known yet, the volunteer’s day is its number, in the language', async () => {
    const undated = {
      recipientName: 'Familie Weiß',
      dateKnown: false,
      dayOneLabel: 'die Geburt',
      startsOn: RELATIVE_EPOCH,
      endsOn: addDays(RELATIVE_EPOCH, 6),
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      meals: [{ meal: 'dinner' as const, from: '17:30', to: '18:30' }],
    }
    const { id } = await call(s, 'mealTrains.create', undated)
    await call(s, 'mealTrains.signUp', { trainId: id, date: addDays(RELATIVE_EPOCH, 4), meal: 'dinner', volunteer: { name: 'Jo', phone: null }, dish: null, notes: null })
    const stranded = await refusal('mealTrains.update', { id, fields: { ...undated, endsOn: addDays(RELATIVE_EPOCH, 2) } })
    expect(stranded.message).toBe('This change leaves one volunteer without a slot: Jo (Day 5). Nothing was changed. Confirm to keep them as "needs rescheduling".')
    expect(inLanguage('de', stranded).message).toContain(': Jo (Tag 5). Es wurde nichts geändert.')
    expect(inLanguage('ar', stranded).message).toContain(': Jo (اليوم 5). لم يتغير شيء.')
  })

  it('what keeps a member from being deleted, by the catalog’s label for it', async () => {
    s.context.sqlite.exec('create table parish_rota (id integer primary key, person_id integer not null references people(id)) strict')
    const { id } = await call(s, 'members.create', { firstName: 'Ann', lastName: 'Lee' })
    s.context.sqlite.prepare('insert into parish_rota (person_id) values (?)').run(id)
    const blocked = await refusal('members.delete', { id })
    expect(blocked).toMatchObject({ code: 'refused', message: 'Ann Lee cannot be deleted while they have: parish rota. You can archive them instead.' })
    expect(inLanguage('de', blocked).message).toBe('Ann Lee kann nicht gelöscht werden, solange noch Folgendes besteht: Einträge in „parish rota“. Sie können die Person stattdessen archivieren.')
    expect(inLanguage('ar', blocked).message).toBe('لا يمكن حذف Ann Lee ما دام لديه: سجلات في «parish rota». يمكنك أرشفته بدلًا من ذلك.')
    // The tables Hearth itself makes have their own words in every language.
    const label = (table: string) => say('de', 'members.delete.what', { table, label: table.replace(/_/g, ' ') })
    expect([label('prayer_requests'), label('meal_signups'), label('care_offers')]).toEqual(['Gebetsanliegen', 'Eintragung in einen Essensplan', 'Hilfsangebot'])
  })

  it('one field chosen for two columns of a spreadsheet, named by the field’s label in the language', async () => {
    const path = join(s.dir, 'people.csv')
    writeFileSync(path, 'First Name,Last Name,Email,Work Email\nAmy,Ng,amy@example.org,amy@work.example\n')
    s.os.openAnswers.push(path)
    const file = await call(s, 'membersCsv.openFile', {})
    if (!file) throw new Error('the picker was cancelled')
    const twice = await refusal('membersCsv.check', { token: file.token, mapping: ['firstName', 'lastName', 'email', 'email'], dateOrder: 'dmy' })
    expect(twice).toMatchObject({ code: 'invalid_input', message: 'Two columns are both set to "Email". Choose it for one column only.' })
    const german = say('de', 'membersCsv.field.email')
    expect(inLanguage('de', twice)).toEqual({
      message: `Zwei Spalten sind beide auf „${german}“ gesetzt. Wählen Sie es nur für eine Spalte.`,
      fields: { mapping: `Zwei Spalten sind beide auf „${german}“ gesetzt. Wählen Sie es nur für eine Spalte.` },
    })
    expect(inLanguage('ar', twice).fields.mapping).toBe(`عمودان كلاهما مضبوط على «${say('ar', 'membersCsv.field.email')}». اختره لعمود واحد فقط.`)
  })
})

describe('a sign-up’s warnings, worded by main in the language chosen in Settings', () => {
  it('the same dish twice, with its day, in German and Arabic', async () => {
    await call(s, 'mealTrains.signUp', { trainId, date: '2099-03-03', meal: 'dinner', volunteer: { name: 'Sam', phone: null }, dish: 'Lasagne', notes: null })
    const check = { trainId, date: '2099-03-04', meal: 'dinner', personId: null, dish: 'lasagne' } as const
    expect((await call(s, 'mealTrains.checkSignup', check)).warnings).toEqual([{ kind: 'same_dish', message: '“lasagne” is already planned for Tuesday 3 March.' }])
    await call(s, 'settings.update', { language: 'de' })
    expect((await call(s, 'mealTrains.checkSignup', check)).warnings).toEqual([{ kind: 'same_dish', message: '„lasagne“ ist bereits geplant für Dienstag, 3. März.' }])
    await call(s, 'settings.update', { language: 'ar' })
    const [arabic] = (await call(s, 'mealTrains.checkSignup', check)).warnings
    expect(arabic?.message).toMatch(/^«lasagne» مخطط له بالفعل في الثلاثاء.* مارس\.$/)
    await call(s, 'settings.update', { language: 'en' })
  })

  it('a dish that may not suit the family, its need in the language', async () => {
    const { id } = await call(s, 'mealTrains.create', {
      recipientName: 'Familie Weiß',
      startsOn: '2099-03-02',
      endsOn: '2099-03-08',
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      meals: [{ meal: 'dinner', from: '17:30', to: '18:30' }],
      dietary: ['nut_allergy'],
    })
    const check = { trainId: id, date: '2099-03-04', meal: 'dinner', dish: 'Peanut noodles' } as const
    expect((await call(s, 'mealTrains.checkSignup', check)).warnings.map((w) => w.message)).toEqual(['“Peanut noodles” may not suit this family (nut allergy): it mentions “peanut”.'])
    await call(s, 'settings.update', { language: 'de' })
    expect((await call(s, 'mealTrains.checkSignup', check)).warnings.map((w) => w.message)).toEqual([`„Peanut noodles“ passt vielleicht nicht für diese Familie (${say('de', 'members.dietary.nut_allergy')}): Es enthält “peanut”.`])
    await call(s, 'settings.update', { language: 'ar' })
    expect((await call(s, 'mealTrains.checkSignup', check)).warnings.map((w) => w.message)).toEqual([`قد لا يناسب «Peanut noodles» هذه العائلة (${say('ar', 'members.dietary.nut_allergy')}): فيه “peanut”.`])
    await call(s, 'settings.update', { language: 'en' })
  })
})

describe('what changed in a household’s needs, worded by main in the language chosen in Settings', () => {
  it('needs added and removed by their catalog labels, notes quoted, lines joined the language’s way', async () => {
    const home = await call(s, 'households.create', { displayName: 'Familie Okafor' })
    const ada = await call(s, 'members.create', { firstName: 'Ada', lastName: 'Okafor', householdId: home.id, householdRole: 'head', dietary: ['gluten_free'] })
    const { id } = await call(s, 'mealTrains.create', {
      recipientName: 'Familie Okafor',
      recipientPersonId: ada.id,
      recipientHouseholdId: home.id,
      startsOn: '2099-03-02',
      endsOn: '2099-03-08',
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      meals: [{ meal: 'dinner', from: '17:30', to: '18:30' }],
    })
    await call(s, 'members.update', {
      id: ada.id,
      firstName: 'Ada',
      lastName: 'Okafor',
      householdId: home.id,
      householdRole: 'head',
      dietary: ['nut_allergy', 'egg_allergy'],
      dietaryNotes: 'Hives from eggs',
    })
    const changes = async () => (await call(s, 'mealTrains.get', { id })).needsChanges
    expect(await changes()).toEqual(['Ada Okafor: added nut allergy and egg allergy; removed gluten-free; notes say “Hives from eggs”'])
    await call(s, 'settings.update', { language: 'de' })
    expect(await changes()).toEqual(['Ada Okafor: Nussallergie und Eiallergie hinzugefügt; Glutenfrei entfernt; Notizen: „Hives from eggs“'])
    await call(s, 'settings.update', { language: 'ar' })
    const [arabic] = await changes()
    expect(arabic).toBe(`Ada Okafor: أُضيف ${say('ar', 'members.dietary.nut_allergy')} و${say('ar', 'members.dietary.egg_allergy')}؛ أُزيل ${say('ar', 'members.dietary.gluten_free')}؛ تقول الملاحظات «Hives from eggs»`)
    await call(s, 'settings.update', { language: 'en' })
  })
})

describe('an undo, named in the history in the language chosen in Settings', () => {
  it('says what was undone in German and Arabic, quoting the change as it was worded', async () => {
    for (const [language, undid] of [
      ['en', (summary: string) => `Undid “${summary}”`],
      ['de', (summary: string) => `Rückgängig gemacht: „${summary}“`],
      ['ar', (summary: string) => `تم التراجع عن «${summary}»`],
    ] as const) {
      await call(s, 'settings.update', { language })
      const { change } = await callRecorded(s, 'members.create', { firstName: 'Zofia', lastName: `Nowak-${language}` })
      expect(change.summary).toContain(`Zofia Nowak-${language}`)
      const undo = await callRecorded(s, 'history.undo', { changeId: change.id })
      expect(undo.change.summary).toBe(undid(change.summary))
      expect((await call(s, 'history.list', {})).entries[0]).toMatchObject({ summary: undid(change.summary), undoOf: change.id })
    }
    await call(s, 'settings.update', { language: 'en' })
  })
})

// The kinds of error whose words reach a volunteer; each takes a catalog id, never a sentence.
const WORDED = /\b(?:new (?:HearthError|TrainPlanError|SlotRuleError|CsvFileError|BackupRefusedError|DatabaseRefusedError|SaidError|DbSaidError)|saidError)\(/g

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === 'contract' ? [] : sources(path)
    return /\.tsx?$/.test(name) ? [path] : []
  })
}

/** The arguments of the call opening at `open` (just after its "("), split at the top level. */
function argumentsAt(text: string, open: number): string[] {
  const args: string[] = []
  let depth = 0
  let quote: string | null = null
  let start = open
  for (let i = open; i < text.length; i++) {
    const c = text[i]!
    if (quote) {
      if (c === '\\') i++
      else if (c === quote) quote = null
      continue
    }
    if (c === "'" || c === '"' || c === '`') quote = c
    else if (c === '(' || c === '{' || c === '[') depth++
    else if (c === ')' || c === '}' || c === ']') {
      if (depth === 0) {
        args.push(text.slice(start, i).trim())
        return args
      }
      depth--
    } else if (c === ',' && depth === 0) {
      args.push(text.slice(start, i).trim())
      start = i + 1
    }
  }
  return args
}

describe('no refusal in main or db is worded in English in the code', () => {
  it('every worded error is made from a catalog id (or an id built from a reason), never from a sentence', () => {
    const root = join(__dirname, '..', '..')
    const offending: string[] = []
    let seen = 0
    for (const file of [...sources(join(root, 'main')), ...sources(join(root, 'db'))]) {
      const text = readFileSync(file, 'utf8')
      for (const match of text.matchAll(WORDED)) {
        seen++
        const args = argumentsAt(text, match.index! + match[0].length)
        const sentence = args.find((a) => (a.startsWith('`') && !a.startsWith('`errors.')) || (/^['"]/.test(a) && /\s/.test(a)))
        if (sentence) offending.push(`${relative(root, file)}: ${match[0]}${args.join(', ').slice(0, 80)}`)
      }
    }
    expect(offending).toEqual([])
    expect(seen).toBeGreaterThan(150)
  })

  it('the scan finds an English sentence and a template, and lets an id through', () => {
    const find = (code: string) => [...code.matchAll(WORDED)].map((m) => argumentsAt(code, m.index! + m[0].length))
    expect(find("throw new HearthError('not_found', 'That note is no longer there.')")).toEqual([["'not_found'", "'That note is no longer there.'"]])
    expect(find('new SlotRuleError(`A slot must last ${n} minutes.`, (x))')[0]![0]).toMatch(/^`/)
    expect(find("new HearthError('io', 'errors.diskFull', { a: f(1, 2) })")).toEqual([["'io'", "'errors.diskFull'", '{ a: f(1, 2) }']])
  })
})
