import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { SEAL_BYTES, sealBackup } from '../../main/backup/seal'
import { seedExample } from '../../main/home/write-example'
import { todayIn } from '../../main/common/read-settings'
import { contentsDigest } from '../helpers/contents'
import { callRecorded } from '../helpers/session'
import { tempDir } from '../helpers/temp'
import { type BackupTestSession, call, chosen, pick, refused, sessionsClosedAfterEach, useFolder } from './helpers'

const { session } = sessionsClosedAfterEach()

const LONGEST_NAME = 'Χριστοφόρος-Αλέξανδρος Παπαδημητρόπουλος'.padEnd(100, 'ω')

/** A congregation made through the channels (so its history holds real changes), backed up plain and sealed. */
async function backedUp() {
  const s = await session()
  const folder = tempDir('hearth-stick-')
  await useFolder(s, folder)
  await call(s, 'settings.update', { congregationName: 'كنيسة القديس جرجس', historyDays: 365 })
  const ada = await call(s, 'members.create', { firstName: 'Ada', lastName: 'Lovelace', dietary: ['vegetarian'], birthday: '1945-12-10' })
  await call(s, 'members.create', { firstName: LONGEST_NAME, lastName: '王小明', email: 'a.very.long.address.for.the.parish.office@example.org' })
  await call(s, 'members.addNote', { personId: ada.id, body: 'Visited after surgery; prays for her daughter.', confidential: true })
  const done = chosen(await call(s, 'backup.run', {}))
  const bytes = readFileSync(join(folder, done.fileName))
  return { s, bytes, adaId: ada.id }
}

/** The backup changed with SQL, then sealed again byte for byte as Hearth seals (anyone can: the seal has no key). */
function resealed(bytes: Buffer, change: (db: BetterSqlite3.Database) => void): string {
  const path = join(tempDir('hearth-hostile-'), 'hearth-2026-03-14-1830.sqlite')
  writeFileSync(path, bytes.subarray(0, bytes.length - SEAL_BYTES))
  const db = new BetterSqlite3(path)
  change(db)
  db.close()
  writeFileSync(path, sealBackup(readFileSync(path)))
  return path
}

const READS: [string, unknown][] = [
  ['app.info', {}],
  ['settings.get', {}],
  ['home.view', {}],
  ['members.search', {}],
  ['history.list', {}],
  ['backup.status', {}],
  ['mealTrains.list', {}],
  ['prayerCircles.list', {}],
  ['reach.templates', {}],
]

/** Every one of these answers, a write goes through, and a backup can still be made. */
async function fullyWorking(s: BackupTestSession) {
  for (const [channel, input] of READS) {
    const r = await s.registry.dispatch(channel, input)
    expect(r.ok, `${channel}: ${r.ok ? '' : r.error.message}`).toBe(true)
  }
  await call(s, 'settings.update', { congregationName: 'Still writing' })
  expect((await call(s, 'settings.get')).congregationName).toBe('Still writing')
  expect(chosen(await call(s, 'backup.run', {})).fileName).toMatch(/^hearth-/)
}

type Hostile = [label: string, change: (db: BetterSqlite3.Database) => void, where: { table: string; row?: string; column: string }]

describe('a re-sealed backup carrying hostile rows', () => {
  it('is refused before the swap, saying which table, row and value, and Hearth keeps working', async () => {
    const { s, bytes, adaId } = await backedUp()
    const ada = String(adaId)
    const hostile: Hostile[] = [
      ['a settings row that is not JSON', (db) => db.prepare("insert or replace into settings (key, value) values ('textSize', 'large')").run(), { table: 'settings', row: 'textSize', column: 'value' }],
      ['a setting the contract refuses', (db) => db.prepare("insert or replace into settings (key, value) values ('historyDays', '\"forever\"')").run(), { table: 'settings', row: 'historyDays', column: 'value' }],
      ['a non-JSON backupMadeAt', (db) => db.prepare("update settings set value = '{not json' where key = 'backupMadeAt'").run(), { table: 'settings', row: 'backupMadeAt', column: 'value' }],
      ['a backupMadeAt that is not a moment', (db) => db.prepare("update settings set value = '\"the day before yesterday\"' where key = 'backupMadeAt'").run(), { table: 'settings', row: 'backupMadeAt', column: 'value' }],
      ['a missing calendar id', (db) => db.prepare("delete from settings where key = 'calendarId'").run(), { table: 'settings', row: 'calendarId', column: 'value' }],
      ['a dietary value {"a":1}', (db) => db.prepare(`update people set dietary = '{"a":1}' where id = ${ada}`).run(), { table: 'people', row: ada, column: 'dietary' }],
      ['a dietary need Hearth does not know', (db) => db.prepare(`update people set dietary = '["vegetarian","arsenic"]' where id = ${ada}`).run(), { table: 'people', row: ada, column: 'dietary' }],
      ['an empty first name', (db) => db.prepare(`update people set first_name = '' where id = ${ada}`).run(), { table: 'people', row: ada, column: 'first_name' }],
      ['a first name past the longest allowed', (db) => db.prepare(`update people set first_name = ? where id = ${ada}`).run('Ա'.repeat(101)), { table: 'people', row: ada, column: 'first_name' }],
      ['a NUL hidden in a name', (db) => db.prepare(`update people set last_name = ? where id = ${ada}`).run('Love\u0000lace'), { table: 'people', row: ada, column: 'last_name' }],
      ['a garbage birthday', (db) => db.prepare(`update people set birthday = '1945-13-45' where id = ${ada}`).run(), { table: 'people', row: ada, column: 'birthday' }],
      ['a garbage moment', (db) => db.prepare(`update people set updated_at = 'yesterday' where id = ${ada}`).run(), { table: 'people', row: ada, column: 'updated_at' }],
      ['an email that is not one', (db) => db.prepare(`update people set email = 'not an email' where id = ${ada}`).run(), { table: 'people', row: ada, column: 'email' }],
      ['a note made at no real time', (db) => db.prepare("update person_notes set created_at = '2026-02-30T25:61:00Z'").run(), { table: 'person_notes', column: 'created_at' }],
      ['a note past the longest allowed', (db) => db.prepare('update person_notes set body = ?').run('صلاة '.repeat(4001)), { table: 'person_notes', column: 'body' }],
      ['a history row for a table that does not exist', (db) => db.prepare("update history_rows set tbl = 'sqlite_master' where id = (select min(id) from history_rows)").run(), { table: 'history_rows', column: 'tbl' }],
      [
        'an invented history row that would write a column people do not have',
        (db) =>
          db
            .prepare("insert into history_rows (change_id, tbl, op, row_key, new_key, before, after) values ((select max(id) from history_changes), 'people', 'update', ?, ?, ?, ?)")
            .run(`[${ada}]`, `[${ada}]`, JSON.stringify({ id: adaId, first_name: 'Ada', is_admin: 1 }), JSON.stringify({ id: adaId, first_name: 'Ada' })),
        { table: 'history_rows', column: 'before' },
      ],
      [
        'an invented history row that Undo would use to empty a name',
        (db) =>
          db
            .prepare("insert into history_rows (change_id, tbl, op, row_key, new_key, before, after) values ((select max(id) from history_changes), 'people', 'update', ?, ?, ?, ?)")
            .run(`[${ada}]`, `[${ada}]`, JSON.stringify({ id: adaId, first_name: '' }), JSON.stringify({ id: adaId, first_name: 'Ada' })),
        { table: 'history_rows', column: 'before.first_name' },
      ],
      ['a history row whose key is not JSON', (db) => db.prepare("update history_rows set row_key = '[1' where id = (select min(id) from history_rows)").run(), { table: 'history_rows', column: 'row_key' }],
      ['a change from a channel no Hearth has', (db) => db.prepare("update history_changes set channel = 'members.create; drop table people' where id = (select min(id) from history_changes)").run(), { table: 'history_changes', column: 'channel' }],
    ]
    const before = contentsDigest(s.context.sqlite)
    for (const [label, change, where] of hostile) {
      const token = await pick(s, resealed(bytes, change))
      for (const channel of ['backup.inspect', 'backup.restore']) {
        const answer = await s.registry.dispatch(channel, { token })
        if (answer.ok) throw new Error(`${label}: ${channel} should have refused it`)
        const error = answer.error
        expect(error, `${label} via ${channel}: ${error.message}`).toMatchObject({ code: 'refused', messageId: 'errors.backup.badRow', values: { table: where.table, column: where.column } })
        if (where.row) expect(error.values?.row, label).toBe(where.row)
        expect(error.message, label).toMatch(/would never have saved.*Nothing was changed/)
        expect(error.message, label).not.toMatch(/\{|inside Hearth/)
      }
      expect(contentsDigest(s.context.sqlite), `${label}: nothing was swapped`).toBe(before)
    }
    await fullyWorking(s)
    // The untouched backup still restores: the rules refuse only what Hearth would never write.
    await call(s, 'backup.restore', { token: await pick(s, resealed(bytes, () => undefined)) })
    expect((await call(s, 'settings.get')).congregationName).toBe('كنيسة القديس جرجس')
    await fullyWorking(s)
  })

  it('words the value that is wrong in the volunteer’s language on the screen, with the same message ids', async () => {
    const { s, bytes, adaId } = await backedUp()
    const token = await pick(s, resealed(bytes, (db) => db.prepare(`update people set first_name = '' where id = ?`).run(adaId)))
    const error = await refused(s, 'backup.inspect', { token })
    expect(error.valueMessages).toEqual({ problem: { id: 'validation.members.firstName' } })
    expect(error.message).toContain('In the table “people”, row')
    expect(error.message).toContain('Please give a first name.')
  })
})

describe('the rows Hearth itself writes', () => {
  it('all pass: the example congregation (every area), then edited and undone through the channels, backed up and restored', async () => {
    const s = await session()
    const folder = tempDir('hearth-stick-')
    await useFolder(s, folder)
    await seedExample(s.context.db, todayIn('Europe/London'), { paperSize: 'A4', textSize: 'large', timeZone: 'Europe/London' })
    const ada = await call(s, 'members.create', { firstName: LONGEST_NAME, lastName: 'ابن سينا', dietary: ['halal', 'nut_allergy'], dietaryNotes: 'Severe: carries an EpiPen.\nNo sesame.' })
    await call(s, 'members.addNote', { personId: ada.id, body: 'หมายเหตุ: เยี่ยมหลังผ่าตัด\nPrays for her son.', confidential: true })
    const { change } = await callRecorded(s, 'members.create', { firstName: 'Ольга', lastName: 'Σταυροπούλου' })
    await call(s, 'history.undo', { changeId: change.id })
    const done = chosen(await call(s, 'backup.run', {}))
    const before = contentsDigest(s.context.sqlite)
    const token = await pick(s, join(folder, done.fileName))
    expect(await call(s, 'backup.inspect', { token })).toMatchObject({ verified: true })
    await call(s, 'backup.restore', { token })
    expect(contentsDigest(s.context.sqlite)).toBe(before)
    await fullyWorking(s)
  })
})

describe('settings damaged in the live file', () => {
  it('read as their defaults: every screen answers, and backing up, restoring and opening a safety copy still work', async () => {
    const { s, bytes } = await backedUp()
    s.context.sqlite.prepare("update settings set value = 'larger' where key = 'textSize'").run()
    s.context.sqlite.prepare("insert or replace into settings (key, value) values ('historyDays', '{')").run()
    s.context.sqlite.prepare("insert or replace into settings (key, value) values ('lastBackupAt', 'not json')").run()
    const settings = await call(s, 'settings.get')
    expect(settings).toMatchObject({ textSize: 'normal', historyDays: 90, congregationName: 'كنيسة القديس جرجس' })
    expect((await call(s, 'app.info')).lastBackupAt).toBeNull()
    for (const [channel, input] of READS) {
      const r = await s.registry.dispatch(channel, input)
      expect(r.ok, `${channel}: ${r.ok ? '' : r.error.message}`).toBe(true)
    }
    const restored = await call(s, 'backup.restore', { token: await pick(s, resealed(bytes, () => undefined)) })
    expect((await call(s, 'settings.get')).historyDays).toBe(365)
    // The safety copy holds the damaged settings as they were: a way back, refused as Hearth would never write it.
    const back = await refused(s, 'backup.inspect', { token: await pick(s, restored.safetyCopyPath) })
    expect(back).toMatchObject({ code: 'refused', messageId: 'errors.backup.badRow', values: { table: 'settings' } })
    await fullyWorking(s)
  })

  it('do not stop a safety copy from being restored while the live file is damaged', async () => {
    const { s, bytes } = await backedUp()
    const first = await call(s, 'backup.restore', { token: await pick(s, resealed(bytes, () => undefined)) })
    s.context.sqlite.prepare("update settings set value = '<<' where key = 'backupFolder'").run()
    s.context.sqlite.prepare("update settings set value = '{' where key = 'congregationName'").run()
    await call(s, 'backup.restore', { token: await pick(s, first.safetyCopyPath) })
    expect((await call(s, 'settings.get')).congregationName).toBe('كنيسة القديس جرجس')
    // The damaged folder read as none, and a restore keeps this computer's: the next backup asks for one again.
    expect((await call(s, 'settings.get')).backupFolder).toBeNull()
    s.os.folderAnswers.push(tempDir('hearth-stick-'))
    await fullyWorking(s)
  })
})
