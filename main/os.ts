export interface FileFilter {
  name: string
  extensions: string[]
}

/**
 * Everything a handler needs from the operating system, as one small object. Electron supplies the real one
 * (main/electron-os.ts); the browser tests and dev:browser supply one that answers with paths they chose.
 */
export interface OsEdge {
  locale: string
  /** Where Hearth keeps its own files (database, safety copies). */
  userDataDir: string
  chooseFolder(options: { title: string; defaultPath?: string }): Promise<string | null>
  chooseFileToOpen(options: { title: string; filters: FileFilter[] }): Promise<string | null>
  chooseFileToSave(options: { title: string; defaultName: string; filters: FileFilter[] }): Promise<string | null>
  /** Sends a PDF to the system print dialog. Resolves false when the person cancels. */
  printPdf(pdf: Uint8Array, jobName: string): Promise<boolean>
  /** Puts plain text on the system clipboard (the renderer never touches the clipboard itself). */
  copyText(text: string): Promise<void>
  /** Opens the mail program with a mailto: link; anything other than a plain BCC mailto is refused. */
  openMailto(url: string): Promise<void>
  /** Calls `listener` whenever the computer's screen locks, it goes to sleep or the user session is switched away. */
  onScreenLock(listener: () => void): void
}
