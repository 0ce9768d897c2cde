import { HearthError } from '../contract/errors'

// "Write an email" hands a mailto: link to the operating system. Anything handed to the OS opens whatever program
// claims it, so main builds the link itself and refuses to open anything that is not a plain mailto.

/** A plain address: no spaces, commas, angle brackets or anything a mail program could read as a second field. */
const ADDRESS = /^[^\s@,;<>()"\\?&=#%]+@[^\s@,;<>()"\\?&=#%]+\.[^\s@,;<>()"\\?&=#%.]+$/

export function isPlainAddress(email: string): boolean {
  return ADDRESS.test(email.trim())
}

/** "mailto:?bcc=a%40x.org,b%40y.org" (RFC 6068): everyone in BCC, so nobody's address is shown to the others. */
export function mailtoBcc(addresses: readonly string[]): string {
  const list = addresses.map((a) => a.trim()).filter(isPlainAddress)
  return `mailto:?bcc=${list.map(encodeURIComponent).join(',')}`
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
