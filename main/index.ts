import { BrowserWindow, app, dialog, ipcMain } from 'electron'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { electronBindingPath } from '../db/native/binding'
import { printWorkDir, privateFolder } from '../db/open'
import { HearthError } from './contract/errors'
import { backupOnQuit } from './backup/handlers'
import { electronOs } from './electron-os'
import { chosenLocale, say } from './i18n/say'
import { registerIpc } from './ipc'
import { hardenApp, rendererUrl } from './security'
import { usePrintWorkerBinding } from './print/engine/jobs'
import { warmUpPrintingAtStart } from './print/warm-up'
import { type Session, startSession } from './session'

// Tests and careful volunteers can point Hearth at another data folder; everyone else gets the OS default.
if (process.env.HEARTH_USER_DATA) app.setPath('userData', process.env.HEARTH_USER_DATA)

const DATABASE_FILE = 'hearth.sqlite'
const databasePath = join(app.getPath('userData'), DATABASE_FILE)
const rendererDir = join(__dirname, '../renderer')
const trusted = rendererUrl(rendererDir)
let mainWindow: BrowserWindow | null = null
let session: Session | null = null
let sessionReady: Promise<Session> = new Promise(() => undefined)

// Two Hearth processes writing one file on a shared PC is a data hazard: the second launch hands over to the first.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  hardenApp(trusted, [rendererDir, printWorkDir(databasePath)])
  registerIpc(ipcMain, () => sessionReady.then((s) => s.registry), trusted)
  sessionReady = app.whenReady().then(start)
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', (event) => {
    if (!session) return
    event.preventDefault()
    const closing = session
    session = null
    // The automatic backup (when turned on and the stick is there) runs after every pending save has finished, and
    // after the history's erasure, so the stick never receives a deleted note whose undo hour is over.
    closing.registry
      .idle()
      .then(() => closing.eraseDue())
      .then(() => (closing.context.exampleOpen ? null : backupOnQuit(closing.context)))
      .catch((err: unknown) => console.error('Automatic backup on quit failed:', err))
      .finally(() => closing.close().finally(() => app.quit()))
  })
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 520,
    show: false,
    backgroundColor: '#fdfbf7',
    title: 'Hearth',
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      // Off: Chromium's spellchecker keeps the words it learns (members' names) in a plain-text dictionary file.
      spellcheck: false,
    },
  })
  win.once('ready-to-show', () => win.show())
  win.on('closed', () => {
    mainWindow = null
  })
  return win
}

async function start(): Promise<Session> {
  // The window appears at once; the database opens while the page loads, and calls wait for it.
  mainWindow = createWindow()
  void mainWindow.loadURL(trusted)
  const nativeBinding = electronBindingPath(app.getAppPath(), process.versions.electron)
  try {
    // The data folder is Hearth's alone: Electron creates it readable by every account on the computer.
    privateFolder(dirname(databasePath))
    session = await startSession(databasePath, electronOs(() => mainWindow, databasePath), app.getVersion(), {
      ...(existsSync(nativeBinding) ? { nativeBinding } : {}),
    })
    usePrintWorkerBinding(existsSync(nativeBinding) ? nativeBinding : null)
    // Printing readied while the volunteer finds their way to Print, so the first printout comes as fast as the rest.
    const started = session
    setTimeout(() => void warmUpPrintingAtStart(started.context).catch(() => undefined), 2000)
    return session
  } catch (err) {
    // The file could not be read, so neither could the language chosen in Settings: the computer's own is used.
    const locale = chosenLocale(undefined, app.getLocale())
    const message =
      err instanceof HearthError
        ? say(locale, err.said.id, err.said.values)
        : say(locale, 'errors.open.failed', { detail: err instanceof Error ? err.message : String(err) })
    dialog.showErrorBox(say(locale, 'errors.open.title'), message)
    app.exit(1)
    throw err
  }
}
