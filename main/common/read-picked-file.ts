import { constants } from 'node:fs'
import { type FileHandle, open } from 'node:fs/promises'
import { HearthError } from '../contract/errors'
import type { MessageId } from '../contract/i18n/en'

// Reading a file the volunteer chose (a backup to restore, a spreadsheet to import). Whatever lies at that path,
// the read ends promptly with bytes or a refusal: a FIFO would block an ordinary open forever and /dev/zero
// would fill memory, so the file is opened without blocking, must be a regular file of a bounded size, and the
// whole read has a deadline — no read can stall the write queue or quitting.

export type PickedFileRefusal = 'missing' | 'not_a_file' | 'too_big' | 'timed_out' | 'unreadable'

const REFUSAL_IDS: Record<PickedFileRefusal, MessageId> = {
  missing: 'errors.pickedFile.missing',
  not_a_file: 'errors.pickedFile.notAFile',
  too_big: 'errors.pickedFile.tooBig',
  timed_out: 'errors.pickedFile.timedOut',
  unreadable: 'errors.pickedFile.unreadable',
}

const REFUSAL_CODES: Record<PickedFileRefusal, 'not_found' | 'invalid_input' | 'io'> = {
  missing: 'not_found',
  not_a_file: 'invalid_input',
  too_big: 'invalid_input',
  timed_out: 'io',
  unreadable: 'io',
}

/** The refusal a read ends with; `mb` (the file's size, rounded up) only for one that is too big. */
export function pickedFileRefusal(reason: PickedFileRefusal, bytes = 0): HearthError {
  return new HearthError(REFUSAL_CODES[reason], REFUSAL_IDS[reason], reason === 'too_big' ? { mb: Math.ceil(bytes / (1024 * 1024)) } : undefined)
}

/** Which refusal of the reader `err` is, so each feature can word it for its own kind of file; null for any other error. */
export function pickedFileProblem(err: unknown): PickedFileRefusal | null {
  if (!(err instanceof HearthError)) return null
  const found = (Object.keys(REFUSAL_IDS) as PickedFileRefusal[]).find((reason) => REFUSAL_IDS[reason] === err.said.id)
  return found ?? null
}

export interface ReadLimits {
  maxBytes: number
  timeoutMs: number
}

// O_NONBLOCK makes opening a FIFO return at once (POSIX); it does not change reads of a regular file. Windows
// has no FIFOs in the file system and no such flag.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)

function refusalFor(err: unknown): HearthError {
  if (pickedFileProblem(err)) return err as HearthError
  const code = (err as { code?: unknown } | null)?.code
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ENODEV' || code === 'ENXIO') return pickedFileRefusal('missing')
  if (code === 'EISDIR') return pickedFileRefusal('not_a_file')
  return pickedFileRefusal('unreadable')
}

/**
 * Rejects with `late()` (a read that took too long, unless told otherwise) when `work` has not settled after `ms`;
 * the work itself is left to finish unheard.
 */
export function withDeadline<T>(work: Promise<T>, ms: number, late: () => HearthError = () => pickedFileRefusal('timed_out')): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(late()), ms)
  })
  work.catch(() => undefined)
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer))
}

async function withRegularFile<T>(path: string, limits: ReadLimits, use: (handle: FileHandle, size: number) => Promise<T>): Promise<T> {
  const work = (async () => {
    const handle = await open(path, OPEN_FLAGS)
    try {
      const stat = await handle.stat()
      if (!stat.isFile()) throw pickedFileRefusal('not_a_file')
      if (stat.size > limits.maxBytes) throw pickedFileRefusal('too_big', stat.size)
      return await use(handle, stat.size)
    } finally {
      await handle.close()
    }
  })()
  try {
    return await withDeadline(work, limits.timeoutMs)
  } catch (err) {
    throw refusalFor(err)
  }
}

/** The whole file; a file that grows past its size while being read is refused rather than read without end. */
export function readPickedFile(path: string, limits: ReadLimits): Promise<Buffer> {
  return withRegularFile(path, limits, async (handle, size) => {
    const bytes = Buffer.alloc(size + 1)
    let done = 0
    while (done <= size) {
      const { bytesRead } = await handle.read(bytes, done, bytes.length - done, done)
      if (bytesRead === 0) break
      done += bytesRead
    }
    if (done > size) throw pickedFileRefusal('too_big', done)
    return bytes.subarray(0, done)
  })
}

/** The first `count` bytes (fewer when the file is shorter), with the same checks as a whole read. */
export function readPickedHead(path: string, count: number, limits: ReadLimits): Promise<Buffer> {
  return withRegularFile(path, limits, async (handle) => {
    const head = Buffer.alloc(count)
    const { bytesRead } = await handle.read(head, 0, count, 0)
    return head.subarray(0, bytesRead)
  })
}
