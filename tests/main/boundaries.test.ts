import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { channelNames } from '../../main/contract'

const ROOT = resolve(__dirname, '..', '..')

// The Electron plumbing at the root of main/: everything else lives in a feature's room (main/<feature>/).
const PLUMBING = ['context.ts', 'electron-os.ts', 'errors.ts', 'handlers.ts', 'index.ts', 'ipc.ts', 'os.ts', 'registry.ts', 'security.ts', 'session.ts', 'trusted-urls.ts']

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path)
    return /\.(ts|tsx|mts)$/.test(name) ? [path] : []
  })
}

function imports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8')
  return [...text.matchAll(/(?:^|\n)\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/g)].map(
    (m) => `${m[2] ? 'type ' : ''}${m[3]}`,
  )
}

function resolvedFrom(file: string, spec: string): string {
  const bare = spec.replace(/^type /, '')
  return bare.startsWith('.') ? relative(ROOT, resolve(ROOT, file, '..', bare)) : bare
}

/** The file an import names, 'main/reach/read.ts', or null for a package or a file outside Hearth. */
function fileOf(file: string, spec: string): string | null {
  const bare = spec.replace(/^type /, '')
  if (!bare.startsWith('.')) return null
  const base = relative(ROOT, resolve(ROOT, dirname(file), bare))
  return [`${base}.ts`, `${base}/index.ts`, base].find((c) => existsSync(join(ROOT, c)) && statSync(join(ROOT, c)).isFile()) ?? null
}

// The rooms of main/: one folder per feature, plus the lower rooms every feature may use.
const ROOMS = readdirSync(join(ROOT, 'main')).filter((n) => statSync(join(ROOT, 'main', n)).isDirectory() && n !== 'contract')
/** Shared rules and readers (main/common) and the words of main (main/i18n): below every feature, above nothing. */
const LOWER_ROOMS = ['common', 'i18n']

/** Where each area of the contract has its handlers: main/<room>/handlers.ts. */
const ROOM_OF_AREA: Record<string, string> = {
  app: 'settings',
  settings: 'settings',
  members: 'members',
  households: 'members',
  membersCsv: 'members-csv',
  mealTrains: 'meal-trains',
  prayerCircles: 'prayer-circles',
  standingHours: 'standing-hours',
  print: 'print',
  reach: 'reach',
  backup: 'backup',
  home: 'home',
  history: 'history',
  care: 'care',
  lock: 'lock',
  communalMeals: 'communal-meals',
}

/**
 * A room's modules that may do IO: its handlers, its readers (read.ts, read-*.ts) and its writers of more than one
 * call's worth (write-*.ts: the example congregation, the change history). Every other file is a pure rule.
 */
function doesIo(file: string): boolean {
  return /^(handlers|read|read-[a-z-]+|write-[a-z-]+)\.ts$/.test(file.split('/').pop()!)
}

/**
 * The print room holds the PDF engine, which reads font files and runs the print worker: its own test below says
 * what its engine and documents may import, so the rule-file check leaves it to that.
 */
const OWN_RULES = ['print']

/** What a pure rule may not import: the database's code, files, Electron, the handlers' Context. */
function forbiddenInRule(file: string, spec: string): boolean {
  const typeOnly = spec.startsWith('type ')
  const bare = spec.replace(/^type /, '')
  if (/^(node:)?fs(\/promises)?$|^electron$|^better-sqlite3$|^kysely$/.test(bare)) return true
  const target = fileOf(file, spec)
  if (target === 'main/context.ts') return true
  // A row's type is no IO; db/ code is, unless it is a module that imports nothing (db/search-text.ts folds text).
  if (target?.startsWith('db/') && !typeOnly) return imports(target).length > 0
  return false
}

/** The PDF engine (main/print/engine/) makes any room's PDF (a recovery sheet, a printout): it sits below the features. */
const ENGINE = 'main/print/engine/'

/** Whether an import of a room's file reaches into another feature room (lower rooms and the contract are open to all). */
function reachesAnotherRoom(file: string, spec: string): boolean {
  const room = file.split('/')[1]
  const target = fileOf(file, spec)
  const other = target?.match(/^main\/([^/]+)\//)?.[1]
  if (!other || other === room || other === 'contract' || !ROOMS.includes(other)) return false
  return !LOWER_ROOMS.includes(other) && !target!.startsWith(ENGINE)
}

function importsWithin(files: readonly string[]): Map<string, string[]> {
  return new Map(files.map((f) => [f, imports(f).map((s) => fileOf(f, s)).filter((t): t is string => t !== null && files.includes(t))]))
}

/** Every circle of imports, each as 'a → b → a', found by one depth-first walk. */
function circlesIn(edges: ReadonlyMap<string, readonly string[]>): string[] {
  const state = new Map<string, 'open' | 'done'>()
  const path: string[] = []
  const circles: string[] = []
  const visit = (f: string) => {
    state.set(f, 'open')
    path.push(f)
    for (const t of edges.get(f) ?? []) {
      if (state.get(t) === 'open') circles.push([...path.slice(path.indexOf(t)), t].join(' → '))
      else if (!state.has(t)) visit(t)
    }
    path.pop()
    state.set(f, 'done')
  }
  for (const f of edges.keys()) if (!state.has(f)) visit(f)
  return circles
}

// The process boundaries of an Electron app, checked on the source: the page must never reach Node, Electron,
// SQL or main's handlers, and the contract must stay importable by all three processes.
describe('process boundaries', () => {
  it('the renderer imports only the contract from the other processes, never Node, Electron or the database layer', () => {
    const offending: string[] = []
    for (const file of sources('renderer')) {
      for (const spec of imports(file)) {
        const target = resolvedFrom(file, spec)
        const allowed =
          (!target.startsWith('main') && !target.startsWith('db') && !target.startsWith('preload') && !/^(node:|electron$|better-sqlite3|kysely|pdfmake)/.test(target)) ||
          target.startsWith('main/contract')
        if (!allowed) offending.push(`${file} → ${spec}`)
      }
    }
    expect(offending).toEqual([])
  })

  it('the contract imports nothing of ours outside itself (no main, no db), and nothing of Node or Electron', () => {
    const offending: string[] = []
    for (const file of sources('main/contract')) {
      for (const spec of imports(file)) {
        const target = resolvedFrom(file, spec)
        // intl-messageformat words the one error class's English (contract/errors.ts): plain JavaScript, as in the page.
        const allowed = target === 'zod' || target === 'intl-messageformat' || target.startsWith('main/contract')
        if (!allowed) offending.push(`${file} → ${spec}`)
      }
    }
    expect(offending).toEqual([])
  })

  it('db/ imports nothing of main/ but the contract (imports point down: handlers compute, db stores)', () => {
    const offending: string[] = []
    for (const file of sources('db')) {
      for (const spec of imports(file)) {
        const target = resolvedFrom(file, spec)
        const upward = (target.startsWith('main') && !target.startsWith('main/contract')) || target.startsWith('renderer') || target.startsWith('preload')
        if (upward) offending.push(`${file} → ${spec}`)
      }
    }
    expect(offending).toEqual([])
  })

  it('handlers never build SQL: every query of main/ lives in db/', () => {
    const offending = sources('main')
      .filter((file) => !file.startsWith('main/contract'))
      .flatMap((file) => {
        const text = readFileSync(join(ROOT, file), 'utf8')
        return [...text.matchAll(/\.(selectFrom|updateTable|deleteFrom|insertInto|prepare)\(|\bsql`/g)].map((m) => `${file}: ${m[0]}`)
      })
    expect(offending).toEqual([])
  })

  it('only the Electron plumbing sits at the root of main/; every feature has its own room', () => {
    const atRoot = readdirSync(join(ROOT, 'main')).filter((n) => /\.ts$/.test(n))
    expect(atRoot.sort()).toEqual(PLUMBING)
  })

  it('db/ never imports Electron, so queries run the same in the app, the tests and the benchmarks', () => {
    const offending = sources('db').flatMap((file) => imports(file).filter((s) => /^(type )?electron$/.test(s)).map((s) => `${file} → ${s}`))
    expect(offending).toEqual([])
  })

  it('the built preload requires nothing but electron (a sandboxed preload cannot load packages)', () => {
    const built = readFileSync(join(ROOT, 'out', 'preload', 'index.js'), 'utf8')
    const required = [...built.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])
    expect([...new Set(required)]).toEqual(['electron'])
  })

  it('the built page keeps its strict Content-Security-Policy', () => {
    const html = readFileSync(join(ROOT, 'out', 'renderer', 'index.html'), 'utf8')
    const csp = /Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? ''
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("script-src 'self';")
    expect(csp).not.toContain('unsafe-eval')
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
  })

  it('the window is created with the Electron security settings', () => {
    const main = readFileSync(join(ROOT, 'main', 'index.ts'), 'utf8')
    expect(main).toMatch(/contextIsolation: true/)
    expect(main).toMatch(/sandbox: true/)
    expect(main).toMatch(/nodeIntegration: false/)
    // Chromium's spellchecker keeps the words it learns (members' names) in a plain-text dictionary.
    expect(main).toMatch(/spellcheck: false/)
    expect(main).not.toMatch(/spellcheck: true/)
    expect(main).toMatch(/privateFolder\(dirname\(databasePath\)\)/)
    expect(main).toMatch(/hardenApp\(trusted, \[rendererDir, printWorkDir\(databasePath\)\]\)/)
    const os = readFileSync(join(ROOT, 'main', 'electron-os.ts'), 'utf8')
    expect(os).not.toMatch(/tmpdir/)
    expect(os).toMatch(/printWorkDir\(databasePath\)/)
    expect(os).toMatch(/sandbox: true, contextIsolation: true, nodeIntegration: false/)
    const security = readFileSync(join(ROOT, 'main', 'security.ts'), 'utf8')
    expect(security).toMatch(/will-navigate/)
    expect(security).toMatch(/setWindowOpenHandler\(\(\) => \(\{ action: 'deny' \}\)\)/)
    expect(security).toMatch(/setPermissionRequestHandler/)
    expect(security).toMatch(/onBeforeRequest\(\(details, callback\) => callback\(\{ cancel: !mayLoad\(details\.url, rules\) \}\)\)/)
    expect(security).not.toMatch(/startsWith\('file:'\)/)
  })
})

// Signal's pattern: one migration, one test, one number. A migration's test is tests/<room>/migration-NNNN.test.ts.
describe('migrations and their tests', () => {
  const numbers = readdirSync(join(ROOT, 'db', 'migrations'))
    .map((name) => /^(\d{4})_[a-z0-9_]+\.ts$/.exec(name)?.[1])
    .filter((n): n is string => n !== undefined)
  const tests = sources('tests').filter((f) => /migration/.test(f.split('/').at(-1)!))

  it('every migration file has a test named after its number', () => {
    const tested = new Set(tests.map((f) => /migration-(\d{4})\.test\.ts$/.exec(f)?.[1]))
    expect(numbers.filter((n) => !tested.has(n))).toEqual([])
  })

  it('every migration test is named after the number of a migration that exists (one naming scheme)', () => {
    expect(tests.filter((f) => !/migration-(\d{4})\.test\.ts$/.test(f) || !numbers.includes(/migration-(\d{4})/.exec(f)![1]!))).toEqual([])
  })
})

// Every feature room the same shape: a channel leads to one handlers.ts, rules do no IO, rooms share only through
// the rooms below them, and imports never go round in a circle.
describe('feature rooms', () => {
  it("every channel's handler is in the handlers.ts of its area's room", async () => {
    const areas = [...new Set(channelNames.map((c) => c.split('.')[0]!))]
    expect(areas.filter((a) => !(a in ROOM_OF_AREA))).toEqual([])
    const misplaced: string[] = []
    for (const room of new Set(Object.values(ROOM_OF_AREA))) {
      const module = (await import(join(ROOT, 'main', room, 'handlers.ts'))) as Record<string, unknown>
      const answered = Object.values(module).flatMap((v) => (v && typeof v === 'object' ? Object.keys(v) : []))
      for (const channel of answered) if (channelNames.includes(channel as never) && ROOM_OF_AREA[channel.split('.')[0]!] !== room) misplaced.push(`${channel} in main/${room}/handlers.ts`)
      for (const channel of channelNames) if (ROOM_OF_AREA[channel.split('.')[0]!] === room && !answered.includes(channel)) misplaced.push(`${channel} missing from main/${room}/handlers.ts`)
    }
    expect(misplaced).toEqual([])
  })

  it('rule files (all but handlers.ts, readers and writers) import nothing from db/, files, Electron or the Context', () => {
    const offending = ROOMS.filter((room) => !OWN_RULES.includes(room))
      .flatMap((room) => sources(`main/${room}`))
      .filter((file) => !doesIo(file))
      .flatMap((file) => imports(file).filter((spec) => forbiddenInRule(file, spec)).map((spec) => `${file} → ${spec}`))
    expect(offending).toEqual([])
  })

  it('the checks of rule files and rooms catch what they should', () => {
    const rule = 'main/reach/calendar.ts'
    expect(forbiddenInRule(rule, '../../db/reach')).toBe(true)
    expect(forbiddenInRule(rule, 'type ../../db/reach')).toBe(false)
    expect(forbiddenInRule(rule, '../../db/search-text')).toBe(false)
    expect(forbiddenInRule(rule, 'type ../context')).toBe(true)
    expect(forbiddenInRule(rule, 'node:fs/promises')).toBe(true)
    expect(forbiddenInRule(rule, 'electron')).toBe(true)
    expect(doesIo('main/reach/read.ts') && doesIo('main/common/read-settings.ts') && doesIo('main/home/write-example.ts')).toBe(true)
    expect(doesIo('main/common/call-list.ts') || doesIo('main/reach/reader-notes.ts')).toBe(false)
    expect(reachesAnotherRoom('main/care/match.ts', '../prayer-circles/handlers')).toBe(true)
    expect(reachesAnotherRoom('main/common/call-list.ts', '../reach/messages')).toBe(true)
    expect(reachesAnotherRoom('main/care/match.ts', '../common/conflicts')).toBe(false)
    expect(reachesAnotherRoom('main/care/match.ts', '../contract/care')).toBe(false)
    expect(reachesAnotherRoom('main/care/match.ts', '../context')).toBe(false)
  })

  it("no room imports another room's files: rooms share through the lower rooms (main/common, main/i18n) and the contract", () => {
    const offending = ROOMS.flatMap((room) => sources(`main/${room}`)).flatMap((file) => imports(file).filter((spec) => reachesAnotherRoom(file, spec)).map((spec) => `${file} → ${spec}`))
    expect(offending).toEqual([])
  })

  it('no import circle in main/ (type imports count: a circle is one idea split in two)', () => {
    expect(circlesIn(importsWithin(sources('main')))).toEqual([])
    // The walk itself: a circle through three files is found, a diamond is not one.
    expect(circlesIn(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]))).toEqual(['a → b → c → a'])
    expect(circlesIn(new Map([['a', ['b', 'c']], ['b', ['d']], ['c', ['d']], ['d', []]]))).toEqual([])
  })
})
