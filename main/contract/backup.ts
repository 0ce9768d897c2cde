import { z } from 'zod'
import { effect, read, write } from './define'

export interface BackupFileInfo {
  fileName: string
  encrypted: boolean
  bytes: number
  /** When the backup was made, read from its name (local time), as an ISO instant. */
  madeAt: string | null
}

export interface BackupStatus {
  folder: string | null
  /** False when the folder is set but cannot be reached now (the USB stick is not plugged in). */
  folderPresent: boolean
  lastBackupAt: string | null
  /** Hearth's own backups in the folder, newest first. */
  backups: BackupFileInfo[]
}

export interface BackupDone {
  folder: string
  fileName: string
  madeAt: string
  encrypted: boolean
  bytes: number
  /** Older backups deleted to keep the number the volunteer chose. */
  removed: string[]
}

export interface RestoreChoice {
  /** Stands for the chosen file in later calls; the page never handles the file's path. */
  token: string
  fileName: string
  encrypted: boolean
}

export interface BackupContentsView {
  /** When the backup was made (ISO instant), from inside the file, else from its name, else null. */
  madeAt: string | null
  schemaVersion: number
  people: number
  households: number
  mealTrains: number
  prayerCircles: number
}

export interface RestorePreview {
  fileName: string
  encrypted: boolean
  contents: BackupContentsView
  /**
   * True when every byte is proven unchanged since Hearth made it (its seal, or its encryption). False for a
   * backup from before seals: it passed every check Hearth can make, but a changed value cannot be ruled out.
   */
  verified: boolean
  /** True when the backup comes from an older Hearth and will be updated after restoring. */
  needsUpdate: boolean
}

export interface RestoreDone {
  fileName: string
  contents: BackupContentsView
  verified: boolean
  /** The copy of the data as it was just before the restore. */
  safetyCopyPath: string
}

const passphrase = z.string().min(8, 'validation.backup.passphraseShort').max(1024, 'validation.backup.passphraseLong')
const givenPassphrase = z.string().min(1, 'validation.backup.passphraseMissing').max(1024).nullish()
const chosenBackup = z.string().min(1, 'validation.backup.chooseFile').max(100)

export const backupContract = {
  'backup.status': read<BackupStatus>()(z.strictObject({})),
  /** Asks for the backup folder and remembers it; null when the person cancels. */
  'backup.chooseFolder': write<{ folder: string } | null>({ recorded: false, inExample: false })(z.strictObject({})),
  /** Backs up now to the remembered folder (asking for one first if none is set); null when they cancel that. */
  'backup.run': write<BackupDone | null>({ recorded: false, inExample: false })(z.strictObject({ passphrase: passphrase.nullish() })),
  /** Asks for the backup to restore (the OS file picker) and returns a token for it; null when they cancel. */
  'backup.chooseRestoreFile': effect<RestoreChoice | null>()(z.strictObject({})),
  'backup.inspect': read<RestorePreview>()(z.strictObject({ token: chosenBackup, passphrase: givenPassphrase })),
  'backup.restore': write<RestoreDone>({ recorded: false, inExample: false })(z.strictObject({ token: chosenBackup, passphrase: givenPassphrase })),
  /** The printable recovery sheet for a passphrase, as a PDF (base64) to preview. The passphrase is never stored. */
  'backup.recoverySheet': read<{ pdfBase64: string }>()(z.strictObject({ passphrase })),
  /** Sends the same sheet to the printer; false when the person cancels the print dialog. */
  'backup.printRecoverySheet': effect<{ printed: boolean }>()(z.strictObject({ passphrase })),
}
