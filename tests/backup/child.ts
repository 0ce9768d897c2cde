import { type ChildProcess, spawn } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { buildSync } from 'esbuild'

const ROOT = resolve(__dirname, '..', '..')
const bundled = new Map<string, string>()

// Bundled once to plain JavaScript: starting Node through a TypeScript loader costs about a second of CPU per
// child, which dominates a test that starts 25 of them. It sits under node_modules so `better-sqlite3` resolves.
export function bundledScript(name: 'writer-child' | 'restore-child'): string {
  const found = bundled.get(name)
  if (found) return found
  const dir = join(ROOT, 'node_modules', '.cache', 'hearth-tests')
  mkdirSync(dir, { recursive: true })
  const out = join(dir, `${name}-${process.pid}.cjs`)
  buildSync({
    entryPoints: [join(ROOT, 'tests', 'backup', `${name}.ts`)],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3'],
    logLevel: 'silent',
  })
  process.on('exit', () => rmSync(out, { force: true }))
  bundled.set(name, out)
  return out
}

export interface Writer {
  child: ChildProcess
  /** Every id the child reported as committed so far. */
  committed: number[]
  /** Tells the child to open the database and start writing; resolves once it has opened it. */
  go(): Promise<void>
  /** Resolves once at least `n` commits have been reported. */
  waitFor(n: number): Promise<void>
  exited: Promise<void>
}

/** Starts tests/backup/writer-child.ts in its own Node process; it writes to `dbPath` once told to go. */
export function startWriter(dbPath: string, prefix = 'w', pace: 'fast' | 'paced' = 'fast'): Writer {
  const child = spawn(process.execPath, [bundledScript('writer-child'), dbPath, prefix, pace], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  const committed: number[] = []
  const waiters: { n: number; resolve: () => void }[] = []
  const marks = new Map<string, () => void>()
  let stderr = ''
  let failed: Error | null = null
  const marksFail: ((e: Error) => void)[] = []
  const mark = (name: string) =>
    new Promise<void>((resolve, reject) => {
      if (failed) reject(failed)
      marks.set(name, resolve)
      marksFail.push(reject)
    })
  const loaded = mark('loaded')
  const ready = mark('ready')
  loaded.catch(() => undefined)
  ready.catch(() => undefined)
  let buffered = ''
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8')
    const lines = buffered.split('\n')
    buffered = lines.pop() ?? ''
    for (const line of lines) {
      if (/^\d+$/.test(line)) committed.push(Number(line))
      else marks.get(line)?.()
    }
    for (const w of waiters.filter((w) => committed.length >= w.n)) {
      waiters.splice(waiters.indexOf(w), 1)
      w.resolve()
    }
  })
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  // Writing "go" to a child that was killed must not crash the test process.
  child.stdin!.on('error', () => undefined)
  const exited = new Promise<void>((r) =>
    child.on('exit', (code, signal) => {
      failed = new Error(`writer-child stopped (exit ${code}, signal ${signal}): ${stderr}`)
      for (const reject of marksFail) reject(failed)
      r()
    }),
  )
  return {
    child,
    committed,
    exited,
    go: async () => {
      await loaded
      child.stdin!.write('go\n')
      await ready
    },
    waitFor: (n) => (committed.length >= n ? Promise.resolve() : new Promise((r) => waiters.push({ n, resolve: r }))),
  }
}
