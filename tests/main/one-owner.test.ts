import { type ChildProcess, spawn } from 'node:child_process'
import { renameSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeBackup } from '../../main/backup/write-backup'
import { lockDatabaseFile, lockPathFor, openDatabase } from '../../db/open'
import { HearthError } from '../../main/contract/errors'
import { startSession } from '../../main/session'
import { TestOs } from '../bridge/test-os'
import { tempDir } from '../helpers/temp'

const ROOT = resolve(__dirname, '..', '..')

interface Child {
  child: ChildProcess
  lines: string[]
  /** Resolves once a line matching `test` has been printed. */
  line(test: (l: string) => boolean): Promise<string>
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>
}

function run(...args: string[]): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'owner-child.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  const lines: string[] = []
  const waiting: { test: (l: string) => boolean; resolve: (l: string) => void }[] = []
  let buffered = ''
  let stderr = ''
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8')
    const parts = buffered.split('\n')
    buffered = parts.pop() ?? ''
    for (const l of parts) {
      lines.push(l)
      for (const w of waiting.filter((w) => w.test(l))) {
        waiting.splice(waiting.indexOf(w), 1)
        w.resolve(l)
      }
    }
  })
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((r) => child.on('exit', (code, signal) => r({ code, signal, stderr })))
  return {
    child,
    lines,
    exited,
    line: (test) => {
      const found = lines.find(test)
      if (found !== undefined) return Promise.resolve(found)
      return Promise.race([
        new Promise<string>((r) => waiting.push({ test, resolve: r })),
        exited.then(({ code, signal, stderr }) => Promise.reject(new Error(`owner-child stopped (exit ${code}, ${signal}): ${stderr}`))),
      ])
    },
  }
}

const acknowledged = (c: Child) => c.lines.filter((l) => /^\d+$/.test(l)).map(Number)

async function aBackup(dir: string): Promise<string> {
  const other = await openDatabase(join(dir, 'elsewhere', 'hearth.sqlite'))
  try {
    other.sqlite.prepare("insert into settings (key, value) values ('congregationName', '\"From the stick\"')").run()
    return (await makeBackup({ sqlite: other.sqlite, folder: dir, keep: 3, workDir: join(dir, 'elsewhere', 'work') })).path
  } finally {
    await other.close()
  }
}

describe('one owner of the file, across processes', () => {
  it('refuses a second Hearth and its restore, loses none of the first one’s saves, and frees the file when the first is killed', async () => {
    const dir = tempDir()
    const database = join(dir, 'hearth.sqlite')
    const backup = await aBackup(dir)
    const first = run('hold', database)
    await first.line((l) => l === '20')

    const second = run('restore', database, backup)
    const answer = await second.line((l) => l.startsWith('refused') || l === 'restored')
    expect(answer).toBe('refused errors.open.inUse')
    expect(second.lines.join('\n')).toMatch(/Another Hearth on this computer already has hearth\.sqlite open/)
    expect((await second.exited).code).toBe(0)

    // The first kept saving into the same live file through all of it.
    const atRefusal = acknowledged(first).length
    await first.line((l) => l === String(atRefusal + 20))
    first.child.kill('SIGKILL')
    expect((await first.exited).signal).toBe('SIGKILL')

    // The kill released the lock: Hearth starts again at once and finds every acknowledged save, and no restored row.
    const os = new TestOs(dir)
    const again = await startSession(database, os, 'test')
    try {
      const keys = new Set(again.database.sqlite.prepare("select key from settings where key like 'owner-%'").pluck().all() as string[])
      const saved = acknowledged(first)
      expect(saved.length).toBeGreaterThan(40)
      expect(saved.filter((n) => !keys.has(`owner-${n}-a`) || !keys.has(`owner-${n}-b`))).toEqual([])
      expect(again.database.sqlite.prepare("select value from settings where key = 'congregationName'").pluck().get()).toBeUndefined()
      expect(again.database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      await again.close()
    }
  }, 120_000)
})

describe('one owner of the file, in this process', () => {
  it('refuses a second lock while the first is held and grants it once released', () => {
    const database = join(tempDir(), 'hearth.sqlite')
    const lock = lockDatabaseFile(database)
    const err = (() => {
      try {
        lockDatabaseFile(database)
      } catch (e) {
        return e
      }
    })()
    expect(err).toBeInstanceOf(HearthError)
    expect((err as HearthError).said.id).toBe('errors.open.inUse')
    lock.assertHeld()
    lock.release()
    lockDatabaseFile(database).release()
  })

  it('refuses a restore once the lock file was replaced under the session, and changes nothing', async () => {
    const dir = tempDir()
    const database = join(dir, 'hearth.sqlite')
    const backup = await aBackup(dir)
    const os = new TestOs(dir)
    const session = await startSession(database, os, 'test')
    try {
      session.database.sqlite.prepare("insert into settings (key, value) values ('congregationName', '\"Ours\"')").run()
      // Someone deletes the lock file and a new one appears: another process could lock that one.
      writeFileSync(join(dir, 'imposter'), '')
      renameSync(join(dir, 'imposter'), lockPathFor(database))
      os.openAnswers.push(backup)
      const chosen = await session.registry.dispatch('backup.chooseRestoreFile', {})
      expect(chosen.ok).toBe(true)
      const token = (chosen as { value: { token: string } }).value.token
      const done = await session.registry.dispatch('backup.restore', { token })
      expect(done.ok).toBe(false)
      expect(!done.ok && done.error.messageId).toBe('errors.backup.notOwner')
      expect(session.database.sqlite.prepare("select value from settings where key = 'congregationName'").pluck().get()).toBe('"Ours"')
    } finally {
      await session.close()
    }
  })

  it('starts over a lock file that a crash or another program left damaged', async () => {
    const dir = tempDir()
    const database = join(dir, 'hearth.sqlite')
    writeFileSync(lockPathFor(database), 'not a database, but long enough to be read as one: '.repeat(20))
    const s = await startSession(database, new TestOs(dir), 'test')
    try {
      s.lock.assertHeld()
      expect(() => lockDatabaseFile(database)).toThrow(/Another Hearth on this computer already has hearth\.sqlite open/)
    } finally {
      await s.close()
    }
  })

  it('a session that fails to open its file lets go of the lock', async () => {
    const dir = tempDir()
    const database = join(dir, 'hearth.sqlite')
    writeFileSync(database, 'Name,Phone\nRuth,555-0101\n')
    await expect(startSession(database, new TestOs(dir), 'test')).rejects.toThrow(/not a Hearth database/)
    lockDatabaseFile(database).release()
  })
})
