import type { Content, TableCell } from 'pdfmake/interfaces'
import type { DirectoryHousehold, DirectoryPerson } from '../../db/print'
import type { PrintDocument } from './pdf'
import { headerCell, ruledLayout } from './pdf'
import { addressFor, dietaryFor, emailFor, nameFor, notesFor, phonesFor, type Profile } from './profile'
import { dietaryWords } from '../contract/values'
import { parseDietary } from './words'

function ownAddress(p: DirectoryPerson): boolean {
  return [p.address_line1, p.address_line2, p.city, p.region, p.postal_code, p.country].some((v) => v?.trim())
}

// Each cell is one text node of inline runs rather than a stack of nodes: a 1,000-person directory lays out
// several times faster, and it reads the same.
type Run = Exclude<Content, string> & { text: string }

/** Diet and notes under a person's name, as the profile allows. */
function personDetails(profile: Profile, p: DirectoryPerson): Run[] {
  const runs: Run[] = []
  const dietary = dietaryFor(profile, dietaryWords(parseDietary(p.dietary)), p.dietary_notes)
  if (dietary.length) runs.push({ text: `\nDiet: ${dietary.join(', ')}`, fontSize: 8.5, italics: true })
  for (const note of notesFor(profile, p.notes)) {
    if (note.confidential) runs.push({ text: '\nConfidential: ', bold: true, fontSize: 8.5, color: '#a30000' }, { text: note.body, fontSize: 8.5, color: '#a30000' })
    else runs.push({ text: `\n${note.body}`, fontSize: 8.5, color: '#333333' })
  }
  return runs
}

function householdRow(profile: Profile, h: DirectoryHousehold): TableCell[] {
  const single = h.id === null
  const names: Run[] = [{ text: single ? nameFor(profile, h.people[0]!) : h.display_name, bold: true }]
  for (const p of h.people) {
    if (!single) names.push({ text: `\n${nameFor(profile, p)}` })
    names.push(...personDetails(profile, p))
  }

  const address = addressFor(profile, h)
  for (const p of h.people) {
    if (!ownAddress(p)) continue
    const lines = addressFor(profile, p)
    if (lines.length) address.push(single ? lines.join('\n') : `${nameFor(profile, p)}: ${lines.join(', ')}`)
  }

  const contact: string[] = phonesFor(profile, [h.home_phone]).map((phone) => `Home: ${phone}`)
  for (const p of h.people) {
    const phones = phonesFor(profile, [p.mobile_phone, p.other_phone])
    const email = emailFor(profile, p.email)
    if (!phones.length && !email) continue
    const who = h.people.length > 1 ? `${nameFor(profile, p)}: ` : ''
    contact.push(`${who}${[...phones, ...(email ? [email] : [])].join(', ')}`)
  }
  return [{ text: names }, { text: address.join('\n') }, { text: contact.join('\n') }]
}

/** The member directory, a household a row: names, address, phones and email, as the profile allows. */
export function directoryDocument(profile: Profile, households: DirectoryHousehold[]): PrintDocument {
  const people = households.reduce((n, h) => n + h.people.length, 0)
  const subtitle = `${households.length} ${households.length === 1 ? 'household' : 'households'}, ${people} ${people === 1 ? 'person' : 'people'}`
  if (profile === 'noticeboard') {
    const body: TableCell[][] = [[headerCell('Household')]]
    for (const h of households) body.push([{ text: h.people.map((p) => nameFor(profile, p)).join(', ') }])
    return {
      title: 'Member directory',
      subtitle,
      profile,
      content: [{ table: { headerRows: 1, dontBreakRows: true, widths: ['*'], body }, layout: ruledLayout }],
    }
  }
  const body: TableCell[][] = [[headerCell('Household'), headerCell('Address'), headerCell('Phone and email')]]
  for (const h of households) body.push(householdRow(profile, h))
  return {
    title: 'Member directory',
    subtitle,
    profile,
    content: [{ table: { headerRows: 1, dontBreakRows: true, widths: ['36%', '30%', '34%'], body }, layout: ruledLayout }],
  }
}
