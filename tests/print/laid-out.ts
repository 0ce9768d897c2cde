import { getDirectory } from '../../db/print'
import type { Context } from '../../main/context'
import type { PrintProfile, PrintRequest } from '../../main/contract/print'
import { directoryQuery } from '../../main/print/documents/directory'
import { type DocumentData, layOut } from '../../main/print/documents/lay-out'
import { loadMeasurer } from '../../main/print/engine/measure'
import type { PrintDocument } from '../../main/print/engine/pdf'
import { readDocument } from '../../main/print/reads'

/**
 * The document the print worker lays out for a request, laid out here from the same reads and the same layout, for
 * a test or the bench to compare the worker's PDF with its plan. The PDF itself is only ever made by the worker.
 */
export async function laidOut(ctx: Context, request: PrintRequest, profile: PrintProfile, locale: string): Promise<PrintDocument> {
  const input = await readDocument(ctx, request, profile, locale)
  const data: DocumentData = input.document === 'directory' ? { ...input, households: await getDirectory(ctx.db, directoryQuery(input.request)) } : input
  return layOut(data, await loadMeasurer())
}
