import { readSettings } from '../../db/settings'
import { type Settings, SettingsSchema } from '../contract/app'
import type { Context } from '../context'

// How every feature reads the settings: stored values checked against the contract, defaults filled in.

export function defaultSettings(locale: string): Settings {
  return {
    congregationName: '',
    congregationAddress: '',
    chainCallFrom: '08:00',
    chainCallTo: '21:00',
    paperSize: usesLetterPaper(locale) ? 'Letter' : 'A4',
    textSize: 'normal',
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    backupFolder: null,
    backupKeep: 10,
    backupReminderDays: 7,
    backupOnQuit: false,
    language: 'system',
    historyDays: 90,
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

/** The congregation's calendar day now, as 'YYYY-MM-DD', in its time zone (not the computer's). */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

/** The congregation's time zone and today's date there: the one way features ask "what day is it?". */
export async function congregationDay(ctx: Context): Promise<{ timeZone: string; today: string }> {
  const { timeZone } = await getSettings(ctx)
  return { timeZone, today: todayIn(timeZone) }
}
