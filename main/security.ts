import { app, session, type WebContents } from 'electron'
import { pathToFileURL } from 'node:url'
import { mayLoad } from './trusted-urls'

/** The one page allowed to call Hearth's API: the built renderer, or the dev server under `electron-vite dev`. */
export function rendererUrl(rendererDir: string): string {
  return process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(`${rendererDir}/index.html`).href
}

// Electron's security checklist, applied to every web contents Hearth ever creates.
export function hardenApp(trusted: string, fileFolders: readonly string[]): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event) => event.preventDefault())
    contents.on('will-redirect', (event) => event.preventDefault())
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })
  app.whenReady().then(() => {
    const ses = session.defaultSession
    ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
    ses.setPermissionCheckHandler(() => false)
    // No remote content: only Hearth's own files (and the dev server while developing) may load.
    const rules = { trusted, fileFolders, devServer: process.env.ELECTRON_RENDERER_URL !== undefined }
    ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !mayLoad(details.url, rules) }))
  })
}
