import { existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { examplePath } from '../../main/home/write-example'
import { addDays } from '../../main/contract/days'
import { backupDue, birthdayIn } from '../../main/home/week'
import { todayIn } from '../../main/common/read-settings'
import { call, callRecorded, testSession } from '../helpers/session'
import { sha256 } from '../helpers/temp'
import { addPeople } from '../prayer-circles/people'

describe('birthdays, dates and the backup reminder', () => {
  it('finds a birthday in the period, across a year end', () => {
    expect(birthdayIn('1970-03-05', '2026-03-01', '2026-03-07')).toBe('2026-03-05')
    expect(birthdayIn('1970-03-08', '2026-03-01', '2026-03-07')).toBeNull()
    expect(birthdayIn('1981-01-02', '2026-12-28', '2027-01-26')).toBe('2027-01-02')
    expect(birthdayIn('1981-12-31', '2026-12-28', '2027-01-03')).toBe('2026-12-31')
  })

  it('keeps a 29 February birthday on 28 February in a common year and on the 29th in a leap year', () => {
    expect(birthdayIn('1988-02-29', '2026-02-25', '2026-03-03')).toBe('2026-02-28')
    expect(birthdayIn('1988-02-29', '2028-02-25', '2028-03-02')).toBe('2028-02-29')
    expect(birthdayIn('1988-02-29', '2028-03-01', '2028-03-07')).toBeNull()
  })

  it('adds days across month ends, leap days and clock changes', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30')
    expect(addDays('2026-12-25', 29)).toBe('2027-01-23')
  })

  it('says a backup is due when there is none or the last is older than the reminder', () => {
    const now = new Date('2026-03-10T12:00:00Z')
    expect(backupDue(null, 7, now)).toBe(true)
    expect(backupDue('2026-03-04T12:00:00Z', 7, now)).toBe(false)
    expect(backupDue('2026-03-03T11:00:00Z', 7, now)).toBe(true)
  })
})

describe('home.view over a real file', () => {
  let s: Awaited<ReturnType<typeof testSession>>
  let today: string
  beforeAll(async () => {
    s = await testSession()
    await call(s, 'settings.update', { timeZone: 'Europe/London' })
    today = todayIn('Europe/London')
  })
  afterAll(() => s.close())

  it('on an empty file, lists nothing and shows what setup still needs', async () => {
    const home = await call(s, 'home.view', {})
    expect(home.setup).toEqual({ congregationName: '', paperSize: 'A4', backupFolder: null, people: 0 })
    expect(home.until).toBe(addDays(today, 6))
    expect([home.openMeals, home.prayerGaps, home.substitutes, home.rescheduling, home.days, home.expiringRequests, home.birthdays]).toEqual([[], [], [], [], [], [], []])
    expect(home.backup).toMatchObject({ lastBackupAt: null, due: true })
    expect(home.example).toBe(false)
  })

  it('lists open meals, vigil gaps, substitutes, rescheduling, who brings and prays, expiring requests and birthdays', async () => {
    const [ann, ben, cara] = await addPeople(s, ['Ann Abbott', 'Ben Brown', 'Cara Cole'])
    await s.context.db.updateTable('people').set({ birthday: `1960-${addDays(today, 2).slice(5)}` }).where('id', '=', cara!).execute()
    const train = await call(s, 'mealTrains.create', {
      recipientName: 'The Okafor family',
      startsOn: today,
      endsOn: addDays(today, 20),
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      meals: [{ meal: 'dinner', from: '17:30', to: '18:30' }],
    })
    await call(s, 'mealTrains.signUp', { trainId: train.id, date: addDays(today, 1), meal: 'dinner', volunteer: { personId: ann! }, dish: 'Soup' })
    const late = await call(s, 'mealTrains.signUp', { trainId: train.id, date: addDays(today, 18), meal: 'dinner', volunteer: { personId: ben! } })
    await s.context.db.updateTable('meal_signups').set({ state: 'needs_rescheduling' }).where('id', '=', late.id).execute()

    const circle = await call(s, 'prayerCircles.create', { name: 'Tuesday circle', memberIds: [ann!, ben!] })
    const vigil = await call(s, 'prayerCircles.createVigil', { circleId: circle.id, title: 'Night watch', startDate: addDays(today, 2), startTime: '22:00', hours: 3, slotMinutes: 60 })
    const detail = await call(s, 'prayerCircles.schedule', { scheduleId: vigil.id })
    const first = await call(s, 'prayerCircles.assign', { slotId: detail.slots[0]!.id, personId: ben! })
    await call(s, 'prayerCircles.markSubstitute', { assignmentId: first.id, needsSubstitute: true })
    await call(s, 'prayerCircles.assign', { slotId: detail.slots[1]!.id, personId: ann! })
    await call(s, 'prayerCircles.addRequest', { circleId: circle.id, body: 'For the new job', expiresOn: addDays(today, 3) })
    await call(s, 'prayerCircles.addRequest', { circleId: circle.id, body: 'Private matter', confidentiality: 'coordinator', expiresOn: addDays(today, 4) })
    await call(s, 'prayerCircles.addRequest', { circleId: circle.id, body: 'Later on', expiresOn: addDays(today, 25) })

    const home = await call(s, 'home.view', { span: 7 })
    expect(home.openMeals).toEqual([
      { trainId: train.id, kind: 'meals', recipientName: 'The Okafor family', slots: [0, 2, 3, 4, 5, 6].map((d) => ({ date: addDays(today, d), meal: 'dinner' })) },
    ])
    expect(home.prayerGaps).toEqual([
      {
        circleId: circle.id,
        scheduleId: vigil.id,
        circleName: 'Tuesday circle',
        title: 'Night watch',
        kind: 'vigil',
        slots: [{ slotId: detail.slots[2]!.id, date: addDays(today, 3), start: '00:00', end: '01:00', missing: 1 }],
      },
    ])
    expect(home.substitutes).toEqual([
      expect.objectContaining({ scheduleId: vigil.id, assignmentId: first.id, name: 'Ben Brown', phone: '07700 900001', date: addDays(today, 2), start: '22:00' }),
    ])
    expect(home.rescheduling).toEqual([expect.objectContaining({ trainId: train.id, signupId: late.id, volunteerName: 'Ben Brown', date: addDays(today, 18) })])
    expect(home.days.map((d) => d.date)).toEqual([addDays(today, 1), addDays(today, 2)])
    expect(home.days[0]!.meals).toEqual([
      expect.objectContaining({ recipientName: 'The Okafor family', meal: 'dinner', from: '17:30', volunteer: { name: 'Ann Abbott', phone: '07700 900000' }, dish: 'Soup' }),
    ])
    expect(home.days[1]!.prayers.map((p) => [p.start, p.people])).toEqual([
      ['22:00', [{ name: 'Ben Brown', phone: '07700 900001' }]],
      ['23:00', [{ name: 'Ann Abbott', phone: '07700 900000' }]],
    ])
    // A coordinator-only request shows where it is, never what it says.
    expect(home.expiringRequests.map((r) => [r.body, r.expiresOn])).toEqual([
      ['For the new job', addDays(today, 3)],
      [null, addDays(today, 4)],
    ])
    expect(JSON.stringify(home)).not.toContain('Private matter')
    expect(home.birthdays).toEqual([{ personId: cara, name: 'Cara Cole', phone: '07700 900002', date: addDays(today, 2) }])

    const month = await call(s, 'home.view', { span: 30 })
    // Only Ann's dinner holds a slot: a sign-up waiting to be rescheduled holds none.
    expect(month.openMeals[0]!.slots).toHaveLength(21 - 1)
    expect(month.expiringRequests).toHaveLength(3)
  })

  it('refuses a span it does not offer', async () => {
    const r = await s.registry.dispatch('home.view', { span: 10 })
    expect(r.ok).toBe(false)
  })
})

describe('the example congregation', () => {
  it('opens in its own file, refuses backups, and leaves the real file byte for byte as it was', async () => {
    const s = await testSession()
    try {
      await call(s, 'settings.update', { congregationName: 'St Brigid’s', timeZone: 'Europe/London' })
      await addPeople(s, ['Real Person'])
      const real = s.context.realDatabasePath
      // Close-and-reopen is how the file settles to a stable state to hash; the switch does exactly that.
      await call(s, 'home.openExample', {})
      const before = sha256(real)
      expect(existsSync(examplePath(real))).toBe(true)

      const home = await call(s, 'home.view', {})
      expect(home.example).toBe(true)
      expect(home.setup.congregationName).toBe('Example congregation')
      expect(home.openMeals.length).toBeGreaterThan(0)
      expect(home.prayerGaps.length).toBeGreaterThan(0)
      expect(home.substitutes.length).toBe(1)
      expect(home.rescheduling.length).toBe(1)
      expect(home.birthdays.length).toBe(2)
      expect((await call(s, 'app.info', {})).databasePath).toBe(examplePath(real))

      await call(s, 'members.create', { firstName: 'Try', lastName: 'Out' })
      // The example file gets its own history, so trying Undo there works like the real thing.
      expect((await call(s, 'history.list', {})).entries[0]?.summary).toBe('Added Try Out')
      const backup = await s.registry.dispatch('backup.run', {})
      expect(backup).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringContaining('example congregation') } })
      expect(sha256(real)).toBe(before)

      await call(s, 'home.leaveExample', {})
      const back = await call(s, 'home.view', {})
      expect(back.example).toBe(false)
      expect(back.setup).toMatchObject({ congregationName: 'St Brigid’s', people: 1 })
      const names = await s.context.db.selectFrom('people').select('first_name').execute()
      expect(names.map((n) => n.first_name)).toEqual(['Real'])
      await call(s, 'members.create', { firstName: 'Back', lastName: 'Home' })
      expect((await call(s, 'history.list', {})).entries[0]?.summary).toBe('Added Back Home')
    } finally {
      await s.close()
    }
  })

  it('keeps its own history with undo, and opening or leaving it adds nothing to the real history', async () => {
    const s = await testSession()
    try {
      await addPeople(s, ['Real Person'])
      const realHistory = await call(s, 'history.list', {})

      await call(s, 'home.openExample', {})
      const added = await callRecorded(s, 'members.create', { firstName: 'Try', lastName: 'Out' })
      expect(added.change.summary).toBe('Added Try Out')
      await call(s, 'history.undo', { changeId: added.change.id })
      expect(await s.context.db.selectFrom('people').select('id').where('first_name', '=', 'Try').execute()).toEqual([])

      await call(s, 'home.leaveExample', {})
      expect(await call(s, 'history.list', {})).toEqual(realHistory)
    } finally {
      await s.close()
    }
  })
})
