// Errors and notices main sends to the screen. Main sends the id and its values with the English; the screen
// shows them in the volunteer's language from this same catalog (renderer/i18n/errors.ts).
export const errors = {
  'errors.diskFull': 'The disk is full, so nothing was saved. Free some space and try again.',
  'errors.internal': 'Something went wrong inside Hearth, and nothing was changed. Please try again.',
  'errors.clash': 'That change clashes with something already saved, so nothing was changed.',
  'errors.gone': 'That change refers to something that no longer exists (perhaps it was just deleted), so nothing was changed. Reload and try again.',
  'errors.badValue': 'Hearth cannot save a value in this form as it is, so nothing was changed. Check what you typed and try again.',
  'errors.busy': 'Hearth’s data file is busy for a moment, so nothing was changed. Please try again.',
  'errors.cannotWrite': 'Hearth could not write to its data file on this computer, so nothing was changed. Check there is free space, then try again.',
  'errors.damaged': 'Hearth’s data file on this computer looks damaged, so nothing was changed. Restore your latest backup (Backup, then “Restore from a backup…”).',
  'errors.checkForm': '{count, plural, one {Please check # thing in the form.} other {Please check # things in the form.}} {first}',
  'errors.trainGone': 'That meal train no longer exists.',
  'errors.scheduleGone': 'That prayer schedule no longer exists.',
  'errors.circleGone': 'That prayer circle no longer exists.',
  'errors.standingGone': 'Those standing hours no longer exist.',
  'errors.print.wrongCopy': 'This list is not made for a {profile, select, noticeboard {noticeboard copy} volunteer {volunteer copy} other {coordinator copy}}. {allowed, select, volunteer_coordinator {Choose the volunteer or coordinator copy.} noticeboard_coordinator {Choose the noticeboard or coordinator copy.} noticeboard_volunteer {Choose the noticeboard or volunteer copy.} other {Choose another copy.}}',
  'errors.print.chooseCopy': 'Choose another copy.',
  'errors.print.previewGone': 'That preview is no longer open. Make the preview again, then print.',
  'errors.print.notSaved': '{why, select, denied {The PDF was not saved: Hearth is not allowed to write there.} full {The PDF was not saved: the disk is full.} other {The PDF was not saved: the folder could not be written to.}} Choose another place and try again.',
  'errors.print.noDates': 'This calendar has no dates yet. Print the sign-up sheet, or set the date of Day 1 first.',
} as const
