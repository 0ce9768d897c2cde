import type { Context } from '../context'
import { chosenLocale } from '../i18n/say'
import { getSettings } from '../common/read-settings'
import { warmUpPrintWorker } from './engine/jobs'

/**
 * What Hearth does a moment after start (main/index.ts), while the volunteer finds their way to Print: the print
 * worker, which makes every printout, is started and readied on its own thread in the language and on the paper of
 * the congregation's Settings. The window is already open, and main's own thread stays free to answer calls.
 */
export async function warmUpPrintingAtStart(ctx: Context): Promise<void> {
  const settings = await getSettings(ctx)
  const locale = chosenLocale(settings.language, ctx.os.locale)
  await warmUpPrintWorker({ congregationName: settings.congregationName, paperSize: settings.paperSize, timeZone: settings.timeZone }, locale)
}
