import { writeSettings } from '../../db/settings'
import type { appContract } from '../contract/app'
import { getSettings, lastBackupAt } from '../common/read-settings'
import type { HandlersFor } from '../context'
import { HearthError } from '../contract/errors'

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
      throw new HearthError('invalid_input', 'errors.settings.unknownZone', { zone: input.timeZone }, { timeZone: 'errors.field.chooseTimeZone' })
    }
    await writeSettings(ctx.db, input)
    return getSettings(ctx)
  },
}
