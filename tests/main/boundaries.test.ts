import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

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

  it("a feature room never imports another room's handlers (a channel's handler is reached only through main/handlers.ts)", () => {
    const rooms = readdirSync(join(ROOT, 'main')).filter((n) => statSync(join(ROOT, 'main', n)).isDirectory() && n !== 'contract')
    const offending: string[] = []
    for (const room of rooms) {
      for (const file of sources(`main/${room}`)) {
        for (const spec of imports(file)) {
          const target = resolvedFrom(file, spec)
          if (rooms.some((r) => r !== room && target === `main/${r}/handlers`)) offending.push(`${file} → ${spec}`)
        }
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
