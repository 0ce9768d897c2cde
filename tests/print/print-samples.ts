// `npm run print-samples [folder]`: every printed document, as every copy it has, on A4 and Letter, for a generated
// congregation of 127 people and 25 more with the lengths of a real file (./real-lengths) — to look at before a
// release. `--png` also draws each page at 60 dpi; `--only=NAME` makes only the documents whose file name starts
// with NAME; `--language=ar` prints them in that language (Arabic pages read right to left) and puts the language
// in each file name.

import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { DirectoryOptions, PrintProfile, PrintRequest } from '../../main/contract/print'
import { PROFILES_FOR } from '../../main/contract/print'
import { startSession } from '../../main/session'
import { TestOs } from '../bridge/test-os'
import { call } from '../helpers/call'
import { generateCongregation } from './congregation'
import { addSampleActivities } from './activities'
import { addRealLengths } from './real-lengths'
import { addHousehold, addPerson } from './seed'

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const png = args.includes('--png')
  const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length) ?? ''
  const language = args.find((a) => a.startsWith('--language='))?.slice('--language='.length) ?? ''
  const folder = resolve(args.find((a) => !a.startsWith('--')) ?? 'print-samples')
  rmSync(folder, { recursive: true, force: true })
  mkdirSync(folder, { recursive: true })

  const dir = mkdtempSync(join(tmpdir(), 'hearth-samples-'))
  const session = await startSession(join(dir, 'hearth.sqlite'), new TestOs(dir, 'en-GB'), 'samples')
  try {
    await call(session, 'settings.update', { congregationName: 'St Brigid’s, Leeds', timeZone: 'Europe/London', ...(language ? { language } : {}) })
    const congregation = await generateCongregation(session.context.db, 127)
    // And the lengths a real file holds: the longest names and emails, extensions, second numbers, every script.
    congregation.personIds.push(...(await addRealLengths(session.context.db, 1)).personIds)
    // An Arabic congregation's printouts hold Arabic names and addresses beside Latin ones.
    if (language === 'ar') {
      const haddad = await addHousehold(session.context.db, { display_name: 'عائلة الحداد', address_line1: '١٢ شارع الملك فيصل', city: 'عمّان', home_phone: '+962 6 555 0101' })
      for (const [first, role] of [['أحمد', 'head'], ['فاطمة', 'spouse'], ['يوسف', 'child']] as const) {
        congregation.personIds.push(await addPerson(session.context.db, { household_id: haddad, household_role: role, first_name: first, last_name: 'الحداد', mobile_phone: role === 'child' ? null : '+962 79 555 0102', email: role === 'head' ? 'ahmad.haddad@example.org' : null }))
      }
      congregation.personIds.push(await addPerson(session.context.db, { first_name: 'مريم', last_name: 'أبو علي', mobile_phone: '07700 900555', address_line1: '8 Birch Road', city: 'Leeds', birthday: '1980-03-14' }))
    }
    const activities = await addSampleActivities(session, congregation.personIds)
    const adorers = await call(session, 'prayerCircles.create', { name: 'Adorers', leaderPersonId: null, memberIds: [] })
    const chapel = await call(session, 'standingHours.create', { circleId: adorers.id, title: 'Adoration chapel', weekdays: [1, 2, 3, 4, 5, 6, 7], fromTime: '08:00', toTime: '20:00' })
    const week = await call(session, 'standingHours.week', { scheduleId: chapel.id, date: '2026-03-23' })
    for (const [i, slot] of week.slots.filter((o) => o.localStart === '09:00' || o.localStart === '15:00').entries()) {
      await call(session, 'standingHours.take', { hourId: slot.hourId, personId: congregation.personIds[i % congregation.personIds.length]!, fromDate: '2026-01-05' })
    }
    const requests: [string, PrintRequest][] = [
      ['directory', { document: 'directory' }],
      ['directory-1-column-with-cover', { document: 'directory', options: { columns: 1, cover: true, fields: ['address', 'phones', 'email', 'birthdays'] } satisfies DirectoryOptions }],
      ['directory-booklet', { document: 'directory', options: { booklet: true } }],
      ['directory-visitors', { document: 'directory', options: { statuses: ['visitor'] } }],
      ['phone-list', { document: 'phoneList' }],
      ['labels-L7160-test-print', { document: 'mailingLabels', options: { sheet: 'L7160', startAt: 4, outline: true } }],
      ['labels-5160-test-print', { document: 'mailingLabels', options: { sheet: '5160', outline: true } }],
      ['labels-L7163', { document: 'mailingLabels', options: { sheet: 'L7163' } }],
      ['labels-5163', { document: 'mailingLabels', options: { sheet: '5163' } }],
      ...activities,
      ['birthdays-march', { document: 'birthdays', month: 3 }],
      ['call-list', { document: 'callList', from: '2026-03-23', to: '2026-03-29' }],
      ['standing-week', { document: 'standingWeek', scheduleId: chapel.id, date: '2026-03-23' }],
      ['standing-needs', { document: 'standingNeeds', scheduleId: chapel.id, month: '2026-03' }],
      ['standing-sign-in', { document: 'standingSignIn', scheduleId: chapel.id, date: '2026-03-23' }],
    ]
    let count = 0
    for (const paperSize of ['A4', 'Letter'] as const) {
      await call(session, 'settings.update', { paperSize })
      for (const [name, request] of requests.filter(([n]) => n.startsWith(only))) {
        for (const profile of PROFILES_FOR[request.document] as readonly PrintProfile[]) {
          const preview = await call(session, 'print.preview', { request, profile })
          const base = [name, profile, paperSize, language].filter(Boolean).join(' ')
          const file = join(folder, `${base}.pdf`)
          writeFileSync(file, Buffer.from(preview.pdfBase64, 'base64'))
          if (png) execFileSync('pdftoppm', ['-r', '60', '-png', file, join(folder, base)])
          count++
        }
      }
    }
    console.log(`print-samples: ${count} PDFs for ${congregation.personIds.length} people written to ${folder}`)
  } finally {
    await session.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exitCode = 1
})
