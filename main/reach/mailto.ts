import { HearthError } from '../contract/errors'

// "Write an email" hands a mailto: link to the operating system. Anything handed to the OS opens whatever program
// claims it, so main builds the link itself and refuses to open anything that is not a plain mailto.

/** A plain address: no spaces, commas, angle brackets or anything a mail program could read as a second field. */
const ADDRESS = /^[^\s@,;<>()"\\?&=#%]+@[^\s@,;<>()"\\?&=#%]+\.[^\s@,;<>()"\\?&=#%.]+$/

export function isPlainAddress(email: string): boolean {
  return ADDRESS.test(email.trim())
}

/**
 * "mailto:?bcc=a@x.org,b@y.org" (RFC 6068): everyone in BCC, so nobody's address is shown to the others. An @ may
 * stand as it is in a mailto query; leaving it unescaped fits more people in a link.
 */
export function mailtoBcc(addresses: readonly string[]): string {
  const list = addresses.map((a) => a.trim()).filter(isPlainAddress)
  return `mailto:?bcc=${list.map((a) => encodeURIComponent(a).replace(/%40/g, '@')).join(',')}`
}

/**
 * The longest link handed over. Windows passes a link to the mail program through a command line that stops near
 * 2,048 characters, and Outlook cuts its own at about 2,000; below that every mail program opens it whole.
 */
export const SAFE_MAILTO_LENGTH = 1_900

/** More messages than this, one after another, is more windows than a volunteer can keep track of. */
export const MAX_EMAIL_BATCHES = 5

export type EmailPlan = { kind: 'open'; links: string[] } | { kind: 'copy'; text: string }

/**
 * How to write to everyone: one message when the link fits; otherwise several, each a link that fits, the list
 * cut in order; with more than MAX_EMAIL_BATCHES of them, the addresses go on the clipboard instead, one line each
 * for pasting into BCC.
 */
export function planEmail(addresses: readonly string[]): EmailPlan {
  const list = addresses.map((a) => a.trim()).filter(isPlainAddress)
  const links: string[] = []
  let batch: string[] = []
  for (const address of list) {
    if (batch.length > 0 && mailtoBcc([...batch, address]).length > SAFE_MAILTO_LENGTH) {
      links.push(mailtoBcc(batch))
      batch = []
    }
    batch.push(address)
  }
  if (batch.length > 0) links.push(mailtoBcc(batch))
  if (links.length > MAX_EMAIL_BATCHES || links.some((l) => l.length > SAFE_MAILTO_LENGTH)) return { kind: 'copy', text: list.join('\n') }
  return { kind: 'open', links }
}

/**
 * Throws unless `url` is a mailto: link with nothing but BCC addresses in it. Called by main right before the link
 * goes to the OS (main/electron-os.ts), whoever built it.
 */
export function assertMailto(url: string): void {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new HearthError('refused', 'errors.reach.notMailto')
  }
  const fieldsOk = [...parsed.searchParams.keys()].every((k) => k === 'bcc')
  const addressesOk = [...parsed.searchParams.values()].every((v) => v.split(',').every(isPlainAddress))
  if (parsed.protocol !== 'mailto:' || parsed.pathname !== '' || parsed.hash !== '' || !fieldsOk || !addressesOk || /[\s\u0000-\u001f]/.test(url)) {
    throw new HearthError('refused', 'errors.reach.notMailto')
  }
}
