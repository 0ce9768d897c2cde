import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { electronBindingPath } from '../../db/native/binding'

const ROOT = resolve(__dirname, '..', '..')

/**
 * The Electron binary and the Electron build of better-sqlite3, if this machine has them. Reading the files
 * directly matters: `require('electron')` would try to download the binary, which fails offline.
 */
export function electronAvailability(): { executable: string } | { missing: string } {
  const pkg = join(ROOT, 'node_modules', 'electron')
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) return { missing: 'no Electron binary is installed (node_modules/electron/path.txt is absent; it is downloaded on first `npm start`)' }
  const executable = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, readFileSync(pathFile, 'utf8'))
    : join(pkg, 'dist', readFileSync(pathFile, 'utf8'))
  if (!existsSync(executable)) return { missing: `the Electron binary ${executable} does not exist` }
  const version = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).version as string
  if (!existsSync(electronBindingPath(ROOT, version))) return { missing: `better-sqlite3 has no Electron ${version} build yet (run \`npm start\` once online)` }
  return { executable }
}
