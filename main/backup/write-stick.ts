import { existsSync, statSync } from 'node:fs'
import { open, readdir, readFile, rename, unlink } from 'node:fs/promises'
import { join } from 'node:path'

// The file-system layer the backup writes through. Tests pass one that fails part-way, as a full or pulled-out
// USB stick does; the app uses the real one.

export interface WritableFile {
  write(data: Uint8Array): Promise<void>
  sync(): Promise<void>
  close(): Promise<void>
}

export interface BackupFs {
  create(path: string): Promise<WritableFile>
  rename(from: string, to: string): Promise<void>
  remove(path: string): Promise<void>
  readFile(path: string): Promise<Buffer>
  list(dir: string): Promise<string[]>
}

export const nodeBackupFs: BackupFs = {
  async create(path) {
    const handle = await open(path, 'w')
    return {
      write: async (data) => {
        let done = 0
        while (done < data.length) done += (await handle.write(data, done, data.length - done)).bytesWritten
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    }
  },
  rename: (from, to) => rename(from, to),
  remove: (path) => unlink(path),
  readFile: (path) => readFile(path),
  list: (dir) => readdir(dir),
}

const CHUNK = 1024 * 1024
const RENAME_TRIES = 5

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Writes `data` as `<folder>/<name>` so that the final name only ever holds a complete, flushed file: stream to
 * `<name>.partial`, fsync, close, rename (retried: antivirus on Windows can hold a new file for a moment).
 * On any failure the partial file is removed when the folder is still there.
 */
export async function writeFileSafely(fs: BackupFs, folder: string, name: string, data: Uint8Array): Promise<string> {
  const final = join(folder, name)
  const partial = `${final}.partial`
  let file: WritableFile | null = null
  try {
    file = await fs.create(partial)
    for (let at = 0; at < data.length; at += CHUNK) await file.write(data.subarray(at, Math.min(data.length, at + CHUNK)))
    await file.sync()
    const closing = file
    file = null
    await closing.close()
    for (let attempt = 1; ; attempt++) {
      try {
        await fs.rename(partial, final)
        break
      } catch (err) {
        const code = (err as { code?: unknown }).code
        if (attempt >= RENAME_TRIES || (code !== 'EBUSY' && code !== 'EPERM' && code !== 'EACCES')) throw err
        await sleep(100 * attempt)
      }
    }
    return final
  } catch (err) {
    if (file) await file.close().catch(() => undefined)
    await fs.remove(partial).catch(() => undefined)
    throw err
  }
}

export function folderExists(folder: string): boolean {
  try {
    return existsSync(folder) && statSync(folder).isDirectory()
  } catch {
    return false
  }
}
