import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { LATEST_SCHEMA_VERSION } from '../../db/migrations'
import { readSettings, removeSettings, writeSettings } from '../../db/settings'
import { getSettings } from '../common/read-settings'
import { withDeadline } from '../common/read-picked-file'
import { chosenPath, issueToken } from '../common/read-picked-token'
import { makeBackup } from './write-backup'
import { backupMadeAtFromName } from './names'
import { folderRefusal } from './refusals'
import { discardPreparedRestore, examineBackup, isEncryptedFile, prepareRestore } from './write-restore'
import { newestFirst } from './rotation'
import { type BackupFs, folderExists } from './write-stick'
import { backupWorkDir } from './write-work-folder'
import type { Context, HandlersFor } from '../context'
import type { BackupDone, BackupFileInfo, backupContract } from '../contract/backup'
import { HearthError } from '../contract/errors'
import { renderPdf } from '../print/engine/pdf'

const BACKUP_FILTERS = [
  { name: 'Hearth backups', extensions: ['sqlite', 'hearthenc'] },
  { name: 'All files', extensions: ['*'] },
]

async function listBackups(folder: string): Promise<BackupFileInfo[]> {
  const ours = newestFirst(await readdir(folder).catch(() => [] as string[]))
  // Looked at asynchronously, so a stick that stops answering never freezes the window.
  return Promise.all(
    ours.map(async (b) => {
      const bytes = await stat(join(folder, b.fileName)).then(
        (st) => st.size,
        () => 0,
      )
      return { fileName: b.fileName, encrypted: b.encrypted, bytes, madeAt: backupMadeAtFromName(b.fileName) }
    }),
  )
}

// The backup folder is set here and nowhere else: only a folder the volunteer picked in the native dialog is
// ever written to (settings.update does not accept one).
async function chooseFolder(ctx: Context, title = 'Choose where to keep backups (usually your USB stick)'): Promise<string | null> {
  const current = (await getSettings(ctx)).backupFolder
  const folder = await ctx.os.chooseFolder({ title, ...(current ? { defaultPath: current } : {}) })
  if (folder) await writeSettings(ctx.db, { backupFolder: folder })
  return folder
}

/** The remembered folder when it is there; when it has gone (the stick is out), the volunteer confirms one again. */
async function confirmedFolder(ctx: Context): Promise<string | null> {
  const remembered = (await getSettings(ctx)).backupFolder
  if (remembered === null) return chooseFolder(ctx)
  if (folderExists(remembered)) return remembered
  const again = await chooseFolder(ctx, `Hearth cannot find ${remembered}. Plug in the USB stick, then choose the folder for backups again`)
  if (again === null) {
    throw new HearthError('refused', 'errors.backup.io.missing', { folder: remembered })
  }
  return again
}

function restorePath(ctx: Context, token: string): string {
  const path = chosenPath(ctx, 'backup-restore', token)
  if (!path) throw new HearthError('not_found', 'errors.backup.notOpen')
  return path
}

const fileNameOf = (path: string) => path.split(/[\\/]/).pop() ?? path

export interface BackupNowOptions {
  passphrase?: string | null
  /** Only tests replace the file-system layer, to fail part-way like a full or pulled-out stick. */
  fs?: BackupFs
  now?: Date
}

/** Backs up to the remembered folder. Used by "Back up now" and by the automatic backup when Hearth closes. */
export async function backupNow(ctx: Context, folder: string, options: BackupNowOptions = {}): Promise<BackupDone> {
  const settings = await getSettings(ctx)
  const result = await makeBackup({
      sqlite: ctx.sqlite,
      folder,
      keep: settings.backupKeep,
      workDir: backupWorkDir(ctx.databasePath),
      passphrase: options.passphrase ?? null,
      liveKey: ctx.lock.key,
      ...(options.fs ? { fs: options.fs } : {}),
      ...(options.now ? { now: options.now } : {}),
    })
  await writeSettings(ctx.db, { lastBackupAt: result.madeAt, lastBackupEncrypted: result.encrypted })
  return { folder, fileName: result.fileName, madeAt: result.madeAt, encrypted: result.encrypted, bytes: result.bytes, removed: result.removed }
}

const QUIT_BACKUP_TIMEOUT_MS = 120_000

// The passphrase typed for this run's backups, kept in memory only (never in the database), so the automatic
// backup when Hearth closes can lock its copy the same way.
const sessionPassphrases = new WeakMap<Context, string>()

/**
 * The automatic backup when Hearth closes: only when the volunteer turned it on and the folder is there (the stick
 * is plugged in). After an encrypted backup it never writes a plain copy: without the passphrase from this run it
 * makes no backup at all. Returns null when it made none.
 */
export async function backupOnQuit(ctx: Context, options: Omit<BackupNowOptions, 'passphrase'> & { timeoutMs?: number } = {}): Promise<BackupDone | null> {
  const settings = await getSettings(ctx)
  if (!settings.backupOnQuit || !settings.backupFolder || !folderExists(settings.backupFolder)) return null
  // An encrypted congregation's backups are always locked, whatever the last one was.
  const encrypted = (await readSettings(ctx.db)).lastBackupEncrypted === true || ctx.lock.key !== null
  const passphrase = encrypted ? (sessionPassphrases.get(ctx) ?? null) : null
  if (encrypted && !passphrase) return null
  // A stick that stops answering mid-write must not keep Hearth from closing: after the deadline it closes anyway,
  // and the unfinished .partial file is tidied by the next backup.
  const { timeoutMs = QUIT_BACKUP_TIMEOUT_MS, ...rest } = options
  const folder = settings.backupFolder
  return withDeadline(backupNow(ctx, folder, { ...rest, passphrase }), timeoutMs, () => folderRefusal(Object.assign(new Error('stopped answering'), { code: 'EIO' }), folder))
}

/**
 * The sheet kept in the office safe: the passphrase in large, unambiguous print and what to do with it. It is
 * made on request and never saved by Hearth; only the printed paper keeps the passphrase.
 */
async function recoverySheet(ctx: Context, passphrase: string): Promise<Uint8Array> {
  const settings = await getSettings(ctx)
  const spaced = [...passphrase].map((ch) => (ch === ' ' ? '·' : ch)).join(' ')
  return renderPdf(
    {
      title: 'Backup recovery sheet',
      subtitle: 'Keep this sheet locked away, for example in the office safe.',
      content: [
        { text: 'The passphrase for Hearth’s encrypted backups is:', margin: [0, 12, 0, 8] },
        { text: passphrase, fontSize: 22, bold: true, margin: [0, 0, 0, 6] },
        { text: `Letter by letter (· marks a space): ${spaced}`, fontSize: 12, margin: [0, 0, 0, 16] },
        { text: 'What it is for', bold: true, margin: [0, 0, 0, 4] },
        {
          ul: [
            'Hearth’s backups on the USB stick are locked with this passphrase. Without it, nobody can read them — not even to restore them.',
            'To restore: open Hearth, go to Backup, choose “Restore from a backup…”, pick the newest file on the stick, and type this passphrase exactly as written above.',
            'Anyone who has both this sheet and the USB stick can read the members’ details. Keep them apart, and keep this sheet locked away.',
            'If the passphrase changes, print a new sheet and destroy this one. Backups made before the change still need the old passphrase.',
          ],
        },
        { text: 'Written down by: ______________________     Date: ______________', margin: [0, 28, 0, 0] },
      ],
    },
    settings,
    ctx.os.locale,
  )
}

export const backupHandlers: HandlersFor<typeof backupContract> = {
  'backup.status': async (_input, ctx) => {
    const settings = await getSettings(ctx)
    const stored = await readSettings(ctx.db)
    const folder = settings.backupFolder
    const present = folder !== null && folderExists(folder)
    return {
      folder,
      folderPresent: present,
      lastBackupAt: typeof stored.lastBackupAt === 'string' ? stored.lastBackupAt : null,
      backups: present ? await listBackups(folder) : [],
    }
  },
  'backup.chooseFolder': async (_input, ctx) => {
    const folder = await chooseFolder(ctx)
    return folder ? { folder } : null
  },
  'backup.run': async (input, ctx) => {
    const folder = await confirmedFolder(ctx)
    if (!folder) return null
    const done = await backupNow(ctx, folder, { passphrase: input.passphrase ?? null })
    if (input.passphrase) sessionPassphrases.set(ctx, input.passphrase)
    return done
  },
  'backup.chooseRestoreFile': async (_input, ctx) => {
    const path = await ctx.os.chooseFileToOpen({ title: 'Choose the backup to restore', filters: BACKUP_FILTERS })
    if (!path) return null
    const encrypted = await isEncryptedFile(path)
    return { token: issueToken(ctx, 'backup-restore', path), fileName: fileNameOf(path), encrypted }
  },
  'backup.inspect': async (input, ctx) => {
    const path = restorePath(ctx, input.token)
    const examined = await examineBackup(path, input.passphrase ?? null, { livePath: ctx.databasePath })
    return {
      fileName: fileNameOf(path),
      encrypted: examined.encrypted,
      verified: examined.verified,
      contents: examined.contents,
      needsUpdate: examined.contents.schemaVersion < LATEST_SCHEMA_VERSION,
    }
  },
  'backup.restore': async (input, ctx) => {
    const path = restorePath(ctx, input.token)
    const prepared = await prepareRestore(path, backupWorkDir(ctx.databasePath), input.passphrase ?? null, { livePath: ctx.databasePath })
    // The folder for backups stays the one chosen on this computer: a restored file never brings its own.
    const backupFolder = (await getSettings(ctx)).backupFolder
    try {
      const { safetyCopyPath } = await ctx.replaceDatabase(prepared.localPath)
      await writeSettings(ctx.db, { backupFolder })
      // The live data is no backup: without the stamp, a safety copy made from it later is not taken for a backup
      // whose seal was cut off (seal.ts).
      await removeSettings(ctx.db, ['backupMadeAt'])
      return { fileName: fileNameOf(path), contents: prepared.contents, verified: prepared.verified, safetyCopyPath }
    } finally {
      discardPreparedRestore(prepared)
    }
  },
  'backup.recoverySheet': async (input, ctx) => ({ pdfBase64: Buffer.from(await recoverySheet(ctx, input.passphrase)).toString('base64') }),
  'backup.printRecoverySheet': async (input, ctx) => ({
    printed: await ctx.os.printPdf(await recoverySheet(ctx, input.passphrase), 'Hearth backup recovery sheet'),
  }),
}
