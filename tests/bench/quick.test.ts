import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

// `npm run bench -- --quick` on small data: every bench must still run to the end and print its figures, so a
// channel renamed or removed under a bench fails the tests instead of breaking `npm run bench` unnoticed.
const ROOT = resolve(import.meta.dirname, '..', '..')
const BENCHES = ['db', 'members', 'members-search', 'members-csv', 'meal-trains', 'prayer-circles', 'print', 'backup', 'lock', 'app']

let run: { status: number | null; stdout: string; stderr: string }

beforeAll(() => {
  const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['bench/run.ts', '--quick'], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 })
  run = { status: r.status, stdout: r.stdout, stderr: r.stderr }
}, 300_000)

describe('the bench in quick mode', () => {
  it('exits 0', () => {
    expect(run.stderr.match(/bench \S+ failed[^\n]*/g) ?? []).toEqual([])
    expect(run.status).toBe(0)
  })

  it.each(BENCHES)('%s runs to the end and prints its figures, each a number', (name) => {
    const ran = new RegExp(`^bench ${name}: ran, (\\d+) figures$`, 'm').exec(run.stdout)
    expect(ran, run.stderr).not.toBeNull()
    expect(Number(ran![1])).toBeGreaterThan(0)
  })

  it('prints every figure as `bench: NAME VALUE UNIT`', () => {
    const figures = run.stdout.split('\n').filter((l) => l.startsWith('bench: '))
    expect(figures.length).toBeGreaterThan(40)
    for (const line of figures) expect(line).toMatch(/^bench: [a-z_.]+[a-z0-9_.]* -?\d+(\.\d+)? \S.*$/)
  })
})
