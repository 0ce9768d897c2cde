import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { buildSync } from 'esbuild'
import { afterAll, describe, expect, it } from 'vitest'
import { newRecoveryKey } from '../../db/cipher'
import { openDatabase } from '../../db/open'
import { startSession } from '../../main/session'
import { TestOs } from '../bridge/test-os'
import { tempDir } from '../helpers/temp'

const ROOT = resolve(__dirname, '..', '..')
const ROUNDS = 24
const ROWS = 3000
const FIRST = 'first passphrase of the office'
const SECOND = 'second passphrase of the office'

// Bundled once to plain JavaScript, under node_modules so `better-sqlite3` resolves (as tests/backup/child.ts does).
function bundledChild(): string {
  const dir = join(ROOT, 'node_modules', '.cache', 'hearth-tests')
  mkdirSync(dir, { recursive: true })
  const out = join(dir, `rewrite-child-${process.pid}.cjs`)
  buildSync({ entryPoints: [join(__dirname, 'rewrite-child.ts')], outfile: out, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['better-sqlite3'], logLevel: 'silent' })
  afterAll(() => rmSync(out, { force: true }))
  return out
}

interface Child {
  child: ChildProcess
  ready: Promise<void>
  marks: string[]
  /** Resolves once the child has finished `n` steps (turned on, changed, turned off). */
  steps(n: number): Promise<void>
  exited: Promise<string>
}

function run(script: string, path: string, recoveryKey: string): Child {
  const child = spawn(process.execPath, [script, path, recoveryKey, FIRST, SECOND], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  const marks: string[] = []
  const waiting: { n: number; done: () => void }[] = []
  let stderr = ''
  let readyNow!: () => void
  const ready = new Promise<void>((r) => (readyNow = r))
  child.stdout!.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      if (line === 'ready') readyNow()
      else marks.push(line)
    }
    for (const w of waiting.filter((w) => marks.length >= w.n)) {
      waiting.splice(waiting.indexOf(w), 1)
      w.done()
    }
  })
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  const exited = new Promise<string>((r) => child.on('exit', () => r(stderr)))
  const steps = (n: number) => (marks.length >= n ? Promise.resolve() : new Promise<void>((done) => waiting.push({ n, done })))
  return { child, ready, marks, steps, exited }
}

describe('turning encryption on, changing the passphrase and turning it off, killed with SIGKILL', () => {
  it(`always leaves the old file or the new one whole, opened by the passphrase of that moment (${ROUNDS} kills)`, async () => {
    const base = existsSync('/dev/shm') ? mkdtempSync(join('/dev/shm', 'hearth-lock-crash-')) : tempDir('hearth-lock-crash-')
    afterAll(() => rmSync(base, { recursive: true, force: true }))
    const path = join(base, 'hearth.sqlite')
    const db = await openDatabase(path)
    const insert = db.sqlite.prepare('insert into settings (key, value) values (?, ?)')
    db.sqlite.transaction(() => {
      for (let i = 0; i < ROWS; i++) insert.run(`secret-${i}`, JSON.stringify(`Pastoral note ${i}: visit after the surgery, Ward ${i % 40}`))
    })()
    await db.close()
    const recoveryKey = newRecoveryKey()
    const script = bundledChild()
    const seen = new Set<string>()
    for (let round = 0; round < ROUNDS; round++) {
      const child = run(script, path, recoveryKey)
      await child.ready
      // A different moment each round: after none to three finished steps, then a little longer, so kills land
      // inside turning on, changing and turning off alike.
      await Promise.race([child.steps(round % 4), child.exited])
      await new Promise((r) => setTimeout(r, (round * 37) % 120))
      child.child.kill('SIGKILL')
      const stderr = await child.exited
      expect(stderr, `round ${round}`).toBe('')
      for (const m of child.marks) seen.add(m)

      // Opened exactly as Hearth opens at start: whichever file is there, it opens and holds every row.
      const s = await startSession(path, new TestOs(base), 'test')
      try {
        const status = await s.registry.dispatch('lock.status', {})
        if (!status.ok) throw new Error(status.error.message)
        const { encrypted } = status.value as { encrypted: boolean }
        if (encrypted) {
          const byFirst = await s.registry.dispatch('lock.unlock', { secret: FIRST, with: 'passphrase' })
          if (!byFirst.ok) {
            const bySecond = await s.registry.dispatch('lock.unlock', { secret: SECOND, with: 'passphrase' })
            expect(bySecond.ok, `round ${round}: neither passphrase opens the file`).toBe(true)
          }
        }
        expect(s.context.sqlite.pragma('integrity_check', { simple: true }), `round ${round}`).toBe('ok')
        expect(s.context.sqlite.prepare("select count(*) from settings where key like 'secret-%'").pluck().get(), `round ${round}`).toBe(ROWS)
      } finally {
        await s.close()
      }
      // No copy of the data is left beside the file once Hearth has started.
      expect(readdirSync(base).filter((f) => f.includes('.rewrite') || f.endsWith('.partial')), `round ${round}`).toEqual([])
      if (existsSync(path)) {
        const { readFileSync } = await import('node:fs')
        const plain = readFileSync(path).subarray(0, 15).toString('latin1') === 'SQLite format 3'
        expect(plain || existsSync(`${path}.keys`), `round ${round}: an encrypted file without its key file`).toBe(true)
      }
    }
    // The kills fell in every stage, not only before the first rewrite.
    expect([...seen].sort()).toEqual(['changed', 'off', 'on'])
    // The recovery key opens whatever state the last kill left.
    const last = await startSession(path, new TestOs(base), 'test')
    try {
      if (last.context.lock.encrypted) {
        const r = await last.registry.dispatch('lock.unlock', { secret: recoveryKey, with: 'recoveryKey' })
        expect(r.ok).toBe(true)
      }
      expect(last.context.sqlite.prepare("select count(*) from settings where key like 'secret-%'").pluck().get()).toBe(ROWS)
    } finally {
      await last.close()
    }
  }, 240_000)
})
