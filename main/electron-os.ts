import { BrowserWindow, app, clipboard, dialog, powerMonitor, shell } from 'electron'
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { printWorkDir, privateFolder } from '../db/open'
import { pathToFileURL } from 'node:url'
import type { OsEdge } from './os'
import { assertMailto } from './reach/mailto'

/** `databasePath` places the print work folder beside the database (db/open.ts printWorkDir), which start clears. */
export function electronOs(parent: () => BrowserWindow | null, databasePath: string): OsEdge {
  const owner = () => parent() ?? undefined
  return {
    locale: app.getLocale(),
    userDataDir: app.getPath('userData'),
    // Windows and macOS report a locked screen; sleeping counts too, and on macOS switching to another user's session
    // resigns the app; Windows locks the session before switching, so the first event covers it there.
    onScreenLock(listener) {
      powerMonitor.on('lock-screen', listener)
      powerMonitor.on('suspend', listener)
      powerMonitor.on('user-did-resign-active', listener)
    },
    async chooseFolder({ title, defaultPath }) {
      const options = { title, properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[], ...(defaultPath ? { defaultPath } : {}) }
      const win = owner()
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
      return r.canceled ? null : (r.filePaths[0] ?? null)
    },
    async chooseFileToOpen({ title, filters }) {
      const options = { title, filters, properties: ['openFile'] as 'openFile'[] }
      const win = owner()
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
      return r.canceled ? null : (r.filePaths[0] ?? null)
    },
    async chooseFileToSave({ title, defaultName, filters }) {
      const options = { title, defaultPath: defaultName, filters }
      const win = owner()
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
      return r.canceled ? null : (r.filePath ?? null)
    },
    // Chromium's PDF viewer prints with the system dialog; it runs in a hidden, sandboxed window that loads
    // only the one local file and is closed afterwards. The file waits in Hearth's own private folder, never the
    // system's temp folder, where every account could read a printed roster.
    async printPdf(pdf, jobName) {
      const dir = mkdtempSync(join(privateFolder(printWorkDir(databasePath)), 'job-'))
      const file = join(dir, `${jobName.replace(/[^\w -]+/g, '_')}.pdf`)
      writeFileSync(file, pdf, { mode: 0o600 })
      const win = new BrowserWindow({
        show: false,
        webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true },
      })
      try {
        await win.loadURL(pathToFileURL(file).href)
        return await new Promise<boolean>((resolve) => {
          win.webContents.print({ silent: false, printBackground: true }, (success) => resolve(success))
        })
      } finally {
        win.destroy()
        rmSync(dir, { recursive: true, force: true })
      }
    },
    async copyText(text) {
      clipboard.writeText(text)
    },
    async openMailto(url) {
      assertMailto(url)
      await shell.openExternal(url)
    },
  }
}
