import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '..', '..')

// The Electron plumbing at the root of main/: everything else lives in a feature's room (main/<feature>/).
const PLUMBING = ['chosen-files.ts', 'context.ts', 'electron-os.ts', 'errors.ts', 'handlers.ts', 'index.ts', 'ipc.ts', 'os.ts', 'registry.ts', 'security.ts', 'session.ts']

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

/** Every set of files that import each other round in a circle (Tarjan's strongly connected components). */
function importCircles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const circles: string[][] = []
  const visit = (file: string) => {
    index.set(file, index.size)
    low.set(file, index.get(file)!)
    stack.push(file)
    onStack.add(file)
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next)
        low.set(file, Math.min(low.get(file)!, low.get(next)!))
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!))
    }
    if (low.get(file) !== index.get(file)) return
    const circle: string[] = []
    let member: string
    do {
      member = stack.pop()!
      onStack.delete(member)
      circle.push(member)
    } while (member !== file)
    if (circle.length > 1) circles.push(circle.sort())
  }
  for (const file of graph.keys()) if (!index.has(file)) visit(file)
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

  it('main/ has no import circle (a circle means two files each need the other: one of them holds the wrong thing)', () => {
    const files = new Set(sources('main').filter((f) => /\.tsx?$/.test(f)))
    const graph = new Map<string, string[]>()
    for (const file of files) {
      const targets = imports(file).map((spec) => resolvedFrom(file, spec)).flatMap((t) => [`${t}.ts`, `${t}.tsx`, `${t}/index.ts`].filter((c) => files.has(c)).slice(0, 1))
      graph.set(file, targets)
    }
    expect(importCircles(graph)).toEqual([])
  })

  it('the print engine never imports a document, and no document imports the print handlers', () => {
    const offending: string[] = []
    for (const [folder, forbidden] of [['main/print/engine', /^main\/print\/(documents|handlers|reads|worker$|warm-up)/], ['main/print/documents', /^main\/print\/(handlers|reads|worker$|warm-up)/]] as const) {
      for (const file of sources(folder)) {
        for (const spec of imports(file)) if (forbidden.test(resolvedFrom(file, spec))) offending.push(`${file} → ${spec}`)
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
    const security = readFileSync(join(ROOT, 'main', 'security.ts'), 'utf8')
    expect(security).toMatch(/will-navigate/)
    expect(security).toMatch(/setWindowOpenHandler\(\(\) => \(\{ action: 'deny' \}\)\)/)
    expect(security).toMatch(/setPermissionRequestHandler/)
  })
})
