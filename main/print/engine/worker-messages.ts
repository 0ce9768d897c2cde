import type { PrintProgress } from '../../contract/print'
import type { PageSettings } from './pdf'

// What the print worker and Hearth's main process say to each other. Everything here is plain data: it is copied
// between threads. The engine does not know the documents: what one is laid out from travels as `input`, and the
// worker (main/print/worker.ts) knows what to make of it.

export interface PrintJob<Input = unknown> {
  kind: 'make'
  jobId: string
  input: Input
  /** The open database file: the worker reads the directory's people itself, so a huge list never holds up Hearth. */
  databasePath: string
  /** The encrypted file's key as hex, while it is unlocked; null for a plain file. It never leaves the process. */
  databaseKey: string | null
  /** better-sqlite3's compiled addon for Electron, when Hearth runs in Electron. */
  nativeBinding: string | null
  settings: PageSettings
  locale: string
  /** When the printout was made, as an ISO string: the date printed on every page. */
  now: string
}

export type ToWorker<Input = unknown> = PrintJob<Input> | { kind: 'warm'; settings: PageSettings; locale: string } | { kind: 'forget' }

export type JobProgress = PrintProgress

export type FromWorker =
  | { kind: 'progress'; jobId: string; progress: JobProgress }
  | { kind: 'done'; jobId: string; title: string; pdf: Uint8Array; pages: number; preview: Uint8Array; previewPages: number }
  | { kind: 'failed'; jobId: string; message: string }
  | { kind: 'warm' }
