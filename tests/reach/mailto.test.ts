import { describe, expect, it } from 'vitest'
import { assertMailto, MAX_EMAIL_BATCHES, planEmail, SAFE_MAILTO_LENGTH } from '../../main/reach/mailto'
import { countryForLocale, internationalForm } from '../../main/reach/phones'

/** Addresses as long as a real list holds: long names, plus-tags, hyphenated domains. */
function addresses(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `firstname.lastname-${i}+church@mail-${i % 9}.example.co.uk`)
}

/** Addresses of an everyday length (about 25 characters). */
function everyday(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `ann.lee${i}@example.org`)
}

function bccOf(link: string): string[] {
  return new URL(link).searchParams.get('bcc')!.split(',')
}

describe('Write an email never builds a link a mail program cannot open', () => {
  it('1 address: one message', () => {
    const plan = planEmail(addresses(1))
    expect(plan).toEqual({ kind: 'open', links: ['mailto:?bcc=firstname.lastname-0%2Bchurch@mail-0.example.co.uk'] })
  })

  it.each([
    [80, addresses(80)],
    [200, everyday(200)],
  ])('%i addresses: several messages, each link short enough, everyone once and in order', (_n, list) => {
    const plan = planEmail(list)
    if (plan.kind !== 'open') throw new Error(`expected messages, got ${plan.kind}`)
    expect(plan.links.length).toBeGreaterThan(1)
    expect(plan.links.length).toBeLessThanOrEqual(MAX_EMAIL_BATCHES)
    for (const link of plan.links) {
      expect(link.length).toBeLessThanOrEqual(SAFE_MAILTO_LENGTH)
      expect(() => assertMailto(link)).not.toThrow()
    }
    expect(plan.links.flatMap(bccOf)).toEqual(list)
  })

  it('1,000 addresses (or 200 of the longest): too many messages, so the addresses are copied one a line instead', () => {
    for (const list of [everyday(1000), addresses(1000), addresses(200)]) expect(planEmail(list)).toEqual({ kind: 'copy', text: list.join('\n') })
  })

  it('leaves out what is not a plain address, and copies one address too long for any link', () => {
    expect(planEmail(['ann@example.org', 'x@y.org?cc=spy@evil.org', 'a b@c.org'])).toEqual({ kind: 'open', links: ['mailto:?bcc=ann@example.org'] })
    const long = `${'a'.repeat(1950)}@example.org`
    expect(planEmail([long])).toEqual({ kind: 'copy', text: long })
  })
})

describe('mobile numbers in the form that dials from anywhere', () => {
  it('reads numbers as typed in the congregation’s country', () => {
    const gb = countryForLocale('en-GB')
    expect(gb).toBe('GB')
    for (const typed of ['07700 900001', '+44 (0)7700 900001', '0044-7700-900001', '+44 7700 900001', '(07700) 900-001']) expect(internationalForm(typed, gb), typed).toBe('+447700900001')
    expect(internationalForm('+1 (217) 555-0101', gb)).toBe('+12175550101')
    expect(internationalForm('(217) 555-0101', countryForLocale('en-US'))).toBe('+12175550101')
    expect(internationalForm('0171 2345678', countryForLocale('de-DE'))).toBe('+491712345678')
    expect(internationalForm('06 12 34 56 78', countryForLocale('fr'))).toBe('+33612345678')
    expect(internationalForm('050 123 4567', countryForLocale('ar-AE'))).toBe('+971501234567')
  })

  it('gives null for what is not a number there, so it is kept as typed', () => {
    expect(internationalForm('ask at the door', 'GB')).toBeNull()
    expect(internationalForm('123', 'GB')).toBeNull()
    expect(internationalForm('07700 900001', undefined)).toBeNull()
    expect(countryForLocale('xx-invalid-')).toBeUndefined()
  })
})
