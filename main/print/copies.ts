import type { PrintProfile } from '../contract/print'

// How each copy marks itself. A sheet found on a photocopier tray must say on its own face who may see it, and a
// saved file must say so in its name, so the three copies never overwrite each other or get mixed up.

/** The line on every page of a copy. */
export const COPY_LABELS: Record<PrintProfile, string> = {
  noticeboard: 'Noticeboard copy — fine to pin up',
  volunteer: 'Volunteer copy — contains phone numbers, do not display',
  coordinator: 'COORDINATOR COPY — confidential',
}

/** The short form at the top of every page, beside the document's title; the footer gives the whole line. */
export const COPY_SHORT_LABELS: Record<PrintProfile, string> = {
  noticeboard: 'Noticeboard copy',
  volunteer: 'Volunteer copy',
  coordinator: 'COORDINATOR COPY',
}

/** The few words a file name or print job carries: "Member directory (noticeboard copy)". */
export const COPY_NAMES: Record<PrintProfile, string> = {
  noticeboard: 'noticeboard copy',
  volunteer: 'volunteer copy',
  coordinator: 'coordinator copy',
}

/** The diagonal word across every coordinator page: seen from across a room, and hard to crop off. */
export const COORDINATOR_WATERMARK = 'COORDINATOR COPY'

export function titleWithCopy(title: string, profile: PrintProfile | undefined): string {
  return profile ? `${title} (${COPY_NAMES[profile]})` : title
}
