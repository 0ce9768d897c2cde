import { type ChildProcess, spawn } from 'node:child_process'
import { join, resolve } from 'node:path'

const ROOT = resolve(__dirname, '..', '..')

export interface Writer {
  child: ChildProcess
  /** Every id the child reported as committed so far. */
  committed: number[]
  ready: Promise<void>
  /** Resolves once at least `n` commits have been reported. */
  waitFor(n: number): Promise<void>
  exited: Promise<void>
}

/** Starts tests/backup/writer-child.ts in its own Node process (through tsx), writing to `dbPath`. */
export function startWriter(dbPath: string, prefix = 'w'): Writer {
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'tests', 'backup', 'writer-child.ts'), dbPath, prefix], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const committed: number[] = []
  const waiters: { n: number; resolve: () => void }[] = []
  let readyResolve: () => void = () => undefined
  let readyReject: (e: Error) => void = () => undefined
  let stderr = ''
  const ready = new Promise<void>((resolve, reject) => {
    readyResolve = resolve
    readyReject = reject
  })
  ready.catch(() => undefined)
  let buffered = ''
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8')
    const lines = buffered.split('\n')
    buffered = lines.pop() ?? ''
    for (const line of lines) {
      if (line === 'ready') readyResolve()
      else if (/^\d+$/.test(line)) committed.push(Number(line))
    }
    for (const w of waiters.filter((w) => committed.length >= w.n)) {
      waiters.splice(waiters.indexOf(w), 1)
      w.resolve()
    }
  })
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  const exited = new Promise<void>((r) =>
    child.on('exit', (code) => {
      readyReject(new Error(`writer-child stopped before it was ready (exit ${code}): ${stderr}`))
      r()
    }),
  )
  return {
    child,
    committed,
    ready,
    exited,
    waitFor: (n) => (committed.length >= n ? Promise.resolve() : new Promise((r) => waiters.push({ n, resolve: r }))),
  }
}
