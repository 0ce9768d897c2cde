import type { Content, TableCell } from 'pdfmake/interfaces'
import type { CallDuty, CallList, CallPerson } from '../contract/reach'
import { CONTACT_LABELS } from '../contract/values'
import { formatDay, formatDayRange, formatTimeRange } from './dates'
import { headerCell, ruledLayout, type PrintDocument } from './pdf'
import type { Profile } from './profile'

function when(d: Pick<CallDuty, 'date' | 'from' | 'to'>, locale: string): string {
  return d.from && d.to ? `${formatDay(d.date, locale)}\n${formatTimeRange(d.from, d.to, locale)}` : formatDay(d.date, locale)
}

function phones(p: CallPerson): string {
  return [p.mobile && `Mobile ${p.mobile}`, p.homePhone && `Home ${p.homePhone}`, p.otherPhone && `Other ${p.otherPhone}`].filter(Boolean).join('\n') || 'No phone number'
}

/**
 * The call round on paper: a box to tick for each duty, who they are and how they like to be contacted, and what
 * they have promised. Then who needs a substitute, and the gaps to fill on the same calls. It names people with
 * their phones, so it is printed for helpers, never for the noticeboard.
 */
export function callListDocument(profile: Profile, list: CallList, locale: string): PrintDocument {
  const body: TableCell[][] = [[headerCell('Reminded'), headerCell('Person'), headerCell('Promised'), headerCell('When'), headerCell('Where')]]
  for (const p of list.people) {
    p.duties.forEach((d, i) => {
      const first = i === 0
      body.push([
        // An empty box to tick by pen on the round; "Yes" where the tick was already given in Hearth.
        { text: d.reminded ? 'Yes' : '', alignment: 'center' },
        first
          ? {
              stack: [
                { text: p.name, bold: true },
                { text: phones(p), fontSize: 9 },
                ...(p.email ? [{ text: p.email, fontSize: 8.5 }] : []),
                ...(p.preferredContact ? [{ text: `Prefers: ${CONTACT_LABELS[p.preferredContact]}`, fontSize: 9, italics: true }] : []),
              ],
            }
          : { text: '' },
        { text: d.what },
        { text: when(d, locale) },
        { text: d.where ?? '', fontSize: 9 },
      ])
    })
  }
  const content: Content[] = []
  if (list.people.length) {
    content.push({ table: { headerRows: 1, dontBreakRows: true, widths: [52, '26%', '*', 80, '20%'], body }, layout: ruledLayout })
  } else {
    content.push({ text: 'Nobody has anything promised on these days.', italics: true })
  }
  if (list.substitutes.length) {
    content.push({ text: 'Needs a substitute', fontSize: 13, bold: true, margin: [0, 14, 0, 4] })
    const subs: TableCell[][] = [[headerCell('Who asked'), headerCell('For'), headerCell('When'), headerCell('Substitute found')]]
    for (const s of list.substitutes) subs.push([{ text: [s.name, s.phone ? `\n${s.phone}` : ''].join('') }, { text: s.duty.what }, { text: when(s.duty, locale) }, { text: '' }])
    content.push({ table: { headerRows: 1, dontBreakRows: true, widths: ['25%', '*', 80, '25%'], body: subs }, layout: ruledLayout })
  }
  if (list.gaps.length) {
    content.push({ text: 'Still open', fontSize: 13, bold: true, margin: [0, 14, 0, 4] })
    const gaps: TableCell[][] = [[headerCell('What'), headerCell('When'), headerCell('Places'), headerCell('Taken by')]]
    for (const g of list.gaps) gaps.push([{ text: g.what }, { text: when(g, locale) }, { text: String(g.open), alignment: 'center' }, { text: '' }])
    content.push({ table: { headerRows: 1, dontBreakRows: true, widths: ['*', 80, 40, '25%'], body: gaps }, layout: ruledLayout })
  }
  const people = list.people.length
  return {
    title: 'Call list',
    subtitle: [formatDayRange(list.from, list.to, locale), `${people} ${people === 1 ? 'person' : 'people'} to remind`].join(' · '),
    profile,
    content,
  }
}
