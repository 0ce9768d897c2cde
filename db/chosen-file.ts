import { constants } from 'node:fs'
import { type FileHandle, open } from 'node:fs/promises'

// Reading a file the volunteer chose (a backup to restore, a spreadsheet to import). Whatever lies at that path,
// the read ends promptly with bytes or a refusal: a FIFO would block an ordinary open forever and /dev/zero
// would fill memory, so the file is opened without blocking, must be a regular file of a bounded size, and the
// whole read has a deadline — no read can stall the write queue or quitting.

export type ChosenFileRefusal = 'missing' | 'not_a_file' | 'too_big' | 'timed_out' | 'unreadable'

export class ChosenFileError extends Error {
  constructor(
    readonly reason: ChosenFileRefusal,
    readonly bytes = 0,
  ) {
    super(reason)
    this.name = 'ChosenFileError'
  }
}

export interface ReadLimits {
  maxBytes: number
  timeoutMs: number
}

// O_NONBLOCK makes opening a FIFO return at once (POSIX); it does not change reads of a regular file. Windows
// has no FIFOs in the file system and no such flag.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)

function refusalFor(err: unknown): ChosenFileError {
  if (err instanceof ChosenFileError) return err
  const code = (err as { code?: unknown } | null)?.code
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ENODEV' || code === 'ENXIO') return new ChosenFileError('missing')
  if (code === 'EISDIR') return new ChosenFileError('not_a_file')
  return new ChosenFileError('unreadable')
}

/** Rejects with `timed_out` when `work` has not settled after `ms`; the work itself is left to finish unheard. */
export function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ChosenFileError('timed_out')), ms)
  })
  work.catch(() => undefined)
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer))
}

async function withRegularFile<T>(path: string, limits: ReadLimits, use: (handle: FileHandle, size: number) => Promise<T>): Promise<T> {
  const work = (async () => {
    const handle = await open(path, OPEN_FLAGS)
    try {
      const stat = await handle.stat()
      if (!stat.isFile()) throw new ChosenFileError('not_a_file')
      if (stat.size > limits.maxBytes) throw new ChosenFileError('too_big', stat.size)
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
export function readChosenFile(path: string, limits: ReadLimits): Promise<Buffer> {
  return withRegularFile(path, limits, async (handle, size) => {
    const bytes = Buffer.alloc(size + 1)
    let done = 0
    while (done <= size) {
      const { bytesRead } = await handle.read(bytes, done, bytes.length - done, done)
      if (bytesRead === 0) break
      done += bytesRead
    }
    if (done > size) throw new ChosenFileError('too_big', done)
    return bytes.subarray(0, done)
  })
}

/** The first `count` bytes (fewer when the file is shorter), with the same checks as a whole read. */
export function readChosenHead(path: string, count: number, limits: ReadLimits): Promise<Buffer> {
  return withRegularFile(path, limits, async (handle) => {
    const head = Buffer.alloc(count)
    const { bytesRead } = await handle.read(head, 0, count, 0)
    return head.subarray(0, bytesRead)
  })
}
