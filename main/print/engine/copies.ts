import type { PrintProfile } from '../../contract/print'
import { say } from '../../i18n/say'

// How each copy marks itself. A sheet found on a photocopier tray must say on its own face who may see it, and a
// saved file must say so in its name, so the three copies never overwrite each other or get mixed up.

/** The line on every page of a copy: "Noticeboard copy — fine to pin up". */
export function copyLabel(profile: PrintProfile, locale: string): string {
  return say(locale, `printed.copy.${profile}`)
}

/** The short form at the top of every page, beside the document's title; the footer gives the whole line. */
export function copyShortLabel(profile: PrintProfile, locale: string): string {
  return say(locale, `printed.copyShort.${profile}`)
}

/** The diagonal word across every coordinator page: seen from across a room, and hard to crop off. */
export function coordinatorWatermark(locale: string): string {
  return say(locale, 'printed.watermark')
}

/** The few words a file name or print job carries: "Member directory (noticeboard copy)". */
export function titleWithCopy(title: string, profile: PrintProfile | undefined, locale: string): string {
  return profile ? say(locale, 'printed.titleWithCopy', { title, copy: say(locale, `printed.copyName.${profile}`) }) : title
}
