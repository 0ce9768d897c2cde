import type { TableCell } from 'pdfmake/interfaces'
import type { DirectoryHousehold } from '../../db/print'
import type { PrintDocument } from './pdf'
import { headerCell, ruledLayout } from './pdf'
import { emailFor, listNameFor, phonesFor, type Profile } from './profile'

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

/** One line a person, by family name: mobile, home phone and (for helpers) email. */
export function phoneListDocument(profile: Profile, households: DirectoryHousehold[]): PrintDocument {
  const rows = households
    .flatMap((h) => h.people.map((p) => ({ p, home: h.home_phone })))
    .sort((a, b) => collator.compare(a.p.last_name, b.p.last_name) || collator.compare(a.p.preferred_name || a.p.first_name, b.p.preferred_name || b.p.first_name))
  const body: TableCell[][] = [[headerCell('Name'), headerCell('Mobile'), headerCell('Home'), headerCell('Email')]]
  for (const { p, home } of rows) {
    const [mobile, other] = [phonesFor(profile, [p.mobile_phone]), phonesFor(profile, [p.other_phone, home])]
    body.push([
      { text: listNameFor(profile, p) },
      { text: mobile.join(', ') },
      { text: other.join(', ') },
      { text: emailFor(profile, p.email) ?? '' },
    ])
  }
  return {
    title: 'Phone list',
    subtitle: `${rows.length} ${rows.length === 1 ? 'person' : 'people'}`,
    profile,
    content: [{ table: { headerRows: 1, dontBreakRows: true, widths: ['30%', '20%', '20%', '30%'], body }, layout: ruledLayout }],
  }
}
