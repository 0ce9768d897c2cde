import { randomUUID } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { getSettings } from '../settings/settings'
import type { HandlersFor } from '../context'
import type { printContract } from '../contract/print'
import { saidError } from '../errors'
import { titleWithCopy } from './copies'
import { buildDocument } from './documents'
import { renderPdf } from './pdf'
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
  if (!entry) throw saidError('not_found', 'errors.print.previewGone')
  return entry
}

/** "Member directory 2026-03-14.pdf": safe on every file system. */
export function fileNameFor(title: string, day: string): string {
  const safe = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'Hearth'
  return `${safe} ${day}.pdf`
}

export const printHandlers: HandlersFor<typeof printContract> = {
  'print.preview': async ({ request, profile }, ctx) => {
    const settings = await getSettings(ctx)
    // Printed in the language chosen in Settings, its dates in that language's way.
    const locale = chosenLocale(settings.language, ctx.os.locale)
    const doc = await buildDocument(ctx, request, profile, locale)
    const now = new Date()
    const pdf = await renderPdf(doc, settings, locale, now)
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: settings.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
    // The copy is in the file name too, so a noticeboard copy never overwrites (or is mistaken for) a volunteer one.
    const title = titleWithCopy(doc.title, profile, locale)
    const fileName = fileNameFor(title, day)
    const token = remember({ pdf, title, fileName })
    return { token, title, fileName, pdfBase64: Buffer.from(pdf).toString('base64') }
  },
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
      throw saidError('io', 'errors.print.notSaved', { why })
    }
    return { path: target }
  },
}
