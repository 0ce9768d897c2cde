import type { AddressColumns } from '../../../db/schema'
// Who a printout is for decides what it may show. Each concern is one small pure function, so a document never
// decides privacy on its own and the rules are tested in one place.

import type { PrintProfile } from '../../contract/print'
import { say } from '../../i18n/say'

/**
 * noticeboard: pinned where anyone can read it — first names and last initials, no address, phone, email or
 * health reason. volunteer: what a helper needs — full names, address, phone, allergies. coordinator: everything,
 * including confidential notes and coordinator-only prayer requests, and it says so on every page.
 */
export type Profile = PrintProfile

export interface NamedPerson {
  first_name: string
  last_name: string
  preferred_name: string | null
}

function firstNameOf(person: NamedPerson): string {
  return (person.preferred_name || person.first_name).trim()
}

// Made once: a segmenter is costly to create, and a sheet takes the initial of every name on it.
const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/** The first letter of a word, taken as a whole grapheme so "Ælfric" and "Żak" keep their letter. */
function initialOf(word: string): string {
  const [first] = GRAPHEMES.segment(word)
  return first ? `${first.segment.toLocaleUpperCase()}.` : ''
}

// Words that begin a family name without being its main part: "Ó Riain", "de la Cruz", "van der Berg", "Nic Aodha".
const PARTICLES = new Set(
  ['ó', 'o', 'ua', 'ní', 'nic', 'mac', 'mc', 'de', 'del', 'della', 'der', 'den', 'des', 'di', 'da', 'do', 'dos', 'das', 'du', 'la', 'le', 'van', 'von', 'ter', 'ten', 'al', 'el', 'bin', 'bint', 'ibn', 'ben', 'st', 'st.', 'saint'].map(
    (w) => w.normalize('NFC'),
  ),
)
const isParticle = (word: string) => PARTICLES.has(word.normalize('NFC').toLocaleLowerCase())

/**
 * The one initials rule for every printout: a family name's particles stay as written and its main part becomes its
 * initial, so "Ó Riain" is "Ó R." on a prayer sheet and in the directory alike, "de la Cruz" is "de la C." and
 * "Okafor" is "O.".
 */
export function surnameInitial(lastName: string): string {
  const words = lastName.trim().split(/\s+/).filter(Boolean)
  if (!words.length) return ''
  const main = words.findIndex((w) => !isParticle(w))
  // A name made of particle words alone ("De") is a name like any other.
  if (main === -1) return initialOf(words[words.length - 1]!)
  return [...words.slice(0, main), initialOf(words[main]!)].join(' ')
}

/** "Bea O." on the noticeboard, "Bea Okafor" elsewhere. */
export function nameFor(profile: Profile, person: NamedPerson): string {
  const first = firstNameOf(person)
  if (profile === 'noticeboard') return [first, surnameInitial(person.last_name)].filter(Boolean).join(' ')
  return [first, person.last_name.trim()].filter(Boolean).join(' ')
}

/**
 * A name stored as one piece of text (a volunteer typed in by hand): "Bea Okafor" becomes "Bea O." on the
 * noticeboard. The family name is taken to be the last word with any particles just before it, so
 * "Siobhán Ó Riain" becomes "Siobhán Ó R.", as it would from the member list. Words in lower case other than
 * particles mean a description ("Grace from the school run"), which is printed as written.
 */
export function nameTextFor(profile: Profile, fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean)
  if (profile !== 'noticeboard') return words.join(' ')
  if (words.length <= 1) return words[0] ?? ''
  // "Grace from the school run" is a description, not a family name: kept whole rather than cut to "Grace R.".
  if (words.slice(1).some((w) => !isParticle(w) && /^\p{Ll}/u.test(w))) return words.join(' ')
  let start = words.length - 1
  while (start > 1 && isParticle(words[start - 1]!)) start--
  return `${words[0]} ${surnameInitial(words.slice(start).join(' '))}`
}

/**
 * Who a meal train is for, by first names only on the noticeboard. With no member linked, only the first word of
 * the name is kept, and "The Okafor family" becomes "the family" rather than giving the surname away.
 */
export function recipientFor(profile: Profile, recipientName: string, people: NamedPerson[], locale = 'en'): string {
  if (profile !== 'noticeboard') return recipientName.trim()
  if (people.length) return joinNames(people.map(firstNameOf), locale)
  const first = recipientName.trim().split(/\s+/)[0] ?? ''
  return /^the$/i.test(first) ? say(locale, 'printed.meals.theFamily') : first
}

export function joinNames(names: string[], locale = 'en'): string {
  const list = names.filter(Boolean)
  if (list.length <= 1) return list[0] ?? ''
  // Other languages join a list their own way ("A, B und C", "A وB"); English keeps its one form everywhere.
  if (!/^en\b/i.test(locale)) return new Intl.ListFormat(locale, { type: 'conjunction' }).format(list)
  return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`
}

/** The name in a list sorted by family name: "Okafor, Bea"; the noticeboard keeps "Bea O.". */
export function listNameFor(profile: Profile, person: NamedPerson): string {
  if (profile === 'noticeboard') return nameFor(profile, person)
  const last = person.last_name.trim()
  return last ? `${last}, ${firstNameOf(person)}` : firstNameOf(person)
}

export type Address = AddressColumns

/**
 * The address as printed lines, or none on the noticeboard. The postcode is held together by no-break spaces
 * ("LS6\u00a03AA"): the layouts that wrap lines (./directory, ./labels) never split it, and print it with plain spaces.
 */
export function addressFor(profile: Profile, address: Address | null): string[] {
  if (profile === 'noticeboard' || !address) return []
  const postcode = address.postal_code?.trim().replace(/\s+/g, '\u00a0')
  const town = [address.city, address.region, postcode].map((s) => s?.trim()).filter(Boolean).join(' ')
  return [address.address_line1, address.address_line2, town, address.country].map((s) => s?.trim() ?? '').filter(Boolean)
}

/** Phone numbers are for helpers, never pinned to a public board. */
export function phonesFor(profile: Profile, phones: (string | null | undefined)[]): string[] {
  if (profile === 'noticeboard') return []
  return [...new Set(phones.map((p) => p?.trim() ?? '').filter(Boolean))]
}

export function emailFor(profile: Profile, email: string | null | undefined): string | null {
  if (profile === 'noticeboard') return null
  return email?.trim() || null
}

/** Why someone needs help (an illness, a birth, a bereavement) is for the coordinator alone. */
export function reasonFor(profile: Profile, reason: string | null | undefined): string | null {
  if (profile !== 'coordinator') return null
  return reason?.trim() || null
}

export interface Note {
  body: string
  confidential: boolean
}

/** Notes: none on the noticeboard, ordinary notes for volunteers, confidential ones only on the coordinator copy. */
export function notesFor(profile: Profile, notes: Note[]): Note[] {
  if (profile === 'noticeboard') return []
  if (profile === 'volunteer') return notes.filter((n) => !n.confidential)
  return notes
}

export interface PrayerRequest {
  body: string
  coordinatorOnly: boolean
}

/** Prayer requests marked for the coordinator only never leave the coordinator copy. */
export function requestsFor<R extends PrayerRequest>(profile: Profile, requests: R[]): R[] {
  if (profile === 'coordinator') return requests
  return requests.filter((r) => !r.coordinatorOnly)
}

/** Someone's own allergies and dietary needs in a directory: helpers need them, a noticeboard does not. */
export function dietaryFor(profile: Profile, needs: string[], notes: string | null | undefined): string[] {
  if (profile === 'noticeboard') return []
  return [...needs, ...(notes?.trim() ? [notes.trim()] : [])]
}
