import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/open'
import { tempDir } from '../helpers/temp'
import { startWriter } from './child'

const ROUNDS = 25

function tempDirIn(parent: string): string {
  const dir = mkdtempSync(join(parent, 'hearth-crash-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

describe('a writer killed with SIGKILL', () => {
  it(`never loses a committed row or damages the file (${ROUNDS} kills)`, async () => {
    // A SIGKILL ends the process, not the machine: the page cache survives, so fsync plays no part in what this
    // test proves. Memory-backed /dev/shm (where present) keeps 25 rounds quick on a busy machine.
    const path = join(existsSync('/dev/shm') ? tempDirIn('/dev/shm') : tempDir('hearth-crash-'), 'hearth.sqlite')
    // Created and closed once first, as Hearth's first start does, so the header is in the main file.
    await (await openDatabase(path)).close()
    const acknowledged = new Set<string>()
    // Writers load a few rounds ahead (starting Node takes far longer than a round), and each opens the database
    // only when its turn comes.
    const AHEAD = 4
    const queue = Array.from({ length: Math.min(AHEAD, ROUNDS) }, (_, i) => startWriter(path, `r${i}`))
    for (let round = 0; round < ROUNDS; round++) {
      const writer = queue.shift()!
      if (round + AHEAD < ROUNDS) queue.push(startWriter(path, `r${round + AHEAD}`))
      await writer.go()
      // Kill at a different moment each round: sometimes after one commit, sometimes after a few dozen.
      await writer.waitFor(1 + ((round * 37) % 40))
      await new Promise((r) => setTimeout(r, (round * 7) % 13))
      writer.child.kill('SIGKILL')
      await writer.exited
      for (const n of writer.committed) acknowledged.add(`r${round}-${n}`)

      const db = await openDatabase(path)
      try {
        expect(db.sqlite.pragma('integrity_check', { simple: true }), `round ${round}`).toBe('ok')
        const keys = new Set(db.sqlite.prepare("select key from settings where key like 'r%'").pluck().all() as string[])
        const lost = [...acknowledged].filter((id) => !keys.has(`${id}-a`) || !keys.has(`${id}-b`))
        expect(lost, `round ${round}: committed rows missing after the kill`).toEqual([])
        // Nothing half-written either: every pair is whole.
        const halves = [...keys].filter((k) => !keys.has(k.endsWith('-a') ? k.replace(/-a$/, '-b') : k.replace(/-b$/, '-a')))
        expect(halves, `round ${round}`).toEqual([])
      } finally {
        await db.close()
      }
    }
    expect(acknowledged.size).toBeGreaterThan(ROUNDS * 10)
  }, 120_000)
})
