import type { Content, TableCell } from 'pdfmake/interfaces'
import type { DirectoryHousehold, DirectoryPerson } from '../../db/print'
import type { PrintDocument } from './pdf'
import { headerCell, ruledLayout } from './pdf'
import { addressFor, dietaryFor, emailFor, nameFor, notesFor, phonesFor, type Profile } from './profile'
import { dietaryWords, parseDietary } from './words'

function ownAddress(p: DirectoryPerson): boolean {
  return [p.address_line1, p.address_line2, p.city, p.region, p.postal_code, p.country].some((v) => v?.trim())
}

/** Diet and notes under a person's name, as the profile allows. */
function personDetails(profile: Profile, p: DirectoryPerson): Content[] {
  const lines: Content[] = []
  const dietary = dietaryFor(profile, dietaryWords(parseDietary(p.dietary)), p.dietary_notes)
  if (dietary.length) lines.push({ text: `Diet: ${dietary.join(', ')}`, fontSize: 8.5, italics: true })
  for (const note of notesFor(profile, p.notes)) {
    lines.push({
      text: note.confidential ? [{ text: 'Confidential: ', bold: true }, note.body] : note.body,
      fontSize: 8.5,
      color: note.confidential ? '#a30000' : '#333333',
    })
  }
  return lines
}

function householdRow(profile: Profile, h: DirectoryHousehold): TableCell[] {
  const names: Content[] =
    h.id === null
      ? [{ text: nameFor(profile, h.people[0]!), bold: true }, ...personDetails(profile, h.people[0]!)]
      : [
          { text: h.display_name, bold: true },
          ...h.people.map((p): Content => ({ stack: [{ text: nameFor(profile, p) }, ...personDetails(profile, p)], margin: [8, 0, 0, 0] })),
        ]

  const address: Content[] = addressFor(profile, h).map((line) => ({ text: line }))
  for (const p of h.people) {
    if (!ownAddress(p)) continue
    const lines = addressFor(profile, p)
    if (lines.length) address.push({ text: h.id === null ? lines.join('\n') : `${nameFor(profile, p)}: ${lines.join(', ')}`, margin: [0, 2, 0, 0] })
  }

  const contact: Content[] = []
  for (const phone of phonesFor(profile, [h.home_phone])) contact.push({ text: `Home: ${phone}` })
  for (const p of h.people) {
    const phones = phonesFor(profile, [p.mobile_phone, p.other_phone])
    const email = emailFor(profile, p.email)
    if (!phones.length && !email) continue
    const who = h.people.length > 1 ? `${nameFor(profile, p)}: ` : ''
    contact.push({ text: `${who}${[...phones, ...(email ? [email] : [])].join(', ')}` })
  }
  return [{ stack: names }, { stack: address }, { stack: contact }]
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
