import { describe, expect, it } from 'vitest'
import { type ChangeRow, describeRows, type Names, shortDay } from '../../main/history/describe'

const names: Names = {
  person: (id) => (id === 1 ? 'Ada Okafor' : null),
  household: () => null,
  train: (id) => (id === 7 ? 'The Okafor family' : null),
  care: () => null,
  circle: () => null,
  schedule: () => null,
  slot: () => null,
}
const person = (id: number, first: string, extra: Record<string, unknown> = {}) => ({ id, first_name: first, last_name: 'Lee', preferred_name: null, household_id: null, archived_at: null, updated_at: 'x', ...extra })

describe('a change in words', () => {
  it('names dates the short way, month ends and leap days included', () => {
    expect(shortDay('2026-12-04')).toBe('4 Dec')
    expect(shortDay('2028-02-29')).toBe('29 Feb')
    expect(shortDay('2026-01-31')).toBe('31 Jan')
  })

  it('sums up an import as its first person and how many more, without a sentence per tag', () => {
    const rows: ChangeRow[] = [
      { tbl: 'people', op: 'insert', before: null, after: person(2, 'Bo') },
      { tbl: 'person_tags', op: 'insert', before: null, after: { person_id: 2, kind: 'tag', value: 'Choir' } },
      { tbl: 'people', op: 'insert', before: null, after: person(3, 'Cy') },
      { tbl: 'people', op: 'insert', before: null, after: person(4, 'Di') },
    ]
    expect(describeRows(rows, names)).toMatchObject({ summary: 'Added Bo Lee and 2 more', destructive: false })
  })

  it('says a deleted person, not the notes and tags that went with them, and offers undo', () => {
    const rows: ChangeRow[] = [
      { tbl: 'person_tags', op: 'delete', before: { person_id: 2, kind: 'tag', value: 'Choir' }, after: null },
      { tbl: 'person_notes', op: 'delete', before: { id: 5, person_id: 2, body: 'secret', confidential: 1 }, after: null },
      { tbl: 'people', op: 'delete', before: person(2, 'Bo'), after: null },
    ]
    const d = describeRows(rows, names)
    expect(d).toMatchObject({ summary: 'Deleted Bo Lee', destructive: true, subjects: [{ kind: 'person', id: 2, label: 'Bo Lee' }] })
    expect(JSON.stringify(d)).not.toContain('secret')
  })

  it('ignores a list saved again unchanged and an update of bookkeeping only', () => {
    const tag = { person_id: 1, kind: 'skill', value: 'Can cook' }
    const rows: ChangeRow[] = [
      { tbl: 'people', op: 'update', before: person(1, 'Ada', { updated_at: 'a' }), after: person(1, 'Ada', { updated_at: 'b' }) },
      { tbl: 'person_tags', op: 'delete', before: tag, after: null },
      { tbl: 'person_tags', op: 'insert', before: null, after: tag },
      { tbl: 'meal_signups', op: 'update', before: { train_id: 7, meal: 'dinner', date: '2026-03-04', state: 'taken', volunteer_name: 'Kim' }, after: { train_id: 7, meal: 'dinner', date: '2026-03-04', state: 'delivered', volunteer_name: 'Kim' } },
    ]
    expect(describeRows(rows, names)).toMatchObject({ summary: 'Marked the dinner on 4 Mar as delivered', destructive: false })
  })

  it('counts taking someone out of a household and cancelling a sign-up as destructive', () => {
    const out: ChangeRow = { tbl: 'people', op: 'update', before: person(1, 'Ada', { household_id: 3 }), after: person(1, 'Ada', { household_id: null }) }
    expect(describeRows([out], names)).toMatchObject({ summary: 'Took Ada Okafor out of a household', destructive: true })
    const moved: ChangeRow = {
      tbl: 'meal_signups',
      op: 'update',
      before: { train_id: 7, meal: 'dinner', date: '2026-03-04', state: 'taken', volunteer_name: 'Kim' },
      after: { train_id: 7, meal: 'lunch', date: '2026-03-06', state: 'taken', volunteer_name: 'Kim' },
    }
    expect(describeRows([moved], names)).toMatchObject({ summary: 'Moved Kim’s dinner from 4 Mar to 6 Mar', destructive: false, subjects: [{ kind: 'train', id: 7, label: 'Meals for The Okafor family' }] })
  })
})

describe('care calendars of every kind', () => {
  const started = (kind: string, title: string | null = null): ChangeRow => ({ tbl: 'meal_trains', op: 'insert', before: null, after: { id: 9, recipient_name: 'Ann Abbott', kind, title } })

  it.each([
    ['meals', 'Started a meal train for Ann Abbott', 'Meals for Ann Abbott'],
    ['rides', 'Started a ride calendar for Ann Abbott', 'Rides for Ann Abbott'],
    ['visits', 'Started a visit calendar for Ann Abbott', 'Visits for Ann Abbott'],
    ['childcare', 'Started a childcare calendar for Ann Abbott', 'Childcare for Ann Abbott'],
    ['errands', 'Started a shopping and errands calendar for Ann Abbott', 'Errands and shopping for Ann Abbott'],
    ['household', 'Started a household jobs calendar for Ann Abbott', 'Household and yard jobs for Ann Abbott'],
    ['other', 'Started a care calendar for Ann Abbott', 'Dog walking for Ann Abbott'],
  ])('%s: says its own kind and files it under its own title', (kind, summary, label) => {
    expect(describeRows([started(kind, 'Dog walking')], names)).toMatchObject({ summary, subjects: [{ kind: 'train', id: 9, label }] })
  })

  it('a sign-up on a ride calendar, read from the live calendar, is a ride; in Arabic and Polish too', () => {
    const live: Names = { ...names, train: (id) => (id === 9 ? 'Ann Abbott' : null), care: (id) => (id === 9 ? { kind: 'rides', title: null } : null) }
    const signup: ChangeRow = { tbl: 'meal_signups', op: 'insert', before: null, after: { train_id: 9, meal: 'breakfast', date: '2026-03-17', state: 'taken', volunteer_name: 'Dev Patel' } }
    expect(describeRows([signup], live).summary).toBe('Dev Patel signed up for the ride (morning) on 17 Mar')
    expect(describeRows([signup], live, 'ar').summary).toMatch(/^سجّل Dev Patel: توصيل \(صباحًا\) في 17 /)
    expect(describeRows([signup], live, 'pl-PL').summary).toBe('Zapis: Dev Patel — przejazd (rano), 17 mar')
    expect(describeRows([started('rides')], live, 'pl-PL').summary).toBe('Utworzono kalendarz przejazdów dla: Ann Abbott')
  })
})

describe('every change in the language chosen when it was made', () => {
  const rows: ChangeRow[][] = [
    [
      { tbl: 'people', op: 'insert', before: null, after: person(2, 'Bo') },
      { tbl: 'people', op: 'insert', before: null, after: person(5, 'Cy') },
    ],
    [{ tbl: 'person_notes', op: 'delete', before: { id: 5, person_id: 1, confidential: 1, body: 'secret' }, after: null }],
    [{ tbl: 'person_blackouts', op: 'insert', before: null, after: { person_id: 1, starts_on: '2028-02-28', ends_on: '2028-02-29' } }],
    [{ tbl: 'person_tags', op: 'insert', before: null, after: { person_id: 1, kind: 'skill', value: 'Driver' } }],
    [{ tbl: 'prayer_requests', op: 'update', before: { circle_id: 4, answered_at: null, body: 'private' }, after: { circle_id: 4, answered_at: '2026-03-01', body: 'private' } }],
  ]
  const circles: Names = { ...names, circle: (id) => (id === 4 ? 'Tuesday circle' : null) }
  const said = (locale: string) => rows.map((r) => describeRows(r, circles, locale).summary)

  it.each([
    ['en-GB', ['Added Bo Lee and 1 more', 'Deleted a confidential note about Ada Okafor', 'Added time away for Ada Okafor (28 Feb to 29 Feb)', 'Gave Ada Okafor the skill “Driver”', 'Marked a prayer request in Tuesday circle as answered']],
    ['de-DE', ['Bo Lee hinzugefügt (und 1 weitere)', 'Vertrauliche Notiz zu Ada Okafor gelöscht', 'Abwesenheit von Ada Okafor eingetragen (28. Feb. bis 29. Feb.)', 'Fähigkeit „Driver“ bei Ada Okafor eingetragen', 'Gebetsanliegen in Tuesday circle als erhört markiert']],
    ['ar', ['أُضيف Bo Lee و1 غيرها', 'حُذفت ملاحظة سرية عن Ada Okafor', 'أُضيف غياب لـAda Okafor (من 28 فبراير إلى 29 فبراير)', 'أُعطي Ada Okafor المهارة «Driver»', 'عُلّمت نية صلاة في Tuesday circle بأنها استُجيبت']],
  ])('%s', (locale, expected) => {
    expect(said(locale)).toEqual(expected)
    expect(said(locale).join(' ')).not.toMatch(/secret|private/)
  })
})
