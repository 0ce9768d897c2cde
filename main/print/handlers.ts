import { randomUUID } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { getSettings } from '../common/read-settings'
import type { HandlersFor } from '../context'
import type { PrintProfile, printContract } from '../contract/print'
import { HearthError } from '../contract/errors'
import { titleWithCopy } from './engine/copies'
import { readDocument } from './reads'
import { cancelJob, jobProgress, makeInWorker, printWorkerBinding } from './engine/jobs'
import { chosenLocale, say } from '../i18n/say'

interface Generated {
  pdf: Uint8Array
  title: string
  fileName: string
}

// The PDFs shown in previews, by token: Print and Save send exactly the bytes the person looked at. A few are
// kept so two open previews both still work; older ones are dropped.
const KEEP = 6
const generated = new Map<string, Generated>()

function remember(entry: Generated): string {
  const token = randomUUID()
  generated.set(token, entry)
  while (generated.size > KEEP) generated.delete(generated.keys().next().value as string)
  return token
}

function recall(token: string): Generated {
  const entry = generated.get(token)
  if (!entry) throw new HearthError('not_found', 'errors.print.previewGone')
  return entry
}

/** "Member directory 2026-03-14.pdf": safe on every file system. */
export function fileNameFor(title: string, day: string): string {
  const safe = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'Hearth'
  return `${safe} ${day}.pdf`
}

/** Keeps a made PDF for Print and Save, under the title and file name its copy gives it, in the printout's language. */
function remembered(pdf: Uint8Array, documentTitle: string, profile: PrintProfile, timeZone: string, now: Date, locale: string): { token: string; title: string; fileName: string } {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
  // The copy is in the file name too, so a noticeboard copy never overwrites (or is mistaken for) a volunteer one.
  const title = titleWithCopy(documentTitle, profile, locale)
  const fileName = fileNameFor(title, day)
  return { token: remember({ pdf, title, fileName }), title, fileName }
}

export const printHandlers: HandlersFor<typeof printContract> = {
  'print.preview': async ({ request, profile, jobId }, ctx) => {
    const settings = await getSettings(ctx)
    // Printed in the language chosen in Settings, its dates in that language's way.
    const locale = chosenLocale(settings.language, ctx.os.locale)
    const now = new Date()
    // Every document is laid out and made on the print worker, a part at a time when it is long (the directory
    // grows with the congregation), and the preview shows its first part.
    const made = await makeInWorker({
      kind: 'make',
      jobId: jobId ?? randomUUID(),
      input: await readDocument(ctx, request, profile, locale),
      databasePath: ctx.databasePath,
      databaseKey: ctx.lock.key?.toString('hex') ?? null,
      nativeBinding: printWorkerBinding(),
      settings: { congregationName: settings.congregationName, paperSize: settings.paperSize, timeZone: settings.timeZone },
      locale,
      now: now.toISOString(),
    })
    const shown = remembered(made.pdf, made.title, profile, settings.timeZone, now, locale)
    return { ...shown, pdfBase64: Buffer.from(made.preview).toString('base64'), pages: made.pages, previewPages: made.previewPages }
  },
  'print.progress': ({ jobId }) => jobProgress(jobId),
  'print.cancel': ({ jobId }) => ({ stopped: cancelJob(jobId) }),
  'print.print': async ({ token }, ctx) => {
    const { pdf, title } = recall(token)
    return { printed: await ctx.os.printPdf(pdf, title) }
  },
  'print.save': async ({ token }, ctx) => {
    const { pdf, fileName } = recall(token)
    const locale = chosenLocale((await getSettings(ctx)).language, ctx.os.locale)
    const path = await ctx.os.chooseFileToSave({ title: say(locale, 'printed.save.title'), defaultName: fileName, filters: [{ name: say(locale, 'printed.save.filter'), extensions: ['pdf'] }] })
    if (!path) return null
    // Without the extension the file would not open as a PDF when double-clicked.
    const target = /\.pdf$/i.test(path) ? path : `${path}.pdf`
    try {
      await writeFile(target, pdf)
    } catch (err) {
      const code = (err as { code?: string }).code
      const why = code === 'EACCES' || code === 'EPERM' ? 'denied' : code === 'ENOSPC' ? 'full' : 'folder'
      throw new HearthError('io', 'errors.print.notSaved', { why })
    }
    return { path: target }
  },
}
