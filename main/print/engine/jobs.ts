import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { HearthError } from '../../contract/errors'
import type { PageSettings } from './pdf'
import type { FromWorker, JobProgress, PrintJob, ToWorker } from './worker-messages'

// Hands documents to the print worker (main/print/worker.ts) and keeps track of them: their progress while they
// are made, and a way to stop one. One worker is kept warm between printouts; a stopped one is ended and replaced.

export interface Made {
  title: string
  pdf: Uint8Array
  pages: number
  preview: Uint8Array
  previewPages: number
}

interface Running {
  worker: Worker
  progress: JobProgress | null
  stop(): void
}

const running = new Map<string, Running>()
let binding: string | null = null

/** The better-sqlite3 addon built for Electron, which the worker's own connection needs too (main/index.ts). */
export function usePrintWorkerBinding(path: string | null): void {
  binding = path
}

export function printWorkerBinding(): string | null {
  return binding
}
// Printouts stopped before their worker started (the person cancelled while the database was being read).
const stoppedEarly = new Set<string>()
const REMEMBER_STOPPED = 50
let idle: Worker | null = null

/**
 * The worker's script: built next to Hearth's main bundle (electron.vite.config.ts), or, run from the sources
 * (tests, the bench), the TypeScript file loaded through tsx.
 */
function spawn(): Worker {
  const built = join(__dirname, 'print-worker.js')
  const worker = existsSync(built)
    ? new Worker(built)
    : new Worker(`require(${JSON.stringify(createRequire(__filename).resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(join(__dirname, '..', 'worker.ts'))})`, { eval: true })
  // An idle worker must not keep Hearth (or a test run) from exiting.
  worker.unref()
  return worker
}

function takeWorker(): Worker {
  const worker = idle ?? spawn()
  idle = null
  return worker
}

function giveBack(worker: Worker): void {
  if (idle) void worker.terminate()
  else idle = worker
}

/** Starts the worker and has it ready printing (./pdf warmUpPrinting), so the first directory does not wait for that. */
export function warmUpPrintWorker(settings: PageSettings, locale: string): Promise<void> {
  return askIdleWorker({ kind: 'warm', settings, locale })
}

/** Has the worker forget every word it measured and shaped, as for a directory it never printed (the bench). */
export function forgetInPrintWorker(): Promise<void> {
  return askIdleWorker({ kind: 'forget' })
}

function askIdleWorker(message: Extract<ToWorker, { kind: 'warm' | 'forget' }>): Promise<void> {
  const worker = takeWorker()
  return new Promise<void>((resolve) => {
    const done = () => {
      worker.off('message', onMessage)
      worker.off('error', failed)
      giveBack(worker)
      resolve()
    }
    const onMessage = (m: FromWorker) => {
      if (m.kind === 'warm') done()
    }
    // A worker that cannot start is left for the real printout to report.
    const failed = () => {
      worker.off('message', onMessage)
      void worker.terminate()
      resolve()
    }
    worker.on('message', onMessage)
    worker.once('error', failed)
    worker.postMessage(message)
  })
}

/** Makes a document on the worker; rejects with a plain message when it is stopped or fails. */
export function makeInWorker(job: PrintJob): Promise<Made> {
  if (running.has(job.jobId)) throw new HearthError('conflict', 'errors.print.alreadyMaking')
  if (stoppedEarly.delete(job.jobId)) throw cancelled()
  const worker = takeWorker()
  worker.ref()
  return new Promise<Made>((resolve, reject) => {
    const finish = (keepWorker: boolean) => {
      running.delete(job.jobId)
      worker.off('message', onMessage)
      worker.off('error', onError)
      worker.off('exit', onExit)
      worker.unref()
      if (keepWorker) giveBack(worker)
      else void worker.terminate()
    }
    const onMessage = (m: FromWorker) => {
      if (m.kind === 'warm' || m.jobId !== job.jobId) return
      if (m.kind === 'progress') {
        const entry = running.get(job.jobId)
        if (entry) entry.progress = m.progress
      } else if (m.kind === 'done') {
        finish(true)
        resolve({ title: m.title, pdf: m.pdf, pages: m.pages, preview: m.preview, previewPages: m.previewPages })
      } else {
        finish(true)
        reject(new HearthError('internal', 'errors.print.failed', { reason: m.message }))
      }
    }
    const onError = (err: Error) => {
      finish(false)
      reject(new HearthError('internal', 'errors.print.failed', { reason: err.message }))
    }
    const onExit = () => {
      finish(false)
      reject(new HearthError('internal', 'errors.print.workerStopped'))
    }
    worker.on('message', onMessage)
    worker.once('error', onError)
    worker.once('exit', onExit)
    running.set(job.jobId, {
      worker,
      progress: null,
      stop: () => {
        finish(false)
        reject(cancelled())
      },
    })
    worker.postMessage(job)
  })
}

/** How far a printout has got; null when it is not being made (finished, stopped, or never started). */
export function jobProgress(jobId: string): JobProgress | null {
  return running.get(jobId)?.progress ?? null
}

const cancelled = () => new HearthError('refused', 'errors.print.cancelled')

/** Stops a printout being made, or about to be. True when it was already being made. */
export function cancelJob(jobId: string): boolean {
  const entry = running.get(jobId)
  if (!entry) {
    stoppedEarly.add(jobId)
    if (stoppedEarly.size > REMEMBER_STOPPED) stoppedEarly.delete(stoppedEarly.values().next().value as string)
    return false
  }
  entry.stop()
  return true
}
