import { isAbsolute, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

// Which addresses Hearth's windows may load, as pure rules (main/security.ts applies them), so they are tested
// without Electron.

export function isTrustedPage(url: string, trusted: string): boolean {
  try {
    const a = new URL(url)
    const b = new URL(trusted)
    return a.protocol === 'file:' ? a.protocol === b.protocol && a.pathname === b.pathname : a.origin === b.origin
  } catch {
    return false
  }
}

function inside(folder: string, path: string): boolean {
  const rel = relative(resolve(folder), resolve(path))
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
}

export interface LoadRules {
  /** The renderer's page (the built index.html, or the dev server's address). */
  trusted: string
  /** The only folders a `file:` address may point into: the renderer's own, and Hearth's print work folder. */
  fileFolders: readonly string[]
  /** True under `electron-vite dev`, where the page and its scripts come from the dev server. */
  devServer: boolean
}

/**
 * No remote content and no other local file: a `file:` address outside Hearth's own folders (a member's exported
 * CSV, the database, another program's files) is refused, as is every network address but the dev server.
 */
export function mayLoad(url: string, rules: LoadRules): boolean {
  if (/^(devtools|data|blob):/.test(url)) return true
  if (url.startsWith('file:')) {
    try {
      const path = fileURLToPath(url)
      return rules.fileFolders.some((folder) => inside(folder, path))
    } catch {
      return false
    }
  }
  return rules.devServer && isTrustedPage(url, rules.trusted)
}
