import { z } from 'zod'
import { read, write } from './define'
import { followsTextRules } from './text'

export const PAPER_SIZES = ['A4', 'Letter'] as const
export const TEXT_SIZES = ['normal', 'large', 'larger'] as const

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/

// Every setting has a default, so a new file and an older file read the same shape.
export const SettingsSchema = z.strictObject({
  congregationName: z.string().trim().max(120, 'validation.nameTooLong').check(followsTextRules('name')),
  /** The congregation's address, printed on the directory's cover. */
  congregationAddress: z.string().trim().max(200, 'validation.settings.addressTooLong').check(followsTextRules('line')),
  /** The hours a prayer chain may ring people, printed on the chain ("Please call between 08:00 and 21:00"). */
  chainCallFrom: z.string().regex(CLOCK, 'validation.settings.callFrom'),
  chainCallTo: z.string().regex(CLOCK, 'validation.settings.callTo'),
  paperSize: z.enum(PAPER_SIZES),
  textSize: z.enum(TEXT_SIZES),
  timeZone: z.string().min(1).max(64),
  backupFolder: z.string().max(4096).nullable(),
  backupKeep: z.number().int().min(1, 'validation.settings.backupKeepMin').max(100, 'validation.settings.backupKeepMax'),
  backupReminderDays: z.number().int().min(1).max(365),
  backupOnQuit: z.boolean(),
  /** The language of the screens and printouts: a catalog's code ("de", "ar"), or "system" to follow the computer. */
  language: z.string().regex(/^(system|[a-z]{2,3})$/, 'validation.settings.language'),
  /** How many days the change history (and so Undo) reaches back; older changes are dropped. */
  historyDays: z.number().int().min(7, 'validation.settings.historyMin').max(3650, 'validation.settings.historyMax'),
})
export type Settings = z.infer<typeof SettingsSchema>

export interface AppInfo {
  version: string
  databasePath: string
  schemaVersion: number
  /** Safety copy made before this start's migration, if one was needed. */
  safetyCopyPath: string | null
  locale: string
  lastBackupAt: string | null
}

export const appContract = {
  'app.info': read<AppInfo>()(z.strictObject({})),
  'settings.get': read<Settings>()(z.strictObject({})),
  /** Every setting but the backup folder, which only its folder chooser sets (backup.chooseFolder). */
  'settings.update': write<Settings>()(SettingsSchema.omit({ backupFolder: true }).partial()),
}
