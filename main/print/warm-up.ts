import type { Context } from '../context'
import { chosenLocale } from '../i18n/say'
import { getSettings } from '../common/read-settings'
import { warmUpPrintWorker } from './jobs'
import { warmUpPrinting } from './pdf'

/**
 * What Hearth does a moment after start (main/index.ts), while the volunteer finds their way to Print: main readies
 * the printouts it makes itself, then the print worker (which makes the directory) is started and readied on its
 * own thread, both in the language and on the paper of the congregation's Settings. The window is already open;
 * main's part gives the event loop back between its steps, so calls keep being answered while it runs.
 */
export async function warmUpPrintingAtStart(ctx: Context): Promise<void> {
  const settings = await getSettings(ctx)
  const locale = chosenLocale(settings.language, ctx.os.locale)
  const page = { congregationName: settings.congregationName, paperSize: settings.paperSize, timeZone: settings.timeZone }
  // One after the other, so one of the two cores stays free for the window while Hearth warms up.
  await warmUpPrinting(page, locale)
  await warmUpPrintWorker(page, locale)
}
