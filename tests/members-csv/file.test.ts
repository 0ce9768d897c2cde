import { describe, expect, it } from 'vitest'
import { HearthError } from '../../main/contract/errors'
import iconv from 'iconv-lite'
import { decodeCsvBytes, detectCodePage, detectDelimiter, escapeStrayQuotes, parseCsvText } from '../../main/members-csv/file'

const bytes = (text: string) => new TextEncoder().encode(text)

describe('reading a CSV file', () => {
  it('reads UTF-8 with a byte-order mark, semicolons and a quoted field with a newline in it', () => {
    const csv = parseCsvText(decodeCsvBytes(bytes('\uFEFFFirst Name;Last Name;Notes\r\nJosé;Núñez;"Line one\r\nline two; still notes"\r\nZoë;Brontë;\r\n')).text)
    expect(csv.delimiter).toBe(';')
    expect(csv.headers).toEqual(['First Name', 'Last Name', 'Notes'])
    expect(csv.rows).toEqual([
      ['José', 'Núñez', 'Line one\r\nline two; still notes'],
      ['Zoë', 'Brontë', ''],
    ])
  })

  it('reads UTF-8 without a mark, with commas, and skips blank lines', () => {
    const csv = parseCsvText(decodeCsvBytes(bytes('Name,Email\n"Smith, John",john@example.org\n\n,\nAna Lee,ana@example.org\n')).text)
    expect(csv.delimiter).toBe(',')
    expect(csv.rows).toEqual([
      ['Smith, John', 'john@example.org'],
      ['Ana Lee', 'ana@example.org'],
    ])
  })

  it('reads what older Excel saves (Windows-1252) without mangling accents', () => {
    const latin = Uint8Array.from([...bytes('Name\n'), 0x4a, 0x6f, 0x73, 0xe9, 0x0a])
    expect(parseCsvText(decodeCsvBytes(latin).text).rows).toEqual([['José']])
  })

  it('picks the delimiter from the heading row, ignoring ones inside quotes', () => {
    expect(detectDelimiter('"a,b,c";d;e\n1,2,3,4,5')).toBe(';')
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t')
    expect(detectDelimiter('Name\n')).toBe(',')
  })

  it('pads short rows and notes cells beyond the last heading', () => {
    const csv = parseCsvText('A,B,,\n1\n1,2,3\n1,2,,\n')
    expect(csv.headers).toEqual(['A', 'B'])
    expect(csv.rows).toEqual([
      ['1', ''],
      ['1', '2'],
      ['1', '2'],
    ])
    expect(csv.overflow).toEqual([0, 1, 0])
  })

  it('takes the first row with anything in it as the headings', () => {
    expect(parseCsvText(',,\nFirst,Last\nJohn,Smith').headers).toEqual(['First', 'Last'])
  })

  it('names blank headings so the volunteer can still tell columns apart', () => {
    expect(parseCsvText('First,,Last\na,b,c').headers).toEqual(['First', 'Column 2', 'Last'])
  })

  it('refuses files that are not a readable spreadsheet, in plain words', () => {
    const refusals: [Uint8Array | string, RegExp][] = [
      [new Uint8Array(), /empty/],
      ['\uFEFF  \r\n', /empty/],
      ['Name,Email\n', /no people/],
      [',,\n , \n', /empty/],
      ['Name,Notes\nJohn,"never closed\nJane,ok\n', /quotation mark in row 2 is never closed/],
      [Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), /Excel workbook/],
      [Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0x00]), /not plain text/],
      [Uint8Array.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]), /not plain text/],
      [Uint8Array.from([0x41, 0x00, 0x42]), /not plain text/],
    ]
    for (const [input, message] of refusals) {
      const read = () => (typeof input === 'string' ? parseCsvText(input) : parseCsvText(decodeCsvBytes(input).text))
      expect(read, String(message)).toThrow(HearthError)
      expect(read, String(message)).toThrow(message)
    }
  })
})

/** Text as Excel's "Unicode Text" saves it: UTF-16 with its byte-order mark, little-endian unless asked. */
function utf16(text: string, bigEndian = false): Uint8Array {
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le')
  return bigEndian ? Uint8Array.from(le.swap16()) : Uint8Array.from(le)
}

describe('every text file a program writes', () => {
  const TEXT = 'First Name\tLast Name\tCity\r\nΘεόδωρος\tΠαπαδόπουλος\tΑθήνα\r\n美咲\t佐藤\t東京\r\nสมชาย\tใจดี\tกรุงเทพ\r\n👩🏽‍🦱 Amara\tOkafor\tLagos\r\n'

  it('reads UTF-16 little- and big-endian with their mark, tab-separated, in every script', () => {
    for (const bigEndian of [false, true]) {
      const decoded = decodeCsvBytes(utf16(TEXT, bigEndian), 'en-GB')
      expect(decoded).toMatchObject({ encoding: bigEndian ? 'utf-16be' : 'utf-16le', guessed: false })
      const csv = parseCsvText(decoded.text)
      expect(csv.delimiter).toBe('\t')
      expect(csv.rows).toEqual([
        ['Θεόδωρος', 'Παπαδόπουλος', 'Αθήνα'],
        ['美咲', '佐藤', '東京'],
        ['สมชาย', 'ใจดี', 'กรุงเทพ'],
        ['👩🏽‍🦱 Amara', 'Okafor', 'Lagos'],
      ])
    }
  })

  it('tells the code page from the bytes, not from the computer’s language', () => {
    const cases: [string, string][] = [
      ['windows-1250', 'Imię;Nazwisko;Miasto\r\nŁucja;Żółć;Łódź\r\nStanisław;Wąs;Gdańsk\r\nGrażyna;Szczęsna;Kraków'],
      ['windows-1251', 'Имя,Фамилия,Город\r\nИван,Петров,Москва\r\nОльга,Смирнова,Санкт-Петербург'],
      ['windows-1253', 'Όνομα,Επώνυμο,Πόλη\r\nΓιώργος,Παπαδόπουλος,Αθήνα\r\nΜαρία,Κωνσταντίνου,Θεσσαλονίκη'],
      ['windows-1256', 'الاسم,العائلة,المدينة\r\nمحمد,الأحمد,القاهرة\r\nفاطمة,حسن,بيروت'],
      ['windows-1252', 'Vorname;Nachname;Straße\r\nJürgen;Weiß;Hauptstraße 5\r\nZoë;O’Brien;“Café” – 12 €'],
    ]
    for (const [page, text] of cases) {
      const bytes = iconv.encode(text, page)
      expect(detectCodePage(bytes, 'en-US'), page).toBe(page)
      expect(decodeCsvBytes(bytes, 'en-US'), page).toEqual({ text, encoding: page, guessed: true })
    }
  })

  it('reads quotation marks ChurchCRM leaves undoubled inside its quoted values as the program meant them', () => {
    const churchCrm = '"Family ID ","Last Name","First Name","Address 1"\n"12","O"Brien","John "Jack"","12 "The Elms""\n"","Smith","Ann",""\n'
    expect(parseCsvText(churchCrm).rows).toEqual([
      ['12', 'O"Brien', 'John "Jack"', '12 "The Elms"'],
      ['', 'Smith', 'Ann', ''],
    ])
    // A file written by the rules reads the same through the mend as without it.
    const proper = '"a","say ""hi""","""",""\r\n"x,y","line\nbreak",z,\n'
    expect(escapeStrayQuotes(proper, ',')).toBe(proper)
    expect(parseCsvText(`h1,h2,h3,h4\n${proper}`).rows).toEqual([
      ['a', 'say "hi"', '"', ''],
      ['x,y', 'line\nbreak', 'z', ''],
    ])
  })
})
