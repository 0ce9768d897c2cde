import iconv from 'iconv-lite'
import { afterEach, describe, expect, it } from 'vitest'
import { parseSpreadsheetDate } from '../../main/members-csv/dates'
import { codePageForLocale, decodeCsvBytes } from '../../main/members-csv/file'
import { call, testSession } from '../helpers/session'
import { check, importFile, open, type S, snapshot, writeCsv } from './helpers'

let s: S
afterEach(() => s.close())

const GERMAN = [
  'Vorname;Nachname;Straße;PLZ;Ort;Telefon;E-Mail;Geburtstag',
  'Jürgen;Weiß;Hauptstraße 5;10115;Berlin;030 1234567;jw@example.de;14.03.1980',
  'Anna;Müller;Gartenweg 2;80331;München;089 765432;;29.02.1984',
  'Łukasz;Nowak;Hauptstraße 5;10115;Berlin;0176 5550101;;01.12.1975',
].join('\r\n')

const FRENCH = [
  'Prénom;Nom;Adresse;Code postal;Ville;Téléphone portable;Courriel;Date de naissance;Remarques',
  'Émilie;Dubois;12 rue de la Paix;75002;Paris;06 12 34 56 78;emilie@example.fr;03/04/1979;Préfère être appelée le soir',
  'François;Lefèvre;3 place Bellecour;69002;Lyon;07 98 76 54 32;;25/12/1990;',
].join('\r\n')

describe('spreadsheets in other languages', () => {
  it('maps and imports a German Excel export without any change: semicolons, ß, dd.mm.yyyy', async () => {
    s = await testSession('de-DE')
    const p = await open(s, writeCsv(s, GERMAN))
    expect(p.mapping).toEqual(['firstName', 'lastName', 'address1', 'postalCode', 'city', 'mobilePhone', 'email', 'birthday'])
    expect(p.dateOrder).toBe('dmy')
    expect(p.encoding).toBe('utf-8')
    expect(p.encodingGuessed).toBe(false)
    expect(await check(s, p)).toMatchObject({ newCount: 3, invalidCount: 0 })
    expect(await importFile(s, p)).toMatchObject({ imported: 3 })
    const people = snapshot(s)
    expect(people.find((x) => x.last_name === 'Weiß')).toMatchObject({ first_name: 'Jürgen', birthday: '1980-03-14', address: JSON.stringify(['Hauptstraße 5', null, 'Berlin', null, '10115', null]), mobile_phone: '030 1234567', email: 'jw@example.de' })
    expect(people.find((x) => x.last_name === 'Müller')).toMatchObject({ birthday: '1984-02-29' })
    const found = await call(s, 'members.search', { filter: { query: 'weiss' }, sort: 'name' })
    expect(found.rows.map((r) => r.name)).toEqual(['Jürgen Weiß'])
  })

  it('maps and imports a French sheet, reading 03/04/1979 as 3 April by the language', async () => {
    s = await testSession('fr-FR')
    const p = await open(s, writeCsv(s, FRENCH))
    expect(p.mapping).toEqual(['firstName', 'lastName', 'address1', 'postalCode', 'city', 'mobilePhone', 'email', 'birthday', 'notes'])
    expect(await importFile(s, p)).toMatchObject({ imported: 2, skippedInvalid: 0 })
    const emilie = snapshot(s).find((x) => x.first_name === 'Émilie')!
    expect(emilie).toMatchObject({ last_name: 'Dubois', birthday: '1979-04-03', mobile_phone: '06 12 34 56 78', notes: JSON.stringify(['Préfère être appelée le soir']) })
  })
})

describe('files in legacy encodings', () => {
  // As older Excel saves "CSV (Comma delimited)" on a Western European Windows: one byte per character.
  const WINDOWS_1252 = iconv.encode(
    ['First Name,Last Name,Notes', 'Zoë,O’Brien,“Brings €20 for the food bank” – every week — thanks', 'José,Núñez,Café owner'].join('\r\n'),
    'windows-1252',
  )

  it('imports a Windows-1252 file with €, curly quotes and dashes as they were typed', async () => {
    s = await testSession('en-GB')
    const p = await open(s, writeCsv(s, WINDOWS_1252))
    expect(p.encoding).toBe('windows-1252')
    expect(p.encodingGuessed).toBe(true)
    expect(p.sampleRows[0]).toEqual(['Zoë', 'O’Brien', '“Brings €20 for the food bank” – every week — thanks'])
    await importFile(s, p)
    const zoe = snapshot(s).find((x) => x.first_name === 'Zoë')!
    expect(zoe).toMatchObject({ last_name: 'O’Brien', notes: JSON.stringify(['“Brings €20 for the food bank” – every week — thanks']) })
    expect(JSON.stringify(snapshot(s))).not.toMatch(/[\u0080-\u009f]/)
  })

  it('lets the volunteer choose the code page when the guess is wrong, and imports in the one chosen', async () => {
    s = await testSession('en-GB')
    // Turkish in Windows-1254 also reads as letters in Western (ş as þ, ı as ý), so the bytes cannot settle it.
    const turkish = iconv.encode('Ad,Soyad\r\nAyşe,Yılmaz\r\nMehmet,Öztürk', 'windows-1254')
    const p = await open(s, writeCsv(s, turkish))
    expect(p).toMatchObject({ encoding: 'windows-1252', encodingGuessed: true })
    expect(p.sampleRows[0]![0]).not.toBe('Ayşe')
    const again = await call(s, 'membersCsv.readAs', { token: p.token, encoding: 'windows-1254' })
    expect(again).toMatchObject({ encoding: 'windows-1254', headers: ['Ad', 'Soyad'] })
    expect(again.sampleRows).toEqual([['Ayşe', 'Yılmaz'], ['Mehmet', 'Öztürk']])
    await importFile(s, again, { encoding: 'windows-1254', mapping: ['firstName', 'lastName'] })
    expect(snapshot(s).map((x) => `${x.first_name} ${x.last_name}`)).toEqual(['Ayşe Yılmaz', 'Mehmet Öztürk'])
  })

  it('guesses the code page from the computer’s language, and never re-reads UTF-8', () => {
    expect(codePageForLocale('pl-PL')).toBe('windows-1250')
    expect(codePageForLocale('ar-EG')).toBe('windows-1256')
    expect(codePageForLocale('de-DE')).toBe('windows-1252')
    const arabic = decodeCsvBytes(iconv.encode('الاسم\r\nمحمد', 'windows-1256'), 'ar')
    expect(arabic).toEqual({ text: 'الاسم\r\nمحمد', encoding: 'windows-1256', guessed: true })
    expect(decodeCsvBytes(new TextEncoder().encode('Zoë'), 'pl', 'windows-1250')).toEqual({ text: 'Zoë', encoding: 'utf-8', guessed: false })
  })
})

describe('dates written in other languages', () => {
  it.each([
    ['14. März 1980', '1980-03-14'],
    ['1er janvier 1990', '1990-01-01'],
    ['14 de marzo de 1980', '1980-03-14'],
    ['3 de dezembro de 2001', '2001-12-03'],
    ['14 marca 1980', '1980-03-14'],
    ['29 lutego 1984', '1984-02-29'],
    ['29 lutego 1985', null],
    ['14 juillet 1789', '1789-07-14'],
    ['14.03.1980', '1980-03-14'],
    ['2001-12-03', '2001-12-03'],
  ])('%s → %s', (text, iso) => {
    expect(parseSpreadsheetDate(text, 'dmy', '2026-11-30')).toBe(iso)
  })
})
