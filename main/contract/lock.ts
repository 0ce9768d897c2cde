import { z } from 'zod'
import { effect, read, write } from './define'

/** What the unlock screen and Settings know of the lock: nothing from inside the file but the congregation's name. */
export interface LockStatus {
  /** The congregation's file is encrypted with a passphrase. */
  encrypted: boolean
  /** Hearth is locked: every channel but these is refused until unlocked. */
  locked: boolean
  /** Kept beside the file in plain, so the unlock screen can greet the office it belongs to. */
  congregationName: string
  /** Minutes without a key press or click before Hearth locks itself. */
  idleMinutes: number
  /** Seconds before another passphrase is tried, after several wrong ones; 0 when it may be tried now. */
  waitSeconds: number
}

/** What setting the passphrase gives back once: the recovery key, shown on screen and on the printed sheet. */
export interface PassphraseSet {
  status: LockStatus
  recoveryKey: string
}

export const IDLE_MINUTES = { min: 1, max: 240, default: 10 } as const

const newPassphrase = z.string().min(8, 'validation.lock.passphraseShort').max(1024, 'validation.lock.passphraseLong')
const givenSecret = z.string().min(1, 'validation.lock.secretMissing').max(1024, 'validation.lock.passphraseLong')
const recoveryKey = z.string().regex(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/, 'validation.lock.recoveryKey')

export const lockContract = {
  'lock.status': read<LockStatus>({ whileLocked: true })(z.strictObject({})),
  /** Opens the file with the passphrase or the recovery key from the printed sheet. */
  'lock.unlock': write<LockStatus>({ recorded: false, whileLocked: true })(
    z.strictObject({ secret: givenSecret, with: z.enum(['passphrase', 'recoveryKey']) }),
  ),
  /** Closes the file and shows the unlock screen; what was being typed stays in the hidden window. */
  'lock.lockNow': write<LockStatus>({ recorded: false, whileLocked: true })(z.strictObject({})),
  /** Encrypts the file with a new passphrase and makes the recovery key that also opens it. */
  'lock.setPassphrase': write<PassphraseSet>({ recorded: false, inExample: false })(
    z.strictObject({ passphrase: newPassphrase, confirmation: z.string().max(1024) }).refine((v) => v.passphrase === v.confirmation, {
      message: 'validation.lock.confirmationDiffers',
      path: ['confirmation'],
    }),
  ),
  /** A new passphrase for the encrypted file; the recovery sheet stays valid. */
  'lock.changePassphrase': write<LockStatus>({ recorded: false, inExample: false })(
    z
      .strictObject({ current: givenSecret, passphrase: newPassphrase, confirmation: z.string().max(1024) })
      .refine((v) => v.passphrase === v.confirmation, { message: 'validation.lock.confirmationDiffers', path: ['confirmation'] }),
  ),
  /** Writes the file back in plain: anyone at this PC can then open Hearth. */
  'lock.removePassphrase': write<LockStatus>({ recorded: false, inExample: false })(z.strictObject({ current: givenSecret })),
  'lock.setIdleMinutes': write<LockStatus>({ recorded: false, inExample: false })(
    z.strictObject({ minutes: z.number().int().min(IDLE_MINUTES.min, 'validation.lock.idleRange').max(IDLE_MINUTES.max, 'validation.lock.idleRange') }),
  ),
  /** The recovery sheet for the key just made, as a PDF (base64) to preview. The key is never stored in plain. */
  'lock.recoverySheet': read<{ pdfBase64: string }>()(z.strictObject({ recoveryKey })),
  'lock.printRecoverySheet': effect<{ printed: boolean }>()(z.strictObject({ recoveryKey })),
}
