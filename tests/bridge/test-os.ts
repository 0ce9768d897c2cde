import type { FileFilter, OsEdge } from '../../main/os'
import { assertMailto } from '../../main/reach/mailto'

/**
 * The OS edge for tests and dev:browser: pickers answer with paths a test queued (or null, as if cancelled),
 * and printing records the PDF instead of opening a print dialog. Everything behind it stays real.
 */
export class TestOs implements OsEdge {
  locale: string
  userDataDir: string
  readonly folderAnswers: (string | null)[] = []
  readonly openAnswers: (string | null)[] = []
  readonly saveAnswers: (string | null)[] = []
  readonly printed: { pdf: Uint8Array; jobName: string }[] = []
  /** Everything put on the clipboard, latest last. */
  readonly copied: string[] = []
  /** mailto: links handed to the mail program. */
  readonly mailed: string[] = []
  readonly asked: { kind: 'folder' | 'open' | 'save'; title: string; filters?: FileFilter[] }[] = []
  private readonly screenLockListeners: (() => void)[] = []

  constructor(userDataDir: string, locale = 'en-GB') {
    this.userDataDir = userDataDir
    this.locale = locale
  }

  async chooseFolder({ title }: { title: string }) {
    this.asked.push({ kind: 'folder', title })
    return this.folderAnswers.shift() ?? null
  }

  async chooseFileToOpen({ title, filters }: { title: string; filters: FileFilter[] }) {
    this.asked.push({ kind: 'open', title, filters })
    return this.openAnswers.shift() ?? null
  }

  async chooseFileToSave({ title, filters }: { title: string; defaultName: string; filters: FileFilter[] }) {
    this.asked.push({ kind: 'save', title, filters })
    return this.saveAnswers.shift() ?? null
  }

  async printPdf(pdf: Uint8Array, jobName: string) {
    this.printed.push({ pdf, jobName })
    return true
  }

  async copyText(text: string) {
    this.copied.push(text)
  }

  onScreenLock(listener: () => void) {
    this.screenLockListeners.push(listener)
  }

  /** What Electron's powerMonitor reports when the volunteer presses Windows+L or the laptop goes to sleep. */
  lockScreen() {
    for (const listener of this.screenLockListeners) listener()
  }

  // The same check as Electron's edge, so a test proves what the app would refuse.
  async openMailto(url: string) {
    assertMailto(url)
    this.mailed.push(url)
  }
}
