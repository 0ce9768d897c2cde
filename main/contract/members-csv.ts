import { z } from 'zod'
import { effect, read, write } from './define'
import { MemberFilterSchema } from './members'

/** What a spreadsheet column can be mapped to. The order is the order the mapping lists offer them in. */
export const CSV_FIELDS = [
  'firstName',
  'lastName',
  'fullName',
  'preferredName',
  'mobilePhone',
  'homePhone',
  'otherPhone',
  'email',
  'address1',
  'address2',
  'city',
  'region',
  'postalCode',
  'country',
  'birthday',
  'joinedOn',
  'status',
  'preferredContact',
  'householdId',
  'householdName',
  'householdRole',
  'tags',
  'skills',
  'dietary',
  'dietaryNotes',
  'notes',
] as const
export type CsvField = (typeof CSV_FIELDS)[number]

/** How to read a date such as 03/04/1980: day first (3 April) or month first (4 March). */
export const DATE_ORDERS = ['dmy', 'mdy'] as const
export type DateOrder = (typeof DATE_ORDERS)[number]

/**
 * The one-byte code pages older programs save in. Which one a file is in can only be guessed from its bytes, so
 * the volunteer may choose another.
 */
export const CODE_PAGES = ['windows-1252', 'windows-1250', 'windows-1251', 'windows-1253', 'windows-1254', 'windows-1255', 'windows-1256', 'macintosh'] as const
export type CodePage = (typeof CODE_PAGES)[number]

/**
 * How a file's bytes become letters. UTF-8, and UTF-16 with its byte-order mark (Excel's "Unicode Text"), are
 * told apart for certain; anything else is in one of the code pages.
 */
export const CSV_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', ...CODE_PAGES] as const
export type CsvEncoding = (typeof CSV_ENCODINGS)[number]

/** A spreadsheet chosen for import: what the volunteer sees before deciding how its columns map. */
export interface CsvFilePreview {
  /** Stands for the chosen file in later calls; the page never handles the file's path. */
  token: string
  fileName: string
  /** People rows below the headings. */
  rowCount: number
  headers: string[]
  /** The first few rows, cell by cell, as they are in the file. */
  sampleRows: string[][]
  /** Hearth's guess for each column, in column order; null means "don't import this column". */
  mapping: (CsvField | null)[]
  dateOrder: DateOrder
  /** True when the dates in the file settle the order (a day above 12), false when it came from the language. */
  dateOrderFromData: boolean
  /** How the file was read. */
  encoding: CsvEncoding
  /** True when the file is in a one-byte code page, guessed from its bytes: the volunteer may change it. */
  encodingGuessed: boolean
  /** What kind of file it is: a text file of rows, a workbook, contact cards, or a Google or Outlook contacts file. */
  kind: CsvFileKind
  /** A workbook's sheets, in its order (empty for other files), and the one read. */
  sheets: string[]
  sheet: string | null
}

/** How the volunteer asks for a file to be read again: in another code page, or from another sheet. */
export interface CsvReadChoice {
  encoding?: CsvEncoding
  sheet?: string
}

export const CSV_FILE_KINDS = ['text', 'workbook', 'vcard', 'contacts'] as const
export type CsvFileKind = (typeof CSV_FILE_KINDS)[number]

export interface CsvRowProblem {
  /** The row number as a spreadsheet program shows it (the headings are row 1). */
  row: number
  message: string
}

export interface CsvDuplicate {
  row: number
  name: string
  /** Who it looks like: "Maria López, already in Hearth" or "row 4 of this file". */
  matches: string
}

export interface CsvCheck {
  total: number
  newCount: number
  duplicateCount: number
  invalidCount: number
  /** Households the new people would make or join. */
  householdCount: number
  /** The first problems, in file order (all of them are counted in invalidCount). */
  problems: CsvRowProblem[]
  /** Rows that will be imported with something changed on the way (a status kept as a tag, a phone left out). */
  warningCount: number
  /** The first of them, in file order. */
  warnings: CsvRowProblem[]
  duplicates: CsvDuplicate[]
}

export interface CsvImportResult {
  imported: number
  skippedDuplicates: number
  skippedInvalid: number
  households: number
}

export interface CsvExportResult {
  fileName: string
  count: number
}

const token = z.string().min(1).max(100)

const ImportPlanSchema = z.strictObject({
  token,
  /** The code page the volunteer chose for a file that is not UTF-8; by default the guessed one. */
  encoding: z.enum(CSV_ENCODINGS).optional(),
  /** The workbook sheet the volunteer chose; by default the first with anything on it. */
  sheet: z.string().min(1).max(200).optional(),
  mapping: z.array(z.enum(CSV_FIELDS).nullable()).max(500),
  dateOrder: z.enum(DATE_ORDERS),
})

export const membersCsvContract = {
  /** Asks for a spreadsheet (the OS file picker) and reads it; null when the volunteer cancels. */
  'membersCsv.openFile': effect<CsvFilePreview | null>()(z.strictObject({})),
  /** Reads the chosen file again in another code page, or another sheet of a workbook, guessing its columns afresh. */
  'membersCsv.readAs': read<CsvFilePreview>()(z.strictObject({ token, encoding: z.enum(CSV_ENCODINGS).optional(), sheet: z.string().min(1).max(200).optional() })),
  /** Sorts every row into new, looks like a duplicate, or cannot be imported (and why). Writes nothing. */
  'membersCsv.check': read<CsvCheck>()(ImportPlanSchema),
  /** Imports every valid row in one transaction: all of them or, on any failure, none. */
  'membersCsv.import': write<CsvImportResult>()(ImportPlanSchema.extend({ skipDuplicates: z.boolean().default(true) })),
  /** Saves the people the filter shows as a CSV file (asks where); null when the volunteer cancels. */
  'membersCsv.export': write<CsvExportResult | null>()(z.strictObject({ filter: MemberFilterSchema })),
}
