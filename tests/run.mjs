#!/usr/bin/env node
// `npm test`: type-check, build the app, run every suite (db, handlers, renderer in Chromium, Electron where a
// binary exists), then print one plain line `N passed, N failed` (and skipped, when any).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const bin = (name) => join(root, 'node_modules', '.bin', name)
let passed = 0
let failed = 0
let skipped = 0

function step(label, cmd, args) {
  console.log(`\n== ${label}`)
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } })
  if (r.status === 0) passed++
  else {
    failed++
    console.log(`FAILED: ${label}`)
  }
  return r.status === 0
}

step('type-check (node side)', bin('tsc'), ['-p', 'tsconfig.node.json', '--noEmit'])
step('type-check (renderer side)', bin('tsc'), ['-p', 'tsconfig.web.json', '--noEmit'])
step('type-check (tests and bench)', bin('tsc'), ['-p', 'tsconfig.tests.json', '--noEmit'])
const built = step('build (electron-vite)', bin('electron-vite'), ['build'])

const out = mkdtempSync(join(tmpdir(), 'hearth-vitest-'))
const report = join(out, 'report.json')
const filter = process.argv.slice(2)
console.log('\n== test suites (vitest)')
if (!built) console.log('The build failed, so the renderer and Electron suites will fail too.')
spawnSync(
  bin('vitest'),
  ['run', '--config', 'tests/vitest.config.mts', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...filter],
  { cwd: root, stdio: 'inherit', env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } },
)
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'))
  passed += r.numPassedTests
  failed += r.numFailedTests
  skipped += r.numPendingTests + r.numTodoTests
  // A file that fails to load counts no tests; count it as a failure so it cannot hide.
  failed += r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length
  // An error outside any test (a hook or the reporter itself failing) leaves that file's tests with no verdict at all:
  // count each of them as failed, so a run with errors can never end '0 failed'.
  failed += r.numTotalTests - r.numPassedTests - r.numFailedTests - r.numPendingTests - r.numTodoTests
} else {
  console.log('FAILED: vitest wrote no report')
  failed++
}
rmSync(out, { recursive: true, force: true })

console.log('')
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failed === 0 ? 0 : 1)
