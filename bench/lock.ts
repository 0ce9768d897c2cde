import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Result } from '../main/contract'
import { type Session, startSession } from '../main/session'
import { TestOs } from '../tests/bridge/test-os'
import { congregationCsv, hearthImport } from './members-csv'
import { generateMembersFast } from './members-data'
import { realisticQueries, type SearchQuery } from './members-search'
import { median, percentile, report, timeMs } from './report'
import { sized } from './scale'

const PASSPHRASE = 'bench passphrase for the office'
const [PEOPLE, IMPORTED, ROUNDS] = [sized(10_000, 200), sized(10_000, 100), sized(5, 1)]

function ok<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(r.error.message)
  return r.value as T
}

async function congregation(dir: string, name: string, encrypted: boolean): Promise<{ session: Session; os: TestOs }> {
  const os = new TestOs(dir)
  const session = await startSession(join(dir, `${name}.sqlite`), os, 'bench')
  if (encrypted) ok(await session.registry.dispatch('lock.setPassphrase', { passphrase: PASSPHRASE, confirmation: PASSPHRASE }))
  return { session, os }
}

/**
 * What the passphrase costs: members.search and the CSV import on an encrypted file against the same on a plain one
 * (interleaved, so the machine's load falls on both alike), and unlocking (scrypt, then opening the file).
 */
export async function benchLock(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-lock-'))
  try {
    const plain = await congregation(dir, 'plain', false)
    const encrypted = await congregation(dir, 'encrypted', true)
    try {
      for (const { session } of [plain, encrypted]) {
        generateMembersFast(session.context.sqlite, PEOPLE, Math.round(PEOPLE * 0.4))
        session.context.sqlite.exec('analyze')
      }
      const search = (s: Session) => async (q: SearchQuery) => ok(await s.registry.dispatch('members.search', q))
      const [onPlain, onEncrypted]: [number[], number[]] = [[], []]
      for (let round = 0; round < ROUNDS; round++) {
        for (const q of realisticQueries()) {
          // Each goes first every other round, so neither always meets a cache the other warmed.
          const pair = round % 2 === 0 ? [plain, encrypted] : [encrypted, plain]
          for (const c of pair) (c === plain ? onPlain : onEncrypted).push(await timeMs(() => search(c.session)(q)))
        }
      }
      report('members.search_encrypted_p95_ms', percentile(onEncrypted, 95), 'ms')
      report('members.search_encrypted_vs_plain_ratio', percentile(onEncrypted, 95) / percentile(onPlain, 95), 'x')
    } finally {
      await plain.session.close()
      await encrypted.session.close()
    }

    const csv = join(dir, 'congregation.csv')
    writeFileSync(csv, congregationCsv(IMPORTED, Math.round(IMPORTED * 0.4)))
    const ratios: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      const a = await congregation(dir, `import-plain-${round}`, false)
      const b = await congregation(dir, `import-encrypted-${round}`, true)
      try {
        const times = new Map<typeof a, number>()
        for (const c of round % 2 === 0 ? [a, b] : [b, a]) times.set(c, await timeMs(() => hearthImport(c.session, c.os, csv)))
        ratios.push(times.get(b)! / times.get(a)!)
      } finally {
        await a.session.close()
        await b.session.close()
      }
    }
    report('members.import_encrypted_vs_plain_ratio', median(ratios), 'x')

    const [unlocks, unlocksCpu]: [number[], number[]] = [[], []]
    for (let round = 0; round < sized(3, 1); round++) {
      const session = await startSession(join(dir, 'encrypted.sqlite'), new TestOs(dir), 'bench')
      try {
        const cpu = process.cpuUsage()
        unlocks.push(await timeMs(async () => ok(await session.registry.dispatch('lock.unlock', { secret: PASSPHRASE, with: 'passphrase' }))))
        const used = process.cpuUsage(cpu)
        unlocksCpu.push((used.user + used.system) / 1000)
      } finally {
        await session.close()
      }
    }
    report('db.unlock_ms', median(unlocks), 'ms')
    // Processor time alone (scrypt runs on a worker thread, counted too): on a busy machine the wall clock also
    // counts the time spent waiting for a core.
    report('db.unlock_cpu_ms', median(unlocksCpu), 'ms')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
