import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { pruneHistory } from '../../db/history'
import { SENSITIVE_FIELDS } from '../../db/sensitive-fields'
import type { Channel, InputOf } from '../../main/contract'
import { call, callRecorded, testSession } from '../helpers/session'
import { trainFields } from '../meal-trains/fixtures'

// What a copy of the file would give away: the database and its write-ahead log, read as raw bytes.

type S = Awaited<ReturnType<typeof testSession>>
let s: S

beforeEach(async () => {
  s = await testSession()
  return () => s.close()
})

function fileHolds(text: string): boolean {
  const needle = Buffer.from(text, 'utf8')
  return ['hearth.sqlite', 'hearth.sqlite-wal'].some((f) => existsSync(join(s.dir, f)) && readFileSync(join(s.dir, f)).includes(needle))
}
const refusal = async <C extends Channel>(channel: C, input: InputOf<C>) => {
  const r = await s.registry.dispatch(channel, input)
  if (r.ok) throw new Error(`${channel} was expected to be refused`)
  return r.error.message
}
const ERASED = /^That change cannot be undone: the private details it cleared or deleted .* cannot be brought back\. Nothing was changed\.$/
const person = { firstName: 'Ada', lastName: 'Okafor', mobilePhone: '07700 900001' }

describe('a cleared or changed private detail leaves the file at once', () => {
  it('sets secure_delete, so freed space is zeroed', () => {
    expect(s.context.sqlite.pragma('secure_delete', { simple: true })).toBe(1)
  })

  it('dietary notes cleared by an ordinary edit are gone from the history, the log and the free space of the file', async () => {
    const { id } = await call(s, 'members.create', { ...person, dietary: ['peanut_allergy'], dietaryNotes: 'Carries an EpiPen zq81' })
    await call(s, 'members.update', { id, ...person, mobilePhone: '07700 900002', dietary: ['peanut_allergy'], dietaryNotes: 'Carries an EpiPen zq81' })
    expect(fileHolds('EpiPen zq81')).toBe(true)

    const { change } = await callRecorded(s, 'members.update', { id, ...person, mobilePhone: '07700 900002', dietary: [], dietaryNotes: null })
    expect(fileHolds('EpiPen zq81')).toBe(false)
    expect(fileHolds('peanut_allergy')).toBe(false)
    expect(await refusal('history.undo', { changeId: change.id })).toMatch(ERASED)
    expect((await call(s, 'members.get', { id })).dietaryNotes).toBeNull()

    // Undo of other fields still works, before and after the clearing.
    const later = await callRecorded(s, 'members.update', { id, ...person, mobilePhone: '07700 900003' })
    await call(s, 'history.undo', { changeId: later.change.id })
    expect((await call(s, 'members.get', { id })).mobilePhone).toBe('07700 900002')
    await s.close()
    expect(fileHolds('EpiPen zq81')).toBe(false)
  })

  it('undoing an edit that also cleared a note brings back the rest and says the note stays cleared', async () => {
    const { id } = await call(s, 'members.create', { ...person, dietaryNotes: 'No shellfish, hospital stay vk27' })
    const { change } = await callRecorded(s, 'members.update', { id, ...person, mobilePhone: '07700 900009', dietaryNotes: null })
    expect(fileHolds('hospital stay vk27')).toBe(false)
    expect(await call(s, 'history.undo', { changeId: change.id })).toMatchObject({ keptCleared: true })
    const back = await call(s, 'members.get', { id })
    expect(back.mobilePhone).toBe('07700 900001')
    expect(back.dietaryNotes).toBeNull()
    expect(fileHolds('hospital stay vk27')).toBe(false)
  })

  it('a confidential note edited keeps only its new text; a plain note keeps its history and its undo', async () => {
    const { id } = await call(s, 'members.create', person)
    const secret = await call(s, 'members.addNote', { personId: id, body: 'Marriage trouble wq55', confidential: true })
    const { change } = await callRecorded(s, 'members.editNote', { id: secret.id, body: 'Asked for a visit', confidential: true })
    expect(fileHolds('Marriage trouble wq55')).toBe(false)
    expect(fileHolds('Asked for a visit')).toBe(true)
    expect(await refusal('history.undo', { changeId: change.id })).toMatch(ERASED)

    const plain = await call(s, 'members.addNote', { personId: id, body: 'Likes gardening', confidential: false })
    const edit = await callRecorded(s, 'members.editNote', { id: plain.id, body: 'Likes roses', confidential: false })
    await call(s, 'history.undo', { changeId: edit.change.id })
    expect((await call(s, 'members.get', { id })).notes.map((n) => n.body).sort()).toEqual(['Asked for a visit', 'Likes gardening'])
  })

  it('a note made public loses its confidential earlier text', async () => {
    const { id } = await call(s, 'members.create', person)
    const note = await call(s, 'members.addNote', { personId: id, body: 'Grief after the funeral hx40', confidential: true })
    await call(s, 'members.editNote', { id: note.id, body: 'Would welcome visits', confidential: false })
    expect(fileHolds('funeral hx40')).toBe(false)
  })

  it('a changed praise note and a train reason changed by an edit are gone from the file', async () => {
    const circle = await call(s, 'prayerCircles.create', { name: 'Tuesday circle', memberIds: [] })
    const request = await call(s, 'prayerCircles.addRequest', { circleId: circle.id, body: 'For Sam in hospital', requestedBy: 'Sam', confidentiality: 'circle' })
    await call(s, 'prayerCircles.answerRequest', { requestId: request.id, answered: true, praiseNote: 'Scan came back clear pn93' })
    await call(s, 'prayerCircles.answerRequest', { requestId: request.id, answered: true, praiseNote: 'Home again' })
    expect(fileHolds('clear pn93')).toBe(false)

    const train = await call(s, 'mealTrains.create', trainFields({ reason: 'Chemotherapy rk12' }))
    await call(s, 'mealTrains.update', { id: train.id, fields: trainFields({ reason: 'Recovering at home' }) })
    expect(fileHolds('Chemotherapy rk12')).toBe(false)
  })
})

describe('archive and delete', () => {
  it('archiving a train with "clear health details" erases them from the file; undo brings the train back without them', async () => {
    const train = await call(s, 'mealTrains.create', trainFields({ reason: 'Chemotherapy ty66', dietary: ['gluten_free'], dietaryNotes: 'Coeliac ty67' }))
    const { change } = await callRecorded(s, 'mealTrains.archive', { id: train.id, clearHealthDetails: true })
    for (const text of ['Chemotherapy ty66', 'Coeliac ty67', 'gluten_free']) expect(fileHolds(text), text).toBe(false)
    expect(await call(s, 'history.undo', { changeId: change.id })).toMatchObject({ keptCleared: true })
    const back = await call(s, 'mealTrains.get', { id: train.id })
    expect(back.status).toBe('active')
    expect(back.reason).toBeNull()
    expect(fileHolds('Chemotherapy ty66')).toBe(false)
  })

  it('a deleted person can be undone within the hour; after it, their health details leave the file and undo says why not', async () => {
    const { id } = await call(s, 'members.create', { ...person, dietaryNotes: 'Severe nut allergy bn08' })
    await call(s, 'members.update', { id, ...person, mobilePhone: '07700 900004', dietaryNotes: 'Severe nut allergy bn08' })
    const first = await callRecorded(s, 'members.delete', { id })
    await call(s, 'history.undo', { changeId: first.change.id })
    expect((await call(s, 'members.get', { id })).dietaryNotes).toBe('Severe nut allergy bn08')

    const second = await callRecorded(s, 'members.delete', { id })
    expect(pruneHistory(s.context.sqlite, 90, new Date(Date.now() + 2 * 3_600_000)).erased).toBeGreaterThan(0)
    await call(s, 'settings.update', { timeZone: 'Europe/London' })
    expect(await refusal('history.undo', { changeId: second.change.id })).toMatch(ERASED)
    await s.close()
    expect(fileHolds('nut allergy bn08')).toBe(false)
  })

  it('a deleted prayer request of the circle leaves the file once its undo hour is over', async () => {
    const circle = await call(s, 'prayerCircles.create', { name: 'Tuesday circle', memberIds: [] })
    const request = await call(s, 'prayerCircles.addRequest', { circleId: circle.id, body: 'For the Lees mq31', confidentiality: 'circle' })
    await callRecorded(s, 'prayerCircles.deleteRequest', { requestId: request.id })
    expect(fileHolds('the Lees mq31')).toBe(true)
    pruneHistory(s.context.sqlite, 90, new Date(Date.now() + 2 * 3_600_000))
    await s.close()
    expect(fileHolds('the Lees mq31')).toBe(false)
  })
})

describe('a file kept by an earlier version of Hearth', () => {
  it('loses the private text its history kept of ordinary edits at the next pruning, keeping what the records still hold', async () => {
    const { id } = await call(s, 'members.create', { ...person, dietaryNotes: 'Diabetic since 2019 dd44' })
    const { change } = await callRecorded(s, 'members.update', { id, ...person, dietaryNotes: 'Low sugar' })
    // What an earlier Hearth left behind: the edit's "before" still holding the old notes.
    s.context.sqlite
      .prepare(`update history_rows set before = json_set(before, '$.dietary_notes', 'Diabetic since 2019 dd44'), redacted = 0 where change_id = ? and tbl = 'people'`)
      .run(change.id)
    expect(s.context.sqlite.prepare(`select count(*) from history_rows where before like '%dd44%'`).pluck().get()).toBe(1)

    expect(pruneHistory(s.context.sqlite, 90).erased).toBe(1)
    expect(s.context.sqlite.prepare(`select count(*) from history_rows where coalesce(before, '') || coalesce(after, '') like '%dd44%'`).pluck().get()).toBe(0)
    expect(s.context.sqlite.prepare(`select count(*) from history_rows where after like '%Low sugar%'`).pluck().get()).toBe(1)
  })
})

describe('the one list of sensitive fields', () => {
  it('names only columns that exist, so a renamed column cannot silently fall out of the rule', () => {
    for (const f of SENSITIVE_FIELDS) {
      const columns = (s.context.sqlite.prepare('select name from pragma_table_info(?)').pluck().all(f.table) as string[])
      for (const c of f.columns) expect(columns, `${f.table}.${c}`).toContain(c)
    }
  })
})
