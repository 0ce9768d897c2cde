import { join } from 'node:path'

/** Where db/native/ensure-bindings.mjs puts better-sqlite3 built for this Electron version. */
export function electronBindingPath(appRoot: string, electronVersion: string): string {
  return join(appRoot, 'node_modules', '.hearth-native', `electron-${electronVersion}`, 'better_sqlite3.node')
}
