import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_TEMPLATES } from '../../main/contract/reach'
import { todayIn } from '../../main/common/read-settings'
import { fillTemplate, unknownPlaceholders } from '../../main/reach/messages'
import { addDays } from '../../main/contract/days'
import { call, testSession } from '../helpers/session'
import { seedWeek, WEEK } from './seed'

let s: Awaited<ReturnType<typeof testSession>>
let seed: Awaited<ReturnType<typeof seedWeek>>
// Messages list only what is still ahead, so this train runs from tomorrow, wherever the tests run.
let today: string
let futureTrain: number

const PRIVATE = ['chemotherapy', 'EpiPen', 'nut allergy', 'Peanut', 'divorce', 'Marriage trouble', 'A new job for Dev']

function expectNothingPrivate(text: string) {
  for (const word of PRIVATE) expect(text.toLowerCase()).not.toContain(word.toLowerCase())
}

beforeAll(async () => {
  s = await testSession()
  seed = await seedWeek(s)
  today = todayIn('Europe/London')
  futureTrain = (
    await call(s, 'mealTrains.create', {
      recipientName: 'Maria Lopez',
      reason: 'Recovering from chemotherapy',
      startsOn: addDays(today, 1),
      endsOn: addDays(today, 3),
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      meals: [
        { meal: 'lunch', from: '12:00', to: '13:00' },
        { meal: 'dinner', from: '17:30', to: '18:30' },
      ],
      address: '4 Birch Road',
      dietary: ['peanut_allergy'],
      dietaryNotes: 'Severe nut allergy, carries an EpiPen',
      coordinatorName: 'Ann Abbott',
      coordinatorPhone: '07700 900001',
    })
  ).id
  await call(s, 'mealTrains.signUp', { trainId: futureTrain, date: addDays(today, 2), meal: 'dinner', volunteer: { personId: seed.ben } })
})
afterAll(() => s?.close())

const copy = (request: Parameters<typeof call<'reach.copyMessage'>>[2]['request']) => call(s, 'reach.copyMessage', { request })

describe('ready-to-send messages', () => {
  it('a meal train: who it is for, the open days ahead and how to sign up, and it is on the clipboard', async () => {
    const { text } = await copy({ kind: 'mealTrain', trainId: futureTrain })
    expect(s.os.copied.at(-1)).toBe(text)
    const lines = text.split('\n')
    expect(lines[0]).toBe('Meals for Maria Lopez')
    expect(lines[1]).toBe('Can you bring a meal? These days are still open:')
    // Three days of lunch and dinner, less the one dinner taken.
    expect(lines.filter((l) => l.startsWith('• '))).toHaveLength(5)
    expect(text).toMatch(/• \w{3} \d{1,2} \w{3}: lunch, 12:00–13:00/)
    expect(text).toContain('To sign up, reply to Ann Abbott (07700 900001).')
    expect(text).not.toContain('Birch Road')
    expectNothingPrivate(text)
  })

  it('a vigil or rota: its open times (none ahead for a past week), and who to tell', async () => {
    const { text } = await copy({ kind: 'gaps', scheduleId: seed.vigilId })
    expect(text).toContain('Lent vigil (Tuesday circle)')
    expect(text).toContain('(Every time is taken. Thank you!)')
    expect(text).toContain('To take one, reply to Ann Abbott (07700 900001).')
    const vigil = (await call(s, 'prayerCircles.createVigil', { circleId: seed.circleId, title: 'Night watch', startDate: addDays(today, 5), startTime: '22:00', hours: 3, slotMinutes: 60, minPeople: 2 })).id
    const watch = await copy({ kind: 'gaps', scheduleId: vigil })
    expect(watch.text.split('\n').filter((l) => l.startsWith('• '))).toHaveLength(3)
    expect(watch.text).toMatch(/22:00–23:00 \(2 people needed\)/)
    expectNothingPrivate(watch.text)
  })

  it('a prayer circle: its open requests only, never a coordinator-only or expired one', async () => {
    const { text } = await copy({ kind: 'prayerCircle', circleId: seed.circleId })
    expect(text).toBe('Tuesday circle: please pray for\n• For the Lopez family this week')
    expectNothingPrivate(text)
  })

  it('a call-list entry: a friendly reminder with what, when and where, and nothing private', async () => {
    const { text } = await copy({ kind: 'reminder', personKey: `p:${seed.ben}`, range: WEEK })
    expect(text).toBe('Hello Ben Okafor, a friendly reminder from St Aidan’s:\n• Tue 3 Mar, 17:30–18:30: Dinner for Maria Lopez, at 4 Birch Road, Leeds LS6 1AA\nThank you!')
    expectNothingPrivate(text)
    expect(await s.registry.dispatch('reach.copyMessage', { request: { kind: 'reminder', personKey: `p:${seed.ann}`, range: WEEK } })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
  })

  it('uses the words the volunteer wrote in Settings, refuses placeholders it cannot fill, and goes back to the standard words', async () => {
    const refused = await s.registry.dispatch('reach.setTemplates', { reminder: 'Hi {firstname}, {duties}' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { reminder: expect.stringContaining('{firstname}') } } })
    const saved = await call(s, 'reach.setTemplates', { reminder: 'Hi {name}! Just checking:\n{duties}\n— {congregation}' })
    expect(saved.reminder).toBe('Hi {name}! Just checking:\n{duties}\n— {congregation}')
    expect(saved.mealTrain).toContain('{days}')
    const { text } = await copy({ kind: 'reminder', personKey: 'w:zoe writein', range: WEEK })
    expect(text).toBe('Hi Zoe Writein! Just checking:\n• Wed 4 Mar, 17:30–18:30: Dinner for Maria Lopez, at 4 Birch Road, Leeds LS6 1AA\n— St Aidan’s')
    // Putting the standard words back stores nothing, so a later Hearth's better standard words reach this file too.
    await call(s, 'reach.setTemplates', { reminder: DEFAULT_TEMPLATES.reminder })
    expect((await call(s, 'reach.templates')).reminder).toBe(DEFAULT_TEMPLATES.reminder)
    expect(JSON.parse(s.context.sqlite.prepare(`select value from settings where key = 'messageTemplates'`).pluck().get() as string)).toEqual({})
  })
})

describe('templates', () => {
  it('fills known placeholders once: a value that looks like a placeholder stays as written', () => {
    expect(fillTemplate('Hi {name},\n\n\n\n{duties}  ', { name: '{duties}', duties: 'x' })).toBe('Hi {duties},\n\nx')
    expect(fillTemplate('{unknown} stays', {})).toBe('{unknown} stays')
  })
  it('names the placeholders a kind of message cannot fill', () => {
    expect(unknownPlaceholders('mealTrain', '{recipient} {days} {Recipient} {} {days}')).toEqual(['Recipient', ''])
    expect(unknownPlaceholders('prayerCircle', '{circle}: {requests}')).toEqual([])
  })
})
