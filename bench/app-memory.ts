// Run by bench/app.ts in a process of its own, so nothing else of the bench counts: the main side's resident memory
// with a 200,000-person congregation open, after the calls a volunteer's first minutes make (the home, the members
// list paged and searched, the households). It prints its figure on stdout, where bench/app.ts reads and reports it.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSession } from '../main/session'
import { TestOs } from '../tests/bridge/test-os'
import { generateMembersFast } from './members-data'

async function main(): Promise<void> {
  const [databasePath, people] = process.argv.slice(2) as [string, string]
  const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-app-memory-'))
  const seeded = await startSession(databasePath, new TestOs(dir, 'en-GB'), 'bench')
  generateMembersFast(seeded.context.sqlite, Number(people), Math.round(Number(people) * 0.4))
  await seeded.close()
  const session = await startSession(databasePath, new TestOs(dir, 'en-GB'), 'bench')
  try {
    const calls: [string, unknown][] = [
      ['home.view', {}],
      ...[0, 100, 5_000, 50_000].map((offset) => ['members.search', { filter: { query: '' }, sort: 'name', offset, limit: 100 }] as [string, unknown]),
      ...['smith', 'jose alv', 'okafor', '07700'].map((query) => ['members.search', { filter: { query }, sort: 'name', limit: 100 }] as [string, unknown]),
      ['households.search', { filter: { query: '' } }],
    ]
    for (const [channel, input] of calls) {
      const r = await session.registry.dispatch(channel, input)
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`)
    }
    console.log(`bench: app.main_rss_mb_200k ${(process.memoryUsage().rss / (1024 * 1024)).toFixed(0)} MB`)
  } finally {
    await session.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

void main()
