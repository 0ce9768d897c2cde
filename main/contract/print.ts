import { z } from 'zod'
import { read } from './define'
import { id, isoDate } from './validation'

export const PRINT_PROFILES = ['noticeboard', 'volunteer', 'coordinator'] as const
export type PrintProfile = (typeof PRINT_PROFILES)[number]

export const PRINT_DOCUMENTS = [
  'directory',
  'phoneList',
  'mealTrainSheet',
  'mealTrainFamily',
  'prayerSheet',
  'prayerCircle',
  'callList',
  'birthdays',
  'standingWeek',
  'standingNeeds',
  'standingSignIn',
] as const
export type PrintDocumentKind = (typeof PRINT_DOCUMENTS)[number]

/**
 * Which copies each document can be printed as, the first being the usual choice. Lists made for phoning people
 * are never pinned to a noticeboard, so they have no noticeboard copy.
 */
export const PROFILES_FOR: Record<PrintDocumentKind, readonly PrintProfile[]> = {
  directory: ['volunteer', 'coordinator', 'noticeboard'],
  phoneList: ['volunteer', 'coordinator'],
  mealTrainSheet: ['noticeboard', 'volunteer', 'coordinator'],
  mealTrainFamily: ['volunteer', 'coordinator'],
  prayerSheet: ['noticeboard', 'volunteer', 'coordinator'],
  prayerCircle: ['volunteer', 'coordinator'],
  callList: ['volunteer', 'coordinator'],
  birthdays: ['noticeboard', 'coordinator'],
  standingWeek: ['noticeboard', 'volunteer', 'coordinator'],
  standingNeeds: ['volunteer', 'coordinator'],
  standingSignIn: ['noticeboard', 'volunteer'],
}

export const PrintRequestSchema = z.discriminatedUnion('document', [
  z.strictObject({ document: z.literal('directory') }),
  z.strictObject({ document: z.literal('phoneList') }),
  z.strictObject({ document: z.literal('mealTrainSheet'), trainId: id() }),
  z.strictObject({ document: z.literal('mealTrainFamily'), trainId: id() }),
  z.strictObject({ document: z.literal('prayerSheet'), scheduleId: id() }),
  z.strictObject({ document: z.literal('prayerCircle'), circleId: id() }),
  z
    .strictObject({ document: z.literal('callList'), from: isoDate(), to: isoDate() })
    .refine((r) => r.to >= r.from && Date.parse(r.to) - Date.parse(r.from) <= 62 * 86_400_000, { message: 'Choose at most two months, first day first.', path: ['to'] }),
  z.strictObject({ document: z.literal('birthdays'), month: z.number().int().min(1, 'Choose a month.').max(12, 'Choose a month.') }),
  z.strictObject({ document: z.literal('standingWeek'), scheduleId: id(), date: isoDate() }),
  z.strictObject({ document: z.literal('standingNeeds'), scheduleId: id(), month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use a month like 2026-03.') }),
  z.strictObject({ document: z.literal('standingSignIn'), scheduleId: id(), date: isoDate() }),
])
export type PrintRequest = z.infer<typeof PrintRequestSchema>

/** A generated PDF, kept in main under `token` so Print and Save use exactly the bytes that were previewed. */
export interface PrintPreview {
  token: string
  title: string
  /** A suggested file name for "Save as PDF…". */
  fileName: string
  /** The PDF itself, base64, for the preview to draw. */
  pdfBase64: string
}

const token = z.string().min(1, 'Make the preview again, then print.').max(100)

// None of these change the database, so none is queued behind saves: a print dialog left open must not hold up
// the rest of Hearth.
export const printContract = {
  'print.preview': read<PrintPreview>()(
    z.strictObject({ request: PrintRequestSchema, profile: z.enum(PRINT_PROFILES, 'Choose who the copy is for.') }),
  ),
  /** Opens the system print dialog; false when the person cancels it. */
  'print.print': read<{ printed: boolean }>()(z.strictObject({ token })),
  /** Asks where to save and writes the PDF there; null when the person cancels. */
  'print.save': read<{ path: string } | null>()(z.strictObject({ token })),
}
