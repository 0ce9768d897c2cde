import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ICAL from 'ical.js'
import { DateTime } from 'luxon'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { instant } from '../../main/common/meal-slots'
import { buildCalendar, escapeText, foldLine, timeValue, vtimezone, wallClockInstant } from '../../main/reach/ical'
import { addDays } from '../../main/contract/days'
import { todayIn } from '../../main/common/read-settings'
import { call, chosen, testSession } from '../helpers/session'
import { seedWeek } from './seed'

let s: Awaited<ReturnType<typeof testSession>>
let seed: Awaited<ReturnType<typeof seedWeek>>

beforeAll(async () => {
  s = await testSession()
  seed = await seedWeek(s)
})
afterAll(() => s?.close())

interface Parsed {
  text: string
  events: { uid: string; summary: string; start: string; end: string; status: string; location: string | null; description: string | null }[]
}

/** Reads a file back with ical.js, using only the VTIMEZONE in the file for its times. */
function parse(text: string): Parsed {
  const calendar = new ICAL.Component(ICAL.parse(text))
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone)
  const events = calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v)
    return {
      uid: e.uid,
      summary: e.summary,
      start: e.startDate.toJSDate().toISOString(),
      end: e.endDate.toJSDate().toISOString(),
      status: String(v.getFirstPropertyValue('status')),
      location: (v.getFirstPropertyValue('location') as string | null) ?? null,
      description: (v.getFirstPropertyValue('description') as string | null) ?? null,
    }
  })
  ICAL.TimezoneService.reset()
  return { text, events }
}

async function exportCalendar(request: Parameters<typeof call<'reach.exportCalendar'>>[2]['request'], file: string): Promise<Parsed> {
  const target = join(s.dir, file)
  s.os.saveAnswers.push(target.replace(/\.ics$/, ''))
  const saved = chosen(await call(s, 'reach.exportCalendar', { request }))
  expect(saved.path).toBe(target)
  return parse(readFileSync(target, 'utf8'))
}

function expectWellFormed(text: string) {
  expect(text.endsWith('\r\n')).toBe(true)
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
  for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
  expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n')
}

describe('calendar files', () => {
  it('a whole meal train across the spring clock change: the same wall-clock dinner each day, parsed back by ical.js', async () => {
    const trainId = (
      await call(s, 'mealTrains.create', {
        recipientName: 'O’Brien, Seán; and family',
        reason: 'Recovering from chemotherapy',
        startsOn: '2026-03-28',
        endsOn: '2026-03-30',
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        meals: [{ meal: 'dinner', from: '17:30', to: '18:30' }],
        address: '4 Birch Road\nLeeds',
        dietaryNotes: 'Severe nut allergy',
      })
    ).id
    await call(s, 'mealTrains.signUp', { trainId, date: '2026-03-29', meal: 'dinner', volunteer: { personId: seed.ben }, dish: 'Lasagne, no nuts' })
    const { text, events } = await exportCalendar({ of: 'mealTrain', trainId }, 'train.ics')
    expectWellFormed(text)
    expect(events.map((e) => [e.start, e.end])).toEqual([
      ['2026-03-28T17:30:00.000Z', '2026-03-28T18:30:00.000Z'],
      ['2026-03-29T16:30:00.000Z', '2026-03-29T17:30:00.000Z'],
      ['2026-03-30T16:30:00.000Z', '2026-03-30T17:30:00.000Z'],
    ])
    expect(events[0]!.summary).toBe('Dinner for O’Brien, Seán; and family: still open')
    expect(events[1]).toMatchObject({ summary: 'Dinner for O’Brien, Seán; and family: Ben Okafor', location: '4 Birch Road\nLeeds', description: 'Bringing: Lasagne, no nuts', status: 'CONFIRMED' })
    expect(text).not.toMatch(/chemotherapy|Severe nut/)
  })

  it('a vigil across the autumn change: the repeated hour keeps both of its slots apart', async () => {
    const vigilId = (await call(s, 'prayerCircles.createVigil', { circleId: seed.circleId, title: 'All Saints vigil', startDate: '2026-10-25', startTime: '00:00', hours: 4, slotMinutes: 60 })).id
    const schedule = await call(s, 'prayerCircles.schedule', { scheduleId: vigilId })
    await call(s, 'prayerCircles.assign', { slotId: schedule.slots[1]!.id, personId: seed.cara })
    const { text, events } = await exportCalendar({ of: 'schedule', scheduleId: vigilId }, 'vigil.ics')
    expectWellFormed(text)
    expect(events.map((e) => e.start)).toEqual(schedule.slots.map((slot) => new Date(slot.startsAt).toISOString()))
    expect(new Set(events.map((e) => e.start)).size).toBe(events.length)
    expect(events[1]!.summary).toBe('All Saints vigil: Cara Cole')
    expect(events[0]!.summary).toBe('All Saints vigil (1 place open)')
  })

  it('gives each event the same UID in every export, so importing again updates instead of duplicating; a skipped meeting is CANCELLED', async () => {
    const meetingId = (
      await call(s, 'prayerCircles.createRecurring', {
        circleId: seed.circleId,
        kind: 'meeting',
        title: 'Tuesday prayer meeting',
        recurrence: { kind: 'weekly', weekdays: [2] },
        startDate: '2026-03-03',
        untilDate: '2026-03-31',
        time: '19:30',
        durationMinutes: 60,
      })
    ).id
    const first = await exportCalendar({ of: 'schedule', scheduleId: meetingId }, 'meeting-1.ics')
    const slots = (await call(s, 'prayerCircles.schedule', { scheduleId: meetingId })).slots
    await call(s, 'prayerCircles.skipSlot', { slotId: slots[2]!.id, skipped: true })
    const second = await exportCalendar({ of: 'schedule', scheduleId: meetingId }, 'meeting-2.ics')
    expect(second.events.map((e) => e.uid)).toEqual(first.events.map((e) => e.uid))
    expect(new Set(first.events.map((e) => e.uid)).size).toBe(5)
    for (const uid of first.events.map((e) => e.uid)) expect(uid).toMatch(/^prayer-slot-\d+\.[0-9a-f]{24}@hearth$/)
    expect(second.events.map((e) => e.status)).toEqual(['CONFIRMED', 'CONFIRMED', 'CANCELLED', 'CONFIRMED', 'CONFIRMED'])
  })

  it("a volunteer's own commitments: meals and prayer, a cancelled meal as CANCELLED, times right across the next clock change", async () => {
    const zone = 'Europe/London'
    const today = todayIn(zone)
    // The next day the clocks change, found from the zone itself so the test holds whenever it runs.
    let change = addDays(today, 2)
    while (DateTime.fromISO(`${change}T12:00`, { zone }).offset === DateTime.fromISO(`${addDays(change, -1)}T12:00`, { zone }).offset) change = addDays(change, 1)
    const trainId = (
      await call(s, 'mealTrains.create', {
        recipientName: 'Maria Lopez',
        startsOn: addDays(change, -1),
        endsOn: addDays(change, 1),
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        meals: [{ meal: 'dinner', from: '18:00', to: '19:00' }],
      })
    ).id
    const days = [addDays(change, -1), change, addDays(change, 1)]
    const ids = []
    for (const date of days) ids.push((await call(s, 'mealTrains.signUp', { trainId, date, meal: 'dinner', volunteer: { personId: seed.dev } })).id)
    await call(s, 'mealTrains.setSignupState', { signupId: ids[2]!, state: 'cancelled' })
    const { text, events } = await exportCalendar({ of: 'person', personId: seed.dev }, 'dev.ics')
    expectWellFormed(text)
    const meals = events.filter((e) => e.summary === 'Dinner for Maria Lopez')
    expect(meals.map((e) => [e.start, e.status])).toEqual(days.map((d, i) => [new Date(instant(d, '18:00', zone)).toISOString(), i === 2 ? 'CANCELLED' : 'CONFIRMED']))
    expect(new Set(meals.map((e) => e.start.slice(11, 16))).size).toBe(2)
    expect(meals.map((e) => e.uid)).toEqual(ids.map((id) => expect.stringMatching(new RegExp(`^meal-${id}\\.`))))
    // An archived train's meals stay in the file as cancelled, so a re-import takes them off the calendar.
    await call(s, 'mealTrains.archive', { id: trainId, clearHealthDetails: false })
    const after = await exportCalendar({ of: 'person', personId: seed.dev }, 'dev-after.ics')
    expect(after.events.filter((e) => e.summary === 'Dinner for Maria Lopez').map((e) => e.status)).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED'])
  })

  it('refuses a calendar with nothing in it, and writes nothing when the save is cancelled', async () => {
    const nobody = (await s.context.db.insertInto('people').values({ first_name: 'Nobody', last_name: 'Busy', status: 'member', updated_at: '2026-01-01' }).returning('id').executeTakeFirstOrThrow()).id
    expect(await s.registry.dispatch('reach.exportCalendar', { request: { of: 'person', personId: nobody } })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await call(s, 'reach.exportCalendar', { request: { of: 'schedule', scheduleId: seed.vigilId } })).toBeNull()
  })
})

describe('iCalendar text rules', () => {
  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf')
  })
  it('folds at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'Ἀθηνᾶ '.repeat(20)}`
    const folded = foldLine(line)
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75)
    expect(folded.split('\r\n').map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line)
    expect(foldLine('SHORT:x')).toBe('SHORT:x')
  })
  it.each([
    ['Arabic', 'ع'],
    ['German', 'ß'],
  ])('folds %s by octets: a two-byte letter that would cross the 75th octet starts the next line whole', (_language, letter) => {
    // "SUMMARY:" is 8 octets; 33 two-byte letters make 74, and the 34th would make 76. A continuation's space
    // counts, so 37 letters fill it to 75.
    const line = `SUMMARY:${letter.repeat(100)}`
    const parts = foldLine(line).split('\r\n')
    expect(parts.map((p) => Buffer.byteLength(p, 'utf8'))).toEqual([74, 75, 61])
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true)
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line)
  })
  it('writes a repeated wall-clock time in UTC, and any other in the named zone', () => {
    expect(timeValue('2026-10-25T00:30:00Z', 'Europe/London')).toBe(':20261025T003000Z')
    expect(timeValue('2026-10-25T01:30:00Z', 'Europe/London')).toBe(':20261025T013000Z')
    expect(timeValue('2026-10-25T02:30:00Z', 'Europe/London')).toBe(';TZID=Europe/London:20261025T023000')
    expect(timeValue('2026-03-29T01:00:00Z', 'Europe/London')).toBe(';TZID=Europe/London:20260329T020000')
  })
})

describe('time zones other than the UK', () => {
  it.each([
    ['Australia/Sydney', ['2026-04-04', '2026-04-05', '2026-04-06']],
    ['America/New_York', ['2026-03-08', '2026-03-09', '2026-11-01']],
    ['Asia/Tokyo', ['2026-06-01', '2026-12-01', '2027-01-01']],
  ] as const)('%s: each evening event is read back at its instant', (zone, days) => {
    const events = days.map((day, i) => ({
      uid: `e${i}@test`,
      summary: `Evening ${day}`,
      startsAt: wallClockInstant(day, '18:00', zone),
      endsAt: wallClockInstant(day, '19:00', zone),
      cancelled: false,
    }))
    const { events: parsed } = parse(buildCalendar({ name: 'Test', timeZone: zone, events, now: new Date('2026-01-15T12:00:00Z') }))
    expect(parsed.map((e) => e.start)).toEqual(events.map((e) => new Date(e.startsAt).toISOString()))
  })

  it('a zone without clock changes has one observance', () => {
    const lines = vtimezone('Asia/Tokyo', 2026, 2026)
    expect(lines.filter((l) => l.startsWith('BEGIN:'))).toEqual(['BEGIN:VTIMEZONE', 'BEGIN:STANDARD'])
    expect(lines).toContain('TZOFFSETTO:+0900')
  })
})


describe('calendar files in the chosen language', () => {
  // Days ahead of today, so a volunteer's own calendar (a month back, a year ahead) holds them whenever this runs.
  const ahead = (n: number) => addDays(todayIn('Europe/London'), n)

  afterAll(async () => {
    await call(s, 'settings.update', { language: 'en' })
  })

  /** The file's lines joined again as RFC 5545 reads them: a line break and one space are removed. */
  const unfold = (text: string) => text.replace(/\r\n /g, '')

  it('German: meals, a ride, a visit and a prayer vigil read back with German titles; no reason, need or destination in them', async () => {
    await call(s, 'settings.update', { language: 'de' })
    const recipient = 'Familie Größenwahn-Müllerschön aus der Straßenbahnhaltestelle Oberschöneweide'
    const meals = (
      await call(s, 'mealTrains.create', {
        recipientName: recipient,
        reason: 'Nach der Chemotherapie',
        startsOn: ahead(10),
        endsOn: ahead(11),
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        meals: [{ meal: 'dinner', from: '17:30', to: '18:30' }],
        address: 'Birkenweg 4, Leeds',
        dietaryNotes: 'Schwere Nussallergie',
      })
    ).id
    await call(s, 'mealTrains.signUp', { trainId: meals, date: ahead(10), meal: 'dinner', volunteer: { personId: seed.ben }, dish: 'Käsespätzle' })
    const mealFile = await exportCalendar({ of: 'mealTrain', trainId: meals }, 'essen.ics')
    expectWellFormed(mealFile.text)
    expect(mealFile.events.map((e) => e.summary)).toEqual([`Abendessen für ${recipient}: Ben Okafor`, `Abendessen für ${recipient}: noch frei`])
    expect(mealFile.events[0]!.description).toBe('Bringt: Käsespätzle')
    expect(s.os.asked.at(-1)).toEqual({ kind: 'save', title: 'Kalenderdatei speichern', filters: [{ name: 'Kalenderdatei', extensions: ['ics'] }] })
    expect(unfold(mealFile.text)).toContain(`X-WR-CALNAME:Mahlzeiten für ${recipient}`)
    expect(unfold(mealFile.text)).not.toMatch(/Chemotherapie|Nussallergie/)

    const ride = (
      await call(s, 'mealTrains.create', {
        kind: 'rides',
        recipientName: 'Anna Abt',
        reason: 'Dialyse dreimal pro Woche',
        startsOn: ahead(12),
        endsOn: ahead(12),
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        meals: [{ meal: 'breakfast', from: '09:00', to: '12:00' }],
        ridePickup: 'Mühlenweg 4, Leeds',
        rideDestination: 'Krankenhaus, Nierenstation',
      })
    ).id
    await call(s, 'mealTrains.signUp', { trainId: ride, date: ahead(12), meal: 'breakfast', volunteer: { personId: seed.dev }, dish: 'Mit Kindersitz' })
    const rideFile = await exportCalendar({ of: 'mealTrain', trainId: ride }, 'fahrten.ics')
    expect(rideFile.events).toMatchObject([{ summary: 'Fahrt (Vormittag) für Anna Abt: Dev Das', location: 'Mühlenweg 4, Leeds', description: 'Notiz: Mit Kindersitz' }])
    expect(unfold(rideFile.text)).toContain('X-WR-CALNAME:Fahrten für Anna Abt')
    expect(rideFile.text).not.toMatch(/Dialyse|Nierenstation|Krankenhaus/)

    const visit = (
      await call(s, 'mealTrains.create', {
        kind: 'visits',
        recipientName: 'Carl Cole',
        careWhat: 'Gesellschaft nach dem Tod seiner Frau',
        startsOn: ahead(13),
        endsOn: ahead(13),
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        meals: [{ meal: 'lunch', from: '14:00', to: '15:00' }],
      })
    ).id
    const visitFile = await exportCalendar({ of: 'mealTrain', trainId: visit }, 'besuche.ics')
    expect(visitFile.events.map((e) => e.summary)).toEqual(['Besuch (Nachmittag) für Carl Cole: noch frei'])
    expect(visitFile.text).not.toMatch(/Gesellschaft|Frau/)

    const vigilId = (await call(s, 'prayerCircles.createVigil', { circleId: seed.circleId, title: 'Pfingstwache', startDate: ahead(14), startTime: '20:00', hours: 2, slotMinutes: 60 })).id
    const vigil = await call(s, 'prayerCircles.schedule', { scheduleId: vigilId })
    await call(s, 'prayerCircles.assign', { slotId: vigil.slots[0]!.id, personId: seed.dev })
    const vigilFile = await exportCalendar({ of: 'schedule', scheduleId: vigilId }, 'wache.ics')
    expect(vigilFile.events.map((e) => e.summary)).toEqual(['Pfingstwache: Dev Das', 'Pfingstwache (1 Platz frei)'])

    const dev = await exportCalendar({ of: 'person', personId: seed.dev }, 'dev-de.ics')
    expect(dev.events.map((e) => e.summary)).toEqual(expect.arrayContaining(['Fahrt (Vormittag) für Anna Abt', 'Pfingstwache (Tuesday circle)']))
    expect(unfold(dev.text)).toContain('X-WR-CALNAME:Zusagen von Dev Das')
    expect(dev.text).not.toMatch(/Dialyse|Nierenstation|Krankenhaus|divorce|Marriage/)
  })

  it('Arabic: long titles fold by octets and never inside a letter, and read back whole; household and other help in Arabic words', async () => {
    await call(s, 'settings.update', { language: 'ar' })
    const recipient = 'عائلة عبد الرحمن بن عبد العزيز الهاشمي من حي الشيخ جراح القديم'
    const meals = (
      await call(s, 'mealTrains.create', {
        recipientName: recipient,
        reason: 'بعد العملية الجراحية',
        startsOn: ahead(20),
        endsOn: ahead(20),
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        meals: [{ meal: 'dinner', from: '18:00', to: '19:00' }],
        dietaryNotes: 'حساسية شديدة من المكسرات',
      })
    ).id
    await call(s, 'mealTrains.signUp', { trainId: meals, date: ahead(20), meal: 'dinner', volunteer: { name: 'فاطمة الزهراء' }, dish: 'مقلوبة بالدجاج' })
    const household = (
      await call(s, 'mealTrains.create', {
        kind: 'household',
        recipientName: recipient,
        careWhat: 'إصلاح الباب بعد السقوط',
        startsOn: ahead(21),
        endsOn: ahead(21),
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        meals: [{ meal: 'breakfast', from: '10:00', to: '12:00' }],
      })
    ).id
    const other = (
      await call(s, 'mealTrains.create', {
        kind: 'other',
        title: 'تمشية الكلب',
        recipientName: 'سارة',
        startsOn: ahead(22),
        endsOn: ahead(22),
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        meals: [{ meal: 'dinner', from: '18:00', to: '19:00' }],
      })
    ).id

    const mealFile = await exportCalendar({ of: 'mealTrain', trainId: meals }, 'وجبات.ics')
    const householdFile = await exportCalendar({ of: 'mealTrain', trainId: household }, 'منزل.ics')
    const otherFile = await exportCalendar({ of: 'mealTrain', trainId: other }, 'اخرى.ics')
    expect(mealFile.events.map((e) => [e.summary, e.description])).toEqual([[`العشاء من أجل ${recipient}: فاطمة الزهراء`, 'سيُحضر: مقلوبة بالدجاج']])
    expect(householdFile.events.map((e) => e.summary)).toEqual([`عمل منزلي (صباحًا) من أجل ${recipient}: ما زال متاحًا`])
    expect(otherFile.events.map((e) => e.summary)).toEqual(['تمشية الكلب (مساءً) من أجل سارة: ما زال متاحًا'])
    expect(unfold(mealFile.text)).toContain(`X-WR-CALNAME:وجبات من أجل ${recipient}`)
    expect(unfold(householdFile.text)).toContain(`X-WR-CALNAME:أعمال المنزل والحديقة من أجل ${recipient}`)
    expect(mealFile.text + householdFile.text).not.toMatch(/العملية|المكسرات|الباب/)

    for (const [file, parsed] of [['وجبات.ics', mealFile], ['منزل.ics', householdFile]] as const) {
      expectWellFormed(parsed.text)
      // Read as bytes: every physical line is at most 75 octets and whole UTF-8 on its own, so no letter was cut.
      const bytes = readFileSync(join(s.dir, file))
      const lines: Buffer[] = []
      let start = 0
      for (let i = 0; i < bytes.length - 1; i++) {
        if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
          lines.push(bytes.subarray(start, i))
          start = i + 2
        }
      }
      const strict = new TextDecoder('utf-8', { fatal: true })
      for (const line of lines) {
        expect(line.length).toBeLessThanOrEqual(75)
        expect(() => strict.decode(line)).not.toThrow()
      }
      // The long titles were folded, and more than once.
      expect(parsed.text.split('\r\n').filter((l) => l.startsWith(' ')).length).toBeGreaterThan(3)
    }
  })
})
