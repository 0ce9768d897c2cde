import type { Content, TableCell } from 'pdfmake/interfaces'
import type { DayOfYear } from '../../../db/reach'
import { headerCell, ruledLayout, type PrintDocument } from '../engine/pdf'
import { nameFor, type Profile, recipientFor } from './profile'
import { say } from '../../i18n/say'

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

/** Day of the month, then name: 29 February stays on the 29th, whatever the year. */
function byDay(list: readonly DayOfYear[]): DayOfYear[] {
  return [...list].sort((a, b) => a.date.slice(-2).localeCompare(b.date.slice(-2)) || collator.compare(a.name, b.name))
}

/**
 * The month's birthdays and wedding anniversaries, by day. The noticeboard (and bulletin) copy gives the name and the
 * day only — never the year, so nobody's age is pinned to the wall — with names as every noticeboard copy has them
 * ("Grace M.", a couple by first names); the coordinator copy adds the year and full names.
 */
export function birthdaysDocument(profile: Profile, month: number, birthdays: DayOfYear[], anniversaries: DayOfYear[], locale = 'en'): PrintDocument {
  // The month on its own ("März", "مارس"), and a day of it as the language writes one ("3. März", "3 مارس").
  const monthName = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, month - 1, 1))
  const dayOf = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' })
  const withYear = profile === 'coordinator'
  const personName = (r: DayOfYear) => (r.people[0] ? nameFor(profile, r.people[0]) : r.name)
  const coupleName = (r: DayOfYear) => recipientFor(profile, r.name, r.people, locale)
  const table = (title: string, rows: DayOfYear[], nameOf: (r: DayOfYear) => string, empty: string): Content[] => {
    const body: TableCell[][] = [[headerCell(say(locale, 'printed.col.day')), headerCell(say(locale, 'printed.col.name')), ...(withYear ? [headerCell(say(locale, 'printed.birthdays.year'))] : [])]]
    for (const r of byDay(rows)) {
      body.push([{ text: dayOf.format(Date.UTC(2000, month - 1, Number(r.date.slice(-2)))) }, { text: nameOf(r) }, ...(withYear ? [{ text: r.date.startsWith('--') ? '' : r.date.slice(0, 4) }] : [])])
    }
    return [
      { text: title, fontSize: 13, bold: true, margin: [0, 8, 0, 4] },
      rows.length
        ? { table: { headerRows: 1, dontBreakRows: true, widths: withYear ? [90, '*', 60] : [90, '*'], body }, layout: ruledLayout }
        : { text: empty, italics: true },
    ]
  }
  return {
    title: say(locale, 'printed.birthdays.title', { month: monthName }),
    profile,
    content: [
      ...table(say(locale, 'printed.birthdays.birthdays'), birthdays, personName, say(locale, 'printed.birthdays.noBirthdays', { month: monthName })),
      ...table(say(locale, 'printed.birthdays.anniversaries'), anniversaries, coupleName, say(locale, 'printed.birthdays.noAnniversaries', { month: monthName })),
    ],
  }
}
