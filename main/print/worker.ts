import { parentPort } from 'node:worker_threads'
import BetterSqlite3 from 'better-sqlite3'
import { applyKey } from '../../db/cipher-file'
import { Kysely, SqliteDialect } from 'kysely'
import { type DirectoryHousehold, getDirectory } from '../../db/print'
import type { Database } from '../../db/schema'
import { directoryQuery } from './documents/directory'
import { type DocumentData, type DocumentJobInput, layOut } from './documents/lay-out'
import { forgetMeasured, loadMeasurer } from './engine/measure'
import { renderInParts, warmUpPrinting } from './engine/pdf'
import type { FromWorker, JobProgress, PrintJob, ToWorker } from './engine/worker-messages'

// The print worker: lays out and makes the PDF of every document on its own thread, so Hearth keeps answering
// while a 200,000-person directory is made, and stopping one is immediate (the thread is ended). Its fonts stay
// parsed between printouts. The directory's people it reads itself; every other document arrives read.

/** Pages made at a time, and shown in the preview of a longer document. */
export const PART_PAGES = 40

const port = parentPort
if (!port) throw new Error('The print worker runs on a worker thread.')
const send = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer)

port.on('message', (message: ToWorker<DocumentJobInput>) => {
  void handle(message).catch((err: unknown) => {
    if (message.kind === 'make') send({ kind: 'failed', jobId: message.jobId, message: err instanceof Error ? err.message : String(err) })
  })
})

/** Reads the directory's people from the open file over a connection of the worker's own, read only. */
async function readDirectory(job: PrintJob, query: ReturnType<typeof directoryQuery>): Promise<DirectoryHousehold[]> {
  const sqlite = new BetterSqlite3(job.databasePath, { readonly: true, fileMustExist: true, ...(job.nativeBinding ? { nativeBinding: job.nativeBinding } : {}) })
  if (job.databaseKey) applyKey(sqlite, Buffer.from(job.databaseKey, 'hex'), job.databasePath)
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  try {
    return await getDirectory(db, query)
  } finally {
    await db.destroy()
  }
}

async function dataFor(job: PrintJob<DocumentJobInput>): Promise<DocumentData> {
  const { input } = job
  if (input.document !== 'directory') return input
  return { ...input, households: await readDirectory(job, directoryQuery(input.request)) }
}

async function handle(message: ToWorker<DocumentJobInput>): Promise<void> {
  if (message.kind === 'forget') {
    forgetMeasured()
    send({ kind: 'warm' })
    return
  }
  if (message.kind === 'warm') {
    await warmUpPrinting(message.settings, message.locale)
    await loadMeasurer()
    send({ kind: 'warm' })
    return
  }
  const { jobId } = message
  const progress = (p: JobProgress) => send({ kind: 'progress', jobId, progress: p })
  progress({ stage: 'reading', done: 0, total: 0 })
  const data = await dataFor(message)
  if (data.document === 'directory') progress({ stage: 'layout', done: 0, total: data.households.length })
  const doc = layOut(data, await loadMeasurer(), (done, total) => progress({ stage: 'layout', done, total }))
  const made = await renderInParts(doc, message.settings, message.locale, new Date(message.now), {
    partPages: PART_PAGES,
    progress: (done, total) => progress({ stage: 'pages', done, total }),
  })
  const pdf = made.pdf.slice()
  const preview = made.preview === made.pdf ? pdf : made.preview.slice()
  send({ kind: 'done', jobId, title: doc.title, pdf, pages: made.pages, preview, previewPages: made.previewPages }, preview === pdf ? [pdf.buffer] : [pdf.buffer, preview.buffer])
}
