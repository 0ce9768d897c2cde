import type { Content, TableCell } from 'pdfmake/interfaces'
import type { CallDuty, CallList, CallPerson } from '../../contract/reach'
import { formatDay, formatDayRange, formatTimeRange } from '../engine/dates'
import { headerCell, ruledLayout, type PrintDocument } from '../engine/pdf'
import type { Profile } from './profile'
import { say } from '../../i18n/say'

function when(d: Pick<CallDuty, 'date' | 'from' | 'to'>, locale: string): string {
  return d.from && d.to ? `${formatDay(d.date, locale)}\n${formatTimeRange(d.from, d.to, locale)}` : formatDay(d.date, locale)
}

function phones(p: CallPerson, locale: string): string {
  return (
    [p.mobile && say(locale, 'printed.callList.mobile', { number: p.mobile }), p.homePhone && say(locale, 'printed.callList.home', { number: p.homePhone }), p.otherPhone && say(locale, 'printed.callList.other', { number: p.otherPhone })]
      .filter(Boolean)
      .join('\n') || say(locale, 'printed.callList.noPhone')
  )
}

/**
 * The call round on paper: a box to tick for each duty, who they are and how they like to be contacted, and what
 * they have promised. Then who needs a substitute, and the gaps to fill on the same calls. It names people with
 * their phones, so it is printed for helpers, never for the noticeboard.
 */
export function callListDocument(profile: Profile, list: CallList, locale: string): PrintDocument {
  const body: TableCell[][] = [[headerCell(say(locale, 'printed.callList.reminded')), headerCell(say(locale, 'printed.callList.person')), headerCell(say(locale, 'printed.callList.promised')), headerCell(say(locale, 'printed.col.when')), headerCell(say(locale, 'printed.callList.where'))]]
  for (const p of list.people) {
    p.duties.forEach((d, i) => {
      const first = i === 0
      body.push([
        // An empty box to tick by pen on the round; "Yes" where the tick was already given in Hearth.
        { text: d.reminded ? say(locale, 'printed.callList.yes') : '', alignment: 'center' },
        first
          ? {
              stack: [
                { text: p.name, bold: true },
                { text: phones(p, locale), fontSize: 9 },
                ...(p.email ? [{ text: p.email, fontSize: 8.5 }] : []),
                ...(p.preferredContact ? [{ text: say(locale, 'printed.callList.prefers', { how: say(locale, `members.contact.${p.preferredContact}`) }), fontSize: 9, italics: true }] : []),
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
    content.push({ text: say(locale, 'printed.callList.nobody'), italics: true })
  }
  if (list.substitutes.length) {
    content.push({ text: say(locale, 'printed.callList.substitutes'), fontSize: 13, bold: true, margin: [0, 14, 0, 4] })
    const subs: TableCell[][] = [[headerCell(say(locale, 'printed.callList.whoAsked')), headerCell(say(locale, 'printed.callList.for')), headerCell(say(locale, 'printed.col.when')), headerCell(say(locale, 'printed.callList.found'))]]
    for (const s of list.substitutes) subs.push([{ text: [s.name, s.phone ? `\n${s.phone}` : ''].join('') }, { text: s.duty.what }, { text: when(s.duty, locale) }, { text: '' }])
    content.push({ table: { headerRows: 1, dontBreakRows: true, widths: ['25%', '*', 80, '25%'], body: subs }, layout: ruledLayout })
  }
  if (list.gaps.length) {
    content.push({ text: say(locale, 'printed.callList.stillOpen'), fontSize: 13, bold: true, margin: [0, 14, 0, 4] })
    const gaps: TableCell[][] = [[headerCell(say(locale, 'printed.callList.what')), headerCell(say(locale, 'printed.col.when')), headerCell(say(locale, 'printed.callList.places')), headerCell(say(locale, 'printed.callList.takenBy'))]]
    for (const g of list.gaps) gaps.push([{ text: g.what }, { text: when(g, locale) }, { text: String(g.open), alignment: 'center' }, { text: '' }])
    content.push({ table: { headerRows: 1, dontBreakRows: true, widths: ['*', 80, 40, '25%'], body: gaps }, layout: ruledLayout })
  }
  const people = list.people.length
  return {
    title: say(locale, 'printed.callList.title'),
    subtitle: [formatDayRange(list.from, list.to, locale), say(locale, 'printed.callList.toRemind', { count: people })].join(' · '),
    profile,
    content,
  }
}
