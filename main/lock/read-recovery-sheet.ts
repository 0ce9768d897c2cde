import type { Context } from '../context'
import { renderPdf } from '../print/engine/pdf'
import { getSettings } from '../common/read-settings'

/**
 * The one page kept in the office safe: the recovery key in large print, grouped as it is typed, and what to do
 * with it. Made on request and never saved; only the paper keeps the key.
 */
export async function recoverySheet(ctx: Context, recoveryKey: string): Promise<Uint8Array> {
  const settings = await getSettings(ctx)
  const groups = recoveryKey.split('-')
  return renderPdf(
    {
      title: 'Hearth recovery sheet',
      subtitle: settings.congregationName
        ? `For ${settings.congregationName}. Keep this sheet locked away, for example in the office safe.`
        : 'Keep this sheet locked away, for example in the office safe.',
      content: [
        { text: 'The recovery key that opens this congregation’s Hearth file is:', margin: [0, 12, 0, 8] },
        { text: `${groups.slice(0, 4).join('  ')}\n${groups.slice(4).join('  ')}`, fontSize: 24, bold: true, margin: [0, 0, 0, 6] },
        { text: 'It uses the digits 0–9 and the letters A–Z without I, L, O and U, so no letter can be mistaken for a digit.', fontSize: 11, margin: [0, 0, 0, 16] },
        { text: 'What it is for', bold: true, margin: [0, 0, 0, 4] },
        {
          ul: [
            'Hearth’s file on this computer is encrypted. It opens with the passphrase, or with this recovery key when the passphrase is forgotten.',
            'To use it: on Hearth’s locked screen choose “I have lost the passphrase: use the recovery sheet”, type the key above (dashes and capitals do not matter), then set a new passphrase in Settings.',
            'Changing the passphrase does not change this key; this sheet stays valid until the passphrase is removed and set again.',
            'If both the passphrase and this sheet are lost, nobody can open the data again — not the office, not the Hearth team.',
            'Anyone with this sheet and the computer can read the members’ details. Keep it locked away and never with the USB stick.',
          ],
        },
        { text: 'Printed by: ______________________     Date: ______________', margin: [0, 28, 0, 0] },
      ],
    },
    settings,
    ctx.os.locale,
  )
}
