import { renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import { pickedFileProblem, readPickedFile } from '../common/read-picked-file'
import { displayName, filterPeople } from '../../db/members'
import { countHouseholds, type CsvPerson, databaseStamp, existingContacts, insertImportedPeople, peopleForExport } from '../../db/members-csv'
import { chosenPath, issueToken } from '../common/read-picked-token'
import type { Context, HandlersFor } from '../context'
import type { CsvCheck, CsvDuplicate, CsvEncoding, CsvField, CsvFileKind, CsvFilePreview, CsvRowProblem, DateOrder, membersCsvContract } from '../contract/members-csv'
import { EXPORT_HEADERS, guessMapping } from './columns'
import { guessDateOrder } from './dates'
import { membersToCsv } from './export'
import { decodeCsvBytes, MAX_CSV_BYTES, type ParsedCsv, parseCsvText } from './file'
import { contactsTable, isContactsCsv } from './contacts'
import { isVCard, vCardTable } from './vcard'
import { isWorkbook, readWorkbook } from './workbook'
import { DuplicateIndex, readRow } from './rows'
import { HearthError } from '../contract/errors'

const CSV_FILTERS = [{ name: 'CSV spreadsheet', extensions: ['csv', 'txt'] }]
/** What the import reads: workbooks, text files of rows (CSV, tab-separated "Unicode Text") and contact cards. */
const IMPORT_FILTERS = [
  { name: 'Member lists (spreadsheets, CSV, contacts)', extensions: ['xlsx', 'xls', 'ods', 'csv', 'txt', 'tsv', 'vcf'] },
  { name: 'All files', extensions: ['*'] },
]
const SAMPLE_ROWS = 5
/** A preview cell longer than this is cut, so a huge cell is never sent whole to the page. */
const PREVIEW_CHARS = 200
const preview = (cell: string) => (cell.length > PREVIEW_CHARS ? `${cell.slice(0, PREVIEW_CHARS - 1)}…` : cell)

/** The check lists this many problems and duplicates; the counts always cover every row. */
const LISTED = 200

/** A spreadsheet on a slow stick still reads in seconds; one that stops answering must not hold up every save. */
const READ_TIMEOUT_MS = 30_000

/** Everyone already in Hearth (archived people too), indexed to spot rows that repeat them. */
function existingPeopleIndex(ctx: Context): DuplicateIndex {
  const index = new DuplicateIndex()
  for (const r of existingContacts(ctx.sqlite)) {
    index.add(DuplicateIndex.keys({ ...r, birthday: r.birthday ?? (r.birth_month_day ? `--${r.birth_month_day}` : null), phones: [r.mobile_phone, r.other_phone, r.home_phone] }), `${displayName(r)}, already in Hearth`)
  }
  return index
}

async function readCsvBytes(path: string): Promise<Buffer> {
  let bytes: Buffer
  try {
    bytes = await readPickedFile(path, { maxBytes: MAX_CSV_BYTES, timeoutMs: READ_TIMEOUT_MS })
  } catch (err) {
    const reason = pickedFileProblem(err) ?? 'unreadable'
    if (reason === 'too_big') throw new HearthError('invalid_input', 'errors.csv.tooBig', { mb: (err as HearthError).said.values?.mb ?? 0 })
    if (reason === 'missing') throw new HearthError('not_found', 'errors.csv.missing')
    if (reason === 'not_a_file') throw new HearthError('invalid_input', 'errors.csv.notAFile')
    if (reason === 'timed_out') throw new HearthError('io', 'errors.csv.timedOut')
    throw new HearthError('io', 'errors.csv.unreadable')
  }
  return bytes
}

type ReadCsv = ParsedCsv & { encoding: CsvEncoding; encodingGuessed: boolean; kind: CsvFileKind; sheets: string[]; sheet: string | null }

/** How the volunteer asked for the file to be read: its code page, or the sheet of a workbook. */
interface ReadChoice {
  encoding?: CsvEncoding | undefined
  sheet?: string | undefined
}

function readTable(bytes: Buffer, locale: string, choice: ReadChoice): ReadCsv {
  if (isWorkbook(bytes)) return { ...readWorkbook(bytes, choice.sheet), encoding: 'utf-8', encodingGuessed: false, kind: 'workbook' }
  const decoded = decodeCsvBytes(bytes, locale, choice.encoding)
  const text = { encoding: decoded.encoding, encodingGuessed: decoded.guessed, sheets: [], sheet: null }
  if (isVCard(decoded.text)) return { ...vCardTable(decoded.text), ...text, kind: 'vcard' }
  const csv = parseCsvText(decoded.text)
  if (isContactsCsv(csv.headers)) return { ...contactsTable(csv), ...text, kind: 'contacts' }
  return { ...csv, ...text, kind: 'text' }
}

/**
 * The file being imported, parsed once and classified once: open, check and import each read the file again, but
 * parse it only when its bytes changed (the volunteer fixed it in their spreadsheet program and checks again), and
 * the import reuses the check's classification while the file, the choices and the database are all unchanged.
 * One file at a time is kept: a volunteer imports one spreadsheet, and a 20 MB one is large.
 */
let current: { token: string; choice: string; bytes: Buffer; csv: ReadCsv; plan?: { key: string; classified: Classified } } | null = null

/** The chosen file read as the volunteer chose (or as Hearth guesses when they have not chosen). */
async function parsedFile(token: string, path: string, locale: string, choice: ReadChoice): Promise<ReadCsv> {
  const bytes = await readCsvBytes(path)
  const key = JSON.stringify([choice.encoding ?? null, choice.sheet ?? null])
  if (current?.token === token && current.choice === key && current.bytes.equals(bytes)) return current.csv
  current = null
  const csv = readTable(bytes, locale, choice)
  current = { token, choice: key, bytes, csv }
  return csv
}

function pathFor(ctx: Context, token: string): string {
  const path = chosenPath(ctx, 'csv-import', token)
  if (!path) throw new HearthError('not_found', 'errors.csv.notOpen')
  return path
}

/** Today on this computer's calendar as 'YYYY-MM-DD' (Swedish dates are written that way). */
function localToday(): string {
  return new Date().toLocaleDateString('sv-SE')
}

const fieldName = (f: CsvField) => (f === 'fullName' ? 'Full Name' : EXPORT_HEADERS[f])

function checkMapping(csv: ParsedCsv, mapping: (CsvField | null)[]): void {
  if (mapping.length !== csv.headers.length) {
    throw new HearthError('invalid_input', 'errors.csv.columnsChanged')
  }
  const used = new Set<CsvField>()
  for (const field of mapping) {
    if (field === null) continue
    if (used.has(field)) {
      const label = { field: { id: `membersCsv.field.${field}` as const } }
      throw new HearthError('invalid_input', 'errors.csv.twoColumns', { field: fieldName(field) }, { mapping: { id: 'errors.csv.twoColumns', values: { field: fieldName(field) } } }, label)
    }
    used.add(field)
  }
  if (!used.has('firstName') && !used.has('fullName')) {
    throw new HearthError('invalid_input', 'errors.csv.firstNames', undefined, { mapping: 'errors.csv.firstNames' })
  }
  if (!used.has('lastName') && !used.has('fullName')) {
    throw new HearthError('invalid_input', 'errors.csv.lastNames', undefined, { mapping: 'errors.csv.lastNames' })
  }
}

interface Classified {
  fresh: CsvPerson[]
  duplicates: (CsvDuplicate & { person: CsvPerson })[]
  problems: CsvRowProblem[]
  warnings: CsvRowProblem[]
}

/** Sorts every row: new, looks like someone already known (in Hearth or earlier in the file), or has problems. */
export function classifyRows(csv: ParsedCsv, mapping: (CsvField | null)[], order: DateOrder, today: string, known: DuplicateIndex): Classified {
  const out: Classified = { fresh: [], duplicates: [], problems: [], warnings: [] }
  csv.rows.forEach((cells, i) => {
    // The headings are row 1 in a spreadsheet program, so the first person is row 2.
    const row = i + 2
    if ((csv.overflow[i] ?? 0) > 0) {
      out.problems.push({ row, message: 'this row has more cells than there are column headings (a value with a comma in it may be missing its quotation marks)' })
      return
    }
    const result = readRow(cells, mapping, row, order, today)
    if (!result.ok) {
      out.problems.push({ row, message: result.problems.join('; ') })
      return
    }
    const p = result.person
    if (result.warnings.length > 0) out.warnings.push({ row, message: result.warnings.join('; ') })
    const keys = DuplicateIndex.keys({
      first_name: p.first_name,
      last_name: p.last_name,
      preferred_name: p.preferred_name,
      email: p.email,
      birthday: p.birthday ?? (p.birth_month_day ? `--${p.birth_month_day}` : null),
      household_key: p.household_key,
      phones: [p.mobile_phone, p.other_phone, p.home_phone],
    })
    const match = known.find(keys)
    if (match) out.duplicates.push({ row, name: `${p.first_name} ${p.last_name}`.trim(), matches: match, person: p })
    else out.fresh.push(p)
    known.add(keys, `row ${row} of this file`)
  })
  return out
}

async function plan(ctx: Context, input: ReadChoice & { token: string; mapping: (CsvField | null)[]; dateOrder: DateOrder }): Promise<Classified> {
  const csv = await parsedFile(input.token, pathFor(ctx, input.token), ctx.os.locale, input)
  checkMapping(csv, input.mapping)
  const today = localToday()
  const key = JSON.stringify([input.mapping, input.dateOrder, today, databaseStamp(ctx.sqlite), input.encoding ?? null, input.sheet ?? null])
  if (current?.token === input.token && current.plan?.key === key) return current.plan.classified
  const classified = classifyRows(csv, input.mapping, input.dateOrder, today, existingPeopleIndex(ctx))
  if (current?.token === input.token) current.plan = { key, classified }
  return classified
}

function datesIn(csv: ParsedCsv, mapping: (CsvField | null)[]): string[] {
  const columns = mapping.flatMap((f, i) => (f === 'birthday' || f === 'joinedOn' ? [i] : []))
  const all = columns.length === 0
  return csv.rows.flatMap((cells) => (all ? cells : columns.map((i) => cells[i] ?? '')))
}

async function previewOf(ctx: Context, path: string, token: string, choice: ReadChoice = {}): Promise<CsvFilePreview> {
  const csv = await parsedFile(token, path, ctx.os.locale, choice)
  const mapping = guessMapping(csv.headers)
  const { order, fromData } = guessDateOrder(datesIn(csv, mapping), ctx.os.locale)
  return {
    token,
    fileName: basename(path),
    rowCount: csv.rows.length,
    headers: csv.headers.map(preview),
    sampleRows: csv.rows.slice(0, SAMPLE_ROWS).map((cells) => cells.map(preview)),
    mapping,
    dateOrder: order,
    dateOrderFromData: fromData,
    encoding: csv.encoding,
    encodingGuessed: csv.encodingGuessed,
    kind: csv.kind,
    sheets: csv.sheets.map(preview),
    sheet: csv.sheet,
  }
}

export const membersCsvHandlers: HandlersFor<typeof membersCsvContract> = {
  'membersCsv.openFile': async (_input, ctx) => {
    const path = await ctx.os.chooseFileToOpen({ title: 'Choose the member list to import', filters: IMPORT_FILTERS })
    if (!path) return null
    return previewOf(ctx, path, issueToken(ctx, 'csv-import', path))
  },

  'membersCsv.readAs': (input, ctx) => previewOf(ctx, pathFor(ctx, input.token), input.token, input),

  'membersCsv.check': async (input, ctx): Promise<CsvCheck> => {
    const { fresh, duplicates, problems, warnings } = await plan(ctx, input)
    return {
      total: fresh.length + duplicates.length + problems.length,
      newCount: fresh.length,
      duplicateCount: duplicates.length,
      invalidCount: problems.length,
      householdCount: countHouseholds(fresh),
      problems: problems.slice(0, LISTED),
      warningCount: warnings.length,
      warnings: warnings.slice(0, LISTED),
      duplicates: duplicates.slice(0, LISTED).map(({ row, name, matches }) => ({ row, name, matches })),
    }
  },

  'membersCsv.import': async (input, ctx) => {
    const { fresh, duplicates, problems } = await plan(ctx, input)
    const people = input.skipDuplicates ? fresh : [...fresh, ...duplicates.map((d) => d.person)].sort((a, b) => a.row - b.row)
    if (people.length === 0) {
      throw new HearthError('invalid_input', 'errors.csv.nobodyToImport')
    }
    const counts = insertImportedPeople(ctx.sqlite, people, new Date().toISOString())
    return {
      imported: counts.imported,
      households: counts.households,
      skippedDuplicates: input.skipDuplicates ? duplicates.length : 0,
      skippedInvalid: problems.length,
    }
  },

  'membersCsv.export': async (input, ctx) => {
    const ids = await filterPeople(ctx.db, input.filter)
    if (ids.length === 0) throw new HearthError('invalid_input', 'errors.csv.nobodyToExport')
    const path = await ctx.os.chooseFileToSave({ title: 'Save the members list', defaultName: `members-${localToday()}.csv`, filters: CSV_FILTERS })
    if (!path) return null
    const text = membersToCsv(peopleForExport(ctx.sqlite, ids))
    // Written beside the target and renamed into place, so a failed save never leaves half a file under its name.
    const partial = `${path}.partial`
    try {
      writeFileSync(partial, text, 'utf8')
      renameSync(partial, path)
    } catch (err) {
      rmSync(partial, { force: true })
      const code = (err as { code?: string }).code
      if (code === 'ENOSPC') throw new HearthError('io', 'errors.csv.diskFull')
      throw new HearthError('io', 'errors.csv.cannotSave')
    }
    return { fileName: basename(path), count: ids.length }
  },
}
