#!/usr/bin/env node
// better-sqlite3 is a native addon: one compiled file works for one ABI only. Plain Node (tests, bench) uses the
// copy npm built inside node_modules/better-sqlite3; Electron (the app) uses a second copy built for Electron's
// ABI and kept beside it, loaded through better-sqlite3's `nativeBinding` option (see db/native/binding.ts).
// Building side by side means nobody ever has to "rebuild" by hand when switching between app and tests.
//
//   --postinstall  try to provide the Electron copy; never fail `npm install` (offline machines cannot fetch
//                  Electron's headers or a prebuilt copy, and tests do not need it)
//   --electron     the Electron copy must exist (before `npm start`); exit 1 with a plain message if it cannot
//   --check        only report what exists
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, readFileSync, copyFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const require = createRequire(join(root, 'package.json'))
const mode = process.argv[2] ?? '--check'

function say(line) {
  console.log(`hearth native: ${line}`)
}

function electronVersion() {
  try {
    return JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
  } catch {
    return null
  }
}

export function electronBindingPath(version) {
  return join(root, 'node_modules', '.hearth-native', `electron-${version}`, 'better_sqlite3.node')
}

function nodeBindingWorks() {
  const r = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    cwd: root,
    encoding: 'utf8',
  })
  return r.status === 0
}

// npm passes its own build settings down (on some machines `nodedir`, pointing at Node's headers); they must not
// leak into a build for Electron, or the result is a Node build under an Electron name.
function electronBuildEnv() {
  return Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|build_from_source)$/i.test(k)),
  )
}

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 10 * 60 * 1000, env: electronBuildEnv() })
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() }
}

// Builds in a scratch copy of the package, so the Node copy in node_modules is never overwritten.
function buildElectronBinding(version) {
  const pkgDir = dirname(require.resolve('better-sqlite3/package.json'))
  const work = mkdtempSync(join(tmpdir(), 'hearth-electron-sqlite-'))
  try {
    cpSync(pkgDir, work, { recursive: true, filter: (src) => !src.startsWith(join(pkgDir, 'build')) })
    const built = join(work, 'build', 'Release', 'better_sqlite3.node')
    const prebuild = join(root, 'node_modules', 'prebuild-install', 'bin.js')
    const attempts = []
    if (existsSync(prebuild)) {
      const r = run(process.execPath, [prebuild, '--runtime', 'electron', '--target', version], work)
      attempts.push(`prebuilt download: ${r.ok ? 'ok' : lastLine(r.out)}`)
    }
    if (!existsSync(built)) {
      const gyp = nodeGypPath()
      if (gyp) {
        const r = run(
          process.execPath,
          [gyp, 'rebuild', '--release', `--target=${version}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
          work,
        )
        attempts.push(`compile against Electron headers: ${r.ok ? 'ok' : lastLine(r.out)}`)
      } else {
        attempts.push('compile: node-gyp not found')
      }
    }
    if (!existsSync(built)) return { ok: false, attempts }
    const abi = checkElectronAbi(built)
    if (abi !== 'ok') return { ok: false, attempts: [...attempts, abi] }
    const target = electronBindingPath(version)
    mkdirSync(dirname(target), { recursive: true })
    copyFileSync(built, target)
    return { ok: true, attempts }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

// Node refuses an addon built for another ABI and names the ABI it was built for, which proves what we made.
function checkElectronAbi(file) {
  const expected = readFileSync(require.resolve('electron/abi_version'), 'utf8').trim()
  const r = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(file)})`], { encoding: 'utf8' })
  if (r.status === 0) return 'check: the result was built for Node, not Electron; discarded'
  if (!(r.stderr ?? '').includes(`NODE_MODULE_VERSION ${expected}`)) return `check: the result is not for Electron's ABI ${expected}; discarded`
  return 'ok'
}

function nodeGypPath() {
  const candidates = [
    process.env.npm_config_node_gyp,
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ]
  return candidates.find((p) => p && existsSync(p)) ?? null
}

function lastLine(text) {
  const lines = text.split('\n').filter((l) => l.trim())
  return lines.slice(-1)[0] ?? 'failed'
}

const version = electronVersion()
const nodeOk = nodeBindingWorks()
const electronPath = version ? electronBindingPath(version) : null
const electronOk = electronPath !== null && existsSync(electronPath)

if (mode === '--check') {
  say(`Node build ${nodeOk ? 'works' : 'is missing or broken'}`)
  say(`Electron ${version ?? '(not installed)'} build ${electronOk ? `at ${electronPath}` : 'is missing'}`)
  process.exit(nodeOk ? 0 : 1)
}

if (!nodeOk) say('the Node build of better-sqlite3 does not load; run `npm rebuild better-sqlite3`.')
if (!version) {
  say('electron is not installed; skipping the Electron build.')
  process.exit(0)
}
if (electronOk) process.exit(0)

say(`building better-sqlite3 for Electron ${version} (kept beside the Node build)…`)
const result = buildElectronBinding(version)
for (const a of result.attempts) say(`  ${a}`)
if (result.ok) {
  say(`ready: ${electronBindingPath(version)}`)
  process.exit(0)
}
if (mode === '--postinstall') {
  say('could not build the Electron copy now (no network?). Tests do not need it; `npm start` will try again.')
  process.exit(0)
}
say('Hearth cannot start: the database library could not be prepared for Electron.')
say('Connect to the internet once and run `npm start` again (it downloads a ready-made copy).')
process.exit(1)
