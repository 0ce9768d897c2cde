import { z } from 'zod'
import { effect, read } from './define'
import { id, isoDate } from './validation'
import type { MemberStatus } from './values'

export const PRINT_PROFILES = ['noticeboard', 'volunteer', 'coordinator'] as const
export type PrintProfile = (typeof PRINT_PROFILES)[number]

export const PRINT_DOCUMENTS = [
  'directory',
  'phoneList',
  'mailingLabels',
  'mealTrainSheet',
  'mealTrainCalendar',
  'mealTrainFamily',
  'prayerSheet',
  'prayerCircle',
  'callList',
  'birthdays',
  'standingWeek',
  'standingNeeds',
  'standingSignIn',
  'communalSheet',
  'communalKitchen',
  'communalDishCards',
  'communalCalendar',
] as const
export type PrintDocumentKind = (typeof PRINT_DOCUMENTS)[number]

/**
 * Which copies each document can be printed as, the first being the usual choice. Lists made for phoning people
 * are never pinned to a noticeboard, so they have no noticeboard copy.
 */
export const PROFILES_FOR: Record<PrintDocumentKind, readonly PrintProfile[]> = {
  directory: ['volunteer', 'coordinator', 'noticeboard'],
  phoneList: ['volunteer', 'coordinator'],
  mailingLabels: ['volunteer', 'coordinator'],
  mealTrainSheet: ['noticeboard', 'volunteer', 'coordinator'],
  mealTrainCalendar: ['noticeboard', 'volunteer', 'coordinator'],
  mealTrainFamily: ['volunteer', 'coordinator'],
  prayerSheet: ['noticeboard', 'volunteer', 'coordinator'],
  prayerCircle: ['volunteer', 'coordinator'],
  callList: ['volunteer', 'coordinator'],
  birthdays: ['noticeboard', 'coordinator'],
  standingWeek: ['noticeboard', 'volunteer', 'coordinator'],
  standingNeeds: ['volunteer', 'coordinator'],
  standingSignIn: ['noticeboard', 'volunteer'],
  communalSheet: ['noticeboard', 'volunteer', 'coordinator'],
  // The kitchen's sheet counts the needs of those coming and says who cannot eat what: never pinned up.
  communalKitchen: ['volunteer', 'coordinator'],
  // Dish cards stand on the serving table for everyone: first names and the dish's own ingredients only.
  communalDishCards: ['noticeboard'],
  communalCalendar: ['noticeboard', 'volunteer', 'coordinator'],
}

/** Who a directory lists, by status: inactive people never appear in it. */
export const DIRECTORY_STATUSES = ['member', 'regular_attender', 'visitor'] as const satisfies readonly MemberStatus[]
export type DirectoryStatus = (typeof DIRECTORY_STATUSES)[number]

/** What a directory entry may show besides names, each still limited by the copy (the noticeboard shows names only). */
export const DIRECTORY_FIELDS = ['address', 'phones', 'email', 'birthdays', 'diet', 'notes'] as const
export type DirectoryField = (typeof DIRECTORY_FIELDS)[number]

export const DirectoryOptionsSchema = z.strictObject({
  /** 1–3 columns; left out, the noticeboard copy takes 3 and the others 2. */
  columns: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  statuses: z.array(z.enum(DIRECTORY_STATUSES)).min(1, 'validation.print.statuses').max(DIRECTORY_STATUSES.length * 2).optional(),
  fields: z.array(z.enum(DIRECTORY_FIELDS)).max(DIRECTORY_FIELDS.length * 2).optional(),
  /** A first page with the congregation's name, address, the date and a "for members only" notice. */
  cover: z.boolean().optional(),
  /** A folded booklet: half-size pages imposed two-up, with a cover. */
  booklet: z.boolean().optional(),
})
export type DirectoryOptions = z.infer<typeof DirectoryOptionsSchema>

export const DEFAULT_DIRECTORY_STATUSES: readonly DirectoryStatus[] = ['member', 'regular_attender']
export const DEFAULT_DIRECTORY_FIELDS: readonly DirectoryField[] = ['address', 'phones', 'email', 'diet', 'notes']

/** Avery label sheets: 5160 and 5163 on US Letter, L7160 and L7163 on A4. */
export const LABEL_SHEETS = ['L7160', 'L7163', '5160', '5163'] as const
export type LabelSheet = (typeof LABEL_SHEETS)[number]

export const LabelOptionsSchema = z.strictObject({
  sheet: z.enum(LABEL_SHEETS, 'validation.print.sheet'),
  /** The first unused label of a part-used sheet, counted across then down from 1. */
  startAt: z.number().int('validation.print.startWhole').min(1, 'validation.print.startMin').max(30, 'validation.print.startMax').optional(),
  /** Draws each label's outline, for a test print on plain paper. */
  outline: z.boolean().optional(),
  statuses: z.array(z.enum(DIRECTORY_STATUSES)).min(1, 'validation.print.statuses').max(DIRECTORY_STATUSES.length * 2).optional(),
})
export type LabelOptions = z.infer<typeof LabelOptionsSchema>

export const PrintRequestSchema = z.discriminatedUnion('document', [
  z.strictObject({ document: z.literal('directory'), options: DirectoryOptionsSchema.optional() }),
  z.strictObject({ document: z.literal('phoneList') }),
  z.strictObject({ document: z.literal('mailingLabels'), options: LabelOptionsSchema }),
  z.strictObject({ document: z.literal('mealTrainSheet'), trainId: id() }),
  z.strictObject({ document: z.literal('mealTrainCalendar'), trainId: id() }),
  z.strictObject({ document: z.literal('mealTrainFamily'), trainId: id() }),
  z.strictObject({ document: z.literal('prayerSheet'), scheduleId: id() }),
  z.strictObject({ document: z.literal('prayerCircle'), circleId: id() }),
  z
    .strictObject({ document: z.literal('callList'), from: isoDate(), to: isoDate() })
    .refine((r) => r.to >= r.from && Date.parse(r.to) - Date.parse(r.from) <= 62 * 86_400_000, { message: 'validation.print.range', path: ['to'] }),
  z.strictObject({ document: z.literal('birthdays'), month: z.number().int().min(1, 'validation.print.month').max(12, 'validation.print.month') }),
  z.strictObject({ document: z.literal('standingWeek'), scheduleId: id(), date: isoDate() }),
  z.strictObject({ document: z.literal('standingNeeds'), scheduleId: id(), month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'validation.monthLike') }),
  z.strictObject({ document: z.literal('standingSignIn'), scheduleId: id(), date: isoDate() }),
  z.strictObject({ document: z.literal('communalSheet'), mealId: id() }),
  z.strictObject({ document: z.literal('communalKitchen'), mealId: id() }),
  z.strictObject({ document: z.literal('communalDishCards'), mealId: id() }),
  z.strictObject({ document: z.literal('communalCalendar'), seriesId: id() }),
])
export type PrintRequest = z.infer<typeof PrintRequestSchema>

/** A generated PDF, kept in main under `token` so Print and Save use exactly the bytes that were previewed. */
export interface PrintPreview {
  token: string
  title: string
  /** A suggested file name for "Save as PDF…". */
  fileName: string
  /** The PDF itself, base64, for the preview to draw: its first pages only when the document is long. */
  pdfBase64: string
  /** Pages in the whole document and in the preview, when the preview shows only the first of them. */
  pages?: number
  previewPages?: number
}

/** How far a long printout has got: reading the people, laying them out, then making the pages. */
export interface PrintProgress {
  stage: 'reading' | 'layout' | 'pages'
  done: number
  total: number
}

const token = z.string().min(1, 'validation.print.preview').max(100)
/** Chosen by the print dialog, so it can ask how a preview is getting on and stop it. */
const jobId = z.string().min(1).max(100)

// None of these change the database, so none is queued behind saves: a print dialog left open must not hold up
// the rest of Hearth.
export const printContract = {
  'print.preview': read<PrintPreview>()(
    z.strictObject({ request: PrintRequestSchema, profile: z.enum(PRINT_PROFILES, 'validation.print.profile'), jobId: jobId.optional() }),
  ),
  /** How far the preview with this job id has got; null when it is not being made. */
  'print.progress': read<PrintProgress | null>()(z.strictObject({ jobId })),
  /** Stops the preview with this job id; its call then fails with "Stopped: the printout was cancelled." */
  'print.cancel': read<{ stopped: boolean }>()(z.strictObject({ jobId })),
  /** Opens the system print dialog; false when the person cancels it. */
  'print.print': effect<{ printed: boolean }>()(z.strictObject({ token })),
  /** Asks where to save and writes the PDF there; null when the person cancels. */
  'print.save': effect<{ path: string } | null>()(z.strictObject({ token })),
}
