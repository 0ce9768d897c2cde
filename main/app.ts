import { readSettings, writeSettings } from '../db/settings'
import { type Settings, SettingsSchema, type appContract } from './contract/app'
import type { Context, HandlersFor } from './context'
import { HearthError } from './errors'

export function defaultSettings(locale: string): Settings {
  return {
    congregationName: '',
    paperSize: usesLetterPaper(locale) ? 'Letter' : 'A4',
    textSize: 'normal',
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    backupFolder: null,
    backupKeep: 10,
    backupReminderDays: 7,
    backupOnQuit: false,
  }
}

// Letter paper is the norm in the US, Canada, Mexico, the Philippines and a few others; A4 everywhere else.
const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'GT', 'PR', 'CR', 'PA', 'SV', 'NI', 'DO'])

export function usesLetterPaper(locale: string): boolean {
  try {
    const region = new Intl.Locale(locale).maximize().region
    return region !== undefined && LETTER_REGIONS.has(region)
  } catch {
    return false
  }
}

export async function getSettings(ctx: Context): Promise<Settings> {
  const stored = await readSettings(ctx.db)
  const defaults = defaultSettings(ctx.os.locale)
  // A stored value that no longer validates (an older app's idea of a setting) falls back to its default.
  const merged: Record<string, unknown> = { ...defaults }
  for (const key of Object.keys(defaults) as (keyof Settings)[]) {
    if (!(key in stored)) continue
    const one = SettingsSchema.shape[key].safeParse(stored[key])
    if (one.success) merged[key] = one.data
  }
  return merged as Settings
}

export async function lastBackupAt(ctx: Context): Promise<string | null> {
  const stored = await readSettings(ctx.db)
  return typeof stored.lastBackupAt === 'string' ? stored.lastBackupAt : null
}

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

export const appHandlers: HandlersFor<typeof appContract> = {
  'app.info': async (_input, ctx) => ({
    version: ctx.appVersion,
    databasePath: ctx.databasePath,
    schemaVersion: ctx.sqlite.pragma('user_version', { simple: true }) as number,
    safetyCopyPath: ctx.safetyCopyPath,
    locale: ctx.os.locale,
    lastBackupAt: await lastBackupAt(ctx),
  }),
  'settings.get': (_input, ctx) => getSettings(ctx),
  'settings.update': async (input, ctx) => {
    if (input.timeZone !== undefined && !isKnownTimeZone(input.timeZone)) {
      throw new HearthError('invalid_input', `"${input.timeZone}" is not a time zone Hearth knows.`, { timeZone: 'Choose a time zone from the list.' })
    }
    await writeSettings(ctx.db, input)
    return getSettings(ctx)
  },
}
