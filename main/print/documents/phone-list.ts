import type { TableCell } from 'pdfmake/interfaces'
import type { DirectoryHousehold } from '../../../db/print'
import type { PrintDocument } from '../engine/pdf'
import { headerCell, ruledLayout } from '../engine/pdf'
import { emailFor, listNameFor, phonesFor, type Profile } from './profile'
import { say } from '../../i18n/say'

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

/** One line a person, by family name: mobile, home phone and (for helpers) email. */
export function phoneListDocument(profile: Profile, households: DirectoryHousehold[], locale = 'en'): PrintDocument {
  const rows = households
    .flatMap((h) => h.people.map((p) => ({ p, home: h.home_phone })))
    .sort((a, b) => collator.compare(a.p.last_name, b.p.last_name) || collator.compare(a.p.preferred_name || a.p.first_name, b.p.preferred_name || b.p.first_name))
  const body: TableCell[][] = [[headerCell(say(locale, 'printed.col.name')), headerCell(say(locale, 'printed.phoneList.mobile')), headerCell(say(locale, 'printed.phoneList.home')), headerCell(say(locale, 'printed.phoneList.email'))]]
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
    title: say(locale, 'printed.phoneList.title'),
    subtitle: say(locale, 'printed.people', { count: rows.length }),
    profile,
    content: [{ table: { headerRows: 1, dontBreakRows: true, widths: ['30%', '20%', '20%', '30%'], body }, layout: ruledLayout }],
  }
}
