import { randomUUID } from 'node:crypto'
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import { filterPeople } from '../../db/members'
import { countHouseholds, existingPeopleIndex, insertImportedPeople, peopleForExport } from '../../db/members-csv'
import type { Context, HandlersFor } from '../context'
import type { CsvCheck, CsvDuplicate, CsvEncoding, CsvField, CsvFilePreview, CsvRowProblem, DateOrder, membersCsvContract } from '../contract/members-csv'
import { EXPORT_HEADERS, guessMapping } from './columns'
import { guessDateOrder } from './dates'
import { membersToCsv } from './export'
import { CsvFileError, decodeCsvBytes, MAX_CSV_BYTES, type ParsedCsv, parseCsvText } from './file'
import { type CsvPerson, DuplicateIndex, readRow } from './rows'
import { HearthError } from '../errors'

const CSV_FILTERS = [{ name: 'CSV spreadsheet', extensions: ['csv', 'txt'] }]
const SAMPLE_ROWS = 5
/** The check lists this many problems and duplicates; the counts always cover every row. */
const LISTED = 200

// Files the volunteer picked, by token: the page refers to a file only by a token main gave it, never by a path.
const picked = new Map<string, string>()

function remember(path: string): string {
  const token = randomUUID()
  picked.set(token, path)
  if (picked.size > 20) picked.delete(picked.keys().next().value!)
  return token
}

type ReadCsv = ParsedCsv & { encoding: CsvEncoding; encodingGuessed: boolean }

function readCsvFile(path: string, locale: string, encoding?: CsvEncoding): ReadCsv {
  let size: number
  try {
    size = statSync(path).size
  } catch {
    throw new HearthError('not_found', 'Hearth cannot find that file any more. Please choose it again.')
  }
  if (size > MAX_CSV_BYTES) {
    const mb = Math.ceil(size / (1024 * 1024))
    throw new HearthError('invalid_input', `This file is ${mb} MB, and Hearth imports spreadsheets of up to 20 MB. Split it into smaller files and import each one.`)
  }
  try {
    const decoded = decodeCsvBytes(readFileSync(path), locale, encoding)
    return { ...parseCsvText(decoded.text), encoding: decoded.encoding, encodingGuessed: decoded.guessed }
  } catch (err) {
    if (err instanceof CsvFileError) throw new HearthError('invalid_input', err.message)
    throw err
  }
}

function pathFor(token: string): string {
  const path = picked.get(token)
  if (!path) throw new HearthError('not_found', 'Hearth no longer has that file open. Please choose it again.')
  return path
}

/** Today on this computer's calendar as 'YYYY-MM-DD' (Swedish dates are written that way). */
function localToday(): string {
  return new Date().toLocaleDateString('sv-SE')
}

const fieldName = (f: CsvField) => (f === 'fullName' ? 'Full Name' : EXPORT_HEADERS[f])

function checkMapping(csv: ParsedCsv, mapping: (CsvField | null)[]): void {
  if (mapping.length !== csv.headers.length) {
    throw new HearthError('invalid_input', 'The column choices do not match this file. Please choose the file again.')
  }
  const used = new Set<CsvField>()
  for (const field of mapping) {
    if (field === null) continue
    if (used.has(field)) {
      throw new HearthError('invalid_input', `Two columns are both set to "${fieldName(field)}". Choose it for one column only.`, { mapping: field })
    }
    used.add(field)
  }
  if (!used.has('firstName') && !used.has('fullName')) {
    throw new HearthError('invalid_input', 'Choose the column that holds first names (or full names).', { mapping: 'firstName' })
  }
  if (!used.has('lastName') && !used.has('fullName')) {
    throw new HearthError('invalid_input', 'Choose the column that holds last names (or full names).', { mapping: 'lastName' })
  }
}

interface Classified {
  fresh: CsvPerson[]
  duplicates: (CsvDuplicate & { person: CsvPerson })[]
  problems: CsvRowProblem[]
}

/** Sorts every row: new, looks like someone already known (in Hearth or earlier in the file), or has problems. */
export function classifyRows(csv: ParsedCsv, mapping: (CsvField | null)[], order: DateOrder, today: string, known: DuplicateIndex): Classified {
  const out: Classified = { fresh: [], duplicates: [], problems: [] }
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
    const keys = DuplicateIndex.keys({
      first_name: p.first_name,
      last_name: p.last_name,
      preferred_name: p.preferred_name,
      email: p.email,
      birthday: p.birthday,
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

function plan(ctx: Context, input: { token: string; encoding?: CsvEncoding | undefined; mapping: (CsvField | null)[]; dateOrder: DateOrder }): Classified {
  const csv = readCsvFile(pathFor(input.token), ctx.os.locale, input.encoding)
  checkMapping(csv, input.mapping)
  return classifyRows(csv, input.mapping, input.dateOrder, localToday(), existingPeopleIndex(ctx.sqlite))
}

function datesIn(csv: ParsedCsv, mapping: (CsvField | null)[]): string[] {
  const columns = mapping.flatMap((f, i) => (f === 'birthday' || f === 'joinedOn' ? [i] : []))
  const all = columns.length === 0
  return csv.rows.flatMap((cells) => (all ? cells : columns.map((i) => cells[i] ?? '')))
}

function previewOf(path: string, token: string, ctx: Context, encoding?: CsvEncoding): CsvFilePreview {
  const csv = readCsvFile(path, ctx.os.locale, encoding)
  const mapping = guessMapping(csv.headers)
  const { order, fromData } = guessDateOrder(datesIn(csv, mapping), ctx.os.locale)
  return {
    token,
    fileName: basename(path),
    rowCount: csv.rows.length,
    headers: csv.headers,
    sampleRows: csv.rows.slice(0, SAMPLE_ROWS),
    mapping,
    dateOrder: order,
    dateOrderFromData: fromData,
    encoding: csv.encoding,
    encodingGuessed: csv.encodingGuessed,
  }
}

export const membersCsvHandlers: HandlersFor<typeof membersCsvContract> = {
  'membersCsv.openFile': async (_input, ctx) => {
    const path = await ctx.os.chooseFileToOpen({ title: 'Choose the spreadsheet to import', filters: CSV_FILTERS })
    if (!path) return null
    return previewOf(path, remember(path), ctx)
  },

  'membersCsv.readAs': (input, ctx) => previewOf(pathFor(input.token), input.token, ctx, input.encoding),

  'membersCsv.check': (input, ctx): CsvCheck => {
    const { fresh, duplicates, problems } = plan(ctx, input)
    return {
      total: fresh.length + duplicates.length + problems.length,
      newCount: fresh.length,
      duplicateCount: duplicates.length,
      invalidCount: problems.length,
      householdCount: countHouseholds(fresh),
      problems: problems.slice(0, LISTED),
      duplicates: duplicates.slice(0, LISTED).map(({ row, name, matches }) => ({ row, name, matches })),
    }
  },

  'membersCsv.import': (input, ctx) => {
    const { fresh, duplicates, problems } = plan(ctx, input)
    const people = input.skipDuplicates ? fresh : [...fresh, ...duplicates.map((d) => d.person)].sort((a, b) => a.row - b.row)
    if (people.length === 0) {
      throw new HearthError('invalid_input', 'There is no one to import: every row either looks like someone already in Hearth or has a problem.')
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
    if (ids.length === 0) throw new HearthError('invalid_input', 'There is no one in this list to export.')
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
      if (code === 'ENOSPC') throw new HearthError('io', 'The disk is full, so the file was not saved. Free some space or choose another place.')
      throw new HearthError('io', 'Hearth could not save the file there. Choose another folder (for example Documents) and try again.')
    }
    return { fileName: basename(path), count: ids.length }
  },
}
